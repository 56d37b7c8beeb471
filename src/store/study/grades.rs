//! A recorded review as the verdict page shows it, and changing its grade.
//!
//! The check is the attempt: a review is recorded when the answer is checked, with the
//! verdict's default grade. The student may then pick another grade (Hard, Good, Easy after a
//! right answer) or claim "I was right" after a wrong one: the same review's quality changes and
//! SM-2 runs again from the state the row kept from before it. Only the student's latest review
//! of the card, on the study day it was recorded, can change: a later review has already built
//! on it.

use rusqlite::{Connection, OptionalExtension, Row, named_params};

use crate::scheduler::{CardState, Easiness, Progress, Quality, StudyDay};

use super::claims::{claim_allowed, too_many_claims};
use super::reviews::{RecordedReview, schedule};
use crate::scheduler::ReviewKind;
use crate::store::teaching::disputes::{ClaimStanding, claim_standing};
use crate::store::{CardRow, Pending, Store, StoreError, UserId};

/// A recorded review, found by its token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedAnswer {
    pub card: CardRow,
    pub study_day: StudyDay,
    /// What the student gave, as text or JSON; `None` for a recall card.
    pub answer: Option<String>,
    /// The checker's verdict as stored: `correct`, `almost`, `wrong` or `self-graded`.
    pub verdict: String,
    pub normalized_answer: String,
    pub quality: Quality,
    pub overridden: bool,
    /// Where the card stood before the review; `None` for the card's first review.
    pub before: Option<Progress>,
    /// The grade may still change (see the module's documentation).
    pub regradable: bool,
    /// The student's instructor rejected this answer on this card: it cannot be claimed again.
    pub claim_rejected: bool,
    /// The day the card is due after the review.
    pub due_after: StudyDay,
}

/// The new grade of a recorded review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regrade {
    Quality(Quality),
    /// "I was right": a wrong answer counts as right (Hard), ending the card for the day.
    Claim,
}

/// Why a grade was not changed; nothing was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RegradeRefusal {
    #[error("there is no such answer of yours")]
    NotFound,
    #[error(
        "this grade can no longer change: only your latest answer to a card, on the day you gave it"
    )]
    Settled,
    #[error(
        "\"I was right\" is only for an answer the checker marked wrong, not blank, and not claimed yet"
    )]
    ClaimNotAllowed,
    #[error("your instructor rejected this answer on this card: it cannot be claimed again")]
    ClaimRejected,
    #[error("{}", too_many_claims())]
    TooManyClaims,
}

/// The columns [`read_answer`] reads, from `reviews AS r` (with `?1` the user).
const ANSWER_COLUMNS: &str = "r.card_id, r.set_id, r.study_day, r.answer, r.verdict,
    r.normalized_answer, r.quality, r.overridden, r.repetitions_before, r.easiness_before,
    r.interval_before, r.lapses_before, r.due_day_before, r.last_review_day_before,
    r.relearning_before, r.due_day_after,
    NOT EXISTS (SELECT 1 FROM reviews AS later
                WHERE later.user_id = ?1 AND later.card_id = r.card_id AND later.id > r.id),
    r.verdict = 'wrong' AND EXISTS (SELECT 1 FROM claim_rulings AS ruling
                WHERE ruling.user_id = ?1 AND ruling.card_id = r.card_id
                  AND ruling.normalized_answer = r.normalized_answer
                  AND ruling.decision = 'rejected')";

impl Store {
    /// `user`'s review recorded with `token`, if there is one; on `today` it says whether its
    /// grade may still change. Blocking: a read of two index lookups.
    pub fn recorded_answer(
        &self,
        user: UserId,
        token: &str,
        today: StudyDay,
    ) -> Result<Option<RecordedAnswer>, StoreError> {
        self.read(|connection| {
            Ok(find(connection, user, token, today)?.map(|(answer, _, _)| answer))
        })
    }

    /// Changes the grade of `user`'s review recorded with `token`, on `today`.
    pub fn regrade(
        &self,
        user: UserId,
        token: String,
        regrade: Regrade,
        today: StudyDay,
    ) -> Pending<Result<RecordedReview, RegradeRefusal>> {
        self.write_leaving_accounts(move |connection| {
            regrade_review(connection, user, &token, regrade, today)
        })
    }
}

