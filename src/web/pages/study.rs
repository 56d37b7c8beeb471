//! Studying a set: one card at a time (`GET /study/{set}`), the verdict on an answer with the
//! grade buttons (`POST .../answer`, which records nothing), and the grade (`POST .../grade`,
//! which records the review and redirects to the next card). The answered page sends the
//! student's answer back with the grade, and the server checks it again: a verdict is never
//! taken from the browser.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use uuid::Uuid;

use crate::questions::check::{self, Checked, Response, Verdict};
use crate::questions::{CardId, CardKind, SetId};
use crate::scheduler::{Quality, StudyDay};
use crate::store::{NextCard, SetSummary, StoredCard};
use crate::study::{self, GradePreview, Outcome, StudyError, Submission, interval_label};
use crate::web::auth::SignedIn;
use crate::web::error::{AppError, PageError};
use crate::web::state::{AppState, now_ms};
use crate::web::views::{
    self, AnswerForm, AnsweredView, ExamView, GradeButton, RevealView, Section, StudyCardView,
};

use super::{FormFields, Visitor, layout, redirect, render};

mod done;
mod resume;
mod shown;

pub use resume::answer as answer_or_sign_in;

#[derive(Debug, Deserialize)]
pub struct StudyQuery {
    /// Set when a grade was posted twice: the page says it was not counted again.
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
    let notice = (query.notice.as_deref() == Some("already-recorded"))
        .then(|| "That answer was already recorded, so it was not counted twice.".to_string());
    let kept_answer = query.kept_answer(&next.card.id);
    let view = card_view(&state, &visitor, &context, &next, notice, kept_answer);
    render(&state, "study.html", &view)
}

/// Checks an answer and shows the verdict with the grade buttons; records nothing yet.
pub async fn answer(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    visitor.verify_csrf(form.get("csrf_token"))?;
    let set = set_in_path(&path)?;
    let stored = find_card(&state, &visitor, &set, form.get("card_id"))?;
    let response = response_from(&stored.card.kind, &form);
    let checked = check::check(&stored.card.kind, &response)
        .map_err(|mismatch| AppError::from(StudyError::from(mismatch)))?;
    let context = StudyContext::load(&state, &visitor, &set)?;
    if checked.verdict == Verdict::Unparsed {
        let next = NextCard {
            card: stored.card.clone(),
            card_row: stored.row,
            progress: None,
            queue: crate::store::Queue::Due,
        };
        let mut view = card_view(
            &state,
            &visitor,
            &context,
            &next,
            checked.message.clone(),
            checked.given_text.clone(),
        );
        view.review_token = form.get("review_token").to_string();
        view.started_at = form.get("started_at").to_string();
        return render(&state, "study.html", &view);
    }
    let view = answered_view(&state, &visitor, &context, &stored, &checked, &form)?;
    render(&state, "answer.html", &view)
}

/// Records the grade (or the "I was right" claim) and goes on to the next card.
pub async fn grade(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    visitor.verify_csrf(form.get("csrf_token"))?;
    let set = set_in_path(&path)?;
    let stored = find_card(&state, &visitor, &set, form.get("card_id"))?;
    let review_token = Uuid::parse_str(form.get("review_token")).map_err(|_| {
        AppError::BadRequest("The form's review token is missing; reload the page.".into())
    })?;
    let claim_right = form.get("claim") == "right";
    let quality = match form.get("quality") {
        "" => None,
        text => Some(
            text.parse::<Quality>()
                .map_err(|error| AppError::Invalid(error.to_string()))?,
        ),
    };
    let submission = Submission {
        user: visitor.user.id,
        review_token,
        response: response_from(&stored.card.kind, &form),
        quality,
        claim_right,
        duration_ms: form
            .get("started_at")
            .parse::<i64>()
            .ok()
            .map(|started| now_ms() - started),
        today: state.today(),
        now_ms: now_ms(),
    };
    let here = format!("/study/{set}");
    match study::submit(&state.store, &stored, submission).await {
        Ok(Outcome::Recorded { .. }) => Ok(redirect(&here)),
        // Only a tampered form gets here: the answer page showed a verdict for this answer.
        Ok(Outcome::Unparsed(_)) => Ok(redirect(&here)),
        Err(StudyError::AlreadyRecorded) => {
            Ok(redirect(&format!("{here}?notice=already-recorded")))
        }
        Err(error) => Err(AppError::from(error).into()),
    }
}

/// The set's title and today's counts, for the bar above every card, and the exam day a class
/// of the student's gives the set, for the grade buttons' intervals.
struct StudyContext {
    set: SetId,
    title: String,
    due: u32,
    new_left: u32,
    exam: Option<StudyDay>,
}

impl StudyContext {
    fn new(set: SetId, summary: SetSummary, exam: Option<StudyDay>) -> StudyContext {
        StudyContext {
            set,
            title: summary.title,
            due: summary.due,
            new_left: summary.new_left,
            exam,
        }
    }

