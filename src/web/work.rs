//! CPU-heavy work (password hashes, checking and previewing sets, exports) off the async
//! workers, a few jobs at a time.
//!
//! An async worker busy for seconds stalls every request queued on it, and each argon2id hash
//! holds 19 MiB: so such work runs on a thread of its own, and [`WorkSlots`] bounds how many
//! run at once. Sign-ins wait for a slot (they are short); uploads and exports wait a second and
//! are then refused with `503 busy` rather than queued without end.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

use crate::web::error::AppError;

/// How long work refused when busy waits for a slot before it is refused.
const BUSY_AFTER: Duration = Duration::from_secs(1);

/// At most `size` jobs at once; see the module's documentation.
#[derive(Debug)]
pub struct WorkSlots {
    permits: Arc<Semaphore>,
    counts: Arc<Counts>,
    /// How long work waits for a slot before it is refused; `None`: as long as it takes.
    busy_after: Option<Duration>,
}

#[derive(Debug, Default)]
struct Counts {
    held: AtomicUsize,
    peak: AtomicUsize,
}

/// A slot held: the job it was taken for runs until it is dropped.
#[derive(Debug)]
pub struct Slot {
    _permit: OwnedSemaphorePermit,
    counts: Arc<Counts>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.counts.held.fetch_sub(1, Ordering::SeqCst);
    }
}

impl WorkSlots {
    /// Slots for `size` jobs at once (at least one); more wait for a free one.
    pub fn new(size: usize) -> WorkSlots {
        WorkSlots {
            permits: Arc::new(Semaphore::new(size.max(1))),
            counts: Arc::default(),
            busy_after: None,
        }
    }

    /// As [`WorkSlots::new`], but work that finds no slot free within a second is refused.
    pub fn busy_after_a_second(size: usize) -> WorkSlots {
        WorkSlots {
            busy_after: Some(BUSY_AFTER),
            ..WorkSlots::new(size)
        }
    }

    /// A free slot now, if there is one (the tests hold one to fill the slots).
    pub fn try_claim(&self) -> Option<Slot> {
        let permit = self.permits.clone().try_acquire_owned().ok()?;
        Some(self.slot(permit))
    }

    fn slot(&self, permit: OwnedSemaphorePermit) -> Slot {
        let held = self.counts.held.fetch_add(1, Ordering::SeqCst) + 1;
        self.counts.peak.fetch_max(held, Ordering::SeqCst);
        Slot {
            _permit: permit,
            counts: self.counts.clone(),
        }
    }

    /// Runs `work` on a thread of its own once a slot is free: however long that takes, or for
    /// slots [`WorkSlots::busy_after_a_second`], [`AppError::Busy`] when none frees within it.
    pub async fn run<T, E>(
        &self,
        work: impl FnOnce() -> Result<T, E> + Send + 'static,
    ) -> Result<T, AppError>
    where
        T: Send + 'static,
        E: Into<AppError> + Send + 'static,
    {
        let permit = self.permits.clone().acquire_owned();
        let permit = match self.busy_after {
            None => permit.await,
            Some(wait) => match actix_web::rt::time::timeout(wait, permit).await {
                Ok(permit) => permit,
                Err(_) => return Err(AppError::Busy),
            },
        };
        let slot = self.slot(permit.map_err(AppError::internal)?);
        let (done, result) = oneshot::channel();
        let spawned = std::thread::Builder::new()
            .name("cpu-work".into())
            .spawn(move || {
                let outcome = work();
                drop(slot);
                // The request may have gone (the client hung up): nobody to tell.
                let _ = done.send(outcome);
            });
        let outcome = match spawned {
            Ok(_) => result.await.map_err(AppError::internal),
            Err(error) => Err(AppError::internal(error)),
        };
        outcome?.map_err(Into::into)
    }

    /// The most slots ever held at once.
    pub fn peak(&self) -> usize {
        self.counts.peak.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[actix_web::test]
    async fn work_runs_and_its_errors_come_back() {
        let slots = WorkSlots::new(1);
        assert_eq!(slots.run(|| Ok::<_, AppError>(2 + 2)).await, Ok(4));
        let failed = slots
            .run(|| Err::<(), _>(AppError::Invalid("no".into())))
            .await;
        assert_eq!(failed, Err(AppError::Invalid("no".into())));
        assert_eq!(slots.peak(), 1);
    }

    #[actix_web::test]
    async fn full_slots_make_work_busy_after_a_moment() {
        let slots = WorkSlots::busy_after_a_second(1);
        let held = slots.try_claim().expect("a free slot");
        assert!(slots.try_claim().is_none());
        let refused = slots.run(|| Ok::<_, AppError>(())).await;
        assert_eq!(refused, Err(AppError::Busy));
        drop(held);
        assert_eq!(slots.run(|| Ok::<_, AppError>(1)).await, Ok(1));
    }
}
