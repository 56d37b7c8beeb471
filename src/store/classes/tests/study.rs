//! What classes do to studying: restricted sets seen only through a live class, who may
//! restrict and assign a set, a class's daily limit, and an exam day.

use super::{new_class, owned_set, restrict, teacher, visible_sets};
use crate::store::tests::{day, open_store, set, set_id};
use crate::store::{Assignment, Role, StoreError, Visibility};

#[test]
fn a_restricted_set_is_seen_only_through_a_live_class_it_is_assigned_to() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    owned_set(&fixture, "secret", ada);
    fixture.import(&[set("public", &["p"])]);
    restrict(&fixture, ada, "secret");
    let (class, code) = new_class(&fixture, ada, "History");
    fixture
        .store
        .assign_set(ada, class, &set_id("secret"), Assignment::default())
        .wait()
        .unwrap();
    let (sam, kim) = (fixture.student("sam"), fixture.student("kim"));
    fixture.store.join_class(sam, code.as_str()).wait().unwrap();

    assert_eq!(visible_sets(&fixture, sam), ["public", "secret"]);
    assert_eq!(visible_sets(&fixture, kim), ["public"]);
    assert!(!fixture.store.may_study(kim, &set_id("secret")).unwrap());
    let hidden = fixture
        .store
        .next_card(kim, &set_id("secret"), day("2026-03-01"));
    assert!(
        matches!(hidden, Err(StoreError::UnknownSet(_))),
        "{hidden:?}"
    );
    assert!(
        fixture
            .store
            .next_card(sam, &set_id("secret"), day("2026-03-01"))
            .unwrap()
            .is_some()
    );
    assert_eq!(
        visible_sets(&fixture, ada.user().unwrap()),
        ["public", "secret"],
        "its owner sees it"
    );

    fixture
        .store
        .set_class_archived(ada, class, true)
        .wait()
        .unwrap();
    assert_eq!(
        visible_sets(&fixture, sam),
        ["public"],
        "an archived class gives no access"
    );
}

#[test]
fn a_removed_member_loses_the_restricted_set_and_the_removal_is_logged() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    owned_set(&fixture, "secret", ada);
    restrict(&fixture, ada, "secret");
    let (class, code) = new_class(&fixture, ada, "History");
    fixture
        .store
        .assign_set(ada, class, &set_id("secret"), Assignment::default())
        .wait()
        .unwrap();
    let sam = fixture.student("sam");
    fixture.store.join_class(sam, code.as_str()).wait().unwrap();
    assert!(fixture.store.may_study(sam, &set_id("secret")).unwrap());

    assert!(fixture.store.remove_member(ada, class, sam).wait().unwrap());
    assert!(!fixture.store.may_study(sam, &set_id("secret")).unwrap());
    assert!(
        !fixture.store.remove_member(ada, class, sam).wait().unwrap(),
        "already out"
    );
    let log = fixture.store.audit_log(1).unwrap();
    assert_eq!(log[0].action, "class.remove_member");
    assert!(
        log[0].detail.starts_with("sam from History"),
        "{}",
        log[0].detail
    );
}

#[test]
fn only_a_sets_owner_or_the_admin_changes_its_visibility_and_server_sets_only_the_admin() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    let bob = teacher(&fixture, "bob", Role::Instructor);
    let root = teacher(&fixture, "root", Role::Admin);
    owned_set(&fixture, "adas", ada);
    fixture.import(&[set("server", &["s"])]);
    let store = &fixture.store;
    for (who, set) in [(bob, "adas"), (ada, "server"), (bob, "server")] {
        let refused = store
            .set_visibility(who, &set_id(set), Visibility::Restricted)
            .wait();
        assert!(
            matches!(refused, Err(StoreError::SetNotYours(_))),
            "{set}: {refused:?}"
        );
    }
    restrict(&fixture, ada, "adas");
    restrict(&fixture, root, "server");
    let unknown = store
        .set_visibility(root, &set_id("nope"), Visibility::Open)
        .wait();
    assert!(
        matches!(unknown, Err(StoreError::UnknownSet(_))),
        "{unknown:?}"
    );

    let bobs: Vec<String> = store
        .teachable_sets(bob)
        .unwrap()
        .iter()
        .map(|s| s.set.to_string())
        .collect();
    assert!(
        bobs.is_empty(),
        "restricted sets of others are not bob's to assign: {bobs:?}"
    );
    let adas = store.teachable_sets(ada).unwrap();
    assert_eq!(adas.len(), 1);
    assert!(adas[0].may_change && adas[0].may_assign());
}

