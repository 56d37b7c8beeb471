//! Classes against a real database: codes, joining, who may see and change what, archiving;
//! [`study`]: restricted sets, and what an assignment's daily limit and exam day do to a
//! member's study.

mod study;
mod two_classes;

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
