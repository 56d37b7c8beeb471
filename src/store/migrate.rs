//! Schema migrations: the flat `migrations/NNNN_name.sql` files, built into the binary and
//! applied at open, each in its own transaction. A database newer than this binary is refused
//! before anything touches it.
//!
//! Two processes may open a new database at once (two servers, or `serve` and `user add`).
//! rusqlite_migration reads the version before its transaction begins, so both would apply
//! 0001 and the second fail with "table users already exists". Migrating therefore happens
//! under an exclusive lock on the database's folder: the second process waits for the first,
//! reads the version again and finds the work done.

use std::fs::File;
use std::path::Path;

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use super::StoreError;

/// Declares [`MIGRATIONS`] and their file names, from the file names.
macro_rules! migrations {
    ($($file:literal),* $(,)?) => {
        /// Every migration, in order. Append only: a landed file is never edited.
        const MIGRATIONS: &[M<'static>] =
            &[$(M::up(include_str!(concat!("../../migrations/", $file)))),*];
        /// The file of each migration, for error messages.
        const NAMES: &[&str] = &[$($file),*];
    };
}

migrations![
    "0001_init.sql",
    "0002_classes.sql",
    "0003_study_indexes.sql",
    "0004_small_set_rows.sql",
    "0005_covering_due_index.sql",
    "0006_graded_reviews.sql",
    "0007_claim_rulings.sql",
    "0008_password_links.sql",
    "0009_health_checks.sql",
];

/// The schema version this binary writes: the number of migrations it knows.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// Every migration, for the tests that bring a database to an earlier version first.
#[cfg(test)]
pub(super) fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

/// Brings the database at `path` (open as `connection`) up to [`SCHEMA_VERSION`].
///
/// Each migration runs in a transaction of its own, so a failure leaves the database at the last
/// version that applied whole, and the error names the migration that did not.
pub(super) fn migrate(connection: &mut Connection, path: &Path) -> Result<(), StoreError> {
    if check_version(connection, path)? == SCHEMA_VERSION {
        return Ok(());
    }
    // Held until the end of this function; the version is read again under it, since another
    // process may have migrated while this one waited.
    let _lock = lock_folder_of(path)?;
    let found = check_version(connection, path)?;
    let migrations = Migrations::from_slice(MIGRATIONS);
    for version in found + 1..=SCHEMA_VERSION {
        migrations
            .to_version(connection, version)
            .map_err(|source| StoreError::Migration {
                name: NAMES[version - 1],
                version,
                reason: without_sql(source),
            })?;
        tracing::info!(
            version,
            migration = NAMES[version - 1],
            "migrated the database"
        );
    }
    Ok(())
}

/// Runs `step` holding the lock migrations take, for the steps of opening a database that
/// write to it (see `Store::open`).
pub(super) fn while_opening<T>(path: &Path, step: impl FnOnce() -> T) -> Result<T, StoreError> {
    let _lock = lock_folder_of(path)?;
    Ok(step())
}

/// SQLite's complaint alone: both rusqlite_migration's error and rusqlite's own carry the
/// whole text of the migration file.
fn without_sql(error: rusqlite_migration::Error) -> String {
    match error {
        rusqlite_migration::Error::RusqliteError { err, .. } => match err {
            rusqlite::Error::SqlInputError { msg, .. } => msg,
            rusqlite::Error::SqliteFailure(_, Some(message)) => message,
            other => other.to_string(),
        },
        other => other.to_string(),
    }
}

/// The database's version, refused when it is newer than this binary.
fn check_version(connection: &Connection, path: &Path) -> Result<usize, StoreError> {
    let found = user_version(connection)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::DatabaseTooNew {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(found)
}

/// An exclusive lock on the folder holding the database, released when dropped; `None` for an
/// in-memory database. The folder, not the file: closing a second descriptor of the database
/// file would release SQLite's own locks on it, and a lock file would be left lying about.
fn lock_folder_of(path: &Path) -> Result<Option<File>, StoreError> {
    if path == Path::new(":memory:") {
        return Ok(None);
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let locked = File::open(folder).and_then(|folder| folder.lock().map(|()| folder));
    locked
        .map(Some)
        .map_err(|source| StoreError::MigrationLock {
            folder: folder.to_path_buf(),
            source,
        })
}

/// The schema version of the database file at `path`, read without writing to it (the file is
/// opened read-only, so it is neither created nor migrated); `None` when there is no file.
pub fn schema_version_at(path: &Path) -> Result<Option<usize>, StoreError> {
    if !path.exists() {
        return Ok(None);
    }
    let connection = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(Some(user_version(&connection)?))
}

/// The schema version recorded in the database file (0 for a new file).
pub(super) fn user_version(connection: &Connection) -> Result<usize, StoreError> {
    let version: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    // A negative user_version was not written by studyhall; treat it as "newer than known".
    Ok(usize::try_from(version).unwrap_or(usize::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_applies_to_an_empty_database_one_at_a_time() {
        let migrations = Migrations::from_slice(MIGRATIONS);
        let mut connection = Connection::open_in_memory().unwrap();
        connection
            .pragma_update(None, "foreign_keys", true)
            .unwrap();
        for version in 1..=SCHEMA_VERSION {
            migrations.to_version(&mut connection, version).unwrap();
            assert_eq!(user_version(&connection).unwrap(), version);
        }
        migrations.validate().unwrap();
    }

    /// 0004 moves each set's file text to `set_files` and counts its live cards: a set
    /// imported under version 3 keeps its text, and the count matches its cards.
    #[test]
    fn version_4_keeps_a_sets_file_text_and_counts_its_live_cards() {
        let migrations = Migrations::from_slice(MIGRATIONS);
        let mut connection = Connection::open_in_memory().unwrap();
        migrations.to_version(&mut connection, 3).unwrap();
        connection
            .execute_batch(
                "INSERT INTO sets (id, slug, title, file_text) VALUES (7, 'history', 'History', 'the file');
                 INSERT INTO cards (set_id, slug, position, kind, prompt, body, retired) VALUES
                     (7, 'a', 0, 'text', 'A?', '{}', 0),
                     (7, 'b', 1, 'text', 'B?', '{}', 1),
                     (7, 'c', 2, 'text', 'C?', '{}', 0);",
            )
            .unwrap();
        migrations.to_version(&mut connection, 4).unwrap();
        let (text, live): (String, i64) = connection
            .query_row(
                "SELECT f.file_text, sets.live_cards FROM sets JOIN set_files AS f
                 ON f.set_id = sets.id WHERE sets.slug = 'history'",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .unwrap();
        assert_eq!((text.as_str(), live), ("the file", 2));
    }

    #[test]
    fn migrating_twice_changes_nothing() {
        let mut connection = Connection::open_in_memory().unwrap();
        migrate(&mut connection, Path::new(":memory:")).unwrap();
        migrate(&mut connection, Path::new(":memory:")).unwrap();
        assert_eq!(user_version(&connection).unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn every_table_is_strict() {
        let mut connection = Connection::open_in_memory().unwrap();
        migrate(&mut connection, Path::new(":memory:")).unwrap();
        let loose: Vec<String> = connection
            .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%'")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(loose.is_empty(), "tables without STRICT: {loose:?}");
    }

    #[test]
    fn a_database_from_a_newer_studyhall_is_refused_untouched() {
        let mut connection = Connection::open_in_memory().unwrap();
        let newer = i64::try_from(SCHEMA_VERSION).unwrap() + 1;
        connection
            .pragma_update(None, "user_version", newer)
            .unwrap();
        let error = migrate(&mut connection, Path::new("study.db")).unwrap_err();
        assert!(
            matches!(error, StoreError::DatabaseTooNew { found, known, .. } if found == SCHEMA_VERSION + 1 && known == SCHEMA_VERSION),
            "{error:?}"
        );
        assert!(error.to_string().contains("newer studyhall"), "{error}");
        assert_eq!(user_version(&connection).unwrap(), SCHEMA_VERSION + 1);
    }
}
