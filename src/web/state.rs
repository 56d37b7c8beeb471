//! What every handler shares: the store, the study clock, the templates, the sign-in throttle,
//! the public URL, the server's limits and the slots for CPU-heavy work.

use std::sync::Arc;

use jiff::Timestamp;

use crate::accounts::SignInThrottle;
use crate::public_url::PublicUrl;
use crate::scheduler::{StudyClock, StudyDay};
use crate::store::Store;
use crate::study::TokenKey;
use crate::web::limits::Limits;
use crate::web::templates::Templates;
use crate::web::work::WorkSlots;

/// The application's shared state, handed to handlers as `web::Data<AppState>`.
pub struct AppState {
    pub store: Store,
    pub clock: StudyClock,
    pub templates: Templates,
    pub throttle: SignInThrottle,
    /// Signs and checks review tokens (the key is the database's).
    pub tokens: TokenKey,
    /// Where people reach the server: absolute links start with it, and an https:// one makes
    /// cookies Secure and turns HSTS on.
    pub public_url: PublicUrl,
    pub limits: Limits,
    /// Password hashes running at once ([`Limits::hashes_at_once`]).
    pub hashing: Arc<WorkSlots>,
    /// Set checks, previews, publishing and exports ([`Limits::heavy_work_at_once`]).
    pub heavy_work: Arc<WorkSlots>,
}

impl AppState {
    /// The state with the default limits.
    pub fn new(
        store: Store,
        clock: StudyClock,
        templates: Templates,
        public_url: PublicUrl,
    ) -> AppState {
        AppState::with_limits(store, clock, templates, public_url, Limits::default())
    }

    pub fn with_limits(
        store: Store,
        clock: StudyClock,
        templates: Templates,
        public_url: PublicUrl,
        limits: Limits,
    ) -> AppState {
        AppState {
            tokens: TokenKey::new(store.review_token_key()),
            store,
            clock,
            templates,
            throttle: SignInThrottle::default(),
            public_url,
            hashing: Arc::new(WorkSlots::new(limits.hashes_at_once)),
            heavy_work: Arc::new(WorkSlots::busy_after_a_second(limits.heavy_work_at_once)),
            limits,
        }
    }

    /// The study day it is now.
    pub fn today(&self) -> StudyDay {
        self.clock.study_day(Timestamp::now())
    }
}

/// Unix milliseconds now.
pub fn now_ms() -> i64 {
    Timestamp::now().as_millisecond()
}
