//! Answer checking: what a student gave, held against what a card accepts.
//!
//! Everything here is a pure function of a card's [`CardKind`] and a [`Response`]. A check ends
//! in a [`Verdict`]: `correct`, `almost` (accepted, but the student is shown the exact form),
//! `wrong`, or `unparsed` (not gradable: nothing is recorded and the student is told how to
//! rephrase). Recall cards are not checked at all: their verdict is `self-graded`.
//!
//! - [`text`] is the normal form answers are compared in ([`normalize_text`]) and checks typed
//!   answers, with [`forms`] (what a listed answer accepts: parentheses give alternatives),
//!   [`names`] (titles, initials and name order) and [`typos`] (the near-miss rule by word length).
//! - [`date`] reads written dates ("30 January 1950", "Jan 30 1950", "1950-01", "late January
//!   1950") and grades them at the card's precision.
//! - [`forgiven`] says in words what a lenient check let pass ("Almost: one letter off").
//! - [`number`] reads numbers ("1,000", "3.5 years") and grades them within the card's tolerance.
//! - [`choice`] checks choice, multi and true/false cards.
//! - [`quality`] says which SM-2 grades a student may pick after a check.
//!
//! The rules, with a table of examples, are in `questions/README.md` ("How answers are checked");
//! `tests/readme.rs` checks every row of that table, and `tests/table.rs` holds the full table of
//! cases the rules are tested on.

mod choice;
mod date;
mod forgiven;
mod forms;
mod names;
pub(crate) use names::leading_titles;
mod number;
mod quality;
mod text;
mod typos;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::questions::CardKind;

pub use date::date_hint;
pub(crate) use date::{Unreadable as UnreadableDate, WrittenDate, read_written_date};
pub use quality::{Grade, GradeOptions, grade_options, quality_allowed};
pub use text::normalize_text;

/// What a student gave. Web forms give `Text` for everything except multi cards (`Choices`);
/// the JSON API may give typed values.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    Text(String),
    /// The texts of the choices picked on a multi card.
    Choices(Vec<String>),
    Bool(bool),
    Number(f64),
    /// No answer: the student recalled in their head and grades themself.
    Recall,
}

/// The longest answer a student may type, in characters: names, dates and short phrases are far
/// shorter. A longer one is not checked (its check would take time in its length times the
/// card's) nor stored; the API answers it 422 `answer_too_long`, the study page asks for less.
pub const MOST_ANSWER_CHARS: usize = 1000;

impl Response {
    /// Why the response is too long to check: a text over [`MOST_ANSWER_CHARS`], or more picked
    /// choices than a card has. `None` when it is not.
    pub fn too_long(&self) -> Option<String> {
        let texts: &[String] = match self {
            Response::Text(text) => std::slice::from_ref(text),
            Response::Choices(picked) if picked.len() > crate::questions::rules::MOST_CHOICES => {
                let most = crate::questions::rules::MOST_CHOICES;
                return Some(format!("a card has at most {most} choices to pick"));
            }
            Response::Choices(picked) => picked,
            _ => return None,
        };
        let longest = texts.iter().map(|text| text.chars().count()).max()?;
        (longest > MOST_ANSWER_CHARS).then(|| {
            format!(
                "an answer is at most {MOST_ANSWER_CHARS} characters long, this one has {longest}: \
                 shorten it"
            )
        })
    }

    /// The shape of the response in words, for [`ResponseMismatch`].
    fn shape(&self) -> &'static str {
        match self {
            Response::Text(_) => "text",
            Response::Choices(_) => "a list of choices",
            Response::Bool(_) => "a boolean",
            Response::Number(_) => "a number",
            Response::Recall => "no answer",
        }
    }
}

/// The outcome of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Correct,
    /// Accepted as right, but not in the exact form: the student is shown it.
    Almost,
    Wrong,
    /// Not gradable as given: nothing is recorded and the student is asked to rephrase.
    Unparsed,
    /// A recall card: there is nothing to check, the student grades themself.
    SelfGraded,
}

/// The result of checking one response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checked {
    pub verdict: Verdict,
    /// The student gave nothing: an empty response, or for a text card nothing but spaces and
    /// punctuation. Always `Wrong`, and graded 0 rather than 1.
    pub blank: bool,
    /// For `Unparsed`: how to rephrase. For `Almost`: the exact form. Otherwise `None`.
    pub message: Option<String>,
    /// What the check let pass, as a short sentence for the student: always given for `Almost`
    /// ("Almost: one letter off", "Almost: name written surname first"), and for a `Correct`
    /// answer that was only right once something was set aside ("Accepted: title ignored",
    /// "Accepted: “late” ignored"). `None` otherwise, and for every other verdict.
    pub forgiven: Option<String>,
    /// The normal form of what was given, for grouping common answers: [`normalize_text`] for
    /// text, ISO at the card's precision for dates, the shortest decimal for numbers, the picked
    /// choices in the card's order for multi cards; `""` when blank.
    pub normalized: String,
    /// What was given, trimmed, as the student wrote it.
    pub given_text: String,
}

