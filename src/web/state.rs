//! What every handler shares: the store, the study clock, the templates, the sign-in throttle
//! and the public URL.

use jiff::Timestamp;

use crate::accounts::SignInThrottle;
use crate::public_url::PublicUrl;
use crate::scheduler::{StudyClock, StudyDay};
use crate::store::Store;
use crate::study::TokenKey;
use crate::web::templates::Templates;

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
}

impl AppState {
    pub fn new(
        store: Store,
        clock: StudyClock,
        templates: Templates,
        public_url: PublicUrl,
    ) -> AppState {
        AppState {
            tokens: TokenKey::new(store.review_token_key()),
            store,
            clock,
            templates,
            throttle: SignInThrottle::default(),
            public_url,
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
