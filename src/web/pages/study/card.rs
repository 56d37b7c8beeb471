//! The study page's view of one showing of a card.

use crate::questions::CardKind;
use crate::questions::check::{self, Response};
use crate::store::{NextCard, Queue, StoredCard};
use crate::study::{self, ReviewToken};
use crate::web::auth::SignedIn;
use crate::web::pages::layout;
use crate::web::state::{AppState, now_ms};
use crate::web::views::{AnswerForm, ExamView, RevealView, Section, StudyCardView};

use super::StudyContext;
use super::verdict::grade_buttons;

/// A stored card shown again (after an unparsed answer, or a stale page).
pub(super) fn showing(stored: &StoredCard) -> NextCard {
    NextCard {
        card: stored.card.clone(),
        card_row: stored.row,
        progress: None,
        queue: Queue::Due,
    }
}

/// The study page for `next`, answered with `token`.
pub(super) fn view(
    state: &AppState,
    visitor: &SignedIn,
    context: &StudyContext,
    next: &NextCard,
    token: &ReviewToken,
    message: Option<String>,
    kept_answer: String,
) -> StudyCardView {
    let card = &next.card;
    let reveal = matches!(card.kind, CardKind::Recall { .. }).then(|| {
        let self_graded = check::check(&card.kind, &Response::Recall).ok();
        RevealView {
            answer: card.kind.expected_text(),
            explanation: card.explanation.clone(),
            source: card.source.clone(),
            grades: self_graded
                .map(|checked| {
                    grade_buttons(&study::preview_grades(
                        &checked,
                        next.progress,
                        state.today(),
                        context.exam,
                    ))
                })
                .unwrap_or_default(),
        }
    });
    StudyCardView {
        layout: layout(visitor, &context.title, Section::Study),
        set_id: context.set.to_string(),
        set_title: context.title.clone(),
        card_id: card.id.to_string(),
        kind: answer_form(&card.kind),
        prompt: card.prompt.clone(),
        choices: study::shown_choices(&card.kind, token),
        date_hint: match &card.kind {
            CardKind::Date { answer } => check::date_hint(*answer).to_string(),
            _ => String::new(),
        },
        review_token: token.to_string(),
        started_at: now_ms().to_string(),
        due: context.due,
        new_left: context.new_left,
        message,
        kept_answer,
        reveal,
        exam: ExamView::of(state.today(), context.exam),
        trial: None,
    }
}

fn answer_form(kind: &CardKind) -> AnswerForm {
    match kind {
        CardKind::Recall { .. } => AnswerForm::Recall,
        CardKind::Text { .. } | CardKind::Cloze { .. } => AnswerForm::Text,
        CardKind::Choice { .. } => AnswerForm::Choice,
        CardKind::Multi { .. } => AnswerForm::Multi,
        CardKind::TrueFalse { .. } => AnswerForm::TrueFalse,
        CardKind::Date { .. } => AnswerForm::Date,
        CardKind::Number { .. } => AnswerForm::Number,
    }
}