#[test]
fn any_instructor_assigns_an_open_set_but_not_a_restricted_set_of_someone_else() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    let bob = teacher(&fixture, "bob", Role::Instructor);
    owned_set(&fixture, "adas", ada);
    fixture.import(&[set("server", &["s"])]);
    let (class, _) = new_class(&fixture, bob, "Bob's class");
    let store = &fixture.store;
    store
        .assign_set(bob, class, &set_id("server"), Assignment::default())
        .wait()
        .unwrap();
    store
        .assign_set(bob, class, &set_id("adas"), Assignment::default())
        .wait()
        .unwrap();
    store
        .unassign_set(bob, class, &set_id("adas"))
        .wait()
        .unwrap();

    restrict(&fixture, ada, "adas");
    let refused = store
        .assign_set(bob, class, &set_id("adas"), Assignment::default())
        .wait();
    assert!(
        matches!(refused, Err(StoreError::SetNotAssignable(_))),
        "{refused:?}"
    );
    let detail = store.class_detail(bob, class).unwrap().unwrap();
    let sets: Vec<String> = detail.sets.iter().map(|s| s.set.to_string()).collect();
    assert_eq!(sets, ["server"]);
}

#[test]
fn a_class_daily_limit_caps_the_new_cards_of_its_set_and_the_smaller_limit_wins() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    owned_set(&fixture, "history", ada);
    let (class, code) = new_class(&fixture, ada, "History");
    let limit = Assignment {
        daily_new_limit: Some(2),
        exam_day: None,
    };
    fixture
        .store
        .assign_set(ada, class, &set_id("history"), limit)
        .wait()
        .unwrap();
    let sam = fixture.student("sam");
    fixture.store.join_class(sam, code.as_str()).wait().unwrap();
    let today = "2026-03-01";

    let summary = &fixture.store.list_sets(sam, day(today)).unwrap()[0];
    assert_eq!(summary.new_left, 2, "the class's 2, not sam's 20");
    for (card, at) in [("a", 1), ("b", 2)] {
        let next = fixture
            .store
            .next_card(sam, &set_id("history"), day(today))
            .unwrap()
            .unwrap();
        assert_eq!(next.card.id.to_string(), card);
        fixture.review(sam, next.card_row, 5, today, at).unwrap();
    }
    assert!(
        fixture
            .store
            .next_card(sam, &set_id("history"), day(today))
            .unwrap()
            .is_none()
    );
    assert_eq!(
        fixture.store.list_sets(sam, day(today)).unwrap()[0].new_left,
        0
    );

    fixture.store.set_daily_new_limit(sam, 1).wait().unwrap();
    let tomorrow = "2026-03-02";
    let summary = &fixture.store.list_sets(sam, day(tomorrow)).unwrap()[0];
    assert_eq!(
        summary.new_left, 1,
        "sam's own 1 is smaller than the class's 2"
    );
}

#[test]
fn an_exam_day_brings_a_long_interval_forward_and_keeps_sm2s_interval() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    owned_set(&fixture, "history", ada);
    let (class, code) = new_class(&fixture, ada, "History");
    let sam = fixture.student("sam");
    fixture.store.join_class(sam, code.as_str()).wait().unwrap();
    let card = fixture.row("history", "a");
    fixture.review(sam, card, 5, "2026-03-01", 1).unwrap(); // interval 1
    fixture.review(sam, card, 5, "2026-03-02", 2).unwrap(); // interval 6

    let exam = Assignment {
        daily_new_limit: None,
        exam_day: Some(day("2026-03-15")),
    };
    fixture
        .store
        .assign_set(ada, class, &set_id("history"), exam)
        .wait()
        .unwrap();
    let recorded = fixture.review(sam, card, 5, "2026-03-08", 3).unwrap();
    assert_eq!(
        recorded.progress.state.interval_days, 17,
        "SM-2's interval is kept"
    );
    assert_eq!(
        recorded.progress.due,
        day("2026-03-14"),
        "not 03-25: the day before the exam"
    );
    let stored = fixture.number(
        "SELECT count(*) FROM card_states WHERE card_id = ?1 AND due_day = '2026-03-14'",
        [card],
    );
    assert_eq!(stored, 1);
    let logged = fixture.number(
        "SELECT count(*) FROM reviews WHERE card_id = ?1 AND due_day_after = '2026-03-14'",
        [card],
    );
    assert_eq!(logged, 1, "the log says when the card was really scheduled");

    let after = fixture.review(sam, card, 5, "2026-03-15", 4).unwrap();
    assert!(
        after.progress.due > day("2026-04-01"),
        "after the exam SM-2 decides alone"
    );
}
