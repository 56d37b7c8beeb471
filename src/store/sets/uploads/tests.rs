//! Uploaded sets against a real database: ownership, the read-only preview, and progress kept
//! across a new version.

use crate::store::tests::{Fixture, card_ids, open_store, set, set_id};
use crate::store::{Role, StoreError, Teacher, Visibility};

fn teacher(fixture: &Fixture, name: &str, role: Role) -> Teacher {
    let id = fixture
        .store
        .create_user(name, "$argon2id$fake", role)
        .wait()
        .unwrap();
    Teacher::of(&fixture.store.user_by_id(id).unwrap().unwrap()).unwrap()
}

fn publish(
    fixture: &Fixture,
    by: Teacher,
    id: &str,
    cards: &[&str],
) -> Result<crate::store::ImportReport, StoreError> {
    let text = format!("# {id}: {}", cards.join(" "));
    fixture
        .store
        .publish_set(by, set(id, cards), text, Visibility::Restricted)
        .wait()
}

#[test]
fn a_published_set_belongs_to_its_uploader_with_the_visibility_chosen() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    let report = publish(&fixture, ada, "cold-war", &["a", "b"]).unwrap();
    assert!(report.created);
    let ownership = fixture
        .store
        .set_ownership(&set_id("cold-war"))
        .unwrap()
        .unwrap();
    assert_eq!(ownership.owner, ada.user());
    assert_eq!(ownership.owner_name.as_deref(), Some("ada"));
    assert_eq!(ownership.visibility, Visibility::Restricted);
    assert_eq!(
        fixture.store.set_ownership(&set_id("absent")).unwrap(),
        None
    );
}

#[test]
fn only_the_owner_or_the_admin_may_publish_a_new_version() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    let bob = teacher(&fixture, "bob", Role::Instructor);
    let root = teacher(&fixture, "root", Role::Admin);
    publish(&fixture, ada, "cold-war", &["a"]).unwrap();
    let refused = publish(&fixture, bob, "cold-war", &["x"]);
    assert!(
        matches!(refused, Err(StoreError::SetNotYours(_))),
        "{refused:?}"
    );
    assert_eq!(
        fixture
            .store
            .set_file_text(&set_id("cold-war"))
            .unwrap()
            .as_deref(),
        Some("# cold-war: a")
    );
    publish(&fixture, ada, "cold-war", &["a", "b"]).unwrap();
    let by_admin = publish(&fixture, root, "cold-war", &["a", "b", "c"]).unwrap();
    assert_eq!(by_admin.added, card_ids(&["c"]));
    let ownership = fixture
        .store
        .set_ownership(&set_id("cold-war"))
        .unwrap()
        .unwrap();
    assert_eq!(
        ownership.owner,
        ada.user(),
        "the admin's version keeps the owner"
    );
}

#[test]
fn a_set_the_server_loaded_may_only_be_replaced_by_the_admin() {
    let fixture = open_store();
    fixture.import(&[set("essay", &["a"])]);
    let ada = teacher(&fixture, "ada", Role::Instructor);
    let root = teacher(&fixture, "root", Role::Admin);
    assert!(matches!(
        publish(&fixture, ada, "essay", &["a", "b"]),
        Err(StoreError::SetNotYours(_))
    ));
    publish(&fixture, root, "essay", &["a", "b"]).unwrap();
    let ownership = fixture
        .store
        .set_ownership(&set_id("essay"))
        .unwrap()
        .unwrap();
    assert_eq!(
        (ownership.owner, ownership.visibility),
        (None, Visibility::Open)
    );
}

#[test]
fn a_preview_reports_what_a_publish_would_do_and_writes_nothing() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    let new = fixture
        .store
        .preview_import(&set("cold-war", &["a", "b"]))
        .unwrap();
    assert!(new.created);
    assert_eq!(new.added, card_ids(&["a", "b"]));
    assert_eq!(
        fixture.store.set_ownership(&set_id("cold-war")).unwrap(),
        None,
        "nothing written"
    );

    publish(&fixture, ada, "cold-war", &["a", "b", "c"]).unwrap();
    let mut next = set("cold-war", &["a", "b", "d"]);
    next.cards[1].prompt = "Changed?".into();
    let preview = fixture.store.preview_import(&next).unwrap();
    assert!(!preview.created);
    assert_eq!(
        (
            preview.added.clone(),
            preview.changed.clone(),
            preview.retired.clone(),
            preview.unchanged
        ),
        (card_ids(&["d"]), card_ids(&["b"]), card_ids(&["c"]), 1)
    );
    let published = fixture
        .store
        .publish_set(ada, next, "v2".into(), Visibility::Open)
        .wait()
        .unwrap();
    assert_eq!(published, preview, "the publish did what the preview said");
}

#[test]
fn a_new_version_keeps_a_students_progress_on_kept_cards() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    publish(&fixture, ada, "cold-war", &["a", "b"]).unwrap();
    let student = fixture.student("kim");
    let row = fixture.row("cold-war", "a");
    fixture
        .review(student, row, 5, "2026-03-01", 1_000)
        .unwrap();
    publish(&fixture, ada, "cold-war", &["a", "c"]).unwrap();
    assert_eq!(fixture.row("cold-war", "a"), row, "the card keeps its row");
    let states = fixture.number(
        "SELECT count(*) FROM card_states WHERE user_id = ?1 AND card_id = ?2",
        (student, row),
    );
    assert_eq!(states, 1);
}

#[test]
fn publishing_is_logged_in_the_audit_log() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    publish(&fixture, ada, "cold-war", &["a"]).unwrap();
    let logged = fixture.number(
        "SELECT count(*) FROM audit_log WHERE action = 'set.publish' AND actor_id = ?1",
        [ada.user()],
    );
    assert_eq!(logged, 1);
}

#[test]
fn the_servers_own_import_refuses_a_set_uploaded_in_the_browser_and_changes_nothing() {
    let fixture = open_store();
    let ada = teacher(&fixture, "ada", Role::Instructor);
    publish(&fixture, ada, "cold-war", &["a", "b"]).unwrap();
    let other = set("other", &["x"]);
    let refused = fixture
        .store
        .import_sets(vec![
            (other, "# other".into()),
            (set("cold-war", &["c"]), "# cold-war".into()),
        ])
        .wait();
    match refused {
        Err(StoreError::SetUploaded { set, owner }) => {
            assert_eq!((set, owner.as_str()), (set_id("cold-war"), "ada"));
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    let cards = |retired: i64| {
        fixture.number(
            "SELECT count(*) FROM cards JOIN sets ON sets.id = cards.set_id
             WHERE sets.slug = 'cold-war' AND cards.retired = ?1",
            [retired],
        )
    };
    assert_eq!(
        (cards(0), cards(1)),
        (2, 0),
        "ada's two cards stay, none retired"
    );
    let ownership = fixture.store.set_ownership(&set_id("cold-war")).unwrap();
    let ownership = ownership.unwrap();
    assert_eq!(ownership.owner, ada.user());
    assert_eq!(ownership.visibility, Visibility::Restricted);
    let none = fixture.number("SELECT count(*) FROM sets WHERE slug = 'other'", []);
    assert_eq!(none, 0, "nothing of the import is saved");
}