impl Checked {
    fn graded(verdict: Verdict, given_text: &str, normalized: String) -> Checked {
        Checked {
            verdict,
            blank: false,
            message: None,
            forgiven: None,
            normalized,
            given_text: given_text.to_string(),
        }
    }

    fn blank(given_text: &str) -> Checked {
        Checked {
            verdict: Verdict::Wrong,
            blank: true,
            message: None,
            forgiven: None,
            normalized: String::new(),
            given_text: given_text.to_string(),
        }
    }

    /// Right, but not in the exact form; `forgiven` says what differed.
    fn almost(given_text: &str, normalized: String, exact: &str, forgiven: String) -> Checked {
        Checked {
            message: Some(format!("Accepted; the exact form is “{exact}”.")),
            forgiven: Some(forgiven),
            ..Checked::graded(Verdict::Almost, given_text, normalized)
        }
    }

    /// Right once something was set aside, which `forgiven` says.
    fn accepted(given_text: &str, normalized: String, forgiven: String) -> Checked {
        Checked {
            forgiven: Some(forgiven),
            ..Checked::graded(Verdict::Correct, given_text, normalized)
        }
    }

    fn unparsed(given_text: &str, message: String) -> Checked {
        Checked {
            message: Some(message),
            ..Checked::graded(Verdict::Unparsed, given_text, normalize_text(given_text))
        }
    }
}

/// A response of the wrong shape for the card's kind, e.g. a boolean for a date card. This is
/// a client's mistake, not the student's: the JSON API answers 422 with this message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a {kind} card takes {expected}, not {given}")]
pub struct ResponseMismatch {
    /// The card kind's name as written in a set file.
    pub kind: &'static str,
    /// The shapes the kind takes, in words.
    pub expected: &'static str,
    /// The shape that was given, in words.
    pub given: &'static str,
}

/// Checks a response against what a card accepts.
pub fn check(kind: &CardKind, response: &Response) -> Result<Checked, ResponseMismatch> {
    if let Some(message) = response.too_long() {
        // Not checked, not recorded: only its beginning is kept, to show back in the form.
        let given: String = match response {
            Response::Text(text) => text.chars().take(MOST_ANSWER_CHARS).collect(),
            _ => String::new(),
        };
        return Ok(Checked {
            message: Some(message),
            ..Checked::graded(Verdict::Unparsed, &given, String::new())
        });
    }
    let checked = match (kind, response) {
        (CardKind::Recall { .. }, Response::Recall) => {
            Checked::graded(Verdict::SelfGraded, "", String::new())
        }
        // A student may type an attempt before revealing the model answer; it is kept, not checked.
        (CardKind::Recall { .. }, Response::Text(given)) => {
            Checked::graded(Verdict::SelfGraded, given.trim(), normalize_text(given))
        }
        (CardKind::Text { answer, accept }, Response::Text(given)) => {
            text::check_text(answer, accept, given)
        }
        (
            CardKind::Choice {
                choices, answer, ..
            },
            Response::Text(given),
        ) => choice::check_choice(choices, answer, given),
        (
            CardKind::Multi {
                choices, answers, ..
            },
            Response::Choices(given),
        ) => choice::check_multi(choices, answers, given),
        (CardKind::TrueFalse { answer }, Response::Bool(given)) => {
            choice::check_true_false(*answer, *given)
        }
        (CardKind::TrueFalse { answer }, Response::Text(given)) => {
            choice::check_true_false_text(*answer, given)
        }
        (CardKind::Cloze { .. }, Response::Text(given)) => {
            text::check_text(&kind.expected_text(), &[], given)
        }
        (CardKind::Date { answer }, Response::Text(given)) => date::check_date(*answer, given),
        (CardKind::Number { answer, tolerance }, Response::Number(given)) => {
            number::check_number(*answer, *tolerance, *given)
        }
        (CardKind::Number { answer, tolerance }, Response::Text(given)) => {
            number::check_number_text(*answer, *tolerance, given)
        }
        _ => return Err(mismatch(kind, response)),
    };
    Ok(checked)
}

fn mismatch(kind: &CardKind, response: &Response) -> ResponseMismatch {
    let expected = match kind {
        CardKind::Recall { .. } => "no answer or a text",
        CardKind::Text { .. } | CardKind::Cloze { .. } => "a text",
        CardKind::Choice { .. } => "the text of one choice",
        CardKind::Multi { .. } => "a list of choices",
        CardKind::TrueFalse { .. } => "a boolean or a text",
        CardKind::Date { .. } => "a date written as text",
        CardKind::Number { .. } => "a number or a text",
    };
    ResponseMismatch {
        kind: kind.name(),
        expected,
        given: response.shape(),
    }
}
