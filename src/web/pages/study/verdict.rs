//! The verdict page's view of a recorded review: the verdict, both answers, the explanation,
//! and the grade buttons while the grade may change.

use crate::questions::CardKind;
use crate::questions::check::{self, Checked, Response};
use crate::store::{RecordedAnswer, StoredCard};
use crate::study::{self, GradePreview, interval_label};
use crate::web::auth::SignedIn;
use crate::web::error::AppError;
use crate::web::pages::claims::claim_notice_view;
use crate::web::pages::layout;
use crate::web::state::{AppState, now_ms};
use crate::web::views::{self, AnsweredView, ExamView, GradeButton, Section};

use super::{StudyContext, shown};

pub(super) fn view(
    state: &AppState,
    visitor: &SignedIn,
    context: &StudyContext,
    stored: &StoredCard,
    recorded: &RecordedAnswer,
    token: &str,
) -> Result<AnsweredView, AppError> {
    let today = state.today();
    let card = &stored.card;
    let as_recorded = study::recorded_check(recorded);
    // Checked again only for what it says about the answer (the exact form, what was
    // forgiven); the verdict is the recorded one.
    let again = check_again(&card.kind, recorded).unwrap_or_else(|| as_recorded.clone());
    let wrong = as_recorded.verdict == check::Verdict::Wrong;
    let (verdict, verdict_label, forgiven) = verdict_words(
        recorded.overridden,
        as_recorded.verdict,
        again.forgiven.clone(),
    );
    let may_grade = recorded.regradable && !recorded.overridden;
    let mut grades = Vec::new();
    if may_grade {
        let previews = study::preview_grades(&as_recorded, recorded.before, today, context.exam);
        grades = grade_buttons(&previews);
        for grade in &mut grades {
            grade.is_default = grade.quality == recorded.quality.value();
            if wrong {
                grade.label = "Continue".to_string();
            }
        }
    }
    let can_claim_right = may_grade && wrong && !as_recorded.blank && !recorded.claim_rejected;
    let claim_interval_label = if can_claim_right {
        interval_label(study::days_after_claim(
            recorded.before,
            today,
            context.exam,
        ))
    } else {
        String::new()
    };
    Ok(AnsweredView {
        layout: layout(visitor, &context.title, Section::Study),
        set_id: context.set.to_string(),
        set_title: context.title.clone(),
        card_id: card.id.to_string(),
        prompt: card.prompt.clone(),
        review_token: token.to_string(),
        due: context.due,
        new_left: context.new_left,
        verdict,
        verdict_label,
        given: shown::given(&card.kind, &again.given_text),
        expected: shown::expected(&card.kind),
        options: shown::marked_options(&card.kind, &recorded_choices(recorded)),
        explanation: card.explanation.clone(),
        source: card.source.clone(),
        grades,
        graded_label: (!may_grade).then(|| graded_label(recorded, wrong)),
        can_claim_right,
        claim_interval_label,
        message: again.message,
        forgiven,
        claim_notice: state
            .store
            .claim_notice(visitor.user.id, stored.row, now_ms())?
            .map(|notice| claim_notice_view(&notice, today)),
        exam: ExamView::of(today, context.exam),
        trial: None,
    })
}

/// The verdict, its words and what was forgiven, for the verdict banner.
pub(super) fn verdict_words(
    overridden: bool,
    verdict: check::Verdict,
    forgiven: Option<String>,
) -> (views::Verdict, String, Option<String>) {
    let (verdict, label) = match (overridden, verdict) {
        (true, _) => (
            views::Verdict::Right,
            "Counted as right: you said you were right",
        ),
        (false, check::Verdict::Almost) => (views::Verdict::Almost, "Almost: accepted"),
        (false, check::Verdict::Wrong) => (views::Verdict::Wrong, "Not quite"),
        (false, _) => (views::Verdict::Right, "Right"),
    };
    // An almost-right verdict says what was forgiven in its own words ("Almost: one letter off").
    match (verdict, forgiven) {
        (views::Verdict::Almost, Some(forgiven)) => (verdict, forgiven, None),
        (_, forgiven) => (verdict, label.to_string(), forgiven),
    }
}

/// The recorded answer checked again against the card as it is now.
fn check_again(kind: &CardKind, recorded: &RecordedAnswer) -> Option<Checked> {
    let given = recorded.answer.clone();
    let response = match kind {
        CardKind::Recall { .. } => Response::Recall,
        CardKind::Multi { .. } => Response::Choices(serde_json::from_str(given.as_deref()?).ok()?),
        _ => Response::Text(given.unwrap_or_default()),
    };
    check::check(kind, &response).ok()
}

/// The choices a multi card's recorded answer picked (stored as a JSON list); none for other
/// kinds or an answer that is not such a list.
fn recorded_choices(recorded: &RecordedAnswer) -> Vec<String> {
    recorded
        .answer
        .as_deref()
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default()
}

/// What was recorded, once the grade can no longer change.
fn graded_label(recorded: &RecordedAnswer, wrong: bool) -> String {
    if recorded.overridden {
        return "Recorded as right (Hard): the card comes back on another day.".to_string();
    }
    if wrong {
        return "Recorded as a miss.".to_string();
    }
    let name = match recorded.quality.value() {
        5 => "Easy",
        4 => "Good",
        3 => "Hard",
        _ => "Again",
    };
    format!("Recorded as {name}.")
}

/// The grade buttons for `previews`. When two grades bring the card back after the same number
/// of days, each says what differs: the interval after that, or else the easiness it leaves.
pub(super) fn grade_buttons(previews: &[GradePreview]) -> Vec<GradeButton> {
    previews
        .iter()
        .map(|preview| {
            let twins: Vec<&GradePreview> = previews
                .iter()
                .filter(|other| other.days == preview.days && other.days > 0)
                .collect();
            let mut interval = interval_label(preview.days);
            if twins.len() > 1 {
                if twins.iter().any(|twin| twin.then_days != preview.then_days) {
                    interval = format!("{interval}, then {}", interval_label(preview.then_days));
                } else {
                    let ease = f64::from(preview.ease_hundredths) / 100.0;
                    interval = format!("{interval}, ease {ease:.2}");
                }
            }
            GradeButton {
                quality: preview.quality,
                label: preview.label.to_string(),
                interval_label: interval,
                is_default: preview.is_default,
            }
        })
        .collect()
}
