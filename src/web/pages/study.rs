//! Studying a set: one card at a time (`GET /study/{set}`); checking an answer
//! (`POST .../answer`), which records the review at once and answers 303 to the recorded
//! verdict (`GET .../answers/{token}`), a page that can be reloaded and reached with Back; and
//! the grade (`POST .../grade`), which sets that review's quality (or records a recall card's
//! self-grade) and goes on to the next card. Checking a token again never grades again: it
//! shows what was recorded. A verdict is never taken from the browser.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::questions::check::{self, Response, Verdict};
use crate::questions::{CardKind, SetId};
use crate::scheduler::Quality;
use crate::store::{Regrade, RegradeRefusal, StoredCard};
use crate::study::{self, Outcome, ReviewToken, StudyError, Submission, TokenRefusal};
use crate::web::auth::SignedIn;
use crate::web::error::{AppError, PageError};
use crate::web::state::{AppState, now_ms};

use super::{FormFields, Visitor, redirect, render};
use context::{StudyContext, find_card, set_in_path, unknown_set};

mod card;
mod context;
mod done;
mod resume;
mod shown;
pub mod trial;
mod verdict;

pub use resume::answer as answer_or_sign_in;

#[derive(Debug, Deserialize)]
pub struct StudyQuery {
    /// Why the student was sent back here, e.g. a grade that could no longer change.
    notice: Option<String>,
    /// With `answer`: an answer typed for this card before signing in again ([`resume`]).
    card: Option<String>,
    answer: Option<String>,
}

/// The next card of the set, or the "done for today" page.
pub async fn next_card(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    query: web::Query<StudyQuery>,
) -> Result<HttpResponse, PageError> {
    let set = set_in_path(&path)?;
    // A few index lookups on one connection: inline, like the session lookup (auth::signed_in).
    let found = state
        .store
        .next_in_set(visitor.user.id, &set, state.today())
        .map_err(AppError::from)?
        .ok_or_else(|| unknown_set(&set))?;
    let context = StudyContext::new(set, found.summary, found.exam);
    let Some(next) = found.next else {
        return done::show(&state, &visitor, &context.set, context.title).await;
    };
    let notice = match query.notice.as_deref() {
        Some("already-recorded") => {
            Some("That answer was already recorded, so it was not counted twice.".to_string())
        }
        Some("grade-settled") => Some(RegradeRefusal::Settled.to_string()),
        _ => None,
    };
    let token = study::issue_token(
        &state.tokens,
        visitor.user.id,
        &context.set,
        &next.card.id,
        now_ms(),
    );
    let kept_answer = query.kept_answer(&next.card.id);
    let view = card::view(
        &state,
        &visitor,
        &context,
        &next,
        &token,
        notice,
        kept_answer,
    );
    render(&state, "study.html", &view)
}

/// Checks an answer. The first check of a review token records the review with the verdict's
/// default grade and answers 303 to the verdict; a token already recorded goes to its verdict
/// without checking again. An unparsed answer records nothing: the card is shown again with
/// why, the answer kept and the same token.
pub async fn answer(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    visitor.verify_csrf(form.get("csrf_token"))?;
    let set = set_in_path(&path)?;
    let user = visitor.user.id;
    let token_text = form.get("review_token").trim();
    if !token_text.is_empty()
        && state
            .store
            .recorded_answer(user, token_text, state.today())
            .map_err(AppError::from)?
            .is_some()
    {
        return Ok(redirect(&verdict_path(&set, token_text)));
    }
    let stored = find_card(&state, &visitor, &set, form.get("card_id"))?;
    let context = StudyContext::load(&state, &visitor, &set)?;
    let response = response_from(&stored.card.kind, &form);
    let token = match verify_token(&state, &visitor, &stored, token_text) {
        Ok(token) => token,
        Err(StudyError::Token(TokenRefusal::Stale)) => {
            // The page was left open too long: the same card again, with the answer kept.
            let message = TokenRefusal::Stale.to_string();
            return show_again(&state, &visitor, &context, &stored, message, &response);
        }
        Err(error) => return Err(AppError::from(error).into()),
    };
    let checked = check::check(&stored.card.kind, &response)
        .map_err(|mismatch| AppError::from(StudyError::from(mismatch)))?;
    if checked.verdict == Verdict::Unparsed {
        let next = card::showing(&stored);
        let mut view = card::view(
            &state,
            &visitor,
            &context,
            &next,
            &token,
            checked.message.clone(),
            checked.given_text.clone(),
        );
        view.started_at = form.get("started_at").to_string();
        return render(&state, "study.html", &view);
    }
    let submission = Submission {
        user,
        review_token: token.clone(),
        response,
        quality: None,
        claim_right: false,
        duration_ms: duration_since(form.get("started_at")),
        today: state.today(),
        now_ms: now_ms(),
    };
    match study::submit(&state.store, &stored, submission).await {
        Ok(_) | Err(StudyError::AlreadyRecorded) => {
            Ok(redirect(&verdict_path(&set, token.as_str())))
        }
        Err(error) => Err(AppError::from(error).into()),
    }
}

