//! The read pool: a few read-only connections shared by the threads that read.
//!
//! In WAL mode readers never wait for the writer, so reads go straight to a connection of their
//! own; a thread that finds the pool empty waits for the next connection handed back.

use std::panic::{self, AssertUnwindSafe};
use std::sync::{Condvar, Mutex, PoisonError};

use rusqlite::Connection;

use super::StoreError;

/// A fixed set of read-only connections.
pub(super) struct Readers {
    idle: Mutex<Vec<Connection>>,
    handed_back: Condvar,
}

impl Readers {
    pub(super) fn new(connections: Vec<Connection>) -> Readers {
        Readers {
            idle: Mutex::new(connections),
            handed_back: Condvar::new(),
        }
    }

    /// Runs `read` on an idle connection, waiting for one if all are busy.
    pub(super) fn read<T>(
        &self,
        read: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let connection = self.take();
        // One transaction around the whole read: its queries see one snapshot of the database,
        // and SQLite takes and drops its locks once instead of once per statement.
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            connection.prepare_cached("BEGIN")?.execute([])?;
            read(&connection)
        }));
        // Ended whatever happened (nothing to roll back: readers do not write), so that the
        // next read can begin its own; then the connection goes back, and a panic goes on.
        if !connection.is_autocommit()
            && let Err(error) = connection
                .prepare_cached("COMMIT")
                .and_then(|mut end| end.execute([]))
        {
            tracing::error!(%error, "could not end a read transaction");
        }
        self.give_back(connection);
        result.unwrap_or_else(|payload| panic::resume_unwind(payload))
    }

    fn take(&self) -> Connection {
        // A panic while the lock was held cannot leave the Vec half-changed (push and pop are
        // whole), so a poisoned lock is still safe to use.
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(connection) = idle.pop() {
                return connection;
            }
            idle = self
                .handed_back
                .wait(idle)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn give_back(&self, connection: Connection) {
        self.idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(connection);
        self.handed_back.notify_one();
    }
}