    /// Inline, for the reason given in [`next_card`].
    fn load(state: &AppState, visitor: &SignedIn, set: &SetId) -> Result<StudyContext, AppError> {
        let (summary, exam) = state
            .store
            .set_summary_and_exam(visitor.user.id, set, state.today())?
            .ok_or_else(|| unknown_set(set))?;
        Ok(StudyContext::new(set.clone(), summary, exam))
    }
}

fn unknown_set(set: &impl std::fmt::Display) -> AppError {
    AppError::NotFound(format!("There is no set “{set}”."))
}

fn set_in_path(path: &str) -> Result<SetId, AppError> {
    SetId::parse(path).map_err(|_| unknown_set(&path))
}

/// Inline, for the reason given in [`next_card`].
fn find_card(
    state: &AppState,
    visitor: &SignedIn,
    set: &SetId,
    card: &str,
) -> Result<StoredCard, AppError> {
    let card = CardId::parse(card)
        .map_err(|_| AppError::NotFound(format!("There is no card “{card}”.")))?;
    Ok(study::find_card(&state.store, visitor.user.id, set, &card)?)
}

/// What the form says the student answered: every ticked box of a multi card, the one
/// `answer` field otherwise; nothing for a recall card.
fn response_from(kind: &CardKind, form: &FormFields) -> Response {
    match kind {
        CardKind::Recall { .. } => Response::Recall,
        CardKind::Multi { .. } => Response::Choices(form.all("answer")),
        _ => Response::Text(form.get("answer").to_string()),
    }
}

fn answer_form(kind: &CardKind) -> AnswerForm {
    match kind {
        CardKind::Recall { .. } => AnswerForm::Recall,
        CardKind::Text { .. } => AnswerForm::Text,
        CardKind::Choice { .. } => AnswerForm::Choice,
        CardKind::Multi { .. } => AnswerForm::Multi,
        CardKind::TrueFalse { .. } => AnswerForm::TrueFalse,
        CardKind::Date { .. } => AnswerForm::Date,
        CardKind::Number { .. } => AnswerForm::Number,
    }
}

fn card_view(
    state: &AppState,
    visitor: &SignedIn,
    context: &StudyContext,
    next: &NextCard,
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
        choices: card
            .kind
            .choices()
            .map(<[String]>::to_vec)
            .unwrap_or_default(),
        review_token: study::new_review_token().to_string(),
        started_at: now_ms().to_string(),
        due: context.due,
        new_left: context.new_left,
        message,
        kept_answer,
        reveal,
        exam: ExamView::of(state.today(), context.exam),
    }
}

fn answered_view(
    state: &AppState,
    visitor: &SignedIn,
    context: &StudyContext,
    stored: &StoredCard,
    checked: &Checked,
    form: &FormFields,
) -> Result<AnsweredView, AppError> {
    let progress = state.store.progress_of(visitor.user.id, stored.row)?;
    let today = state.today();
    let previews = study::preview_grades(checked, progress, today, context.exam);
    let can_claim_right = checked.verdict == Verdict::Wrong;
    let claim_interval_label = if can_claim_right {
        interval_label(study::days_until_back(
            progress,
            Quality::HARD,
            today,
            context.exam,
        ))
    } else {
        String::new()
    };
    let card = &stored.card;
    let (verdict, verdict_label) = match checked.verdict {
        Verdict::Correct => (views::Verdict::Right, "Right"),
        Verdict::Almost => (views::Verdict::Almost, "Almost: accepted"),
        _ => (views::Verdict::Wrong, "Not quite"),
    };
    let mut grades = grade_buttons(&previews);
    if checked.verdict == Verdict::Wrong {
        for grade in &mut grades {
            grade.label = "Continue".to_string();
        }
    }
    Ok(AnsweredView {
        layout: layout(visitor, &context.title, Section::Study),
        set_id: context.set.to_string(),
        set_title: context.title.clone(),
        card_id: card.id.to_string(),
        prompt: card.prompt.clone(),
        review_token: form.get("review_token").to_string(),
        started_at: form.get("started_at").to_string(),
        submitted: form.all("answer"),
        due: context.due,
        new_left: context.new_left,
        verdict,
        verdict_label: verdict_label.to_string(),
        given: shown::given(&card.kind, &checked.given_text),
        expected: shown::expected(&card.kind),
        explanation: card.explanation.clone(),
        source: card.source.clone(),
        grades,
        can_claim_right,
        claim_interval_label,
        message: checked.message.clone(),
        exam: ExamView::of(today, context.exam),
    })
}

fn grade_buttons(previews: &[GradePreview]) -> Vec<GradeButton> {
    previews
        .iter()
        .map(|preview| GradeButton {
            quality: preview.quality,
            label: preview.label.to_string(),
            interval_label: interval_label(preview.days),
            is_default: preview.is_default,
        })
        .collect()
}
