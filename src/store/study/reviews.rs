//! Recording a review: in one write, load the student's progress on the card, run the
//! scheduler, save the new progress and append the review to the log. The review token makes a
//! resubmitted answer form fail instead of counting twice. The row keeps the whole state before
//! the review, so its grade can be changed afterwards ([`super::grades`]).
//!
//! "I was right" ends the card for the day: a claimed review never asks for a same-day repeat.
//! And a claim sticks: while a student's claim on a card is undecided (or once it is accepted),
//! the same answer from them to that card is recorded as claimed again, never as a new miss.
//!
//! When a class of the student's has an exam day for the card's set, the card is not scheduled
//! past it ([`crate::scheduler::exam`]): the due day moves, SM-2's interval stays.

use rusqlite::{Connection, OptionalExtension, named_params};

use crate::scheduler::exam::due_before_exam;
use crate::scheduler::{Progress, Quality, ReviewKind, StudyDay};

use super::claims::claim_allowed;
use super::next_card::progress_from_row;
use crate::store::accounts::users::daily_new_limit;
use crate::store::classes::assignments::exam_day;
use crate::store::error::is_unique_violation;
use crate::store::teaching::disputes::{ClaimStanding, claim_standing};
use crate::store::{CardRow, Pending, Store, StoreError, UserId};

/// The verdicts a review may carry: those of `questions::check` that are graded.
const VERDICTS: [&str; 4] = ["correct", "almost", "wrong", "self-graded"];

/// One answer to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReview {
    pub user: UserId,
    pub card: CardRow,
    /// Issued with the answer form; a token is recorded at most once.
    pub review_token: String,
    pub quality: Quality,
    /// The study day the review belongs to.
    pub today: StudyDay,
    /// Unix milliseconds.
    pub reviewed_at_ms: i64,
    /// What the student gave, as text or JSON; `None` for a recall card.
    pub answer: Option<String>,
    /// `correct`, `almost`, `wrong` or `self-graded` (as `questions::check::Verdict` serializes).
    pub verdict: String,
    pub normalized_answer: String,
    /// Time spent answering; a negative one (a clock step) is stored as unknown.
    pub duration_ms: Option<i64>,
    /// The student claimed "I was right" over the checker's verdict.
    pub overridden: bool,
}

/// What a recorded review did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordedReview {
    /// The student's progress on the card after the review.
    pub progress: Progress,
    pub kind: ReviewKind,
    /// The grade recorded: the one asked for, or Hard for an answer the student had claimed.
    pub quality: Quality,
    /// Recorded as a claim: asked for, or the same answer as a claim of theirs that stands.
    pub overridden: bool,
}

impl Store {
    /// Records a review and moves the card's schedule.
    ///
    /// Fails with [`StoreError::ReviewTokenUsed`] when the token was recorded before (nothing is
    /// changed), [`StoreError::UnknownCard`] / [`StoreError::UnknownUser`] for bad ids and
    /// [`StoreError::UnknownVerdict`] for a verdict not in the list.
    pub fn record_review(&self, review: NewReview) -> Pending<RecordedReview> {
        if !VERDICTS.contains(&review.verdict.as_str()) {
            return Pending::refused(StoreError::UnknownVerdict(review.verdict));
        }
        self.write_leaving_accounts(move |connection| record(connection, &review))
    }
}

