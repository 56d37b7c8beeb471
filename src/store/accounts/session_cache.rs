//! Sessions found recently, so that most requests find theirs without a database read.
//!
//! Every request looks its session up; the table changes seldom (a sign-in adds a row, a
//! sign-out, an account change or an expiry removes or changes one). An entry is kept with the
//! cache's generation at the time it was read, and is good only while the generation has not
//! moved. Any write that may touch accounts or sessions (every write but the few that say they
//! do not, see [`Store::write_leaving_accounts`](crate::store::Store)) marks the cache, and the
//! writer moves the generation on *after* that write's commit: a lookup that read the old row
//! before the commit was tagged with the old generation, so it is never served afterwards.
//! Expiry is checked on every hit.
//!
//! Another process may change the database too (`studyhall user role` while the server runs):
//! an entry is served for at most [`FRESH_FOR`] after it was read, so such a change takes
//! effect within that time.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::store::Session;

/// At most this many sessions are kept; a full cache starts empty again. A class's students
/// fit many times over, and each entry is a few hundred bytes.
const CAPACITY: usize = 4096;

/// How long an entry is served after it was read from the database.
const FRESH_FOR: Duration = Duration::from_secs(1);

#[derive(Default)]
pub(in crate::store) struct SessionCache {
    entries: Mutex<HashMap<Vec<u8>, Entry>>,
    generation: AtomicU64,
    /// A write that may change accounts ran since the last commit.
    accounts_written: AtomicBool,
}

struct Entry {
    session: Session,
    generation: u64,
    read_at: Instant,
}

impl SessionCache {
    /// The generation to tag a lookup with: read it before reading the database.
    pub(in crate::store) fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// The session with this token hash, if it was read in the current generation, less than
    /// [`FRESH_FOR`] ago.
    pub(in crate::store) fn get(&self, hash: &[u8]) -> Option<Session> {
        let generation = self.generation();
        let entries = self.entries();
        entries
            .get(hash)
            .filter(|entry| entry.generation == generation && entry.read_at.elapsed() < FRESH_FOR)
            .map(|entry| entry.session.clone())
    }

    /// Keeps `session`, read from the database in `generation` at `read_at`.
    pub(in crate::store) fn put(
        &self,
        hash: Vec<u8>,
        session: Session,
        generation: u64,
        read_at: Instant,
    ) {
        let mut entries = self.entries();
        if entries.len() >= CAPACITY {
            entries.clear();
        }
        entries.insert(
            hash,
            Entry {
                session,
                generation,
                read_at,
            },
        );
    }

    /// Called by a write that may change accounts or sessions, before its commit.
    pub(in crate::store) fn accounts_may_change(&self) {
        self.accounts_written.store(true, Ordering::Release);
    }

    /// Called by the writer after each commit: entries read before it stop being served.
    pub(in crate::store) fn committed(&self) {
        if self.accounts_written.swap(false, Ordering::AcqRel) {
            self.generation.fetch_add(1, Ordering::AcqRel);
            self.entries().clear();
        }
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<Vec<u8>, Entry>> {
        // A panic cannot leave the map half-changed in a way that matters: at worst an entry
        // is missing, and the next lookup reads the database.
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
