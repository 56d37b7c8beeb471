//! "Try it as a student" on a set's preview: a card of the set not yet published, and the
//! verdict on an answer to it, as the study pages show them. Nothing is recorded: the set is not
//! saved, and the verdict page offers the next card instead of grades.

use crate::questions::check::{Checked, Response};
use crate::questions::{Card, QuestionSet};
use crate::store::{CardRow, NextCard, Queue};
use crate::study::ReviewToken;
use crate::web::auth::SignedIn;
use crate::web::pages::layout;
use crate::web::state::AppState;
use crate::web::views::{AnsweredView, Section, StudyCardView, TrialView};

use super::{StudyContext, card, shown, verdict};

/// The study page for `card` of `set`, with no message and an empty answer field (the caller
/// sets `message` and `kept_answer` to show the card again after an answer it could not read).
pub fn card_view(
    state: &AppState,
    visitor: &SignedIn,
    set: &QuestionSet,
    card: &Card,
    trial: TrialView,
    token: &ReviewToken,
) -> StudyCardView {
    let next = NextCard {
        card: card.clone(),
        card_row: CardRow(0),
        progress: None,
        queue: Queue::New,
    };
    let context = context(set);
    let mut view = card::view(state, visitor, &context, &next, token, None, String::new());
    view.layout = trial_layout(visitor, set);
    view.trial = Some(trial);
    view
}

/// The verdict on `checked`, an answer to `card` of `set` given as `response`.
pub fn verdict_view(
    visitor: &SignedIn,
    set: &QuestionSet,
    card: &Card,
    trial: TrialView,
    token: &ReviewToken,
    checked: &Checked,
    response: &Response,
) -> AnsweredView {
    let (verdict, verdict_label, forgiven) =
        verdict::verdict_words(false, checked.verdict, checked.forgiven.clone());
    let picked = match response {
        Response::Choices(picked) => picked.as_slice(),
        _ => &[],
    };
    let context = context(set);
    AnsweredView {
        layout: trial_layout(visitor, set),
        set_id: context.set.to_string(),
        set_title: context.title,
        card_id: card.id.to_string(),
        prompt: card.prompt.clone(),
        review_token: token.to_string(),
        due: 0,
        new_left: 0,
        verdict,
        verdict_label,
        given: shown::given(&card.kind, &checked.given_text),
        expected: shown::expected(&card.kind),
        options: shown::marked_options(&card.kind, picked),
        explanation: card.explanation.clone(),
        source: card.source.clone(),
        grades: Vec::new(),
        graded_label: None,
        can_claim_right: false,
        claim_interval_label: String::new(),
        message: checked.message.clone(),
        forgiven,
        claim_notice: None,
        exam: None,
        trial: Some(trial),
    }
}

fn context(set: &QuestionSet) -> StudyContext {
    StudyContext {
        set: set.id.clone(),
        title: set.title.clone(),
        due: 0,
        new_left: 0,
        exam: None,
    }
}

fn trial_layout(visitor: &SignedIn, set: &QuestionSet) -> crate::web::views::LayoutView {
    layout(visitor, &format!("Trying: {}", set.title), Section::Teach)
}
