//! "Try it as a student" (`POST /teach/sets/try`): the previewed set studied card by card, in
//! its file's order, as a student sees it (shuffled choices, the same checking, the verdict with
//! its explanation), with nothing saved. Every form posts the set's text again, hidden, like the
//! preview's Publish form, and the text is checked again each time: the set exists nowhere else.

use actix_web::{HttpResponse, web};

use crate::questions::check::{self, Verdict};
use crate::study::{self, TokenRefusal};
use crate::web::error::{AppError, PageError};
use crate::web::pages::study::{response_of, trial};
use crate::web::state::{AppState, now_ms};
use crate::web::views::TrialView;

use super::super::super::{Visitor, render};
use super::prepare::{Prepared, prepare};
use super::upload::{Upload, accepted, refused};

pub async fn try_set(
    state: web::Data<AppState>,
    visitor: Visitor,
    upload: Upload,
) -> Result<HttpResponse, PageError> {
    let (teacher, mut upload) = accepted(&visitor, upload)?;
    let (set, form) = match prepare(&state, teacher, &mut upload).await? {
        Prepared::Refused(refusal) => return refused(&state, &visitor, refusal),
        Prepared::Ready { set, form, .. } => (set, form),
    };
    // A card index past the end (or none) starts again at the first card; a checked set has
    // at least one.
    let index = upload
        .card
        .parse::<usize>()
        .ok()
        .filter(|index| *index < set.cards.len())
        .unwrap_or(0);
    let Some(card) = set.cards.get(index) else {
        return Err(AppError::Invalid("the set has no cards to try".into()).into());
    };
    let trial_view = TrialView::new(form, index, set.cards.len());
    let user = visitor.user.id;
    let fresh = || study::issue_token(&state.tokens, user, &set.id, &card.id, now_ms());
    let shown = |token, message, kept_answer| {
        let mut view = trial::card_view(&state, &visitor, &set, card, trial_view.clone(), &token);
        view.message = message;
        view.kept_answer = kept_answer;
        render(&state, "study.html", &view)
    };
    if upload.review_token.is_empty() {
        return shown(fresh(), None, String::new());
    }
    let token = match study::verify_token(
        &state.tokens,
        &upload.review_token,
        user,
        &set.id,
        &card.id,
        now_ms(),
    ) {
        Ok(token) => token,
        // Left open too long, or a token of another card: the card again, fresh.
        Err(error) => {
            let message = match error {
                study::StudyError::Token(TokenRefusal::Stale) => TokenRefusal::Stale.to_string(),
                _ => "That page was out of date: here is the card again.".to_string(),
            };
            return shown(fresh(), Some(message), String::new());
        }
    };
    let response = response_of(&card.kind, &upload.answers);
    let checked = match check::check(&card.kind, &response) {
        Ok(checked) => checked,
        Err(mismatch) => return shown(token, Some(mismatch.to_string()), String::new()),
    };
    if checked.verdict == Verdict::Unparsed {
        return shown(token, checked.message.clone(), checked.given_text.clone());
    }
    let view = trial::verdict_view(
        &visitor, &set, card, trial_view, &token, &checked, &response,
    );
    render(&state, "answer.html", &view)
}