/// The verdict of a recorded review, with the grade buttons while its grade may change.
pub async fn verdict(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let (set, token) = path.into_inner();
    let set = set_in_path(&set)?;
    let not_found = || AppError::NotFound("There is no such answer of yours.".into());
    let recorded = state
        .store
        .recorded_answer(visitor.user.id, &token, state.today())
        .map_err(AppError::from)?
        .ok_or_else(not_found)?;
    let stored = state
        .store
        .card_by_row(recorded.card)
        .map_err(AppError::from)?
        .filter(|stored| stored.set == set)
        .ok_or_else(not_found)?;
    let context = StudyContext::load(&state, &visitor, &set)?;
    let view = verdict::view(&state, &visitor, &context, &stored, &recorded, &token)?;
    render(&state, "answer.html", &view)
}

/// Sets the grade of the review checked with the form's token (or claims "I was right"), or
/// records a recall card's self-grade, then goes on to the next card.
pub async fn grade(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    visitor.verify_csrf(form.get("csrf_token"))?;
    let set = set_in_path(&path)?;
    let user = visitor.user.id;
    let claim_right = form.get("claim") == "right";
    let quality = match form.get("quality") {
        "" => None,
        text => Some(
            text.parse::<Quality>()
                .map_err(|error| AppError::Invalid(error.to_string()))?,
        ),
    };
    let here = format!("/study/{set}");
    let token_text = form.get("review_token").trim();
    let today = state.today();
    if let Some(recorded) = state
        .store
        .recorded_answer(user, token_text, today)
        .map_err(AppError::from)?
    {
        let regrade = match (claim_right, quality) {
            (true, _) => Regrade::Claim,
            (false, Some(quality)) => Regrade::Quality(quality),
            (false, None) => return Ok(redirect(&here)),
        };
        let regraded = study::regrade(&state.store, user, token_text, &recorded, regrade, today);
        return match regraded.await {
            Ok(_) => Ok(redirect(&here)),
            Err(StudyError::Regrade(RegradeRefusal::Settled)) => {
                Ok(redirect(&format!("{here}?notice=grade-settled")))
            }
            Err(error) => Err(AppError::from(error).into()),
        };
    }
    // Not recorded yet: a recall card's self-grade (revealing is not an attempt).
    let stored = find_card(&state, &visitor, &set, form.get("card_id"))?;
    let token = verify_token(&state, &visitor, &stored, token_text).map_err(AppError::from)?;
    let submission = Submission {
        user,
        review_token: token,
        response: response_from(&stored.card.kind, &form),
        quality,
        claim_right,
        duration_ms: duration_since(form.get("started_at")),
        today,
        now_ms: now_ms(),
    };
    match study::submit(&state.store, &stored, submission).await {
        Ok(Outcome::Recorded { .. } | Outcome::Unparsed(_)) => Ok(redirect(&here)),
        Err(StudyError::AlreadyRecorded) => {
            Ok(redirect(&format!("{here}?notice=already-recorded")))
        }
        Err(error) => Err(AppError::from(error).into()),
    }
}

/// The card again with a fresh token, the answer kept and `message` saying why.
fn show_again(
    state: &AppState,
    visitor: &SignedIn,
    context: &StudyContext,
    stored: &StoredCard,
    message: String,
    response: &Response,
) -> Result<HttpResponse, PageError> {
    let token = study::issue_token(
        &state.tokens,
        visitor.user.id,
        &context.set,
        &stored.card.id,
        now_ms(),
    );
    let kept = match response {
        Response::Text(text) => text.clone(),
        _ => String::new(),
    };
    let next = card::showing(stored);
    let view = card::view(state, visitor, context, &next, &token, Some(message), kept);
    render(state, "study.html", &view)
}

/// `text` as a token issued to the visitor for the card `stored`, not stale.
fn verify_token(
    state: &AppState,
    visitor: &SignedIn,
    stored: &StoredCard,
    text: &str,
) -> Result<ReviewToken, StudyError> {
    let (set, card) = (&stored.set, &stored.card.id);
    study::verify_token(&state.tokens, text, visitor.user.id, set, card, now_ms())
}

/// Where the verdict of the review recorded with `token` is shown.
fn verdict_path(set: &SetId, token: &str) -> String {
    let token: String = form_urlencoded::byte_serialize(token.as_bytes()).collect();
    format!("/study/{set}/answers/{token}")
}

/// Milliseconds since the card was shown, from the form's `started_at`; `None` when that is not
/// a plausible time (the field is the browser's to send, and a clock may be wrong).
fn duration_since(started_at: &str) -> Option<i64> {
    let started = started_at.parse::<i64>().ok()?;
    Some(now_ms().saturating_sub(started)).filter(|ms| study::plausible_duration(*ms))
}

/// What the form says the student answered (see [`response_of`]).
fn response_from(kind: &CardKind, form: &FormFields) -> Response {
    response_of(kind, &form.all("answer"))
}

/// The response that `answers` (every `answer` field of a form, in order) give to a card of
/// `kind`: every ticked box of a multi card, the first field otherwise; nothing for recall.
pub fn response_of(kind: &CardKind, answers: &[String]) -> Response {
    match kind {
        CardKind::Recall { .. } => Response::Recall,
        CardKind::Multi { .. } => Response::Choices(answers.to_vec()),
        _ => Response::Text(answers.first().cloned().unwrap_or_default()),
    }
}
