//! Recording reviews: the scheduler's progress saved, the log written, tokens used once.

use super::{Fixture, day, new_review, studying};
use crate::scheduler::{Progress, Quality, ReviewKind};
use crate::store::{CardRow, StoreError, UserId};

/// The card state as stored: (repetitions, easiness, interval, due, relearning, introduced).
fn stored_state(fixture: &Fixture, row: CardRow) -> (u32, u16, u32, String, bool, String) {
    fixture
        .store
        .read(|connection| {
            Ok(connection.query_row(
                "SELECT repetitions, easiness_hundredths, interval_days, due_day, relearning,
                     introduced_day
                 FROM card_states WHERE card_id = ?1",
                [row],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )?)
        })
        .unwrap()
}

/// A review row's (repetitions, easiness) before, (repetitions, easiness, interval, due) after,
/// and whether it was scheduled.
type LoggedStates = (Option<u32>, Option<u16>, u32, u16, u32, String, bool);

#[test]
fn a_review_saves_the_schedulers_progress_and_logs_the_state_before_and_after() {
    let (fixture, student, row) = studying();
    let first = fixture.review(student, row, 5, "2026-01-01", 100).unwrap();
    let (expected, _) = Progress::after_review(None, Quality::EASY, day("2026-01-01"));
    assert_eq!(
        (first.progress, first.kind),
        (expected, ReviewKind::Scheduled)
    );
    assert_eq!(
        stored_state(&fixture, row),
        (1, 260, 1, "2026-01-02".into(), false, "2026-01-01".into())
    );

    let second = fixture.review(student, row, 3, "2026-01-02", 200).unwrap();
    let (expected, _) =
        Progress::after_review(Some(first.progress), Quality::HARD, day("2026-01-02"));
    assert_eq!(second.progress, expected);
    assert_eq!(
        stored_state(&fixture, row),
        (2, 246, 6, "2026-01-08".into(), true, "2026-01-01".into()),
        "introduced_day stays the day of the first review"
    );

    let log: Vec<LoggedStates> = fixture
        .store
        .read(|connection| {
            let mut statement = connection.prepare(
                "SELECT repetitions_before, easiness_before, repetitions_after, easiness_after,
                     interval_after, due_day_after, scheduled
                 FROM reviews ORDER BY id",
            )?;
            let rows = statement.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .unwrap();
    assert_eq!(
        log,
        [
            (None, None, 1, 260, 1, "2026-01-02".into(), true),
            (Some(1), Some(260), 2, 246, 6, "2026-01-08".into(), true),
        ]
    );
}

#[test]
fn a_same_day_repeat_is_logged_unscheduled_and_leaves_the_sm2_state() {
    let (fixture, student, row) = studying();
    let first = fixture.review(student, row, 2, "2026-01-01", 100).unwrap();
    let repeat = fixture.review(student, row, 5, "2026-01-01", 200).unwrap();
    assert_eq!(repeat.kind, ReviewKind::SameDayRepeat);
    assert_eq!(repeat.progress.state, first.progress.state);
    assert!(!repeat.progress.relearning);
    let unscheduled = "SELECT count(*) FROM reviews WHERE scheduled = 0";
    assert_eq!(fixture.number(unscheduled, []), 1);
}

#[test]
fn a_used_review_token_is_refused_and_nothing_is_recorded() {
    let (fixture, student, row) = studying();
    let review = new_review(student, row, 4, "2026-01-01", 100);
    let token = review.review_token.clone();
    fixture.store.record_review(review).wait().unwrap();
    let before = stored_state(&fixture, row);

    // The same form sent again days later, with a grade that would move the card.
    let mut again = new_review(student, row, 1, "2026-01-05", 500);
    again.review_token = token.clone();
    let error = fixture.store.record_review(again).wait().unwrap_err();
    assert!(
        matches!(&error, StoreError::ReviewTokenUsed(used) if *used == token),
        "{error:?}"
    );
    assert_eq!(fixture.number("SELECT count(*) FROM reviews", []), 1);
    assert_eq!(
        stored_state(&fixture, row),
        before,
        "the progress did not move"
    );
}

#[test]
fn a_review_of_an_unknown_card_or_user_or_with_a_bad_verdict_is_refused() {
    let (fixture, student, row) = studying();
    let unknown_card = fixture.review(student, CardRow(999), 4, "2026-01-01", 1);
    assert!(matches!(
        unknown_card,
        Err(StoreError::UnknownCard(CardRow(999)))
    ));
    let unknown_user = fixture.review(UserId(999), row, 4, "2026-01-01", 1);
    assert!(matches!(
        unknown_user,
        Err(StoreError::UnknownUser(UserId(999)))
    ));
    let mut odd = new_review(student, row, 4, "2026-01-01", 1);
    odd.verdict = "unparsed".into();
    let bad_verdict = fixture.store.record_review(odd).wait();
    assert!(matches!(bad_verdict, Err(StoreError::UnknownVerdict(_))));
    assert_eq!(fixture.number("SELECT count(*) FROM reviews", []), 0);
}

#[test]
fn a_review_keeps_its_answer_and_only_its_grade_may_change() {
    let (fixture, student, row) = studying();
    fixture.review(student, row, 4, "2026-01-01", 1).unwrap();
    for rewrite in [
        "UPDATE reviews SET answer = 'forged'",
        "UPDATE reviews SET verdict = 'correct'",
        "UPDATE reviews SET study_day = '2025-01-01'",
        "UPDATE reviews SET review_token = 'x'",
        "UPDATE reviews SET easiness_before = 250",
    ] {
        let refused = fixture
            .store
            .write(move |connection| Ok(connection.execute(rewrite, [])?))
            .wait();
        assert!(
            refused
                .unwrap_err()
                .to_string()
                .contains("keeps its answer"),
            "{rewrite}"
        );
    }
    let regraded = fixture
        .store
        .write(|connection| Ok(connection.execute("UPDATE reviews SET quality = 5", [])?))
        .wait();
    assert_eq!(regraded.unwrap(), 1);
}
