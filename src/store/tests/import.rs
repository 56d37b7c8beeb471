//! Importing sets: creating, re-importing edited files, and all-or-nothing imports.

use super::{card, card_id, card_ids, day, open_store, set, set_id, with_cards};
use crate::store::StoreError;

#[test]
fn a_first_import_creates_the_set_and_the_same_file_again_changes_nothing() {
    let fixture = open_store();
    let history = set("history", &["a", "b", "c"]);

    let [first] = fixture
        .import(std::slice::from_ref(&history))
        .try_into()
        .unwrap();
    assert!(first.created);
    assert_eq!(first.added, card_ids(&["a", "b", "c"]));

    let [again] = fixture.import(&[history]).try_into().unwrap();
    assert!(!again.created && again.is_unchanged(), "{again:?}");
    assert_eq!(again.unchanged, 3);
    assert_eq!(fixture.number("SELECT count(*) FROM cards", []), 3);
}

#[test]
fn a_reimport_adds_changes_retires_and_restores_cards_and_progress_stays() {
    let fixture = open_store();
    let student = fixture.student("sam");
    fixture.import(&[set("history", &["a", "b", "c"])]);
    let (row_a, row_b) = (fixture.row("history", "a"), fixture.row("history", "b"));
    fixture.review(student, row_a, 5, "2026-01-01", 1).unwrap();
    fixture.review(student, row_b, 5, "2026-01-01", 2).unwrap();

    // Edit a, drop b, add d.
    let mut edited_a = card("a", &["war"]);
    edited_a.prompt = "What exactly is a?".into();
    let edited = with_cards("history", vec![edited_a, card("c", &[]), card("d", &[])]);
    let [report] = fixture.import(&[edited]).try_into().unwrap();
    assert!(!report.created);
    assert_eq!(report.changed, card_ids(&["a"]));
    assert_eq!(report.retired, card_ids(&["b"]));
    assert_eq!(report.added, card_ids(&["d"]));
    assert_eq!((report.unchanged, report.restored.len()), (1, 0));

    let stored_a = fixture
        .store
        .card(&set_id("history"), &card_id("a"))
        .unwrap()
        .unwrap();
    assert_eq!(stored_a.row, row_a, "a matched by id keeps its row");
    assert_eq!(stored_a.card.prompt, "What exactly is a?");
    let states = "SELECT count(*) FROM card_states WHERE card_id = ?1";
    assert_eq!(fixture.number(states, [row_a]), 1, "a keeps its progress");
    assert!(
        fixture
            .store
            .card(&set_id("history"), &card_id("b"))
            .unwrap()
            .unwrap()
            .retired
    );
    assert_eq!(
        fixture.number("SELECT count(*) FROM card_tags WHERE tag = 'war'", []),
        1
    );

    // b comes back, first in the file: same row, its progress and history still there.
    let back = set("history", &["b", "a", "c", "d"]);
    let [report] = fixture.import(&[back]).try_into().unwrap();
    assert_eq!(report.restored, card_ids(&["b"]));
    assert_eq!(
        report.changed,
        card_ids(&["a"]),
        "a lost its tag and prompt again"
    );
    assert!(report.retired.is_empty() && report.added.is_empty());
    assert_eq!(fixture.row("history", "b"), row_b);
    assert_eq!(fixture.number(states, [row_b]), 1);
    assert_eq!(
        fixture.number("SELECT count(*) FROM reviews WHERE card_id = ?1", [row_b]),
        1
    );
    let positions =
        "SELECT group_concat(slug, ' ') FROM (SELECT slug FROM cards ORDER BY position)";
    let order: String = fixture
        .store
        .read(|connection| Ok(connection.query_row(positions, [], |row| row.get(0))?))
        .unwrap();
    assert_eq!(order, "b a c d", "positions follow the file");
}

