//! The set rules a card built from another tool's file must pass before it is imported: a
//! reader builds the card, asks this module what is wrong with it, and reports each problem at
//! the question's place instead of producing a card the set checker would refuse.

use crate::questions::model::{Card, CardKind};
use crate::questions::rules::{self, Problem};

/// Everything the set format refuses in `card`, in the order its fields are written; empty
/// when the card is valid.
pub(crate) fn problems(card: &Card) -> Vec<Problem> {
    let mut found = Vec::new();
    blank("the question", &card.prompt, &mut found);
    match &card.kind {
        CardKind::Recall { answer } => blank("the answer", answer, &mut found),
        CardKind::Text { answer, accept } => {
            blank("the answer", answer, &mut found);
            for other in accept {
                blank("an accepted answer", other, &mut found);
            }
        }
        CardKind::Choice {
            choices, answer, ..
        } => {
            choice_list(choices, &mut found);
            let plain: Vec<&str> = choices.iter().map(String::as_str).collect();
            found.extend(rules::not_among_choices(answer, &plain));
        }
        CardKind::Multi {
            choices, answers, ..
        } => {
            choice_list(choices, &mut found);
            if answers.is_empty() {
                found.push(rules::no_multi_answers());
            }
            let plain: Vec<&str> = choices.iter().map(String::as_str).collect();
            let picked: Vec<&str> = answers.iter().map(String::as_str).collect();
            found.extend(
                rules::repeats("answer", &picked)
                    .into_iter()
                    .map(|(_, p)| p),
            );
            for answer in &picked {
                found.extend(rules::not_among_choices(answer, &plain));
            }
        }
        CardKind::TrueFalse { .. } | CardKind::Date { .. } => {}
        CardKind::Number { answer, tolerance } => {
            if !answer.is_finite() {
                found.push(rules::unusable_number("answer", &answer.to_string()));
            }
            if !tolerance.is_finite() {
                found.push(rules::unusable_number("tolerance", &tolerance.to_string()));
            } else if *tolerance < 0.0 {
                found.push(rules::negative_tolerance(&tolerance.to_string()));
            }
        }
        CardKind::Cloze { text, .. } => {
            if let Err(problem) = crate::questions::cloze::deletions(text) {
                found.push(problem.problem);
            }
        }
    }
    for tag in &card.tags {
        blank("a tag", tag, &mut found);
    }
    if let Some(explanation) = &card.explanation {
        blank("the explanation", explanation, &mut found);
    }
    found
}

fn choice_list(choices: &[String], found: &mut Vec<Problem>) {
    found.extend(rules::choice_count(choices.len()));
    for choice in choices {
        blank("a choice", choice, found);
    }
    let plain: Vec<&str> = choices.iter().map(String::as_str).collect();
    found.extend(rules::repeats("choice", &plain).into_iter().map(|(_, p)| p));
}

/// A blank text, or one holding a NUL character, which a set file refuses.
fn blank(what: &str, text: &str, found: &mut Vec<Problem>) {
    if text.trim().is_empty() {
        found.push(Problem::new(
            format!("{what} is empty"),
            format!("write {what}, or remove the question"),
        ));
    } else if text.contains('\0') {
        found.push(Problem::new(
            format!("{what} holds a NUL character"),
            "remove it: a set file cannot hold one",
        ));
    }
}
