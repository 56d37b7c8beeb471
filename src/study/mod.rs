//! The study flow shared by the pages and the JSON API: find the card a student answers, check
//! the answer, pick the quality, record the review, and preview what each grade would schedule.
//! No HTTP here: handlers translate requests into these calls and the results back.
//!
//! The check is the attempt: the first check of a review token records the review with the
//! verdict's default grade ([`submit`]); the grade the student then picks, or an "I was right"
//! claim, changes that same review ([`regrade`]). Review tokens are issued per showing and
//! bound to the student and the card ([`token`]).

pub mod token;

use crate::questions::check::{self, Checked, GradeOptions, Response, ResponseMismatch, Verdict};
use crate::questions::{CardId, CardKind, SetId};
use crate::scheduler::exam::due_before_exam;
use crate::scheduler::{Progress, Quality, StudyDay};
use crate::store::{
    NewReview, RecordedAnswer, RecordedReview, Regrade, RegradeRefusal, Store, StoreError,
    StoredCard, UserId,
};

pub use token::{ReviewToken, TokenKey, TokenRefusal, TokenSubject};

/// Why an answer could not be recorded.
#[derive(Debug, thiserror::Error)]
pub enum StudyError {
    #[error("there is no set {0:?}")]
    UnknownSet(SetId),
    #[error("the set {set:?} has no card {card:?}")]
    UnknownCard { set: SetId, card: CardId },
    #[error("{0}")]
    Mismatch(#[from] ResponseMismatch),
    #[error("a recall card needs a quality: 1 (Again), 3 (Hard), 4 (Good) or 5 (Easy)")]
    QualityRequired,
    #[error("quality {quality} is not allowed after a {verdict} answer: use {allowed}")]
    QualityNotAllowed {
        quality: Quality,
        verdict: &'static str,
        allowed: String,
    },
    #[error("\"I was right\" is only for an answer the checker marked wrong, and not blank")]
    ClaimNotAllowed,
    #[error("{0}")]
    Token(#[from] TokenRefusal),
    #[error("{0}")]
    Regrade(#[from] RegradeRefusal),
    #[error("this answer was already recorded: it is not counted twice")]
    AlreadyRecorded,
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for StudyError {
    fn from(error: StoreError) -> StudyError {
        match error {
            StoreError::ReviewTokenUsed(_) => StudyError::AlreadyRecorded,
            StoreError::ClaimRejected => StudyError::Regrade(RegradeRefusal::ClaimRejected),
            StoreError::UnknownSet(set) => StudyError::UnknownSet(set),
            other => StudyError::Store(other),
        }
    }
}

/// One answer as a student submits it.
#[derive(Debug, Clone)]
pub struct Submission {
    pub user: UserId,
    pub review_token: ReviewToken,
    pub response: Response,
    /// The grade the student picked; `None` takes the default for the verdict.
    pub quality: Option<Quality>,
    /// "I was right": the student claims an answer checked as wrong was right.
    pub claim_right: bool,
    pub duration_ms: Option<i64>,
    pub today: StudyDay,
    pub now_ms: i64,
}

/// What became of a submission.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Not gradable as given: nothing recorded, the review token stays valid.
    Unparsed(Checked),
    Recorded {
        checked: Checked,
        quality: Quality,
        review: RecordedReview,
    },
}

/// The review token a showing of `card` in `set` to `user` is answered with.
pub fn issue_token(
    key: &TokenKey,
    user: UserId,
    set: &SetId,
    card: &CardId,
    now_ms: i64,
) -> ReviewToken {
    key.issue(TokenSubject { user, set, card }, now_ms)
}

/// `text` as a token issued to `user` for `card` of `set`, not stale at `now_ms`.
pub fn verify_token(
    key: &TokenKey,
    text: &str,
    user: UserId,
    set: &SetId,
    card: &CardId,
    now_ms: i64,
) -> Result<ReviewToken, StudyError> {
    Ok(key.verify(text.trim(), TokenSubject { user, set, card }, now_ms)?)
}

/// The choices of a choice or multi card in the order this showing lists them: shuffled by
/// the token unless the card keeps its written order. Empty for other kinds.
pub fn shown_choices(kind: &CardKind, token: &ReviewToken) -> Vec<String> {
    let Some(choices) = kind.choices() else {
        return Vec::new();
    };
    if !kind.shuffles_choices() {
        return choices.to_vec();
    }
    token::shown_order(choices.len(), token.order_seed())
        .into_iter()
        .map(|index| choices[index].clone())
        .collect()
}

/// The card `card` of `set`, if `user` may study the set, the set has the card and it is not
/// retired. A set the user may not see is reported as unknown. Blocking: a read.
pub fn find_card(
    store: &Store,
    user: UserId,
    set: &SetId,
    card: &CardId,
) -> Result<StoredCard, StudyError> {
    if !store.may_study(user, set)? {
        return Err(StudyError::UnknownSet(set.clone()));
    }
    match store.card(set, card)? {
        Some(stored) if !stored.retired => Ok(stored),
        _ => Err(StudyError::UnknownCard {
            set: set.clone(),
            card: card.clone(),
        }),
    }
}

/// Checks the submission against the card and, unless it is unparsed, records the review.
pub async fn submit(
    store: &Store,
    card: &StoredCard,
    submission: Submission,
) -> Result<Outcome, StudyError> {
    let checked = check::check(&card.card.kind, &submission.response)?;
    if checked.verdict == Verdict::Unparsed {
        return Ok(Outcome::Unparsed(checked));
    }
    let quality = choose_quality(&checked, submission.quality, submission.claim_right)?;
    let review = NewReview {
        user: submission.user,
        card: card.row,
        review_token: submission.review_token.to_string(),
        quality,
        today: submission.today,
        reviewed_at_ms: submission.now_ms,
        answer: answer_text(&submission.response),
        verdict: verdict_name(checked.verdict).to_string(),
        normalized_answer: checked.normalized.clone(),
        duration_ms: submission.duration_ms,
        overridden: submission.claim_right,
    };
    let review = store.record_review(review).await?;
    Ok(Outcome::Recorded {
        checked,
        quality: review.quality,
        review,
    })
}

/// Changes the grade of `user`'s review `recorded` with `token` (see
/// [`crate::store::grades`]): a quality the recorded verdict allows, or an "I was right" claim.
/// The store checks again, in its write, that the review may still change.
pub async fn regrade(
    store: &Store,
    user: UserId,
    token: &str,
    recorded: &RecordedAnswer,
    regrade: Regrade,
    today: StudyDay,
) -> Result<RecordedReview, StudyError> {
    if let Regrade::Quality(quality) = regrade {
        let checked = recorded_check(recorded);
        if !check::quality_allowed(&checked, quality) {
            return Err(StudyError::QualityNotAllowed {
                quality,
                verdict: verdict_name(checked.verdict),
                allowed: allowed_list(&check::grade_options(&checked)),
            });
        }
    }
    Ok(store
        .regrade(user, token.to_string(), regrade, today)
        .await??)
}

/// A recorded review's verdict as the checker gave it, for the grades it allows.
pub fn recorded_check(recorded: &RecordedAnswer) -> Checked {
    let verdict = match recorded.verdict.as_str() {
        "correct" => Verdict::Correct,
        "almost" => Verdict::Almost,
        "self-graded" => Verdict::SelfGraded,
        _ => Verdict::Wrong,
    };
    Checked {
        verdict,
        blank: verdict == Verdict::Wrong && recorded.normalized_answer.is_empty(),
        message: None,
        forgiven: None,
        normalized: recorded.normalized_answer.clone(),
        given_text: recorded.answer.clone().unwrap_or_default(),
    }
}

/// The quality to record: the student's pick if the verdict allows it, else the default. A
/// claim that a wrong answer was right counts as a pass with quality 3 (Hard).
fn choose_quality(
    checked: &Checked,
    picked: Option<Quality>,
    claim_right: bool,
) -> Result<Quality, StudyError> {
    if claim_right {
        return match checked.verdict {
            Verdict::Wrong if !checked.blank => Ok(Quality::HARD),
            _ => Err(StudyError::ClaimNotAllowed),
        };
    }
    let options = check::grade_options(checked);
    match (picked, options.default) {
        (Some(quality), _) if check::quality_allowed(checked, quality) => Ok(quality),
        (Some(quality), _) => Err(StudyError::QualityNotAllowed {
            quality,
            verdict: verdict_name(checked.verdict),
            allowed: allowed_list(&options),
        }),
        (None, Some(default)) => Ok(default),
        (None, None) => Err(StudyError::QualityRequired),
    }
}

fn allowed_list(options: &GradeOptions) -> String {
    let names: Vec<String> = options
        .choices
        .iter()
        .map(|grade| format!("{} ({})", grade.quality, grade.label))
        .collect();
    names.join(", ")
}

/// The verdict's name as stored and as the API shows it.
pub fn verdict_name(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Correct => "correct",
        Verdict::Almost => "almost",
        Verdict::Wrong => "wrong",
        Verdict::Unparsed => "unparsed",
        Verdict::SelfGraded => "self-graded",
    }
}

/// What the student gave, as the review log keeps it: plain text, or JSON for a list.
fn answer_text(response: &Response) -> Option<String> {
    match response {
        Response::Text(text) => Some(text.trim().to_string()),
        Response::Choices(choices) => serde_json::to_string(choices).ok(),
        Response::Bool(value) => Some(value.to_string()),
        Response::Number(value) => Some(value.to_string()),
        Response::Recall => None,
    }
}

/// What one grade button would do: the days until the card comes back (0 = later today).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GradePreview {
    pub quality: u8,
    pub label: &'static str,
    pub days: u32,
    /// The interval after that, if the card is then recalled well (Good): what tells two grades
    /// with the same `days` apart, since they differ in the easiness they leave.
    pub then_days: u32,
    /// The easiness factor the grade leaves, in hundredths: what differs when even `then_days`
    /// is the same (a new card's first two intervals are fixed).
    pub ease_hundredths: u16,
    pub is_default: bool,
}

/// The schedule each allowed grade would give, for the grade buttons ("Good — 6 days"), with
/// the student's next exam day for the set, if a class of theirs gives one (the store records
/// a review the same way: see [`crate::scheduler::exam`]).
pub fn preview_grades(
    checked: &Checked,
    progress: Option<Progress>,
    today: StudyDay,
    exam: Option<StudyDay>,
) -> Vec<GradePreview> {
    let options = check::grade_options(checked);
    options
        .choices
        .iter()
        .map(|grade| {
            let days = days_until_back(progress, grade.quality, today, exam);
            GradePreview {
                quality: grade.quality.value(),
                label: grade.label,
                days,
                then_days: days_after_next(progress, grade.quality, today),
                ease_hundredths: Progress::after_review(progress, grade.quality, today)
                    .0
                    .state
                    .easiness
                    .hundredths(),
                is_default: options.default == Some(grade.quality),
            }
        })
        .collect()
}

/// In how many days the card comes back after a review with `quality` on `today` (0: later
/// today), an exam day bringing it forward as the store will.
pub fn days_until_back(
    progress: Option<Progress>,
    quality: Quality,
    today: StudyDay,
    exam: Option<StudyDay>,
) -> u32 {
    let (after, _) = Progress::after_review(progress, quality, today);
    if after.relearns_on(today) {
        return 0;
    }
    let due = exam.map_or(after.due, |exam| due_before_exam(after.due, today, exam));
    u32::try_from(today.days_until(due)).unwrap_or(0)
}

/// The interval after the next one: graded `quality` on `today`, then Good when next due.
fn days_after_next(progress: Option<Progress>, quality: Quality, today: StudyDay) -> u32 {
    let (after, _) = Progress::after_review(progress, quality, today);
    let next_day = after.due.max(today.plus_days(1));
    let (then, _) = Progress::after_review(Some(after), Quality::GOOD, next_day);
    u32::try_from(next_day.days_until(then.due)).unwrap_or(0)
}

/// In how many days the card comes back after an "I was right" claim on `today`: a pass
/// graded Hard, with no same-day repeat.
pub fn days_after_claim(
    progress: Option<Progress>,
    today: StudyDay,
    exam: Option<StudyDay>,
) -> u32 {
    let (after, _) = Progress::after_review(progress, Quality::HARD, today);
    let due = exam.map_or(after.due, |exam| due_before_exam(after.due, today, exam));
    u32::try_from(today.days_until(due)).unwrap_or(0)
}

/// "later today", "1 day", "6 days", "3 months", "1.2 years": how a student reads an interval.
pub fn interval_label(days: u32) -> String {
    match days {
        0 => "later today".to_string(),
        1 => "1 day".to_string(),
        2..=59 => format!("{days} days"),
        60..=364 => format!("{} months", (days + 15) / 30),
        _ => {
            let years = f64::from(days) / 365.0;
            format!("{years:.1} years")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheduler::{CardState, Easiness};

    fn day(text: &str) -> StudyDay {
        text.parse().unwrap()
    }

    /// A card with SM-2's second interval (6 days) behind it, last seen on 2026-03-02.
    fn known() -> Option<Progress> {
        Some(Progress {
            state: CardState {
                repetitions: 2,
                easiness: Easiness::from_hundredths(270),
                interval_days: 6,
                lapses: 0,
            },
            due: day("2026-03-08"),
            last_review: day("2026-03-02"),
            relearning: false,
        })
    }

    #[test]
    fn the_days_until_a_card_is_back_are_cut_short_by_an_exam() {
        let today = day("2026-03-08");
        let alone = days_until_back(known(), Quality::EASY, today, None);
        assert!(alone > 14, "SM-2 alone: {alone} days");
        let exam = Some(day("2026-03-15"));
        assert_eq!(
            days_until_back(known(), Quality::EASY, today, exam),
            6,
            "the day before"
        );
        let far = Some(day("2027-01-01"));
        assert_eq!(days_until_back(known(), Quality::EASY, today, far), alone);
        assert_eq!(
            days_until_back(known(), Quality::AGAIN, today, exam),
            0,
            "later today"
        );
    }
}
