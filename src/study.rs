//! The study flow shared by the pages and the JSON API: find the card a student answers, check
//! the answer, pick the quality, record the review, and preview what each grade would schedule.
//! No HTTP here: handlers translate requests into these calls and the results back.

use uuid::Uuid;

use crate::questions::check::{self, Checked, GradeOptions, Response, ResponseMismatch, Verdict};
use crate::questions::{CardId, SetId};
use crate::scheduler::exam::due_before_exam;
use crate::scheduler::{Progress, Quality, StudyDay};
use crate::store::{NewReview, RecordedReview, Store, StoreError, StoredCard, UserId};

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
    #[error("\"I was right\" is only for an answer the checker marked wrong")]
    ClaimNotAllowed,
    #[error("this answer was already recorded: it is not counted twice")]
    AlreadyRecorded,
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for StudyError {
    fn from(error: StoreError) -> StudyError {
        match error {
            StoreError::ReviewTokenUsed(_) => StudyError::AlreadyRecorded,
            StoreError::UnknownSet(set) => StudyError::UnknownSet(set),
            other => StudyError::Store(other),
        }
    }
}

/// One answer as a student submits it.
#[derive(Debug, Clone)]
pub struct Submission {
    pub user: UserId,
    pub review_token: Uuid,
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

/// A new review token, for one answer form. Time-ordered (UUID v7, with 74 random bits): the
/// tokens of answers recorded together sit side by side in the unique index on them, so a
/// group of answers writes one or two of its pages instead of one page each.
pub fn new_review_token() -> Uuid {
    Uuid::now_v7()
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
        review_token: submission.review_token,
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
        quality,
        review,
    })
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
            Verdict::Wrong => Ok(Quality::HARD),
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

    #[test]
    fn review_tokens_are_time_ordered_uuids_in_the_order_they_are_made() {
        let tokens: Vec<String> = (0..1000).map(|_| new_review_token().to_string()).collect();
        assert!(tokens.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(new_review_token().get_version_num(), 7);
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
