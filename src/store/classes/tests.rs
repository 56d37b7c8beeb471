//! Classes against a real database: codes, joining, who may see and change what, archiving,
//! restricted sets, and what an assignment's daily limit and exam day do to a member's study.

use crate::store::tests::{Fixture, day, open_store, set, set_id};
use crate::store::{
    Assignment, ClassId, ClassName, JoinCode, Role, StoreError, Teacher, UserId, Visibility,
};

/// A user with `role`, as a teacher (instructor or admin).
fn teacher(fixture: &Fixture, name: &str, role: Role) -> Teacher {
    let id = fixture
        .store
        .create_user(name, "$argon2id$fake", role)
        .wait()
        .unwrap();
    Teacher::of(&fixture.store.user_by_id(id).unwrap().unwrap()).unwrap()
}

fn new_class(fixture: &Fixture, owner: Teacher, name: &str) -> (ClassId, JoinCode) {
    let name = ClassName::parse(name).unwrap();
    let class = fixture.store.create_class(owner, &name).wait().unwrap();
    (class.id, class.join_code)
}

/// Imports the set `id` with cards a, b, c, d, e, owned by `owner`.
fn owned_set(fixture: &Fixture, id: &str, owner: Teacher) {
    fixture.import(&[set(id, &["a", "b", "c", "d", "e"])]);
    let slug = id.to_string();
    let owner = owner.user().unwrap();
    fixture
        .store
        .write(move |connection| {
            connection.execute(
                "UPDATE sets SET owner_id = ?1 WHERE slug = ?2",
                (owner, slug),
            )?;
            Ok(())
        })
        .wait()
        .unwrap();
}

fn visible_sets(fixture: &Fixture, user: UserId) -> Vec<String> {
    let sets = fixture.store.list_sets(user, day("2026-03-01")).unwrap();
    sets.into_iter()
        .map(|summary| summary.id.to_string())
        .collect()
}

fn restrict(fixture: &Fixture, by: Teacher, id: &str) {
    fixture
        .store
        .set_visibility(by, &set_id(id), Visibility::Restricted)
        .wait()
        .unwrap();
}

#[test]
fn a_new_class_has_a_six_character_code_and_lists_under_its_owner_only() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    let bob = teacher(&fixture, "bob", Role::Instructor);
    let root = teacher(&fixture, "root", Role::Admin);
    let (class, code) = new_class(&fixture, ada, "  History 9B ");
    assert_eq!(code.as_str().len(), 6);

    let listed = fixture.store.classes_taught(ada).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].id, listed[0].name.as_str()),
        (class, "History 9B")
    );
    assert!(fixture.store.classes_taught(bob).unwrap().is_empty());
    assert_eq!(
        fixture.store.classes_taught(root).unwrap().len(),
        1,
        "the admin sees all"
    );
}

#[test]
fn students_join_with_the_code_in_any_case_with_spaces_and_joining_twice_changes_nothing() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    let (class, code) = new_class(&fixture, ada, "History");
    let sam = fixture.student("sam");
    let typed = format!(" {} ", code.grouped().to_lowercase().replace('-', " - "));
    let joined = fixture.store.join_class(sam, &typed).wait().unwrap();
    assert_eq!(joined.id, class);
    fixture.store.join_class(sam, code.as_str()).wait().unwrap();

    let detail = fixture.store.class_detail(ada, class).unwrap().unwrap();
    let members: Vec<&str> = detail.members.iter().map(|m| m.username.as_str()).collect();
    assert_eq!(members, ["sam"]);
    let mine = fixture.store.classes_joined(sam).unwrap();
    assert_eq!((mine.len(), mine[0].instructor.as_str()), (1, "ada"));
}

