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