fn regrade_review(
    connection: &Connection,
    user: UserId,
    token: &str,
    regrade: Regrade,
    today: StudyDay,
) -> Result<Result<RecordedReview, RegradeRefusal>, StoreError> {
    let Some((answer, id, set_row)) = find(connection, user, token, today)? else {
        return Ok(Err(RegradeRefusal::NotFound));
    };
    if !answer.regradable {
        return Ok(Err(RegradeRefusal::Settled));
    }
    let (quality, overridden) = match regrade {
        Regrade::Quality(quality) => (quality, answer.overridden),
        Regrade::Claim
            if answer.verdict == "wrong"
                && !answer.normalized_answer.is_empty()
                && !answer.overridden =>
        {
            (Quality::HARD, true)
        }
        Regrade::Claim => return Ok(Err(RegradeRefusal::ClaimNotAllowed)),
    };
    if regrade == Regrade::Claim
        && claim_standing(connection, user, answer.card, &answer.normalized_answer)?
            == Some(ClaimStanding::Rejected)
    {
        return Ok(Err(RegradeRefusal::ClaimRejected));
    }
    if regrade == Regrade::Claim && !claim_allowed(connection, user, set_row, today)? {
        return Ok(Err(RegradeRefusal::TooManyClaims));
    }
    let progress = schedule(
        connection,
        user,
        set_row,
        answer.before,
        quality,
        overridden,
        today,
    )?;
    connection
        .prepare_cached(
            "UPDATE card_states SET repetitions = :repetitions,
                 easiness_hundredths = :easiness, interval_days = :interval, lapses = :lapses,
                 due_day = :due, relearning = :relearning
             WHERE user_id = :user AND card_id = :card",
        )?
        .execute(named_params! {
            ":user": user,
            ":card": answer.card,
            ":repetitions": progress.state.repetitions,
            ":easiness": progress.state.easiness.hundredths(),
            ":interval": progress.state.interval_days,
            ":lapses": progress.state.lapses,
            ":due": progress.due,
            ":relearning": progress.relearning,
        })?;
    connection
        .prepare_cached(
            "UPDATE reviews SET quality = :quality, overridden = :overridden,
                 repetitions_after = :repetitions, easiness_after = :easiness,
                 interval_after = :interval, due_day_after = :due
             WHERE id = :id",
        )?
        .execute(named_params! {
            ":id": id,
            ":quality": quality.value(),
            ":overridden": overridden,
            ":repetitions": progress.state.repetitions,
            ":easiness": progress.state.easiness.hundredths(),
            ":interval": progress.state.interval_days,
            ":due": progress.due,
        })?;
    let kind = match answer.before {
        Some(before) if before.last_review == today => ReviewKind::SameDayRepeat,
        _ => ReviewKind::Scheduled,
    };
    Ok(Ok(RecordedReview {
        progress,
        kind,
        quality,
        overridden,
    }))
}

/// The review, its row id and its set's row.
fn find(
    connection: &Connection,
    user: UserId,
    token: &str,
    today: StudyDay,
) -> Result<Option<(RecordedAnswer, i64, i64)>, StoreError> {
    Ok(connection
        .prepare_cached(&format!(
            "SELECT r.id, {ANSWER_COLUMNS} FROM reviews AS r
             WHERE r.review_token = ?2 AND r.user_id = ?1"
        ))?
        .query_row((user, token), |row| read_answer(row, today))
        .optional()?)
}

fn read_answer(row: &Row<'_>, today: StudyDay) -> rusqlite::Result<(RecordedAnswer, i64, i64)> {
    let id: i64 = row.get(0)?;
    let set_row: i64 = row.get(2)?;
    let study_day: StudyDay = row.get(3)?;
    let quality: u8 = row.get(7)?;
    let repetitions: Option<u32> = row.get(9)?;
    let lapses: Option<u32> = row.get(12)?;
    let before = match (repetitions, lapses) {
        (Some(repetitions), Some(lapses)) => Some(Progress {
            state: CardState {
                repetitions,
                easiness: Easiness::from_hundredths(row.get(10)?),
                interval_days: row.get(11)?,
                lapses,
            },
            due: row.get(13)?,
            last_review: row.get(14)?,
            relearning: row.get(15)?,
        }),
        _ => None,
    };
    // Recorded before the state was kept whole (migration 0006): its grade stays as it is.
    let state_kept = repetitions.is_none() || lapses.is_some();
    let latest: bool = row.get(17)?;
    let answer = RecordedAnswer {
        card: row.get(1)?,
        study_day,
        answer: row.get(4)?,
        verdict: row.get(5)?,
        normalized_answer: row.get(6)?,
        quality: Quality::new(quality).map_err(|error| {
            rusqlite::Error::FromSqlConversionFailure(
                7,
                rusqlite::types::Type::Integer,
                error.into(),
            )
        })?,
        overridden: row.get(8)?,
        before,
        regradable: latest && state_kept && study_day == today,
        claim_rejected: row.get(18)?,
        due_after: row.get(16)?,
    };
    Ok((answer, id, set_row))
}
