//! Recording a review: in one write, load the student's progress on the card, run the
//! scheduler, save the new progress and append the review to the log. The review token makes a
//! resubmitted answer form fail instead of counting twice.
//!
//! When a class of the student's has an exam day for the card's set, the card is not scheduled
//! past it ([`crate::scheduler::exam`]): the due day moves, SM-2's interval stays.

use rusqlite::{Connection, OptionalExtension, named_params};
use uuid::Uuid;

use crate::scheduler::exam::due_before_exam;
use crate::scheduler::{Progress, Quality, ReviewKind, StudyDay};

use super::assignments::exam_day;
use super::error::is_unique_violation;
use super::study::progress_from_row;
use super::users::daily_new_limit;
use super::{CardRow, Pending, Store, StoreError, UserId};

/// The verdicts a review may carry: those of `questions::check` that are graded.
const VERDICTS: [&str; 4] = ["correct", "almost", "wrong", "self-graded"];

/// One answer to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReview {
    pub user: UserId,
    pub card: CardRow,
    /// Issued with the answer form; a token is recorded at most once.
    pub review_token: Uuid,
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
    let previous = connection
        .prepare_cached(
            "SELECT repetitions, easiness_hundredths, interval_days, lapses, due_day,
                 last_review_day, relearning
             FROM card_states WHERE user_id = ?1 AND card_id = ?2",
        )?
        .query_row((review.user, review.card), |row| progress_from_row(row, 0))
        .optional()?;
    let (mut progress, kind) = Progress::after_review(previous, review.quality, review.today);
    if let Some(exam) = exam_day(connection, review.user, set_row, review.today)? {
        progress.due = due_before_exam(progress.due, review.today, exam);
    }
    save_progress(connection, review, set_row, &progress)?;

    let before = previous.map(|p| p.state);
    let inserted = connection
        .prepare_cached(
            "INSERT INTO reviews (user_id, card_id, set_id, reviewed_at, study_day, answer,
                 verdict, normalized_answer, quality, scheduled,
                 repetitions_before, easiness_before, interval_before,
                 repetitions_after, easiness_after, interval_after, due_day_after,
                 duration_ms, overridden, review_token)
             VALUES (:user, :card, :set, :at, :day, :answer, :verdict, :normalized, :quality,
                 :scheduled, :repetitions_before, :easiness_before, :interval_before,
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
            ":quality": review.quality.value(),
            ":scheduled": kind == ReviewKind::Scheduled,
            ":repetitions_before": before.map(|s| s.repetitions),
            ":easiness_before": before.map(|s| s.easiness.hundredths()),
            ":interval_before": before.map(|s| s.interval_days),
            ":repetitions_after": progress.state.repetitions,
            ":easiness_after": progress.state.easiness.hundredths(),
            ":interval_after": progress.state.interval_days,
            ":due_after": progress.due,
            ":duration": review.duration_ms.filter(|ms| *ms >= 0),
            ":overridden": review.overridden,
            ":token": review.review_token.to_string(),
        });
    match inserted {
        Ok(_) => Ok(RecordedReview { progress, kind }),
        // The writer rolls this command back, so the progress saved above goes too.
        Err(error) if is_unique_violation(&error, "reviews.review_token") => {
            Err(StoreError::ReviewTokenUsed(review.review_token))
        }
        Err(error) => Err(error.into()),
    }
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
