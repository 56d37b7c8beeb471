//! Shared by the integration-test binaries: start the real server on a free port of 127.0.0.1
//! with its own temporary database and the essay set loaded.
#![allow(dead_code)] // each test binary uses its own part of this module

use std::net::TcpListener;
use std::path::PathBuf;

use studyhall::questions::folder::BUILT_IN_SET;
use studyhall::questions::parse::parse_set;
use studyhall::scheduler::StudyClock;
use studyhall::store::{Store, StoreConfig};
use studyhall::web::server;
use studyhall::web::state::AppState;
use studyhall::web::templates::Templates;

/// A server running for one test; it stops when the test process ends.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    pub store: Store,
    pub db_path: PathBuf,
    _dir: tempfile::TempDir,
}

/// Starts the real application (real SQLite file, real HTTP) with the essay set imported.
pub fn spawn_app() -> TestApp {
    spawn_app_with(StudyClock::system_default())
}

/// As [`spawn_app`], with a given study clock.
pub fn spawn_app_with(clock: StudyClock) -> TestApp {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let db_path = dir.path().join("studyhall.db");
    let store = Store::open(&StoreConfig::new(&db_path)).expect("the test database opens");
    let set = parse_set(BUILT_IN_SET).expect("the essay set parses");
    store
        .import_sets(vec![(set, BUILT_IN_SET.to_string())])
        .wait()
        .expect("the essay set imports");
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let address = format!("http://{}", listener.local_addr().expect("an address"));
    let state = AppState::new(store.clone(), clock, Templates::new().expect("templates"));
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
        _dir: dir,
    }
}
