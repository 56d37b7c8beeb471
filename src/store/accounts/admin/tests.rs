//! The admin's changes to accounts: roles, deletion, the last admin, the audit log, and that
//! deleting a user leaves nothing of them behind.

use rusqlite::Params;

use crate::store::tests::{Fixture, open_store, set};
use crate::store::{AccountRefusal, ClassName, Role, StoreError, Teacher, UserId};

impl Fixture {
    fn execute(&self, sql: &'static str, params: impl Params + Send + 'static) {
        self.store
            .write(move |connection| Ok(connection.execute(sql, params)?))
            .wait()
            .unwrap();
    }

    /// Imports a one-card set (once) and records a review of its card by `user`.
    fn review_a_card(&self, user: UserId) {
        if self
            .store
            .card(
                &crate::store::tests::set_id("s"),
                &crate::store::tests::card_id("a"),
            )
            .unwrap()
            .is_none()
        {
            self.import(&[set("s", &["a"])]);
        }
        let card = self.row("s", "a");
        self.review(user, card, 4, "2025-03-01", 1_740_000_000_000)
            .unwrap();
    }
}

#[test]
fn adding_a_user_with_a_role_is_logged_and_a_taken_name_is_refused() {
    let fixture = open_store();
    let store = &fixture.store;
    let ada = store
        .add_user("ada", "$argon2id$x", Role::Instructor, None)
        .wait()
        .unwrap();
    assert_eq!(
        store.user_by_id(ada).unwrap().unwrap().role,
        Role::Instructor
    );
    let taken = store
        .add_user("ADA", "$argon2id$x", Role::Student, None)
        .wait();
    assert!(
        matches!(taken, Err(StoreError::UsernameTaken(_))),
        "{taken:?}"
    );
    let log = store.audit_log(10).unwrap();
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(
        (log[0].action.as_str(), log[0].detail.as_str()),
        ("user.add", "ada as instructor")
    );
}

#[test]
fn changing_a_role_answers_the_old_one_and_logs_who_did_it() {
    let fixture = open_store();
    let store = &fixture.store;
    let root = store
        .add_user("root", "$argon2id$x", Role::Admin, None)
        .wait()
        .unwrap();
    let ada = fixture.student("ada");
    let before = store
        .change_role(ada, Role::Instructor, Some(root))
        .wait()
        .unwrap();
    assert_eq!(before, Ok(Role::Student));
    assert_eq!(
        store.user_by_id(ada).unwrap().unwrap().role,
        Role::Instructor
    );
    let latest = &store.audit_log(1).unwrap()[0];
    assert_eq!(latest.actor.as_deref(), Some("root"));
    assert_eq!(latest.detail, "ada: student -> instructor");
    let unknown = store
        .change_role(UserId(999), Role::Admin, None)
        .wait()
        .unwrap();
    assert_eq!(unknown, Err(AccountRefusal::UnknownUser(UserId(999))));
}

#[test]
fn the_last_admin_can_be_neither_demoted_nor_deleted() {
    let fixture = open_store();
    let store = &fixture.store;
    let root = store
        .add_user("root", "$argon2id$x", Role::Admin, None)
        .wait()
        .unwrap();
    let refused = store
        .change_role(root, Role::Student, Some(root))
        .wait()
        .unwrap();
    assert_eq!(refused, Err(AccountRefusal::LastAdmin("root".into())));
    let refused = store.delete_user(root, Some(root)).wait().unwrap();
    assert_eq!(refused, Err(AccountRefusal::LastAdmin("root".into())));
    assert_eq!(store.user_by_id(root).unwrap().unwrap().role, Role::Admin);
    let second = store
        .add_user("second", "$argon2id$x", Role::Admin, None)
        .wait()
        .unwrap();
    assert_eq!(
        store
            .change_role(root, Role::Student, Some(second))
            .wait()
            .unwrap(),
        Ok(Role::Admin)
    );
    assert!(store.has_admin().unwrap());
}

#[test]
fn deleting_a_user_removes_their_sessions_states_reviews_and_memberships() {
    let fixture = open_store();
    let store = &fixture.store;
    let ada = fixture.student("ada");
    let teacher = store
        .add_user("teacher", "$argon2id$x", Role::Instructor, None)
        .wait()
        .unwrap();
    store
        .create_session(ada, "token", "csrf", i64::MAX)
        .wait()
        .unwrap();
    fixture.execute(
        "INSERT INTO classes (owner_id, name, join_code) VALUES (?1, 'History', 'ABCD2345')",
        [teacher],
    );
    fixture.execute(
        "INSERT INTO class_members (class_id, user_id) SELECT id, ?1 FROM classes",
        [ada],
    );
    fixture.review_a_card(ada);
    assert!(store.user_review_count(ada).unwrap() > 0);

    assert_eq!(
        store.delete_user(ada, Some(ada)).wait().unwrap(),
        Ok("ada".to_string())
    );

    assert!(store.user_by_id(ada).unwrap().is_none());
    assert_eq!(store.user_review_count(ada).unwrap(), 0);
    for table in ["sessions", "card_states", "reviews", "class_members"] {
        let left = fixture.number(
            &format!("SELECT count(*) FROM {table} WHERE user_id = ?1"),
            [ada],
        );
        assert_eq!(left, 0, "{table} still holds ada's rows");
    }
    assert_eq!(store.user_data(ada).unwrap(), None);
    let latest = &store.audit_log(1).unwrap()[0];
    assert_eq!(
        (latest.action.as_str(), latest.actor.as_deref()),
        ("user.delete", None)
    );
    assert!(
        !latest.detail.contains("ada"),
        "the log keeps no name: {}",
        latest.detail
    );
}

