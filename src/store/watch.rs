//! Watching that the database file is still the one the store opened.
//!
//! SQLite keeps writing to a file deleted under it (the open descriptors keep the inode alive),
//! so every write succeeds and a restart finds an empty database: everything written since is
//! lost. A file replaced by a copy is the same story. So the store remembers the file's device
//! and inode at open, and a thread compares them with what the path names now, every
//! [`EVERY`]. Once they differ the store is marked lost: writes are refused (the web answers
//! 503) and the log says what happened, instead of answering 200 to writes nobody will see.
//!
//! Only `stat` is used, never an `open`: closing a second descriptor of the database file would
//! release SQLite's POSIX locks on it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use super::StoreError;

/// How often the thread looks: a `stat` costs microseconds, and each second a lost database is
/// not noticed is a second of answers thrown away.
const EVERY: Duration = Duration::from_secs(1);

/// Which file a path named: its device and inode (on Unix; elsewhere, only that it exists).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FileIdentity {
    device: u64,
    inode: u64,
}

impl FileIdentity {
    /// The identity of the file at `path` now; `None` when there is none.
    pub(super) fn of(path: &Path) -> Option<FileIdentity> {
        let metadata = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(FileIdentity {
                device: metadata.dev(),
                inode: metadata.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = metadata;
            Some(FileIdentity {
                device: 0,
                inode: 0,
            })
        }
    }
}

/// The file the store opened, and whether it has been lost since.
pub(super) struct DatabaseFile {
    path: PathBuf,
    opened: Option<FileIdentity>,
    lost: Mutex<Option<&'static str>>,
}

impl DatabaseFile {
    /// The file at `path`, as it is now (call right after opening it).
    pub(super) fn new(path: &Path) -> DatabaseFile {
        DatabaseFile {
            path: path.to_path_buf(),
            opened: FileIdentity::of(path),
            lost: Mutex::new(None),
        }
    }

    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// Looks at the path again: an error if the file is gone or is another file. The first time
    /// it notices, it logs an error saying what happened and what to do.
    pub(super) fn check(&self) -> Result<(), StoreError> {
        if let Some(what) = *self.lost() {
            return Err(self.error(what));
        }
        // An in-memory or temporary database has no file to watch.
        let Some(opened) = self.opened else {
            return Ok(());
        };
        let what = match FileIdentity::of(&self.path) {
            Some(now) if now == opened => return Ok(()),
            Some(_) => "replaced by another file",
            None => "deleted",
        };
        let mut lost = self.lost();
        if lost.is_none() {
            *lost = Some(what);
            tracing::error!(
                path = %self.path.display(),
                "the database file was {what} while studyhall ran: writes are refused from now \
                 on, since they would be lost at the next start; stop studyhall, put the \
                 database back (or restore the latest backup) and start it again"
            );
        }
        Err(self.error(what))
    }

    /// The error of a lost file, without looking at the path again: for every write.
    pub(super) fn refusal(&self) -> Option<StoreError> {
        self.lost().map(|what| self.error(what))
    }

    fn error(&self, what: &'static str) -> StoreError {
        StoreError::DatabaseLost {
            path: self.path.clone(),
            what,
        }
    }

    fn lost(&self) -> std::sync::MutexGuard<'_, Option<&'static str>> {
        // An Option of a static string: a panic cannot leave it half-written.
        self.lost.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The thread that checks the file every [`EVERY`]. Dropping it stops the thread.
pub(super) struct Watch {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl Watch {
    pub(super) fn spawn(file: Arc<DatabaseFile>) -> Result<Watch, StoreError> {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let for_thread = Arc::clone(&stop);
        let thread = thread::Builder::new()
            .name("studyhall-watch".into())
            .spawn(move || {
                let (stopping, wake) = &*for_thread;
                let mut stopped = stopping.lock().unwrap_or_else(PoisonError::into_inner);
                while !*stopped {
                    // Once lost, always lost: no need to look again.
                    if file.check().is_err() {
                        return;
                    }
                    stopped = wake
                        .wait_timeout(stopped, EVERY)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0;
                }
            })
            .map_err(|_| StoreError::WriterStopped)?;
        Ok(Watch {
            stop,
            thread: Some(thread),
        })
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let (stopping, wake) = &*self.stop;
        *stopping.lock().unwrap_or_else(PoisonError::into_inner) = true;
        wake.notify_one();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
