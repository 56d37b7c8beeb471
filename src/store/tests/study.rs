//! The order cards come up in, and the query plan of the due-card query.

use super::{Fixture, card_id, day, open_store, set, set_id};
use crate::store::sets::listing::ONE_SET_SUMMARY;
use crate::store::study::next_card::{DUE_CARD, NEW_CARD, RELEARN_CARD, SET_LIMITS};
use crate::store::{Queue, StoreError, UserId};

/// The next card's id and queue, or `None` when the day's work in `set` is done.
fn next(fixture: &Fixture, user: UserId, set: &str, today: &str) -> Option<(String, Queue)> {
    fixture
        .store
        .next_card(user, &set_id(set), day(today))
        .unwrap()
        .map(|next| (next.card.id.to_string(), next.queue))
}

fn answer(fixture: &Fixture, user: UserId, card: &str, quality: u8, today: &str, at_ms: i64) {
    let row = fixture.row("history", card);
    fixture.review(user, row, quality, today, at_ms).unwrap();
}

#[test]
fn a_study_day_serves_due_cards_most_overdue_first_then_new_ones_up_to_the_limit_then_repeats() {
    let fixture = open_store();
    let student = fixture.student("sam");
    fixture.import(&[set("history", &["a", "b", "c", "d", "e", "f"])]);
    fixture
        .store
        .set_daily_new_limit(student, 2)
        .wait()
        .unwrap();
    answer(&fixture, student, "b", 4, "2026-01-02", 1); // due 01-03
    answer(&fixture, student, "a", 4, "2026-01-03", 2); // due 01-04

    let today = "2026-01-10";
    let due = Some(Queue::Due);
    let new = Some(Queue::New);
    let relearn = Some(Queue::Relearn);
    let step = |expected: &str, queue: Option<Queue>, quality: u8, at_ms: i64| {
        let (card, served_from) = next(&fixture, student, "history", today).unwrap();
        assert_eq!((card.as_str(), Some(served_from)), (expected, queue));
        answer(&fixture, student, expected, quality, today, at_ms);
    };
    step("b", due, 2, 10); // the most overdue; forgotten: comes back today
    step("a", due, 4, 11);
    step("c", new, 3, 12); // new cards in file order; 3 is a pass but still repeated today
    step("d", new, 5, 13);
    // Two new cards today: the limit. The repeats follow, the longest-waiting first.
    step("b", relearn, 3, 14); // still below 4: b stays in relearning, now behind c
    step("c", relearn, 4, 15);
    step("b", relearn, 5, 16);
    assert_eq!(next(&fixture, student, "history", today), None);

    // The next day, the limit allows two more new cards; b, forgotten yesterday, is due first.
    assert_eq!(
        next(&fixture, student, "history", "2026-01-11"),
        Some(("b".into(), Queue::Due))
    );
}

#[test]
fn the_daily_limit_of_new_cards_counts_each_set_on_its_own() {
    let fixture = open_store();
    let student = fixture.student("sam");
    fixture.import(&[set("history", &["a", "b"]), set("other", &["x"])]);
    fixture
        .store
        .set_daily_new_limit(student, 1)
        .wait()
        .unwrap();
    answer(&fixture, student, "a", 5, "2026-01-01", 1);

    assert_eq!(
        next(&fixture, student, "history", "2026-01-01"),
        None,
        "history's one is used"
    );
    assert_eq!(
        next(&fixture, student, "other", "2026-01-01"),
        Some(("x".into(), Queue::New)),
        "another set has its own limit"
    );
}

#[test]
fn a_due_card_comes_with_its_progress_and_a_new_card_without() {
    let fixture = open_store();
    let student = fixture.student("sam");
    fixture.import(&[set("history", &["a", "b"])]);
    let recorded = fixture
        .review(student, fixture.row("history", "a"), 4, "2026-01-01", 1)
        .unwrap();

    let due = fixture
        .store
        .next_card(student, &set_id("history"), day("2026-01-02"))
        .unwrap()
        .unwrap();
    assert_eq!(due.card.id, card_id("a"));
    assert_eq!(due.progress, Some(recorded.progress));
    let new = fixture
        .store
        .next_card(student, &set_id("history"), day("2026-01-01"))
        .unwrap()
        .unwrap();
    assert_eq!((new.card.id, new.progress), (card_id("b"), None));
}

