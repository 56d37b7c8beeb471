//! Picked answers: choice, multi and true/false cards.
//!
//! Choices are compared exactly, after trimming: the student picked from a list, so a text that
//! is not on it is a client's slip or a stale form, sent back rather than graded.

use super::{Checked, Verdict};

const PICK_ONE: &str = "Pick one of the choices.";

/// The card's choice whose text is `given`, both trimmed.
fn find_choice<'a>(choices: &'a [String], given: &str) -> Option<&'a str> {
    choices
        .iter()
        .map(|choice| choice.trim())
        .find(|choice| *choice == given)
}

/// Checks one picked choice: right when it is the answer.
pub(super) fn check_choice(choices: &[String], answer: &str, given: &str) -> Checked {
    let given_text = given.trim();
    if given_text.is_empty() {
        return Checked::blank(given_text);
    }
    match find_choice(choices, given_text) {
        Some(choice) => {
            let verdict = if choice == answer.trim() {
                Verdict::Correct
            } else {
                Verdict::Wrong
            };
            Checked::graded(verdict, given_text, choice.to_string())
        }
        None => Checked::unparsed(given_text, PICK_ONE.to_string()),
    }
}

/// Checks a set of picked choices: right when it is all and only the answers, in any order;
/// a choice picked twice counts once.
pub(super) fn check_multi(choices: &[String], answers: &[String], given: &[String]) -> Checked {
    let given: Vec<&str> = given
        .iter()
        .map(|text| text.trim())
        .filter(|text| !text.is_empty())
        .collect();
    let mut picked = vec![false; choices.len()];
    for text in &given {
        match choices.iter().position(|choice| choice.trim() == *text) {
            Some(index) => picked[index] = true,
            None => {
                let message = format!("Pick from the choices given; “{text}” is not one of them.");
                return Checked::unparsed(&given.join(", "), message);
            }
        }
    }
    // In the card's order, so that the same picks group together whatever order they came in.
    let picked: Vec<&str> = choices
        .iter()
        .zip(&picked)
        .filter(|(_, picked)| **picked)
        .map(|(choice, _)| choice.trim())
        .collect();
    let is_answer = |choice: &&str| answers.iter().any(|answer| answer.trim() == *choice);
    let right = picked.iter().all(is_answer)
        && answers.iter().all(|answer| picked.contains(&answer.trim()));
    if picked.is_empty() && !right {
        return Checked::blank("");
    }
    let verdict = if right {
        Verdict::Correct
    } else {
        Verdict::Wrong
    };
    // "; " keeps choices that contain commas apart in the grouping key.
    Checked::graded(verdict, &picked.join(", "), picked.join("; "))
}

/// Checks a true/false answer given as a boolean.
pub(super) fn check_true_false(answer: bool, given: bool) -> Checked {
    let verdict = if given == answer {
        Verdict::Correct
    } else {
        Verdict::Wrong
    };
    Checked::graded(verdict, &given.to_string(), given.to_string())
}

/// Checks a true/false answer written as text: true, false, yes, no, t or f in any case.
pub(super) fn check_true_false_text(answer: bool, given: &str) -> Checked {
    let given_text = given.trim();
    if given_text.is_empty() {
        return Checked::blank(given_text);
    }
    // Trailing punctuation is not part of the answer: "True." is true.
    let word = given_text
        .trim_end_matches(|c: char| c.is_ascii_punctuation())
        .to_lowercase();
    let value = match word.as_str() {
        "true" | "yes" | "t" => true,
        "false" | "no" | "f" => false,
        _ => {
            let message = "Answer true or false.".to_string();
            return Checked::unparsed(given_text, message);
        }
    };
    Checked {
        given_text: given_text.to_string(),
        ..check_true_false(answer, value)
    }
}
