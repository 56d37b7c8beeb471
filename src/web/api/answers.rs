//! `POST /api/v1/sets/{set_id}/answers`: check an answer, record it and say what it scheduled.
//!
//! The JSON answer maps onto [`Response`]: a string is text (text, date and choice cards), a
//! list of strings the picked choices (multi), a boolean a truefalse answer, a number a number
//! answer, and no answer a recall card. The checker then refuses a shape the card's kind does
//! not take (422). An unparsed answer records nothing and leaves the review token valid.
//!
//! The review token must be one `GET …/next` issued to this student for this card (422
//! otherwise, or when it is stale); a token already recorded is 409.

use actix_web::web;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::questions::check::{Response, Verdict};
use crate::questions::{Card, CardId};
use crate::scheduler::Quality;
use crate::study::{self, Outcome, Submission, verdict_name};
use crate::web::error::{ApiError, AppError};
use crate::web::state::{AppState, now_ms};

use super::caller::Caller;
use super::set_in_path;

/// Checks and records one answer to a card of the set in the path.
pub async fn submit(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<String>,
    body: web::Json<AnswerRequest>,
) -> Result<web::Json<AnswerBody>, ApiError> {
    let set = set_in_path(&path)?;
    let answer = body.into_inner().validate()?;
    // Two index lookups: inline, like the session lookup (see web::auth).
    let card = study::find_card(&state.store, caller.user(), &set, &answer.card)
        .map_err(AppError::from)?;
    let review_token = study::verify_token(
        &state.tokens,
        &answer.review_token,
        caller.user(),
        &set,
        &answer.card,
        now_ms(),
    )
    .map_err(AppError::from)?;
    let submission = Submission {
        user: caller.user(),
        review_token,
        response: answer.response,
        quality: answer.quality,
        claim_right: answer.claim_right,
        duration_ms: answer.duration_ms,
        today: state.today(),
        now_ms: now_ms(),
    };
    let outcome = study::submit(&state.store, &card, submission)
        .await
        .map_err(AppError::from)?;
    Ok(web::Json(AnswerBody::new(&card.card, outcome)))
}

/// `POST /sets/{set_id}/answers`, as sent.
#[derive(Debug, Deserialize)]
pub struct AnswerRequest {
    pub card_id: String,
    pub review_token: String,
    /// Text (text, date, choice), a list of texts (multi), a boolean (truefalse), a number
    /// (number); absent or null for a recall card.
    #[serde(default)]
    pub answer: Option<Value>,
    /// 0 to 5; absent takes the verdict's default (a recall card has none).
    pub quality: Option<u8>,
    /// "I was right": the student overrides a wrong verdict.
    #[serde(default)]
    pub claim_right: bool,
    pub duration_ms: Option<i64>,
}

/// An [`AnswerRequest`] whose fields are valid domain values.
#[derive(Debug)]
pub struct Answer {
    pub card: CardId,
    /// As sent; checked against the student and the card once the card is known.
    pub review_token: String,
    pub response: Response,
    pub quality: Option<Quality>,
    pub claim_right: bool,
    pub duration_ms: Option<i64>,
}

impl AnswerRequest {
    /// Checks each field: 422 for a malformed id, token or quality, or an answer of no known shape.
    pub fn validate(self) -> Result<Answer, AppError> {
        let invalid = |message: String| AppError::Invalid(message);
        let card = CardId::parse(&self.card_id)
            .map_err(|error| invalid(format!("card_id {:?}: {error}", self.card_id)))?;
        let quality = self
            .quality
            .map(Quality::new)
            .transpose()
            .map_err(|error| invalid(error.to_string()))?;
        if let Some(duration) = self
            .duration_ms
            .filter(|ms| !study::plausible_duration(*ms))
        {
            let most = study::LONGEST_DURATION_MS;
            return Err(invalid(format!(
                "duration_ms {duration}: the time on a card is 0 to {most} ms (a day)"
            )));
        }
        let response = response_of(self.answer)?;
        if let Some(message) = response.too_long() {
            let code = "answer_too_long";
            return Err(AppError::Refused { code, message });
        }
        Ok(Answer {
            card,
            review_token: self.review_token,
            response,
            quality,
            claim_right: self.claim_right,
            duration_ms: self.duration_ms,
        })
    }
}

