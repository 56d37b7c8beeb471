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
    pool: Mutex<Pool>,
    handed_back: Condvar,
}

struct Pool {
    idle: Vec<Connection>,
    /// Threads waiting for a connection: a connection handed back wakes one only if there is
    /// one, since a `notify_one` is a system call even when nobody waits (one per read,
    /// measured).
    waiting: usize,
}

impl Readers {
    pub(super) fn new(connections: Vec<Connection>) -> Readers {
        Readers {
            pool: Mutex::new(Pool {
                idle: connections,
                waiting: 0,
            }),
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
        // A panic while the lock was held cannot leave the pool half-changed (push, pop and the
        // count are whole), so a poisoned lock is still safe to use.
        let mut pool = self.pool.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(connection) = pool.idle.pop() {
                return connection;
            }
            pool.waiting += 1;
            pool = self
                .handed_back
                .wait(pool)
                .unwrap_or_else(PoisonError::into_inner);
            pool.waiting -= 1;
        }
    }

    fn give_back(&self, connection: Connection) {
        let mut pool = self.pool.lock().unwrap_or_else(PoisonError::into_inner);
        pool.idle.push(connection);
        let someone_waits = pool.waiting > 0;
        drop(pool);
        if someone_waits {
            self.handed_back.notify_one();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::mpsc;
    use std::thread;
    use std::time::Duration;

    use super::*;

    /// Eight threads share one connection: each that finds the pool empty waits and is woken
    /// when it comes back. A lost wake-up would leave a thread waiting forever.
    #[test]
    fn threads_waiting_for_a_busy_pool_are_each_woken() {
        let readers = Arc::new(Readers::new(vec![Connection::open_in_memory().unwrap()]));
        let (done, finished) = mpsc::channel();
        for _ in 0..8 {
            let readers = Arc::clone(&readers);
            let done = done.clone();
            thread::spawn(move || {
                for _ in 0..200 {
                    let one: i64 = readers
                        .read(|connection| {
                            Ok(connection.query_row("SELECT 1", [], |row| row.get(0))?)
                        })
                        .unwrap();
                    assert_eq!(one, 1);
                }
                done.send(()).unwrap();
            });
        }
        for _ in 0..8 {
            finished
                .recv_timeout(Duration::from_secs(20))
                .expect("a reader was never handed a connection");
        }
        assert_eq!(readers.pool.lock().unwrap().waiting, 0);
    }
}