#[test]
fn retired_cards_are_neither_counted_nor_studied() {
    let fixture = open_store();
    let student = fixture.student("sam");
    fixture.import(&[set("history", &["a", "b"])]);
    let row_a = fixture.row("history", "a");
    fixture.review(student, row_a, 4, "2026-01-01", 1).unwrap();
    fixture.import(&[set("history", &["b"])]);

    let today = day("2026-01-05"); // a would be due
    let [summary] = fixture
        .store
        .list_sets(student, today)
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!((summary.cards, summary.due, summary.new_left), (1, 0, 1));
    let next = fixture
        .store
        .next_card(student, &set_id("history"), today)
        .unwrap()
        .unwrap();
    assert_eq!(next.card.id, card_id("b"));
}

#[test]
fn a_failing_set_leaves_nothing_of_its_import() {
    let fixture = open_store();
    let good = set("good", &["a", "b"]);
    let bad = set("bad", &["x", "y", "x"]);
    let sets = vec![(good, "good".into()), (bad, "bad".into())];

    let error = fixture.store.import_sets(sets).wait().unwrap_err();
    assert!(
        matches!(&error, StoreError::DuplicateCard { set, card } if set.as_str() == "bad" && card.as_str() == "x"),
        "{error:?}"
    );
    assert_eq!(fixture.number("SELECT count(*) FROM sets", []), 0);
    assert_eq!(fixture.number("SELECT count(*) FROM cards", []), 0);
}

#[test]
fn a_set_named_twice_in_one_import_is_refused() {
    let fixture = open_store();
    let sets = vec![
        (set("same", &["a"]), "one".into()),
        (set("same", &["b"]), "two".into()),
    ];
    let error = fixture.store.import_sets(sets).wait().unwrap_err();
    assert!(matches!(error, StoreError::DuplicateSet(_)), "{error:?}");
    assert_eq!(fixture.number("SELECT count(*) FROM sets", []), 0);
}

#[test]
fn a_set_summary_counts_due_and_new_cards_for_the_student() {
    let fixture = open_store();
    let student = fixture.student("sam");
    fixture.import(&[set("alpha", &["a", "b", "c"]), set("beta", &["d"])]);
    fixture
        .review(student, fixture.row("alpha", "a"), 4, "2026-01-01", 1)
        .unwrap();
    fixture
        .review(student, fixture.row("alpha", "b"), 2, "2026-01-02", 2)
        .unwrap();
    fixture
        .store
        .set_daily_new_limit(student, 2)
        .wait()
        .unwrap();

    // On 01-02: a is due, b waits for a same-day repeat; one new card introduced today (b).
    let summaries = fixture.store.list_sets(student, day("2026-01-02")).unwrap();
    let figures: Vec<_> = summaries
        .iter()
        .map(|s| (s.id.as_str(), s.cards, s.due, s.new_left))
        .collect();
    assert_eq!(figures, [("alpha", 3, 2, 1), ("beta", 1, 0, 1)]);
}

/// A set's file text is kept in `set_files`; `updated_at` moves only when the text changed.
#[test]
fn the_file_text_and_updated_at_change_only_when_the_file_does() {
    let fixture = open_store();
    let history = set("history", &["a"]);
    let import = |text: &str| {
        fixture
            .store
            .import_sets(vec![(history.clone(), text.to_string())])
            .wait()
            .unwrap();
        let info = fixture
            .store
            .set_by_slug(&set_id("history"))
            .unwrap()
            .unwrap();
        let kept = fixture.store.set_file_text(&set_id("history")).unwrap();
        (info.updated_at_ms, kept.unwrap())
    };
    let (first, text) = import("# first");
    assert_eq!(text, "# first");
    std::thread::sleep(std::time::Duration::from_millis(5));
    let (same, text) = import("# first");
    assert_eq!(
        (same, text.as_str()),
        (first, "# first"),
        "same file: untouched"
    );
    std::thread::sleep(std::time::Duration::from_millis(5));
    let (edited, text) = import("# second");
    assert_eq!(text, "# second");
    assert!(edited > first, "{edited} after {first}");
}