fn record(connection: &Connection, review: &NewReview) -> Result<RecordedReview, StoreError> {
    let set_row: i64 = connection
        .prepare_cached("SELECT set_id FROM cards WHERE id = ?1")?
        .query_row([review.card], |row| row.get(0))
        .optional()?
        .ok_or(StoreError::UnknownCard(review.card))?;
    daily_new_limit(connection, review.user)?; // proves the user exists
    let (quality, overridden) = match standing(connection, review)? {
        // The same answer as a claim of theirs that stands: counted as claimed again.
        Some(ClaimStanding::Pending | ClaimStanding::Accepted) if !review.overridden => {
            (Quality::HARD, true)
        }
        Some(ClaimStanding::Rejected) if review.overridden => {
            return Err(StoreError::ClaimRejected);
        }
        _ => (review.quality, review.overridden),
    };
    // Only a claim the student makes now is limited, not one counted as claimed again.
    if review.overridden && !claim_allowed(connection, review.user, set_row, review.today)? {
        return Err(StoreError::TooManyClaims);
    }
    let previous = connection
        .prepare_cached(
            "SELECT repetitions, easiness_hundredths, interval_days, lapses, due_day,
                 last_review_day, relearning
             FROM card_states WHERE user_id = ?1 AND card_id = ?2",
        )?
        .query_row((review.user, review.card), |row| progress_from_row(row, 0))
        .optional()?;
    let progress = schedule(
        connection,
        review.user,
        set_row,
        previous,
        quality,
        overridden,
        review.today,
    )?;
    let kind = match previous {
        Some(before) if before.last_review == review.today => ReviewKind::SameDayRepeat,
        _ => ReviewKind::Scheduled,
    };
    save_progress(connection, review, set_row, &progress)?;

    let before = previous.map(|p| p.state);
    let inserted = connection
        .prepare_cached(
            "INSERT INTO reviews (user_id, card_id, set_id, reviewed_at, study_day, answer,
                 verdict, normalized_answer, quality, scheduled,
                 repetitions_before, easiness_before, interval_before, lapses_before,
                 due_day_before, last_review_day_before, relearning_before,
                 repetitions_after, easiness_after, interval_after, due_day_after,
                 duration_ms, overridden, review_token)
             VALUES (:user, :card, :set, :at, :day, :answer, :verdict, :normalized, :quality,
                 :scheduled, :repetitions_before, :easiness_before, :interval_before,
                 :lapses_before, :due_before, :last_review_before, :relearning_before,
                 :repetitions_after, :easiness_after, :interval_after, :due_after,
                 :duration, :overridden, :token)",
        )?
        .execute(named_params! {
            ":user": review.user,
            ":card": review.card,
            ":set": set_row,
            ":at": review.reviewed_at_ms,
            ":day": review.today,
            ":answer": review.answer,
            ":verdict": review.verdict,
            ":normalized": review.normalized_answer,
            ":quality": quality.value(),
            ":scheduled": kind == ReviewKind::Scheduled,
            ":repetitions_before": before.map(|s| s.repetitions),
            ":easiness_before": before.map(|s| s.easiness.hundredths()),
            ":interval_before": before.map(|s| s.interval_days),
            ":lapses_before": before.map(|s| s.lapses),
            ":due_before": previous.map(|p| p.due),
            ":last_review_before": previous.map(|p| p.last_review),
            ":relearning_before": previous.map(|p| p.relearning),
            ":repetitions_after": progress.state.repetitions,
            ":easiness_after": progress.state.easiness.hundredths(),
            ":interval_after": progress.state.interval_days,
            ":due_after": progress.due,
            ":duration": review.duration_ms.filter(|ms| *ms >= 0),
            ":overridden": overridden,
            ":token": review.review_token,
        });
    match inserted {
        Ok(_) => Ok(RecordedReview {
            progress,
            kind,
            quality,
            overridden,
        }),
        // The writer rolls this command back, so the progress saved above goes too.
        Err(error) if is_unique_violation(&error, "reviews.review_token") => {
            Err(StoreError::ReviewTokenUsed(review.review_token.clone()))
        }
        Err(error) => Err(error.into()),
    }
}

/// The progress after a review with `quality` on `today` from `previous`: SM-2 with same-day
/// relearning, no same-day repeat after a claim, and no due day past the student's exam.
pub(in crate::store) fn schedule(
    connection: &Connection,
    user: UserId,
    set_row: i64,
    previous: Option<Progress>,
    quality: Quality,
    claimed: bool,
    today: StudyDay,
) -> Result<Progress, StoreError> {
    let (mut progress, _) = Progress::after_review(previous, quality, today);
    if claimed {
        progress.relearning = false;
    }
    if let Some(exam) = exam_day(connection, user, set_row, today)? {
        progress.due = due_before_exam(progress.due, today, exam);
    }
    Ok(progress)
}

/// Where the student's claim on this wrong answer stands, if they ever claimed it: a pending or
/// accepted claim makes the same answer count as claimed again; a rejected one cannot be
/// claimed anew.
fn standing(
    connection: &Connection,
    review: &NewReview,
) -> Result<Option<ClaimStanding>, StoreError> {
    if review.verdict != "wrong" || review.normalized_answer.is_empty() {
        return Ok(None);
    }
    claim_standing(
        connection,
        review.user,
        review.card,
        &review.normalized_answer,
    )
}

/// Saves the card's new progress; on a first review, the day it is introduced as well.
fn save_progress(
    connection: &Connection,
    review: &NewReview,
    set_row: i64,
    progress: &Progress,
) -> Result<(), StoreError> {
    connection
        .prepare_cached(
            "INSERT INTO card_states (user_id, card_id, set_id, repetitions, easiness_hundredths,
                 interval_days, lapses, due_day, last_review_day, last_reviewed_at, relearning,
                 introduced_day)
             VALUES (:user, :card, :set, :repetitions, :easiness, :interval, :lapses, :due,
                 :day, :at, :relearning, :day)
             ON CONFLICT (user_id, card_id) DO UPDATE SET
                 repetitions = excluded.repetitions,
                 easiness_hundredths = excluded.easiness_hundredths,
                 interval_days = excluded.interval_days,
                 lapses = excluded.lapses,
                 due_day = excluded.due_day,
                 last_review_day = excluded.last_review_day,
                 last_reviewed_at = excluded.last_reviewed_at,
                 relearning = excluded.relearning",
        )?
        .execute(named_params! {
            ":user": review.user,
            ":card": review.card,
            ":set": set_row,
            ":repetitions": progress.state.repetitions,
            ":easiness": progress.state.easiness.hundredths(),
            ":interval": progress.state.interval_days,
            ":lapses": progress.state.lapses,
            ":due": progress.due,
            ":day": progress.last_review,
            ":at": review.reviewed_at_ms,
            ":relearning": progress.relearning,
        })?;
    Ok(())
}