#[test]
fn an_unknown_set_or_user_is_an_error_not_an_empty_queue() {
    let fixture = open_store();
    let student = fixture.student("sam");
    fixture.import(&[set("history", &["a"])]);
    let today = day("2026-01-01");
    assert!(matches!(
        fixture.store.next_card(student, &set_id("nothing"), today),
        Err(StoreError::UnknownSet(_))
    ));
    assert!(matches!(
        fixture
            .store
            .next_card(UserId(999), &set_id("history"), today),
        Err(StoreError::UnknownUser(UserId(999)))
    ));
}

/// The steps of `sql`'s query plan, with `?1` a student, `?2` a set's row and `?3` a day.
fn plan_of(sql: &str) -> Vec<String> {
    let fixture = open_store();
    let student = fixture.student("sam");
    fixture.import(&[set("history", &["a", "b", "c"])]);
    fixture
        .store
        .read(|connection| {
            let mut statement = connection.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
            let today = day("2026-01-01");
            let values: [&dyn rusqlite::ToSql; 3] = [&student, &1, &today];
            let bound = rusqlite::params_from_iter(&values[..statement.parameter_count()]);
            let rows = statement.query_map(bound, |row| row.get(3))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .unwrap()
}

/// The study page's queries each search one index range: none walks a table, or all of a
/// student's states (`PRIMARY KEY (user_id=?)`), or sorts.
#[test]
fn the_study_pages_queries_search_their_indexes_instead_of_scanning() {
    let queries = [
        (DUE_CARD, "card_states_due"),
        (RELEARN_CARD, "card_states_relearning"),
        (SET_LIMITS, "card_states_introduced"),
        (ONE_SET_SUMMARY, "card_states_due"),
        (ONE_SET_SUMMARY, "card_states_relearning"),
        (ONE_SET_SUMMARY, "card_states_introduced"),
        (NEW_CARD, "cards_in_order"),
    ];
    for (sql, index) in queries {
        let plan = plan_of(sql);
        let uses_index = plan.iter().any(|step| {
            step.contains(&format!("USING INDEX {index} "))
                || step.contains(&format!("USING COVERING INDEX {index} "))
        });
        assert!(uses_index, "{index}: {plan:#?}");
        let walks = |step: &String| {
            (step.starts_with("SCAN") && step != "SCAN CONSTANT ROW")
                || step.contains("TEMP B-TREE")
                || step.contains("USING PRIMARY KEY (user_id=?)")
        };
        assert!(!plan.iter().any(walks), "{plan:#?}");
    }
}

/// The most overdue card's state comes from `card_states_due` alone (migration 0005): no second
/// descent into `card_states` itself.
#[test]
fn the_due_card_is_read_from_its_index_alone() {
    let plan = plan_of(DUE_CARD);
    assert!(
        plan.iter()
            .any(|step| step.contains("USING COVERING INDEX card_states_due ")),
        "{plan:#?}"
    );
}

#[test]
fn one_sets_summary_is_the_same_as_its_row_in_the_list() {
    let fixture = open_store();
    let student = fixture.student("sam");
    fixture.import(&[set("history", &["a", "b"]), set("other", &["x"])]);
    answer(&fixture, student, "a", 2, "2026-01-01", 1);
    let today = day("2026-01-01");
    let listed = fixture.store.list_sets(student, today).unwrap();
    for summary in &listed {
        let one = fixture
            .store
            .set_summary_and_exam(student, &summary.id, today)
            .unwrap();
        assert_eq!(one.map(|(one, _)| one).as_ref(), Some(summary));
    }
    let missing = set_id("absent");
    let absent = fixture.store.set_summary_and_exam(student, &missing, today);
    assert_eq!(absent.unwrap(), None);
}

/// The figures counted one index range at a time, as `SELECT`s over every card would count them.
#[test]
fn set_figures_match_a_plain_count_with_retired_and_relearning_cards() {
    let fixture = open_store();
    let student = fixture.student("sam");
    fixture.import(&[set("history", &["a", "b", "c", "d", "e", "f"])]);
    answer(&fixture, student, "a", 4, "2026-01-01", 1); // due 01-02
    answer(&fixture, student, "b", 4, "2026-01-01", 2); // due 01-02, then retired
    answer(&fixture, student, "c", 2, "2026-01-05", 3); // relearning on 01-05
    answer(&fixture, student, "d", 2, "2026-01-05", 4); // relearning on 01-05, then retired
    answer(&fixture, student, "e", 5, "2026-01-05", 5); // due 01-06
    fixture.import(&[set("history", &["a", "c", "e", "f"])]);

    let plain = |sql: &str, today: &str| -> u32 {
        u32::try_from(fixture.number(sql, (student.0, today))).unwrap()
    };
    for today in ["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06"] {
        let (summary, _) = fixture
            .store
            .set_summary_and_exam(student, &set_id("history"), day(today))
            .unwrap()
            .unwrap();
        let due = plain(
            "SELECT count(*) FROM card_states AS s JOIN cards AS c ON c.id = s.card_id
             WHERE s.user_id = ?1 AND c.retired = 0
               AND (s.due_day <= ?2 OR (s.relearning = 1 AND s.last_review_day = ?2))",
            today,
        );
        let unseen = plain(
            "SELECT count(*) FROM cards AS c WHERE c.retired = 0 AND ?2 IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM card_states AS s
                               WHERE s.user_id = ?1 AND s.card_id = c.id)",
            today,
        );
        assert_eq!(summary.cards, 4, "{today}");
        assert_eq!(summary.due, due, "{today}");
        assert_eq!(summary.new_left, unseen, "{today}");
    }
    assert_eq!(
        fixture
            .store
            .set_summary_and_exam(student, &set_id("history"), day("2026-01-05"))
            .unwrap()
            .map(|(summary, _)| (summary.due, summary.new_left)),
        Some((2, 1)),
        "a (due 01-02) and c (relearning); f unseen; b and d retired"
    );
}

/// `sets.live_cards` is kept by triggers: it stays the plain count through imports that add,
/// retire and bring back cards.
#[test]
fn each_sets_live_card_count_follows_its_imports() {
    let fixture = open_store();
    let live = |slug: &str| {
        let kept = fixture.number("SELECT live_cards FROM sets WHERE slug = ?1", [slug]);
        let counted = fixture.number(
            "SELECT count(*) FROM cards JOIN sets ON sets.id = cards.set_id
             WHERE sets.slug = ?1 AND cards.retired = 0",
            [slug],
        );
        assert_eq!(kept, counted, "{slug}");
        kept
    };
    fixture.import(&[set("history", &["a", "b", "c"]), set("other", &["x"])]);
    assert_eq!((live("history"), live("other")), (3, 1));
    fixture.import(&[set("history", &["a"]), set("other", &["x", "y"])]);
    assert_eq!(
        (live("history"), live("other")),
        (1, 2),
        "b and c retired, y added"
    );
    fixture.import(&[set("history", &["c", "a", "d"]), set("other", &["y", "x"])]);
    assert_eq!(
        (live("history"), live("other")),
        (3, 2),
        "c back, d new, order changed"
    );
}

#[test]
fn next_in_set_is_the_summary_the_exam_and_the_next_card_of_one_read() {
    let fixture = open_store();
    let student = fixture.student("sam");
    fixture.import(&[set("history", &["a", "b"])]);
    answer(&fixture, student, "a", 2, "2026-01-01", 1);
    for today in ["2026-01-01", "2026-01-02"] {
        let today = day(today);
        let history = set_id("history");
        let together = fixture
            .store
            .next_in_set(student, &history, today)
            .unwrap()
            .unwrap();
        let store = &fixture.store;
        // The set's row of the home page's list; the exam (none: sam is in no class) is
        // held to days written out in `classes::tests::two_classes`.
        let listed = store.list_sets(student, today).unwrap();
        assert_eq!(listed, std::slice::from_ref(&together.summary));
        assert_eq!(together.exam, None);
        assert_eq!(
            store
                .set_summary_and_exam(student, &history, today)
                .unwrap(),
            Some((together.summary, together.exam))
        );
        assert_eq!(
            together.next,
            store.next_card(student, &history, today).unwrap()
        );
    }
    assert_eq!(
        fixture
            .store
            .next_in_set(student, &set_id("absent"), day("2026-01-01"))
            .unwrap(),
        None
    );
}