#[test]
fn deleting_a_user_scrubs_their_name_from_earlier_lines_of_the_audit_log() {
    let fixture = open_store();
    let store = &fixture.store;
    let add = |name, role| {
        store
            .add_user(name, "$argon2id$x", role, None)
            .wait()
            .unwrap()
    };
    let teacher = add("teacher", Role::Instructor);
    let ada = add("Ada", Role::Student);
    let adam = add("adam", Role::Student);
    store
        .change_role(ada, Role::Instructor, None)
        .wait()
        .unwrap()
        .unwrap();
    store
        .change_role(ada, Role::Student, None)
        .wait()
        .unwrap()
        .unwrap();
    let teacher = Teacher::of(&store.user_by_id(teacher).unwrap().unwrap()).unwrap();
    let name = ClassName::parse("History").unwrap();
    let class = store.create_class(teacher, &name).wait().unwrap();
    for student in [ada, adam] {
        store
            .join_class(student, class.join_code.as_str())
            .wait()
            .unwrap();
        assert!(
            store
                .remove_member(teacher, class.id, student)
                .wait()
                .unwrap()
        );
    }
    let named = |name: &str| {
        let log = store.audit_log(100).unwrap();
        let lines: Vec<String> = log.iter().map(|line| line.detail.clone()).collect();
        let lower = name.to_lowercase();
        let about: Vec<String> = lines
            .iter()
            .filter(|detail| {
                let detail = detail.to_lowercase();
                detail.starts_with(&format!("{lower} ")) || detail.starts_with(&format!("{lower}:"))
            })
            .cloned()
            .collect();
        (about, lines)
    };
    assert_eq!(
        named("ada").0.len(),
        4,
        "added, two roles, removed: {:?}",
        named("ada").1
    );

    store.delete_user(ada, None).wait().unwrap().unwrap();

    let (about_ada, lines) = named("ada");
    assert!(about_ada.is_empty(), "the log still names ada: {lines:?}");
    let number = format!("account {ada}");
    for line in [
        format!("{number} as student"),
        format!("{number}: student -> instructor"),
        format!("{number}: instructor -> student"),
        format!("{number} from History ({})", class.id),
    ] {
        assert!(lines.contains(&line), "{line:?} not in {lines:?}");
    }
    assert_eq!(named("adam").0.len(), 2, "adam keeps his name: {lines:?}");
}

#[test]
fn every_reference_to_users_cascades_or_is_set_to_null() {
    let fixture = open_store();
    let sql = "SELECT m.name || '.' || f.\"from\", f.on_delete
               FROM sqlite_schema AS m, pragma_foreign_key_list(m.name) AS f
               WHERE m.type = 'table' AND f.\"table\" = 'users'";
    let references: Vec<(String, String)> = fixture
        .store
        .read(|connection| {
            let mut statement = connection.prepare(sql)?;
            let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .unwrap();
    assert!(references.len() >= 8, "{references:?}");
    for (column, on_delete) in references {
        assert!(
            on_delete == "CASCADE" || on_delete == "SET NULL",
            "{column} is ON DELETE {on_delete}: deleting a user would fail or leave their data"
        );
    }
}

#[test]
fn the_listing_shows_every_user_by_name_with_their_last_study_day() {
    let fixture = open_store();
    let bob = fixture.student("bob");
    fixture.student("Ada");
    fixture.review_a_card(bob);
    let users = fixture.store.user_listing().unwrap();
    let names: Vec<&str> = users.iter().map(|user| user.username.as_str()).collect();
    assert_eq!(names, ["Ada", "bob"]);
    assert_eq!(users[0].last_studied, None);
    assert!(users[1].last_studied.is_some());
}

#[test]
fn the_data_of_a_user_holds_their_account_states_and_reviews() {
    let fixture = open_store();
    let ada = fixture.student("ada");
    fixture.review_a_card(ada);
    let data = fixture.store.user_data(ada).unwrap().expect("ada exists");
    assert_eq!(data.account.username, "ada");
    assert_eq!(data.account.role, Role::Student);
    assert_eq!(data.card_states.len(), 1);
    assert_eq!(data.reviews.len(), 1);
    assert_eq!(data.reviews[0].card, data.card_states[0].card);
    assert!(
        data.account.created_at.ends_with('Z'),
        "{}",
        data.account.created_at
    );
}
