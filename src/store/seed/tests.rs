//! Seeding a small database end to end: the students can sign in, have work due, and the
//! ceiling can be measured on it.

use std::time::Duration;

use super::*;
use crate::questions::folder::BUILT_IN_SET;
use crate::questions::parse::parse_set;
use crate::store::{Store, StoreConfig, Synchronous};

fn plan(today: StudyDay) -> SeedPlan {
    SeedPlan {
        students: 5,
        card_states: 200,
        reviews_per_state: 2,
        password_hash: "$argon2id$fake".into(),
        today,
        overdue_days: 30,
        ahead_days: 30,
        now_ms: 1_800_000_000_000,
        seed: 7,
    }
}

#[test]
fn a_seeded_database_has_signed_in_students_with_work_due_and_a_measurable_ceiling() {
    let dir = tempfile::tempdir().unwrap();
    let config = StoreConfig::new(dir.path().join("seeded.db"));
    let set = parse_set(BUILT_IN_SET).unwrap();
    let set_id = set.id.clone();
    let store = Store::open(&config).unwrap();
    store
        .import_sets(vec![(set, String::new())])
        .wait()
        .unwrap();
    drop(store);

    let today: StudyDay = "2027-03-01".parse().unwrap();
    let report = seed(&config.path, &plan(today)).unwrap();
    assert_eq!(report.students.len(), 5);
    assert!(
        (150..=250).contains(&report.card_states),
        "{}",
        report.card_states
    );
    assert_eq!(report.reviews, 2 * report.card_states);

    let store = Store::open(&config).unwrap();
    let student = &report.students[0];
    let session = store
        .session(&student.token, 1_800_000_000_001)
        .unwrap()
        .unwrap();
    assert_eq!(session.user.id, student.user);
    assert_eq!(session.user.username, student.username);
    let next = store.next_card(student.user, &set_id, today).unwrap();
    assert!(next.is_some(), "a seeded student has work due");
    drop(store);

    let rate = raw_answer_ceiling(&config.path, Duration::from_millis(50), Synchronous::Normal);
    assert!(rate.unwrap() > 0.0);
}
