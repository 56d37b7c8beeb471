//! A student in several classes that assign the same set: the smallest daily limit of the live
//! classes applies, and the earliest exam still to come; an archived class's limit and exam no
//! longer do. The expected figures are written out from the set-up, not read with a second
//! query: what the pages read ([`crate::store::Store::next_in_set`],
//! [`crate::store::Store::set_summary_and_exam`]) must
//! give them.

use super::{new_class, owned_set, teacher};
use crate::store::tests::{day, open_store, set_id};
use crate::store::{Assignment, Role};

#[test]
fn the_smallest_live_limit_and_the_earliest_exam_to_come_apply_and_an_archived_class_gives_neither()
{
    let fixture = open_store();
    let store = &fixture.store;
    let ada = teacher(&fixture, "ada", Role::Instructor);
    owned_set(&fixture, "history", ada);
    let sam = fixture.student("sam");
    // (class, daily limit, exam day): B's limit is the smallest of the live classes and its
    // exam the first; C's are smaller and earlier still, but C is archived.
    let classes = [
        ("A", 3, "2026-03-20"),
        ("B", 2, "2026-03-10"),
        ("C", 1, "2026-03-05"),
    ];
    let mut archived = None;
    for (name, limit, exam) in classes {
        let (class, code) = new_class(&fixture, ada, name);
        let assignment = Assignment {
            daily_new_limit: Some(limit),
            exam_day: Some(day(exam)),
        };
        let assigned = store.assign_set(ada, class, &set_id("history"), assignment);
        assigned.wait().unwrap();
        store.join_class(sam, code.as_str()).wait().unwrap();
        archived = Some(class);
    }
    let archived = archived.expect("class C");
    store
        .set_class_archived(ada, archived, true)
        .wait()
        .unwrap();

    let history = set_id("history");
    let read = |today: &str| {
        let next = store
            .next_in_set(sam, &history, day(today))
            .unwrap()
            .unwrap();
        let both = store.set_summary_and_exam(sam, &history, day(today));
        assert_eq!(
            both.unwrap(),
            Some((next.summary.clone(), next.exam)),
            "{today}: the answer page reads what the study page does"
        );
        (next.summary.new_left, next.exam)
    };
    assert_eq!(
        read("2026-03-01"),
        (2, Some(day("2026-03-10"))),
        "B's limit of 2 and B's exam: C is archived"
    );
    assert_eq!(
        read("2026-03-10"),
        (2, Some(day("2026-03-10"))),
        "the exam day itself is still to come"
    );
    assert_eq!(
        read("2026-03-11"),
        (2, Some(day("2026-03-20"))),
        "B's exam is past: A's is next"
    );
    assert_eq!(read("2026-03-21"), (2, None), "every exam is past");

    // sam starts one card on 03-01: one of B's two is left.
    let card = store
        .next_card(sam, &history, day("2026-03-01"))
        .unwrap()
        .unwrap();
    fixture
        .review(sam, card.card_row, 5, "2026-03-01", 1)
        .unwrap();
    assert_eq!(read("2026-03-01"), (1, Some(day("2026-03-10"))));

    // Restored, C applies again: its limit of 1 (one card started today) and its exam.
    store
        .set_class_archived(ada, archived, false)
        .wait()
        .unwrap();
    assert_eq!(read("2026-03-01"), (0, Some(day("2026-03-05"))));
}
