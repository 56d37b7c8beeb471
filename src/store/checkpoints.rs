//! WAL checkpoints, on a thread of their own.
//!
//! In WAL mode a commit appends pages to the `-wal` file; a checkpoint copies them back into
//! the database file and syncs it. SQLite's default runs the checkpoint inside the commit that
//! fills the WAL past 1,000 pages, on the writer thread: every answer queued behind that commit
//! waits for it (a third of the writer's time in the load benchmark's profile). Here the
//! writer's automatic checkpoint is off and this thread checkpoints instead, on its own
//! connection, while the writer goes on committing.
//!
//! A checkpoint running beside the writer never quite finishes the WAL (the writer appends
//! meanwhile), and SQLite only starts the WAL file over once every frame is copied. So when the
//! WAL has grown past [`CATCH_UP_FRAMES`], this thread copies until few frames are left and
//! asks the writer to copy those, between two of its commits; a following commit starts the
//! WAL over, once no reader still reads from the old frames.
//!
//! When no commit has come for [`IDLE`], the thread runs a `TRUNCATE` checkpoint: the WAL is
//! copied whole and its file cut to zero bytes, so a quiet server keeps no big WAL about (and a
//! copy of the database file taken then is whole on its own). A clean stop does the same
//! ([`truncate`], called by `Store::checkpoint_fully`).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use rusqlite::Connection;

use super::StoreError;

/// A WAL this long (frames of one page, 4 KiB each) is started over soon: 128 MiB. The
/// writer's catch-up pauses it for 8-22 ms (measured: it copies and syncs the database file),
/// so under a sustained load of answers it should come seldom, about once a second at the
/// load benchmark's rate; an idle moment starts the WAL over anyway.
const CATCH_UP_FRAMES: i64 = 32 * 1024;
/// A catch-up pass that copied no more than this many frames leaves the writer little to do.
const WRITER_CATCH_UP_FRAMES: i64 = 512;
/// Catch-up passes before the writer is asked regardless.
const MAX_PASSES: usize = 8;
/// After a checkpoint, commits gather for this long before the next one, so a page changed by
/// many commits is copied once.
const PACE: Duration = Duration::from_millis(20);
/// This long without a commit counts as idle. A `TRUNCATE` checkpoint holds the write lock while
/// it waits for readers, so it should not run between two answers of a busy class.
const IDLE: Duration = Duration::from_secs(2);

/// The checkpoint thread. Dropping it stops the thread after the checkpoint in progress.
pub(super) struct Checkpoints {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

/// What the writer tells the checkpoint thread, and what it is asked in return.
#[derive(Clone)]
pub(super) struct CommitSignal {
    shared: Arc<Shared>,
}

#[derive(Default)]
struct Shared {
    flags: Mutex<Flags>,
    wake: Condvar,
    /// The writer should run a checkpoint itself after its next commit.
    writer_catch_up: AtomicBool,
}

#[derive(Default)]
struct Flags {
    committed: bool,
    stopping: bool,
}

impl Checkpoints {
    /// Starts the thread; it owns `connection`, a connection to the database being written.
    pub(super) fn spawn(connection: Connection) -> Result<Checkpoints, StoreError> {
        let shared = Arc::new(Shared::default());
        let for_thread = Arc::clone(&shared);
        let thread = thread::Builder::new()
            .name("studyhall-checkpoint".into())
            .spawn(move || checkpoint_loop(&connection, &for_thread))
            .map_err(|_| StoreError::WriterStopped)?;
        Ok(Checkpoints {
            shared,
            thread: Some(thread),
        })
    }

    /// The writer's end.
    pub(super) fn signal(&self) -> CommitSignal {
        CommitSignal {
            shared: Arc::clone(&self.shared),
        }
    }
}

impl Drop for Checkpoints {
    fn drop(&mut self) {
        self.shared.flags().stopping = true;
        self.shared.wake.notify_one();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl CommitSignal {
    /// Called by the writer after each commit, outside any transaction.
    pub(super) fn committed(&self, connection: &Connection) {
        if self.shared.writer_catch_up.swap(false, Ordering::Relaxed)
            && let Err(error) = checkpoint(connection)
        {
            tracing::warn!(%error, "the writer could not checkpoint the WAL");
        }
        let mut flags = self.shared.flags();
        if !flags.committed {
            flags.committed = true;
            self.shared.wake.notify_one();
        }
    }
}

impl Shared {
    fn flags(&self) -> std::sync::MutexGuard<'_, Flags> {
        // The flags are two booleans: a panic cannot leave them half-changed.
        self.flags.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn checkpoint_loop(connection: &Connection, shared: &Shared) {
    // Whether commits came since the WAL was last emptied.
    let mut written = false;
    loop {
        {
            let mut flags = shared.flags();
            while !flags.committed && !flags.stopping {
                let (woken, waited) = shared
                    .wake
                    .wait_timeout(flags, IDLE)
                    .unwrap_or_else(PoisonError::into_inner);
                flags = woken;
                if waited.timed_out() && !flags.committed && written {
                    drop(flags);
                    match truncate(connection) {
                        Ok(()) => written = false,
                        Err(error) => tracing::warn!(%error, "could not empty the idle WAL"),
                    }
                    flags = shared.flags();
                }
            }
            if flags.stopping {
                return;
            }
            flags.committed = false;
        }
        written = true;
        if let Err(error) = checkpoint_and_catch_up(connection, shared) {
            tracing::warn!(%error, "could not checkpoint the WAL");
        }
        thread::sleep(PACE);
    }
}

/// Checkpoints; when the WAL is long, checkpoints again at once (each pass copies what was
/// committed during the one before, so the passes shrink) until a pass has little to copy, then
/// asks the writer to copy the last few frames: its pause stays short. After [`MAX_PASSES`] the
/// writer is asked anyway, so the WAL stays bounded even when commits outrun the passes.
fn checkpoint_and_catch_up(connection: &Connection, shared: &Shared) -> rusqlite::Result<()> {
    let mut pass = checkpoint(connection)?;
    for _ in 0..MAX_PASSES {
        if pass.frames < CATCH_UP_FRAMES {
            return Ok(());
        }
        let before = pass.copied;
        pass = checkpoint(connection)?;
        if pass.copied.saturating_sub(before) <= WRITER_CATCH_UP_FRAMES {
            break;
        }
    }
    if pass.frames >= CATCH_UP_FRAMES {
        shared.writer_catch_up.store(true, Ordering::Relaxed);
    }
    Ok(())
}

/// What a checkpoint reports (`PRAGMA wal_checkpoint`).
#[derive(Debug, Clone, Copy)]
struct Pass {
    /// Frames in the WAL.
    frames: i64,
    /// Of those, frames copied into the database file so far.
    copied: i64,
}

/// Copies what it can of the WAL into the database file without waiting for anyone.
fn checkpoint(connection: &Connection) -> rusqlite::Result<Pass> {
    connection.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
        Ok(Pass {
            frames: row.get(1)?,
            copied: row.get(2)?,
        })
    })
}

/// Copies the whole WAL into the database file and cuts the WAL file to zero bytes, waiting
/// (up to the busy timeout) for readers of older frames to finish.
pub(super) fn truncate(connection: &Connection) -> rusqlite::Result<()> {
    let busy: i64 =
        connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))?;
    if busy != 0 {
        // A reader outlasted the busy timeout; the next idle moment tries again.
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("a reader kept the WAL busy".into()),
        ));
    }
    Ok(())
}
