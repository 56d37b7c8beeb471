//! Users and sessions.

use super::open_store;
use crate::store::{Role, StoreError, UserId};

#[test]
fn usernames_are_unique_whatever_their_case() {
    let fixture = open_store();
    let alice = fixture
        .store
        .create_user("Alice", "hash", Role::Admin)
        .wait()
        .unwrap();
    let taken = fixture
        .store
        .create_user("aLICE", "hash", Role::Student)
        .wait();
    assert!(
        matches!(&taken, Err(StoreError::UsernameTaken(name)) if name == "aLICE"),
        "{taken:?}"
    );
    assert_eq!(fixture.store.user_count().unwrap(), 1);

    let found = fixture.store.user_by_name("alice").unwrap().unwrap();
    assert_eq!(
        (found.id, found.username.as_str(), found.role),
        (alice, "Alice", Role::Admin)
    );
    assert_eq!(found.daily_new_limit, 20, "the default limit");
    assert_eq!(fixture.store.user_by_id(alice).unwrap(), Some(found));
    assert_eq!(fixture.store.user_by_name("bob").unwrap(), None);
}

#[test]
fn the_daily_limit_can_be_changed_for_a_known_user_only() {
    let fixture = open_store();
    let sam = fixture.student("sam");
    fixture.store.set_daily_new_limit(sam, 5).wait().unwrap();
    assert_eq!(
        fixture
            .store
            .user_by_id(sam)
            .unwrap()
            .unwrap()
            .daily_new_limit,
        5
    );
    let nobody = fixture.store.set_daily_new_limit(UserId(42), 5).wait();
    assert!(matches!(nobody, Err(StoreError::UnknownUser(UserId(42)))));
}

#[test]
fn a_session_is_found_by_its_token_until_it_expires() {
    let fixture = open_store();
    let sam = fixture.student("sam");
    fixture
        .store
        .create_session(sam, "token-123", "csrf-456", 10_000)
        .wait()
        .unwrap();

    let session = fixture.store.session("token-123", 9_999).unwrap().unwrap();
    assert_eq!(
        (session.user.id, session.csrf_token.as_str()),
        (sam, "csrf-456")
    );
    assert_eq!(
        fixture.store.session("token-123", 10_000).unwrap(),
        None,
        "expired"
    );
    assert_eq!(fixture.store.session("token-124", 0).unwrap(), None);

    assert_eq!(
        fixture
            .store
            .delete_expired_sessions(10_000)
            .wait()
            .unwrap(),
        1
    );
    assert_eq!(fixture.number("SELECT count(*) FROM sessions", []), 0);
}

#[test]
fn the_database_holds_a_hash_of_the_session_token_not_the_token() {
    let fixture = open_store();
    let sam = fixture.student("sam");
    fixture
        .store
        .create_session(sam, "secret-token", "csrf", 10_000)
        .wait()
        .unwrap();
    let plain = "SELECT count(*) FROM sessions WHERE token_hash = CAST('secret-token' AS BLOB)";
    assert_eq!(fixture.number(plain, []), 0);
    assert_eq!(fixture.number("SELECT count(*) FROM sessions", []), 1);
}

#[test]
fn signing_out_ends_the_session() {
    let fixture = open_store();
    let sam = fixture.student("sam");
    fixture
        .store
        .create_session(sam, "token", "csrf", 10_000)
        .wait()
        .unwrap();
    fixture.store.delete_session("token").wait().unwrap();
    assert_eq!(fixture.store.session("token", 0).unwrap(), None);
    fixture.store.delete_session("token").wait().unwrap();
}

#[test]
fn a_session_for_an_unknown_user_is_refused() {
    let fixture = open_store();
    let refused = fixture
        .store
        .create_session(UserId(7), "token", "csrf", 10_000)
        .wait();
    assert!(matches!(refused, Err(StoreError::UnknownUser(UserId(7)))));
}

/// Sessions come from a cache (`session_cache`): what the server itself changes shows at once.
#[test]
fn a_cached_session_follows_sign_out_role_changes_and_deletion_at_once() {
    let fixture = open_store();
    let store = &fixture.store;
    let sam = fixture.student("sam");
    store
        .create_session(sam, "token", "csrf", 10_000)
        .wait()
        .unwrap();
    let role = || store.session("token", 0).unwrap().map(|s| s.user.role);
    assert_eq!(role(), Some(Role::Student));
    assert_eq!(role(), Some(Role::Student), "now from the cache");
    store
        .change_role(sam, Role::Instructor, None)
        .wait()
        .unwrap()
        .unwrap();
    assert_eq!(role(), Some(Role::Instructor));
    assert_eq!(store.session("token", 10_000).unwrap(), None, "expired");
    store.delete_session("token").wait().unwrap();
    assert_eq!(role(), None, "signed out");

    store
        .create_session(sam, "again", "csrf", 10_000)
        .wait()
        .unwrap();
    assert!(store.session("again", 0).unwrap().is_some());
    store.delete_user(sam, None).wait().unwrap().unwrap();
    assert_eq!(store.session("again", 0).unwrap(), None, "account deleted");
}

/// Recording answers, the busiest write, leaves the cached sessions in place.
#[test]
fn recording_an_answer_keeps_the_cached_sessions() {
    let fixture = open_store();
    let sam = fixture.student("sam");
    fixture.import(&[super::set("history", &["a"])]);
    let generation = || fixture.store.inner.sessions.generation();
    let before = generation();
    let row = fixture.row("history", "a");
    fixture.review(sam, row, 4, "2026-01-01", 1).unwrap();
    assert_eq!(generation(), before);
    fixture.store.set_daily_new_limit(sam, 5).wait().unwrap();
    assert!(
        generation() > before,
        "any other write may change an account"
    );
}

/// Another process (say `studyhall user role` while the server runs) changes the file behind
/// the cache's back: the change shows within the cache's freshness time.
#[test]
fn a_change_made_by_another_process_shows_within_a_second_or_so() {
    let dir = tempfile::tempdir().unwrap();
    let config = crate::store::StoreConfig::new(dir.path().join("shared.db"));
    let store = crate::store::Store::open(&config).unwrap();
    let sam = store
        .create_user("sam", "hash", Role::Student)
        .wait()
        .unwrap();
    store
        .create_session(sam, "token", "csrf", i64::MAX)
        .wait()
        .unwrap();
    assert!(store.session("token", 0).unwrap().is_some());
    let other = rusqlite::Connection::open(&config.path).unwrap();
    other
        .busy_timeout(std::time::Duration::from_secs(5))
        .unwrap();
    other.execute("DELETE FROM sessions", []).unwrap();
    let started = std::time::Instant::now();
    while store.session("token", 0).unwrap().is_some() {
        assert!(started.elapsed() < std::time::Duration::from_secs(3));
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
