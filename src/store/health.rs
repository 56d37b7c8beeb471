//! What `/healthz` asks of the store: is the file still the one opened, does a real write
//! commit, are all the tables there, and is the database free of corrupt pages.
//!
//! Each check exists because the server once answered "ok" without it: a write transaction that
//! wrote nothing committed on a full disk and on a deleted file; a read of `sqlite_schema` went
//! on working with a table dropped or a page of another table corrupt.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use rusqlite::Connection;

use super::{Pending, Store, StoreError};

/// `PRAGMA quick_check` reads every page (about 10 ms for a 6 MB database): anyone may call
/// `/healthz`, so its answer is kept this long rather than computed per request.
const INTEGRITY_CHECKED_FOR: Duration = Duration::from_secs(60);

/// What the health check remembers between calls.
pub(super) struct HealthState {
    /// The tables the migrations made, in name order, read at open.
    tables: Vec<String>,
    /// When `quick_check` last ran and what it found wrong, if anything.
    integrity: Mutex<Option<(Instant, Option<String>)>>,
}

impl HealthState {
    /// Remembers the tables of the freshly migrated database.
    pub(super) fn new(connection: &Connection) -> Result<HealthState, StoreError> {
        Ok(HealthState {
            tables: table_names(connection)?,
            integrity: Mutex::new(None),
        })
    }
}

impl Store {
    /// Proves that a read connection answers, that no table is missing and (at most once a
    /// minute) that no page is corrupt. Blocking, like every read.
    pub fn health_check_read(&self) -> Result<(), StoreError> {
        let health = &self.inner.health;
        self.read(|connection| {
            let present = table_names(connection)?;
            let missing: Vec<&str> = (health.tables.iter())
                .filter(|table| present.binary_search(table).is_err())
                .map(String::as_str)
                .collect();
            if !missing.is_empty() {
                return Err(StoreError::Unhealthy(format!(
                    "the database has lost tables: {}",
                    missing.join(", ")
                )));
            }
            match integrity_problem(connection, health)? {
                Some(problem) => Err(StoreError::Unhealthy(format!(
                    "the database is corrupt: {problem}"
                ))),
                None => Ok(()),
            }
        })
    }

    /// Proves that the database file is still the one opened and that a write reaches it: the
    /// writer rewrites the one row of `health_checks` and commits.
    pub fn health_check_write(&self) -> Pending<()> {
        if let Err(lost) = self.inner.file.check() {
            return Pending::refused(lost);
        }
        let now_ms = jiff::Timestamp::now().as_millisecond();
        self.write_leaving_accounts(move |connection| {
            connection
                .prepare_cached(
                    "INSERT INTO health_checks (id, checked_at) VALUES (1, ?1)
                     ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
                )?
                .execute([now_ms])?;
            Ok(())
        })
    }
}

/// The names of the database's own tables, sorted.
fn table_names(connection: &Connection) -> Result<Vec<String>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT name FROM sqlite_schema
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let names = statement.query_map([], |row| row.get(0))?;
    Ok(names.collect::<Result<_, _>>()?)
}

/// The first problem `PRAGMA quick_check` finds, from a run less than
/// [`INTEGRITY_CHECKED_FOR`] old when there is one.
fn integrity_problem(
    connection: &Connection,
    health: &HealthState,
) -> Result<Option<String>, StoreError> {
    let mut last = health
        .integrity
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some((at, found)) = last.as_ref()
        && at.elapsed() < INTEGRITY_CHECKED_FOR
    {
        return Ok(found.clone());
    }
    let found =
        match connection.query_row("PRAGMA quick_check(1)", [], |row| row.get::<_, String>(0)) {
            Ok(verdict) if verdict == "ok" => None,
            Ok(problem) => Some(problem),
            // A page so broken that SQLite refuses to read it says the same.
            Err(error) => Some(error.to_string()),
        };
    *last = Some((Instant::now(), found.clone()));
    Ok(found)
}
