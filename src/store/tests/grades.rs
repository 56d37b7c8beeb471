//! Changing a recorded review's grade: SM-2 run again from the state before it, only for the
//! latest review of the card on its day; claims that end the day and stick.

use super::{Fixture, day, new_review, studying};
use crate::scheduler::{Progress, Quality};
use crate::store::{CardRow, NewReview, Regrade, RegradeRefusal, UserId};

fn record(fixture: &Fixture, review: NewReview) -> String {
    let token = review.review_token.clone();
    fixture.store.record_review(review).wait().unwrap();
    token
}

fn regrade(
    fixture: &Fixture,
    user: UserId,
    token: &str,
    regrade: Regrade,
    today: &str,
) -> Result<Progress, RegradeRefusal> {
    fixture
        .store
        .regrade(user, token.to_string(), regrade, day(today))
        .wait()
        .unwrap()
        .map(|recorded| recorded.progress)
}

fn progress(fixture: &Fixture, user: UserId, row: CardRow) -> Progress {
    fixture.store.progress_of(user, row).unwrap().unwrap()
}

#[test]
fn a_new_grade_runs_sm2_again_from_the_state_before_the_review() {
    let (fixture, sam, row) = studying();
    fixture.review(sam, row, 4, "2026-01-01", 1).unwrap();
    let before = progress(&fixture, sam, row);
    let token = record(&fixture, new_review(sam, row, 4, "2026-01-02", 2));
    let easy = regrade(
        &fixture,
        sam,
        &token,
        Regrade::Quality(Quality::EASY),
        "2026-01-02",
    );
    let (expected, _) = Progress::after_review(Some(before), Quality::EASY, day("2026-01-02"));
    assert_eq!(easy, Ok(expected));
    assert_eq!(progress(&fixture, sam, row), expected);
    // And back: the same result as if Hard had been given at first.
    let hard = regrade(
        &fixture,
        sam,
        &token,
        Regrade::Quality(Quality::HARD),
        "2026-01-02",
    );
    let (expected, _) = Progress::after_review(Some(before), Quality::HARD, day("2026-01-02"));
    assert_eq!(hard, Ok(expected));
    assert_eq!(progress(&fixture, sam, row), expected);
    let logged = fixture.number(
        "SELECT quality * 1000 + interval_after FROM reviews ORDER BY id DESC LIMIT 1",
        [],
    );
    assert_eq!(logged, 3000 + i64::from(expected.state.interval_days));
}

#[test]
fn a_first_review_regraded_is_still_a_first_review() {
    let (fixture, sam, row) = studying();
    let token = record(&fixture, new_review(sam, row, 1, "2026-01-01", 1));
    let good = regrade(
        &fixture,
        sam,
        &token,
        Regrade::Quality(Quality::GOOD),
        "2026-01-01",
    );
    let (expected, _) = Progress::after_review(None, Quality::GOOD, day("2026-01-01"));
    assert_eq!(good, Ok(expected));
    assert!(!expected.relearning);
}

#[test]
fn only_the_latest_review_of_the_card_on_its_own_day_may_change() {
    let (fixture, sam, row) = studying();
    let first = record(&fixture, new_review(sam, row, 1, "2026-01-01", 1));
    let later = record(&fixture, new_review(sam, row, 4, "2026-01-01", 2));
    assert_eq!(
        regrade(
            &fixture,
            sam,
            &first,
            Regrade::Quality(Quality::AGAIN),
            "2026-01-01"
        ),
        Err(RegradeRefusal::Settled),
        "a later review built on it"
    );
    assert_eq!(
        regrade(
            &fixture,
            sam,
            &later,
            Regrade::Quality(Quality::EASY),
            "2026-01-02"
        ),
        Err(RegradeRefusal::Settled),
        "another study day"
    );
    let bob = fixture.student("bob");
    assert_eq!(
        regrade(
            &fixture,
            bob,
            &later,
            Regrade::Quality(Quality::EASY),
            "2026-01-01"
        ),
        Err(RegradeRefusal::NotFound),
        "another student's review"
    );
    // Another card's review in between does not settle it.
    let other = fixture.row("history", "b");
    record(&fixture, new_review(sam, other, 4, "2026-01-01", 3));
    assert!(
        regrade(
            &fixture,
            sam,
            &later,
            Regrade::Quality(Quality::EASY),
            "2026-01-01"
        )
        .is_ok()
    );
}

