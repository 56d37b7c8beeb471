//! The SQLite store: the only module with SQL. Domain types go in and come out.
//!
//! [`Store::open`] creates the database if needed, sets the pragmas (WAL, foreign keys, a busy
//! timeout, the chosen `synchronous`), applies the migrations and starts the writer thread.
//!
//! - Writes go through the `writer`: one thread, one connection, group commit. Write methods
//!   return a [`Pending`] answer: `.await` it in async code, [`Pending::wait`] in the CLI.
//! - Reads go through the `readers` pool of read-only connections and are synchronous. The web
//!   layer runs the short ones (a few index lookups: the session, the study page) inline on its
//!   async workers and the rest (dashboards, exports) in `web::block`.
//!
//! The queries live by job, one folder per group (each folder's `mod.rs` lists its files):
//!
//! - [`accounts`]: users and sessions, the admin's work on accounts, settings and the audit log,
//!   the one-time set-up link, a user's data download.
//! - [`study`]: the next card, recording an answer, changing its grade, progress figures.
//! - [`sets`]: importing set files (with a diff against what is stored), listing sets, uploading
//!   and publishing them in the browser.
//! - [`classes`]: classes and their join codes, sets assigned to a class, who sees a set.
//! - [`teaching`]: a class's dashboard, item analysis, "I was right" claims and the rulings on
//!   them, the review log and the CSV exports, and the one definition of a right answer that
//!   every figure, the student's own included, shares.
//!
//! Beside them, the machinery: the `writer`, the `readers`, the `checkpoints` thread, `migrate`,
//! `watch` (is the file still the one opened), `health` (what `/healthz` asks), `backup`,
//! `columns` (ids and days as column values) and `error`. [`seed`] makes big made-up
//! databases for the benchmarks and tests; the server never uses it.

pub mod accounts;
mod backup;
pub(crate) use backup::partial_path;
mod checkpoints;
pub mod classes;
mod columns;
mod error;
mod health;
mod migrate;
mod readers;
pub mod seed;
pub mod sets;
pub mod study;
pub mod teaching;
mod watch;
mod writer;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use accounts::admin::{AccountRefusal, UserListing};
pub use accounts::privacy::UserData;
pub use accounts::sessions::Session;
pub use accounts::settings::{AuditEntry, RegistrationMode};
pub use accounts::setup::SetupLinkInvalid;
pub use accounts::users::{Role, User};
pub use backup::backup_file;
pub use classes::assignments::Assignment;
pub use classes::class::{
    AssignedSet, ClassDetail, ClassId, ClassName, ClassNameError, ClassSummary, JoinedClass,
    Member, Teacher,
};
pub use classes::join_code::{JoinCode, JoinCodeError};
pub use classes::visibility::{TeachableSet, Visibility, VisibilityError};
pub use columns::{CardRow, UserId};
pub use error::StoreError;
pub use migrate::{SCHEMA_VERSION, schema_version_at};
pub use sets::import::ImportReport;
pub use sets::listing::{SetInfo, SetSummary};
pub use sets::uploads::SetOwnership;
pub use study::grades::{RecordedAnswer, Regrade, RegradeRefusal};
pub use study::next_card::{NextCard, NextInSet, Queue, StoredCard};
pub use study::reviews::{NewReview, RecordedReview};
pub use study::stats::{DayForecast, DaySummary, ProgressReport, SetProgress, Stages, TagMastery};
pub use teaching::analysis::{Audience, CardAnalysis, ClassRef, SetHeader, WrongAnswer};
pub use teaching::dashboards::{
    ClassFigures, ClassHeader, ClassSet, StudentFigures, StudyFigures, TagFigures,
};
pub use teaching::disputes::{
    ClaimNotice, ClaimStanding, Decided, DecidedDispute, Decider, Dispute, Refusal, Ruling, Undone,
};
pub use teaching::export::{LogEntry, LogPage, LogScope};
pub use writer::Pending;

// Modules the rest of the crate names by their path from before the groups
// (`store::grades`, `store::disputes`, `store::export`).
pub use study::grades;
pub use teaching::{disputes, export};

use accounts::session_cache::SessionCache;
use checkpoints::Checkpoints;
use health::HealthState;
use readers::Readers;
use watch::{DatabaseFile, Watch};
use writer::Writer;

