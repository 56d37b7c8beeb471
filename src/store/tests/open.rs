//! Opening: pragmas, migrations at open, refusing a newer database, reopening.

use rusqlite::Connection;

use super::{open_store, set};
use crate::store::{SCHEMA_VERSION, Store, StoreConfig, StoreError, Synchronous};

fn pragma(connection: &Connection, name: &str) -> String {
    connection
        .query_row(&format!("PRAGMA {name}"), [], |row| {
            row.get::<_, rusqlite::types::Value>(0)
        })
        .map(|value| match value {
            rusqlite::types::Value::Integer(number) => number.to_string(),
            rusqlite::types::Value::Text(text) => text,
            other => format!("{other:?}"),
        })
        .unwrap()
}

#[test]
fn a_new_database_is_in_wal_mode_with_foreign_keys_and_full_sync_on_the_writer() {
    let fixture = open_store();
    let (journal, foreign_keys, synchronous, busy) = fixture
        .store
        .write(|connection| {
            Ok((
                pragma(connection, "journal_mode"),
                pragma(connection, "foreign_keys"),
                pragma(connection, "synchronous"),
                pragma(connection, "busy_timeout"),
            ))
        })
        .wait()
        .unwrap();
    assert_eq!(journal, "wal");
    assert_eq!(foreign_keys, "1");
    assert_eq!(synchronous, "2", "FULL");
    assert_eq!(busy, "5000");
    assert_eq!(
        fixture.number("PRAGMA user_version", []),
        i64::try_from(SCHEMA_VERSION).unwrap()
    );
}

#[test]
fn synchronous_normal_can_be_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let config = StoreConfig {
        path: dir.path().join("normal.db"),
        synchronous: Synchronous::Normal,
    };
    let store = Store::open(&config).unwrap();
    let synchronous = store
        .write(|connection| Ok(pragma(connection, "synchronous")))
        .wait()
        .unwrap();
    assert_eq!(synchronous, "1", "NORMAL");
}

#[test]
fn read_connections_refuse_to_write() {
    let fixture = open_store();
    let attempt = fixture.store.read(|connection| {
        Ok(connection.execute(
            "INSERT INTO users (username, password_hash) VALUES ('x', 'y')",
            [],
        )?)
    });
    assert!(
        attempt.unwrap_err().to_string().contains("readonly"),
        "query_only is on"
    );
    assert_eq!(fixture.store.user_count().unwrap(), 0);
}

/// A read is one transaction: it sees one snapshot, and a read that fails or panics still
/// ends its transaction, so the connection serves the next reads.
#[test]
fn each_read_is_one_transaction_ended_however_the_read_ends() {
    let fixture = open_store();
    let in_transaction = fixture
        .store
        .read(|connection| Ok(!connection.is_autocommit()))
        .unwrap();
    assert!(in_transaction);
    // More rounds than the pool has connections, so each connection fails at least once.
    for _ in 0..32 {
        let failed: Result<(), StoreError> = fixture.store.read(|connection| {
            connection.query_row("SELECT * FROM no_such_table", [], |_| Ok(()))?;
            Ok(())
        });
        assert!(failed.is_err());
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            fixture
                .store
                .read(|_| -> Result<(), StoreError> { panic!("a read panics") })
        }));
        assert!(panicked.is_err());
        assert_eq!(fixture.store.user_count().unwrap(), 0);
    }
}

#[test]
fn a_database_from_a_newer_studyhall_is_refused_with_the_versions_named() {
    let dir = tempfile::tempdir().unwrap();
    let config = StoreConfig::new(dir.path().join("newer.db"));
    drop(Store::open(&config).unwrap());
    let newer = i64::try_from(SCHEMA_VERSION).unwrap() + 1;
    Connection::open(&config.path)
        .unwrap()
        .pragma_update(None, "user_version", newer)
        .unwrap();

    let Err(error) = Store::open(&config) else {
        panic!("a newer database was opened");
    };
    assert!(
        matches!(error, StoreError::DatabaseTooNew { found, known, .. }
            if found == SCHEMA_VERSION + 1 && known == SCHEMA_VERSION)
    );
    let message = error.to_string();
    assert!(
        message.contains("newer studyhall") && message.contains("newer.db"),
        "{message}"
    );
}

#[test]
fn what_was_written_is_there_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let config = StoreConfig::new(dir.path().join("reopen.db"));
    let store = Store::open(&config).unwrap();
    store
        .import_sets(vec![(set("history", &["a", "b"]), "text".into())])
        .wait()
        .unwrap();
    drop(store);

    let store = Store::open(&config).unwrap();
    let info = store
        .set_by_slug(&super::set_id("history"))
        .unwrap()
        .unwrap();
    assert_eq!(info.cards, 2);
    assert_eq!(
        store.set_file_text(&info.id).unwrap().as_deref(),
        Some("text")
    );
}

#[test]
fn the_health_checks_pass_on_a_working_store() {
    let fixture = open_store();
    fixture.store.health_check_read().unwrap();
    fixture.store.health_check_write().wait().unwrap();
}

#[test]
fn opening_a_path_in_a_missing_folder_fails_with_the_path_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("studyhall.db");
    let Err(error) = Store::open(&StoreConfig::new(&path)) else {
        panic!("opened a database in a missing folder");
    };
    assert!(matches!(error, StoreError::Open { .. }), "{error:?}");
    assert!(error.to_string().contains("no-such-folder"), "{error}");
}

/// Two servers, or `serve` and `user add`, starting together on a new database: each must
/// open it (the second waits for the first's migrations), none may fail with "table users
/// already exists".
#[test]
fn stores_opened_at_the_same_moment_on_a_new_database_all_open_it() {
    for _ in 0..8 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        let start = std::sync::Barrier::new(4);
        std::thread::scope(|scope| {
            let opening: Vec<_> = (0..4)
                .map(|_| {
                    scope.spawn(|| {
                        start.wait();
                        Store::open(&StoreConfig::new(&path)).map(drop)
                    })
                })
                .collect();
            for opened in opening {
                let opened = opened.join().unwrap();
                assert!(opened.is_ok(), "{}", opened.unwrap_err());
            }
        });
    }
}

#[test]
fn a_failed_migration_names_its_file_and_not_its_sql() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clash.db");
    let connection = Connection::open(&path).unwrap();
    connection
        .execute_batch("CREATE TABLE users (id INTEGER PRIMARY KEY)")
        .unwrap();
    drop(connection);
    let error = Store::open(&StoreConfig::new(&path)).err().unwrap();
    let message = error.to_string();
    assert!(message.contains("0001_init.sql"), "{message}");
    assert!(message.contains("already exists"), "{message}");
    assert!(!message.contains("CREATE TABLE"), "{message}");
}