fn wrong(user: UserId, card: CardRow, answer: &str, today: &str) -> NewReview {
    NewReview {
        quality: Quality::AGAIN,
        answer: Some(answer.into()),
        verdict: "wrong".into(),
        normalized_answer: answer.to_lowercase(),
        ..new_review(user, card, 1, today, 10)
    }
}

#[test]
fn a_claim_counts_as_hard_and_ends_the_card_for_the_day() {
    let (fixture, sam, row) = studying();
    let token = record(&fixture, wrong(sam, row, "Trotsky", "2026-01-01"));
    assert!(progress(&fixture, sam, row).relearns_on(day("2026-01-01")));
    let claimed = regrade(&fixture, sam, &token, Regrade::Claim, "2026-01-01").unwrap();
    assert!(
        !claimed.relearns_on(day("2026-01-01")),
        "no same-day repeat"
    );
    assert_eq!(claimed.due, day("2026-01-02"));
    assert_eq!(
        fixture.number("SELECT quality * 10 + overridden FROM reviews", []),
        31
    );
    assert_eq!(
        regrade(&fixture, sam, &token, Regrade::Claim, "2026-01-01"),
        Err(RegradeRefusal::ClaimNotAllowed),
        "claimed once"
    );
}

#[test]
fn no_claim_on_a_right_or_blank_answer() {
    let (fixture, sam, row) = studying();
    let right = record(&fixture, new_review(sam, row, 4, "2026-01-01", 1));
    assert_eq!(
        regrade(&fixture, sam, &right, Regrade::Claim, "2026-01-01"),
        Err(RegradeRefusal::ClaimNotAllowed)
    );
    let other = fixture.row("history", "b");
    let blank = record(&fixture, wrong(sam, other, "", "2026-01-01"));
    assert_eq!(
        regrade(&fixture, sam, &blank, Regrade::Claim, "2026-01-01"),
        Err(RegradeRefusal::ClaimNotAllowed)
    );
}

#[test]
fn the_same_answer_to_a_card_with_a_pending_claim_is_recorded_as_claimed_again() {
    let (fixture, sam, row) = studying();
    let token = record(&fixture, wrong(sam, row, "Trotsky", "2026-01-01"));
    regrade(&fixture, sam, &token, Regrade::Claim, "2026-01-01").unwrap();
    let again = fixture
        .store
        .record_review(wrong(sam, row, "Trotsky", "2026-01-02"))
        .wait()
        .unwrap();
    assert!(again.overridden);
    assert_eq!(again.quality, Quality::HARD);
    assert!(!again.progress.relearns_on(day("2026-01-02")));
    // Another wrong answer is a miss as usual; another student's same answer too.
    let other = fixture
        .store
        .record_review(wrong(sam, row, "Lenin", "2026-01-03"))
        .wait()
        .unwrap();
    assert!(!other.overridden);
    let bob = fixture.student("bob");
    let bobs = fixture
        .store
        .record_review(wrong(bob, row, "Trotsky", "2026-01-03"))
        .wait()
        .unwrap();
    assert!(!bobs.overridden);
}

#[test]
fn a_rejected_answer_is_not_claimed_again_and_counts_as_a_miss() {
    let (fixture, sam, row) = studying();
    let token = record(&fixture, wrong(sam, row, "Trotsky", "2026-01-01"));
    regrade(&fixture, sam, &token, Regrade::Claim, "2026-01-01").unwrap();
    fixture
        .store
        .write(move |connection| {
            Ok(connection.execute(
                "INSERT INTO claim_rulings (user_id, card_id, normalized_answer, decision,
                     for_everyone, decided_at)
                 VALUES (?1, ?2, 'trotsky', 'rejected', 1, 0)",
                (sam, row),
            )?)
        })
        .wait()
        .unwrap();
    // The same answer on another day: a plain miss, and no claim on it.
    let token = record(&fixture, wrong(sam, row, "Trotsky", "2026-01-02"));
    assert!(progress(&fixture, sam, row).relearns_on(day("2026-01-02")));
    assert_eq!(
        regrade(&fixture, sam, &token, Regrade::Claim, "2026-01-02"),
        Err(RegradeRefusal::ClaimRejected)
    );
    let claimed_at_once = NewReview {
        overridden: true,
        quality: Quality::HARD,
        ..wrong(sam, row, "Trotsky", "2026-01-03")
    };
    let refused = fixture.store.record_review(claimed_at_once).wait();
    assert!(
        matches!(refused, Err(crate::store::StoreError::ClaimRejected)),
        "{refused:?}"
    );
}
