//! The kind-specific cells of a row: which cells a kind takes, and reading its answer into a
//! [`CardKind`] by the same rules as a TOML card's ([`crate::questions::rules`]).

use super::Found;
use super::row::{NeedColumn, Row};
use crate::questions::model::CardKind;
use crate::questions::rules::{self, Problem};

impl<'r> Row<'r> {
    /// Reads the answer of a card of `kind`, after reporting cells the kind does not take.
    pub(super) fn read_kind(
        &self,
        kind: &'static str,
        found: &mut Found,
        need: &mut NeedColumn<'_>,
    ) -> Option<CardKind> {
        let takes = rules::kind_fields(kind).unwrap_or_default();
        for (field, _) in &self.cells {
            if !takes.contains(field) && !rules::kinds_taking(field).is_empty() {
                let problem = Problem::new(
                    rules::not_a_field_of(kind, field),
                    misplaced_fix(kind, field),
                );
                self.report(found, field, problem);
            }
        }
        match kind {
            "recall" => {
                let about = "the model answer the student grades themself against";
                let answer = self.required("answer", about, kind, found, need)?;
                Some(CardKind::Recall {
                    answer: answer.to_string(),
                })
            }
            "text" => {
                let answer = self.required("answer", "the expected answer", kind, found, need);
                let accept = self.list("accept", found);
                Some(CardKind::Text {
                    answer: answer?.to_string(),
                    accept: owned(accept?),
                })
            }
            "choice" => {
                let answer = self.required("answer", "the right choice", kind, found, need);
                let shuffle = self.shuffle(found);
                let choices = self.choices(kind, found, need)?;
                let answer = answer?;
                if let Some(problem) = rules::not_among_choices(answer, &choices) {
                    self.report(found, "answer", problem);
                }
                Some(CardKind::Choice {
                    choices: owned(choices),
                    answer: answer.to_string(),
                    shuffle: shuffle?,
                })
            }
            "multi" => self.multi(found, need),
            "truefalse" => {
                let answer = self.required("answer", "true or false", kind, found, need)?;
                let truth = truth(answer);
                if truth.is_none() {
                    let message = format!("\"{answer}\" is not true or false");
                    self.report(
                        found,
                        "answer",
                        Problem::new(message, "write true or false"),
                    );
                }
                truth.map(|answer| CardKind::TrueFalse { answer })
            }
            "date" => {
                let about =
                    "the date at the precision asked, e.g. 1950-06-25, 25 June 1950 or June 1950,";
                let answer = self.required("answer", about, kind, found, need)?;
                match rules::date(answer) {
                    Ok(answer) => Some(CardKind::Date { answer }),
                    Err(problem) => {
                        self.report(found, "answer", problem);
                        None
                    }
                }
            }
            "number" => {
                let answer = self.required("answer", "the number", kind, found, need);
                let answer = answer.and_then(|text| self.number("answer", text, found));
                let tolerance = self.tolerance(found);
                Some(CardKind::Number {
                    answer: answer?,
                    tolerance: tolerance?,
                })
            }
            _ => None,
        }
    }

    /// The choices of a choice or multi card: 2 to 10, none repeated. A list of the wrong
    /// length is still returned, so answers can be checked against it.
    fn choices(
        &self,
        kind: &'static str,
        found: &mut Found,
        need: &mut NeedColumn<'_>,
    ) -> Option<Vec<&'r str>> {
        let about = "2 to 10 options separated by |, e.g. Seoul | Busan,";
        self.required("choices", about, kind, found, need)?;
        let choices = self.list("choices", found)?;
        if let Some(problem) = rules::choice_count(choices.len()) {
            // Past the limit, each choice's own problems would bury the one that matters.
            self.report(found, "choices", problem);
            return Some(choices);
        }
        for (_, problem) in rules::repeats("choice", &choices) {
            self.report(found, "choices", problem);
        }
        Some(choices)
    }

    fn multi(&self, found: &mut Found, need: &mut NeedColumn<'_>) -> Option<CardKind> {
        let about = "the choices that must be picked, separated by |,";
        let given = self.required("answers", about, "multi", found, need);
        let answers = given.and_then(|_| self.list("answers", found));
        let shuffle = self.shuffle(found);
        let choices = self.choices("multi", found, need)?;
        let answers = answers?;
        for (_, problem) in rules::repeats("answer", &answers) {
            self.report(found, "answers", problem);
        }
        for answer in &answers {
            if let Some(problem) = rules::not_among_choices(answer, &choices) {
                self.report(found, "answers", problem);
            }
        }
        Some(CardKind::Multi {
            choices: owned(choices),
            answers: owned(answers),
            shuffle: shuffle?,
        })
    }

    /// Whether the choices are shuffled at each showing: true when the cell is empty, `false`
    /// or `no` to keep them in written order.
    fn shuffle(&self, found: &mut Found) -> Option<bool> {
        let Some(text) = self.get("shuffle") else {
            return Some(true);
        };
        let shuffle = rules::shuffle_word(text);
        if shuffle.is_none() {
            let message = format!("\"shuffle\" \"{text}\" is not true or false");
            let fix = "write false (or no) to keep the choices in written order, or leave the \
                       cell empty to shuffle them";
            self.report(found, "shuffle", Problem::new(message, fix));
        }
        shuffle
    }

    /// A finite number, as Rust reads one (`70`, `-2.5`, `1e3`).
    fn number(&self, field: &str, text: &str, found: &mut Found) -> Option<f64> {
        match text.parse::<f64>() {
            Ok(number) if number.is_finite() => Some(number),
            Ok(_) => {
                self.report(found, field, rules::unusable_number(field, text));
                None
            }
            Err(_) => {
                let message = format!("\"{field}\" \"{text}\" is not a number");
                let fix = "write a number with a point for decimals, e.g. 70 or 2.5";
                self.report(found, field, Problem::new(message, fix));
                None
            }
        }
    }

    /// How far off a guess may be: 0 or more, 0 when the cell is empty.
    fn tolerance(&self, found: &mut Found) -> Option<f64> {
        let Some(text) = self.get("tolerance") else {
            return Some(0.0);
        };
        let tolerance = self.number("tolerance", text, found)?;
        if tolerance < 0.0 {
            self.report(found, "tolerance", rules::negative_tolerance(text));
            return None;
        }
        Some(tolerance)
    }
}

/// How to fix a cell that `kind` does not take.
fn misplaced_fix(kind: &str, field: &str) -> String {
    match (kind, field) {
        ("multi", "answer") => {
            "a multi card lists what must be picked in the answers column".into()
        }
        (_, "answers") => {
            "only multi cards take answers; put the one right answer in the answer column".into()
        }
        (_, "shuffle") => rules::shuffle_without_choices("empty the cell"),
        _ => format!(
            "empty the cell, or use a kind that takes it: {}",
            rules::kinds_taking(field).join(", ")
        ),
    }
}

/// `true` or `false`, in any case (spreadsheets write `TRUE`).
fn truth(text: &str) -> Option<bool> {
    match text.to_lowercase().as_str() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

fn owned(texts: Vec<&str>) -> Vec<String> {
    texts.into_iter().map(str::to_string).collect()
}
