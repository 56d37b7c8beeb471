//! `/healthz` tells the truth: 503, with the reason, when the database file is gone or
//! replaced, a table is missing or a page is corrupt; and a lost file refuses every write.

use std::path::Path;
use std::time::Duration;

use studyhall::store::{Store, StoreConfig};

use crate::common::spawn_app_on;
use crate::helpers::{Api, PASSWORD, assert_error};

fn assert_unavailable(api: &Api, because: &str) {
    let health = api.health();
    assert_eq!(health.status, 503, "{}", health.text);
    assert_eq!(health.body["status"], "unavailable");
    let error = health.body["error"].as_str().unwrap_or_default();
    assert!(error.contains(because), "{}", health.text);
}

#[test]
fn a_deleted_database_is_noticed_within_seconds_and_every_write_is_refused_with_503() {
    let api = Api::start();
    api.student("ada");
    std::fs::remove_file(&api.app.db_path).expect("the database file is deleted");
    // Nobody asks /healthz: the store's own watch must notice.
    std::thread::sleep(Duration::from_millis(2500));
    assert_error(&api.register("bob", PASSWORD), 503, "unavailable");
    assert_error(&api.login("ada", PASSWORD), 503, "unavailable");
    assert_unavailable(&api, "deleted");
}

#[test]
fn a_database_file_replaced_under_the_server_fails_the_health_check_at_once() {
    let api = Api::start();
    let copy = api.app.db_path.with_extension("copy");
    std::fs::copy(&api.app.db_path, &copy).expect("a copy");
    std::fs::rename(&copy, &api.app.db_path).expect("the copy replaces the file");
    assert_unavailable(&api, "replaced");
}

#[test]
fn a_dropped_table_fails_the_health_check_naming_the_table() {
    let api = Api::start();
    let other = rusqlite::Connection::open(&api.app.db_path).expect("the database opens");
    other
        .execute_batch("DROP TABLE claim_rulings")
        .expect("the table is dropped");
    assert_unavailable(&api, "claim_rulings");
}

#[test]
fn a_corrupt_page_fails_the_health_check() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let db_path = dir.path().join("studyhall.db");
    drop(Store::open(&StoreConfig::new(&db_path)).expect("the database is made"));
    corrupt_table(&db_path, "claim_rulings");
    let api = Api::on(spawn_app_on(dir, db_path));
    assert_unavailable(&api, "corrupt");
}

/// Writes garbage over the first page of `table`, with no server running.
fn corrupt_table(db: &Path, table: &str) {
    use std::io::{Seek, SeekFrom, Write};
    let connection = rusqlite::Connection::open(db).expect("the database opens");
    let page_size: i64 = connection
        .query_row("PRAGMA page_size", [], |row| row.get(0))
        .expect("a page size");
    let root: i64 = connection
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
            [table],
            |row| row.get(0),
        )
        .expect("the table's page");
    connection
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .expect("a checkpoint");
    drop(connection);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(db)
        .expect("the file opens");
    let offset = u64::try_from((root - 1) * page_size).expect("a page offset");
    file.seek(SeekFrom::Start(offset)).expect("a seek");
    file.write_all(&[0xAB; 64]).expect("garbage is written");
}

#[test]
fn an_idle_server_empties_its_wal() {
    let api = Api::start();
    api.student("ada");
    let wal = api.app.db_path.with_extension("db-wal");
    assert!(wal_bytes(&wal) > 0, "the writes went to the WAL");
    std::thread::sleep(Duration::from_millis(3500));
    assert_eq!(
        wal_bytes(&wal),
        0,
        "the WAL is emptied after 2 s without writes"
    );
}

fn wal_bytes(wal: &Path) -> u64 {
    std::fs::metadata(wal).map_or(0, |metadata| metadata.len())
}
