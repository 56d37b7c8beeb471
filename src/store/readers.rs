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
        // Hand the connection back even if `read` panics, then let the panic go on.
        let result = panic::catch_unwind(AssertUnwindSafe(|| read(&connection)));
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
