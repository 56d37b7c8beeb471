//! One row of a spreadsheet: one card. Cells are read trimmed; an empty cell is a field left
//! out; lists are separated by `|`. The card's kind decides which cells it takes, by the same
//! rules as a TOML card ([`crate::questions::rules`]).

use ::csv::StringRecord;

use super::header::{Columns, REQUIRED, Slot};
use super::{Found, cell};
use crate::questions::model::{Card, CardId, CardKind};
use crate::questions::rules::{self, Problem};

/// Called with a column the header lacks and the kind of the card that needs it.
pub(super) type NeedColumn<'n> = dyn FnMut(&'static str, &'static str) + 'n;

/// A row's non-empty cells, by field.
pub(super) struct Row<'r> {
    columns: &'r Columns,
    line: usize,
    cells: Vec<(&'static str, &'r str)>,
}

impl<'r> Row<'r> {
    /// The row at `line`, or `None` for a row of empty cells (spreadsheets export those). A
    /// value in a column without a name is reported here.
    pub(super) fn new(
        columns: &'r Columns,
        record: &'r StringRecord,
        line: usize,
        found: &mut Found,
    ) -> Option<Row<'r>> {
        let mut cells = Vec::new();
        let mut blank = true;
        for index in 0..record.len() {
            let text = cell(record, index);
            if text.is_empty() {
                continue;
            }
            blank = false;
            match columns.slot(index) {
                Slot::Field(name) => cells.push((name, text)),
                Slot::Ignored => {}
                Slot::Unnamed => {
                    let fix = "name the column in the header, or empty the cell";
                    let problem = Problem::new("a value in a column with no name", fix);
                    found.report(line, &format!("column {}", index + 1), problem);
                }
            }
        }
        (!blank).then_some(Row {
            columns,
            line,
            cells,
        })
    }

    fn get(&self, field: &str) -> Option<&'r str> {
        self.cells
            .iter()
            .find(|(name, _)| *name == field)
            .map(|(_, text)| *text)
    }

    fn report(&self, found: &mut Found, field: &str, problem: Problem) {
        found.report(self.line, field, problem);
    }

    /// The card, if the row has no problem, and its id on its own (if valid) so that ids are
    /// checked for duplicates even when something else in the row is wrong.
    pub(super) fn read_card(
        &self,
        found: &mut Found,
        need: &mut NeedColumn<'_>,
    ) -> (Option<Card>, Option<CardId>) {
        let id = self.id(found);
        let kind_name = self.kind(found);
        let prompt = self.required("prompt", "the question the card asks", "", found, need);
        let kind = kind_name.and_then(|kind| self.read_kind(kind, found, need));
        let tags = self.list("tags", found);
        let card = (|| {
            Some(Card {
                id: id.clone()?,
                prompt: prompt?.to_string(),
                kind: kind?,
                tags: tags?.into_iter().map(str::to_string).collect(),
                explanation: self.get("explanation").map(str::to_string),
                source: self.get("source").map(str::to_string),
            })
        })();
        (card, id)
    }

    fn id(&self, found: &mut Found) -> Option<CardId> {
        let about = "an id made of a-z, 0-9 and '-' (progress is tied to it)";
        let text = self.required("id", about, "", found, &mut |_, _| {})?;
        CardId::parse(text)
            .map_err(|error| {
                let slug = rules::slug(text);
                let example = if slug.is_empty() || slug == text { "kim-visit" } else { &slug };
                let fix = format!("use 1 to 64 of a-z, 0-9 and '-', e.g. {example}");
                self.report(found, "id", Problem::new(format!("bad id \"{text}\": {error}"), fix));
            })
            .ok()
    }

    /// The kind, as its name in `KINDS`; written in any case (spreadsheets capitalise).
    fn kind(&self, found: &mut Found) -> Option<&'static str> {
        let about = format!("one of {}", rules::kind_names());
        let written = self.required("kind", &about, "", found, &mut |_, _| {})?;
        let kind = rules::known_kind(&written.to_lowercase());
        if kind.is_none() {
            self.report(found, "kind", rules::unknown_kind(written));
        }
        kind
    }

    /// A required cell. A missing one is reported on this row when the header has the column;
    /// otherwise the header's lack is reported once (`need`, or the missing required column).
    fn required(
        &self,
        field: &'static str,
        about: &str,
        kind: &'static str,
        found: &mut Found,
        need: &mut NeedColumn<'_>,
    ) -> Option<&'r str> {
        let text = self.get(field);
        if text.is_none() {
            if self.columns.has(field) {
                let card = if kind.is_empty() { "this card".to_string() } else { format!("this {kind} card") };
                let message = format!("{card} has no {field}");
                let fix = format!("write {about} in the {field} column");
                self.report(found, field, Problem::new(message, fix));
            } else if !REQUIRED.contains(&field) {
                need(field, kind);
            }
        }
        text
    }

    /// A list cell split at `|`; absent is empty. An empty item (`a||b`, `a|`) is reported.
    fn list(&self, field: &'static str, found: &mut Found) -> Option<Vec<&'r str>> {
        let Some(text) = self.get(field) else {
            return Some(Vec::new());
        };
        let items: Vec<&str> = text.split('|').map(str::trim).collect();
        if items.iter().any(|item| item.is_empty()) {
            let message = format!("\"{field}\" has an empty item");
            let fix = "remove the extra |: items are separated by a single |";
            self.report(found, field, Problem::new(message, fix));
            return None;
        }
        Some(items)
    }

    /// Reads the answer of a card of `kind`, after reporting cells the kind does not take.
    fn read_kind(
        &self,
        kind: &'static str,
        found: &mut Found,
        need: &mut NeedColumn<'_>,
    ) -> Option<CardKind> {
        let takes = rules::kind_fields(kind).unwrap_or_default();
        for (field, _) in &self.cells {
            if !takes.contains(field) && !rules::kinds_taking(field).is_empty() {
                let problem = Problem::new(rules::not_a_field_of(kind, field), misplaced_fix(kind, field));
                self.report(found, field, problem);
            }
        }
        match kind {
            "recall" => {
                let about = "the model answer the student grades themself against";
                let answer = self.required("answer", about, kind, found, need)?;
                Some(CardKind::Recall { answer: answer.to_string() })
            }
            "text" => {
                let answer = self.required("answer", "the expected answer", kind, found, need);
                let accept = self.list("accept", found);
                Some(CardKind::Text { answer: answer?.to_string(), accept: owned(accept?) })
            }
            "choice" => {
                let answer = self.required("answer", "the right choice", kind, found, need);
                let choices = self.choices(kind, found, need)?;
                let answer = answer?;
                if let Some(problem) = rules::not_among_choices(answer, &choices) {
                    self.report(found, "answer", problem);
                }
                Some(CardKind::Choice { choices: owned(choices), answer: answer.to_string() })
            }
            "multi" => self.multi(found, need),
            "truefalse" => {
                let answer = self.required("answer", "true or false", kind, found, need)?;
                let truth = truth(answer);
                if truth.is_none() {
                    let message = format!("\"{answer}\" is not true or false");
                    self.report(found, "answer", Problem::new(message, "write true or false"));
                }
                truth.map(|answer| CardKind::TrueFalse { answer })
            }
            "date" => {
                let about = "the date, as YYYY-MM-DD, YYYY-MM or YYYY,";
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
                Some(CardKind::Number { answer: answer?, tolerance: tolerance? })
            }
            _ => None,
        }
    }

    /// The choices of a choice or multi card: 2 to 10, none repeated. A list of the wrong
    /// length is still returned, so answers can be checked against it.
    fn choices(&self, kind: &'static str, found: &mut Found, need: &mut NeedColumn<'_>) -> Option<Vec<&'r str>> {
        let about = "2 to 10 options separated by |, e.g. Seoul | Busan,";
        self.required("choices", about, kind, found, need)?;
        let choices = self.list("choices", found)?;
        if let Some(problem) = rules::choice_count(choices.len()) {
            self.report(found, "choices", problem);
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
        Some(CardKind::Multi { choices: owned(choices), answers: owned(answers) })
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
        ("multi", "answer") => "a multi card lists what must be picked in the answers column".into(),
        (_, "answers") => "only multi cards take answers; put the one right answer in the answer column".into(),
        _ => format!("empty the cell, or use a kind that takes it: {}", rules::kinds_taking(field).join(", ")),
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