/// How long a connection waits for a lock before giving up with "database is busy".
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// The writer's page cache, in KiB (SQLite's default is 2,000). 16 MiB measured no faster in the
/// load benchmark than 8 MiB, and cost 9 MB of RSS.
const WRITER_CACHE_KIB: i64 = 8 * 1024;
/// Each reader's page cache, in KiB. Every commit empties the caches of the readers, so under
/// load a bigger one would hold little: memory is better spent on the writer's.
const READER_CACHE_KIB: i64 = 1024;
/// Each connection keeps this many prepared statements; the store has fewer distinct queries.
const STATEMENT_CACHE: usize = 64;
/// When the WAL starts over, SQLite cuts its file back to this size (it reuses the file rather
/// than shrinking it otherwise): without it the file kept the 108-136 MB a busy hour had grown
/// it to, for a 2-6 MB database. Above the checkpoint thread's catch-up point
/// (`checkpoints::CATCH_UP_FRAMES`, 128 MiB): a WAL cut back below what a busy stretch writes
/// grows again commit by commit, which made the answers' p99 80-88 ms instead of 25-30 ms in
/// the load benchmark at 4 MiB (50 ms at 64 MiB). The idle TRUNCATE checkpoint empties it.
const JOURNAL_SIZE_LIMIT: i64 = 256 * 1024 * 1024;

/// SQLite's `synchronous` setting for the write connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Synchronous {
    /// Every commit survives a power cut.
    #[default]
    Full,
    /// Faster commits; a power cut may lose the last few (the database stays consistent).
    Normal,
}

impl Synchronous {
    fn pragma(self) -> &'static str {
        match self {
            Synchronous::Full => "FULL",
            Synchronous::Normal => "NORMAL",
        }
    }
}

/// Where the database lives and how it syncs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreConfig {
    pub path: PathBuf,
    pub synchronous: Synchronous,
}

impl StoreConfig {
    /// The database at `path`, with `synchronous = FULL`.
    pub fn new(path: impl Into<PathBuf>) -> StoreConfig {
        StoreConfig {
            path: path.into(),
            synchronous: Synchronous::default(),
        }
    }
}

/// The database. Cheap to clone: clones share the writer thread and the read pool.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    writer: Writer,
    readers: Readers,
    sessions: Arc<SessionCache>,
    /// The key review tokens are signed with (migration 0006 makes it).
    review_token_key: [u8; 32],
    /// The database file as opened; writes are refused once it is deleted or replaced.
    file: Arc<DatabaseFile>,
    health: HealthState,
    /// Held for their threads, which stop when the store is dropped.
    _checkpoints: Checkpoints,
    _watch: Watch,
}

impl Store {
    /// Opens (or creates) the database, brings its schema up to date and starts the writer.
    ///
    /// Fails with [`StoreError::DatabaseTooNew`] on a database written by a newer studyhall.
    pub fn open(config: &StoreConfig) -> Result<Store, StoreError> {
        let path = config.path.as_path();
        let opened = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let mut writer = Connection::open(path).map_err(opened)?;
        // Processes opening one database at the same moment (two servers, `serve` and `user
        // add`) take turns for the steps that write: SQLite answers BUSY at once, without
        // waiting, to a read that turns into a write while another does the same (switching a
        // new file to WAL, first inserts), to avoid a deadlock.
        migrate::while_opening(path, || configure_writer(&writer, config.synchronous))?
            .map_err(opened)?;
        // After the first write (WAL mode is stored in the file), so that a new file exists.
        let file = Arc::new(DatabaseFile::new(path));
        migrate::migrate(&mut writer, path)?;
        let (review_token_key, health) = migrate::while_opening(path, || {
            Ok::<_, StoreError>((
                secret(&writer, "review_token_key")?,
                HealthState::new(&writer)?,
            ))
        })??;

        // Readers open after the writer so that the file, and WAL mode, already exist.
        // Three per core: the server reads on each async worker (one per core) and on its
        // blocking threads (two per worker), so none of them waits for a connection.
        let reader_count = std::thread::available_parallelism()
            .map_or(3, |cores| cores.get() * 3)
            .clamp(3, 24);
        let readers = (0..reader_count)
            .map(|_| open_reader(path))
            .collect::<Result<Vec<_>, _>>()
            .map_err(opened)?;

        // The checkpoint thread checkpoints, not the writer (see `checkpoints`).
        writer
            .pragma_update(None, "wal_autocheckpoint", 0)
            .map_err(opened)?;
        let checkpoints =
            Checkpoints::spawn(open_checkpointer(path, config.synchronous).map_err(opened)?)?;
        let signal = checkpoints.signal();
        let sessions = Arc::new(SessionCache::default());
        let cache = Arc::clone(&sessions);
        let writer = Writer::spawn(
            writer,
            move || cache.committed(),
            move |connection| signal.committed(connection),
        )?;
        Ok(Store {
            inner: Arc::new(Inner {
                writer,
                readers: Readers::new(readers),
                sessions,
                review_token_key,
                _watch: Watch::spawn(Arc::clone(&file))?,
                file,
                health,
                _checkpoints: checkpoints,
            }),
        })
    }