/// The JSON answer as a [`Response`]; the checker then says whether it suits the card's kind.
fn response_of(answer: Option<Value>) -> Result<Response, AppError> {
    let shape = || {
        AppError::Invalid(
            "answer is a string, a list of strings, a boolean, a number, or absent for a recall card"
                .into(),
        )
    };
    match answer {
        None | Some(Value::Null) => Ok(Response::Recall),
        Some(Value::String(text)) => Ok(Response::Text(text)),
        Some(Value::Bool(value)) => Ok(Response::Bool(value)),
        Some(Value::Number(number)) => number.as_f64().map(Response::Number).ok_or_else(shape),
        Some(Value::Array(items)) => items
            .into_iter()
            .map(|item| match item {
                Value::String(text) => Ok(text),
                _ => Err(shape()),
            })
            .collect::<Result<_, _>>()
            .map(Response::Choices),
        Some(Value::Object(_)) => Err(shape()),
    }
}

/// `POST /sets/{set_id}/answers`: what was recorded, or why nothing was.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum AnswerBody {
    Recorded(Box<Recorded>),
    Unparsed {
        result: &'static str,
        message: String,
    },
}

/// A recorded answer and the card's new schedule.
#[derive(Debug, Serialize)]
pub struct Recorded {
    /// `correct`, `almost` or `wrong`; for a recall card, `correct` when graded 3 or more.
    pub result: &'static str,
    /// The checker's verdict: `correct`, `almost`, `wrong` or `self-graded`.
    pub verdict: &'static str,
    /// Counted as right over a wrong verdict: the student claimed "I was right" now, or gave
    /// the same answer as a claim of theirs that stands (undecided or accepted).
    pub overridden: bool,
    /// For an almost-right answer, the exact form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// What the checker forgave, e.g. "Accepted: title ignored", "Almost: one letter off".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forgiven: Option<String>,
    pub expected: String,
    pub explanation: Option<String>,
    pub quality: u8,
    pub repetitions: u32,
    pub ef: f64,
    /// Days.
    pub interval: u32,
    /// YYYY-MM-DD.
    pub due: String,
    /// The card comes back later today (graded below 4).
    pub again_today: bool,
}

impl AnswerBody {
    pub fn new(card: &Card, outcome: Outcome) -> AnswerBody {
        match outcome {
            Outcome::Unparsed(checked) => AnswerBody::Unparsed {
                result: verdict_name(Verdict::Unparsed),
                message: checked.message.unwrap_or_default(),
            },
            Outcome::Recorded {
                checked,
                quality,
                review,
            } => {
                let progress = review.progress;
                AnswerBody::Recorded(Box::new(Recorded {
                    result: result_name(checked.verdict, quality, review.overridden),
                    verdict: verdict_name(checked.verdict),
                    overridden: review.overridden,
                    message: checked.message,
                    forgiven: checked.forgiven,
                    expected: card.kind.expected_text(),
                    explanation: card.explanation.clone(),
                    quality: quality.value(),
                    repetitions: progress.state.repetitions,
                    ef: progress.state.easiness.as_f64(),
                    interval: progress.state.interval_days,
                    due: progress.due.to_string(),
                    again_today: progress.relearns_on(progress.last_review),
                }))
            }
        }
    }
}

/// A self-graded or overridden answer counts as right when it passed (quality 3 or more).
fn result_name(verdict: Verdict, quality: Quality, claim_right: bool) -> &'static str {
    if claim_right || verdict == Verdict::SelfGraded {
        return if quality.is_pass() {
            "correct"
        } else {
            "wrong"
        };
    }
    verdict_name(verdict)
}
