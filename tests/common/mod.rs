//! Shared by the integration-test binaries: start the real server on a free port of 127.0.0.1
//! with its own temporary database and the essay set loaded.
#![allow(dead_code)] // each test binary uses its own part of this module

pub mod process;

use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;

use studyhall::public_url::PublicUrl;
use studyhall::questions::folder::BUILT_IN_SET;
use studyhall::questions::parse::parse_set;
use studyhall::scheduler::StudyClock;
use studyhall::store::{Store, StoreConfig};
use studyhall::web::limits::Limits;
use studyhall::web::server;
use studyhall::web::state::AppState;
use studyhall::web::templates::Templates;
use studyhall::web::work::WorkSlots;

/// A server running for one test; it stops when the test process ends.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    pub store: Store,
    pub db_path: PathBuf,
    /// The server's password-hashing slots, to see how many hashes ran at once.
    pub hashing: Arc<WorkSlots>,
    /// The server's slots for CPU-heavy work, to fill them.
    pub heavy_work: Arc<WorkSlots>,
    _dir: tempfile::TempDir,
}

/// Starts the real application (real SQLite file, real HTTP) with the essay set imported, on
/// the [`test_clock`].
pub fn spawn_app() -> TestApp {
    spawn_app_with_limits(Limits::default())
}

/// As [`spawn_app`], with limits of its own (trusted proxies, body timeout, work slots).
pub fn spawn_app_with_limits(limits: Limits) -> TestApp {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let db_path = dir.path().join("studyhall.db");
    start(dir, db_path, limits, None)
}

/// As [`spawn_app`], reached (as `--public-url` would say) at `public_url`.
pub fn spawn_app_at(public_url: &str) -> TestApp {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let db_path = dir.path().join("studyhall.db");
    let public_url = PublicUrl::parse(public_url).expect("a valid public URL");
    start(dir, db_path, Limits::default(), Some(public_url))
}

/// As [`spawn_app`], on the database `db_path` (in `dir`, removed with the app), which may
/// already hold data: a restored backup, a database a test has broken.
pub fn spawn_app_on(dir: tempfile::TempDir, db_path: PathBuf) -> TestApp {
    start(dir, db_path, Limits::default(), None)
}

fn start(
    dir: tempfile::TempDir,
    db_path: PathBuf,
    limits: Limits,
    public_url: Option<PublicUrl>,
) -> TestApp {
    let store = Store::open(&StoreConfig::new(&db_path)).expect("the test database opens");
    let set = parse_set(BUILT_IN_SET).expect("the essay set parses");
    store
        .import_sets(vec![(set, BUILT_IN_SET.to_string())])
        .wait()
        .expect("the essay set imports");
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let local = listener.local_addr().expect("an address");
    let address = format!("http://{local}");
    let public_url = public_url.unwrap_or_else(|| PublicUrl::from_listen_addr(local));
    let templates = Templates::new().expect("templates");
    let state = AppState::with_limits(store.clone(), test_clock(), templates, public_url, limits);
    let (hashing, heavy_work) = (state.hashing.clone(), state.heavy_work.clone());
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            server::start(state, listener)
                .expect("the server starts")
                .await
                .expect("the server runs")
        })
    });
    TestApp {
        address,
        store,
        db_path,
        hashing,
        heavy_work,
        _dir: dir,
    }
}

/// The id of the essay set every test server has.
pub const ESSAY_SET: &str = "korean-war-1950";

/// The clock of every test server: UTC, its days starting 12 hours from the hour the test run
/// began, so no test meets a day boundary between the day it computes and the server's (with the
/// system's clock, a run near 04:00 local failed at random). Command-line tests pass the same
/// clock with [`clock_flags`].
pub fn test_clock() -> StudyClock {
    StudyClock::new(test_day_start_hour(), jiff::tz::TimeZone::UTC).expect("an hour below 24")
}

/// `--time-zone UTC --day-start-hour H`: the [`test_clock`] for the `studyhall` binary.
#[allow(dead_code)] // the command-line tests use it
pub fn clock_flags() -> [String; 4] {
    [
        "--time-zone".to_string(),
        "UTC".to_string(),
        "--day-start-hour".to_string(),
        test_day_start_hour().to_string(),
    ]
}

fn test_day_start_hour() -> u8 {
    static HOUR: std::sync::OnceLock<u8> = std::sync::OnceLock::new();
    *HOUR.get_or_init(|| {
        let hour = jiff::Timestamp::now()
            .to_zoned(jiff::tz::TimeZone::UTC)
            .hour();
        ((hour + 12) % 24) as u8
    })
}

/// The study day it is now for a server started by [`spawn_app`].
pub fn today() -> studyhall::scheduler::StudyDay {
    test_clock().study_day(jiff::Timestamp::now())
}

impl TestApp {
    /// A card of the essay set, as the store holds it.
    pub fn essay_card(&self, card: &str) -> studyhall::store::StoredCard {
        let set = studyhall::questions::SetId::parse(ESSAY_SET).expect("a set id");
        let id = studyhall::questions::CardId::parse(card).expect("a card id");
        let stored = self.store.card(&set, &id).expect("the store reads");
        stored.unwrap_or_else(|| panic!("the essay set has no card {card}"))
    }

    /// Makes `card` of the essay set due today for `user`: a Good review recorded yesterday
    /// (SM-2's first interval is one day). Due cards come before new ones.
    pub fn make_due_today(&self, user: studyhall::store::UserId, card: &str) {
        let today = today();
        let yesterday = today.date().yesterday().expect("a day before");
        let review = studyhall::store::NewReview {
            user,
            card: self.essay_card(card).row,
            review_token: uuid::Uuid::new_v4().to_string(),
            quality: studyhall::scheduler::Quality::GOOD,
            today: studyhall::scheduler::StudyDay::from_date(yesterday),
            reviewed_at_ms: 0,
            answer: None,
            verdict: "correct".to_string(),
            normalized_answer: String::new(),
            duration_ms: None,
            overridden: false,
        };
        let recorded = self
            .store
            .record_review(review)
            .wait()
            .expect("the review is recorded");
        assert_eq!(recorded.progress.due, today, "{card} is due today");
    }

    /// A review token for `card` of `set`, issued to `user` as a study page or `GET …/next`
    /// issues one: for tests that answer a card they pick rather than the one served next.
    pub fn token_for(&self, user: studyhall::store::UserId, set: &str, card: &str) -> String {
        let key = studyhall::study::TokenKey::new(self.store.review_token_key());
        let set = studyhall::questions::SetId::parse(set).expect("a set id");
        let card = studyhall::questions::CardId::parse(card).expect("a card id");
        let now = jiff::Timestamp::now().as_millisecond();
        studyhall::study::issue_token(&key, user, &set, &card, now).to_string()
    }

    /// As [`TestApp::token_for`], for the user called `username`.
    pub fn token_for_name(&self, username: &str, set: &str, card: &str) -> String {
        self.token_for(self.user_id(username), set, card)
    }

    /// The id of the user called `username`.
    pub fn user_id(&self, username: &str) -> studyhall::store::UserId {
        let user = self.store.user_by_name(username).expect("the store reads");
        user.unwrap_or_else(|| panic!("there is no user {username}"))
            .id
    }
}