#[test]
fn a_wrong_or_malformed_code_is_refused_as_unknown() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    let (_, code) = new_class(&fixture, ada, "History");
    let sam = fixture.student("sam");
    let other = if code.as_str() == "222222" {
        "333333"
    } else {
        "222222"
    };
    for typed in [other, "", "O0O0O0", "much too long a code"] {
        let refused = fixture.store.join_class(sam, typed).wait();
        assert!(
            matches!(refused, Err(StoreError::UnknownJoinCode)),
            "{typed}: {refused:?}"
        );
    }
    assert!(fixture.store.classes_joined(sam).unwrap().is_empty());
}

#[test]
fn a_regenerated_code_replaces_the_old_one_and_members_stay() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    let (class, old) = new_class(&fixture, ada, "History");
    let sam = fixture.student("sam");
    fixture.store.join_class(sam, old.as_str()).wait().unwrap();
    let new = fixture
        .store
        .regenerate_join_code(ada, class)
        .wait()
        .unwrap();
    assert_ne!(new, old);

    let kim = fixture.student("kim");
    let stale = fixture.store.join_class(kim, old.as_str()).wait();
    assert!(
        matches!(stale, Err(StoreError::UnknownJoinCode)),
        "{stale:?}"
    );
    fixture.store.join_class(kim, new.as_str()).wait().unwrap();
    assert_eq!(
        fixture
            .store
            .class_detail(ada, class)
            .unwrap()
            .unwrap()
            .summary
            .members,
        2
    );
}

#[test]
fn another_instructor_can_neither_see_nor_change_my_class_but_the_admin_can() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    let bob = teacher(&fixture, "bob", Role::Instructor);
    let root = teacher(&fixture, "root", Role::Admin);
    let (class, code) = new_class(&fixture, ada, "History");
    let sam = fixture.student("sam");
    fixture.store.join_class(sam, code.as_str()).wait().unwrap();

    assert_eq!(fixture.store.class_detail(bob, class).unwrap(), None);
    let store = &fixture.store;
    let refusals = [
        store.regenerate_join_code(bob, class).wait().map(|_| ()),
        store.remove_member(bob, class, sam).wait().map(|_| ()),
        store.set_class_archived(bob, class, true).wait(),
        store
            .assign_set(bob, class, &set_id("x"), Assignment::default())
            .wait(),
    ];
    for refused in refusals {
        assert!(
            matches!(refused, Err(StoreError::UnknownClass(c)) if c == class),
            "{refused:?}"
        );
    }
    assert!(store.class_detail(root, class).unwrap().is_some());
    assert!(store.remove_member(root, class, sam).wait().unwrap());
}

#[test]
fn an_archived_class_takes_no_one_new_is_read_only_and_can_be_restored() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    let (class, code) = new_class(&fixture, ada, "History");
    let sam = fixture.student("sam");
    fixture.store.join_class(sam, code.as_str()).wait().unwrap();
    fixture
        .store
        .set_class_archived(ada, class, true)
        .wait()
        .unwrap();

    let kim = fixture.student("kim");
    let refused = fixture.store.join_class(kim, code.as_str()).wait();
    assert!(
        matches!(refused, Err(StoreError::UnknownJoinCode)),
        "{refused:?}"
    );
    assert!(
        fixture.store.classes_joined(sam).unwrap().is_empty(),
        "gone from sam's list"
    );
    let frozen = fixture.store.regenerate_join_code(ada, class).wait();
    assert!(
        matches!(frozen, Err(StoreError::ClassArchived(_))),
        "{frozen:?}"
    );
    let listed = fixture.store.classes_taught(ada).unwrap();
    assert!(listed[0].archived, "the instructor still finds it");

    fixture
        .store
        .set_class_archived(ada, class, false)
        .wait()
        .unwrap();
    fixture.store.join_class(kim, code.as_str()).wait().unwrap();
    let log = fixture.store.audit_log(10).unwrap();
    let actions: Vec<&str> = log.iter().map(|entry| entry.action.as_str()).collect();
    assert!(
        actions.contains(&"class.archive") && actions.contains(&"class.restore"),
        "{actions:?}"
    );
}

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