    /// Copies the whole WAL into the database file and empties it, for a clean stop: what is
    /// left on disk is the database file alone (an empty `-wal` beside it).
    pub fn checkpoint_fully(&self) -> Result<(), StoreError> {
        let path = self.inner.file.path();
        let connection = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        connection.busy_timeout(BUSY_TIMEOUT)?;
        checkpoints::truncate(&connection)?;
        Ok(())
    }

    /// The server's key for signing review tokens: made once per database, kept in it.
    pub fn review_token_key(&self) -> [u8; 32] {
        self.inner.review_token_key
    }

    fn read<T>(
        &self,
        read: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.inner.readers.read(read)
    }

    /// Queues a write. It may change accounts or sessions: cached sessions are read again
    /// after it commits (see `session_cache`).
    fn write<T, F>(&self, work: F) -> Pending<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        if let Some(lost) = self.inner.file.refusal() {
            return Pending::refused(lost);
        }
        let sessions = Arc::clone(&self.inner.sessions);
        self.inner.writer.submit(move |connection| {
            sessions.accounts_may_change();
            work(connection)
        })
    }

    /// Queues a write that changes no user row and no existing session (recording an
    /// answer, opening a session), so cached sessions stay good.
    fn write_leaving_accounts<T, F>(&self, work: F) -> Pending<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        if let Some(lost) = self.inner.file.refusal() {
            return Pending::refused(lost);
        }
        self.inner.writer.submit(work)
    }
}

/// The server secret `name`: its first 32 bytes.
fn secret(connection: &Connection, name: &str) -> Result<[u8; 32], StoreError> {
    let value: Vec<u8> = connection.query_row(
        "SELECT value FROM server_secrets WHERE name = ?1",
        [name],
        |row| row.get(0),
    )?;
    value
        .get(..32)
        .and_then(|first| first.try_into().ok())
        .ok_or_else(|| StoreError::Corrupt(format!("the server secret {name:?} is too short")))
}

fn configure_writer(connection: &Connection, synchronous: Synchronous) -> rusqlite::Result<()> {
    // First: switching a new file to WAL takes a lock another process opening it at the same
    // moment may hold (two servers, `serve` and `user add`); wait for it rather than fail.
    connection.busy_timeout(BUSY_TIMEOUT)?;
    // WAL lets the readers go on while the writer writes; the setting is stored in the file.
    let mode: String =
        connection.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        tracing::warn!(%mode, "SQLite refused WAL mode: reads will wait for writes");
    }
    connection.pragma_update(None, "foreign_keys", true)?;
    connection.pragma_update(None, "synchronous", synchronous.pragma())?;
    connection.pragma_update(None, "journal_size_limit", JOURNAL_SIZE_LIMIT)?;
    // The writer's pages stay valid between its commits (a reader's cache is emptied by every
    // commit): a bigger cache saves it re-reading the index pages an answer changes.
    connection.pragma_update(None, "cache_size", -WRITER_CACHE_KIB)?;
    connection.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(())
}

/// The checkpoint thread's connection: it writes the database file, and syncs it as the
/// writer's `synchronous` says.
fn open_checkpointer(path: &Path, synchronous: Synchronous) -> rusqlite::Result<Connection> {
    let connection = Connection::open(path)?;
    connection.busy_timeout(BUSY_TIMEOUT)?;
    connection.pragma_update(None, "synchronous", synchronous.pragma())?;
    connection.pragma_update(None, "journal_size_limit", JOURNAL_SIZE_LIMIT)?;
    Ok(connection)
}

pub(super) fn open_reader(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let connection = Connection::open_with_flags(path, flags)?;
    connection.busy_timeout(BUSY_TIMEOUT)?;
    // Not SQLITE_OPEN_READ_ONLY: a read-only WAL reader cannot recover the -shm file after a
    // crash. query_only gives the same guarantee against writing by mistake.
    connection.pragma_update(None, "query_only", true)?;
    connection.pragma_update(None, "cache_size", -READER_CACHE_KIB)?;
    connection.pragma_update(None, "foreign_keys", true)?;
    connection.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(connection)
}
