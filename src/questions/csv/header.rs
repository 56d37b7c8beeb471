//! The header row of a spreadsheet: which column holds which field. Names are read without
//! regard to case or surrounding spaces (`Prompt ` is `prompt`), since spreadsheets capitalise.

use ::csv::StringRecord;

use super::{Found, cell};
use crate::questions::rules::{Problem, closest};

/// Every column a file may have, in the order `to_csv` writes them.
pub(super) const COLUMNS: [&str; 13] = [
    "id",
    "kind",
    "prompt",
    "text",
    "answer",
    "accept",
    "choices",
    "answers",
    "shuffle",
    "tolerance",
    "tags",
    "explanation",
    "source",
];

/// The columns every file needs, whatever its cards.
pub(super) const REQUIRED: [&str; 3] = ["id", "kind", "prompt"];

/// A header, as a fix suggests it.
pub(super) const EXAMPLE: &str =
    "id,kind,prompt,answer,accept,choices,answers,tags,explanation,source";

/// What one column of the file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    /// A field of the cards.
    Field(&'static str),
    /// An unknown or repeated column, reported at the header: its cells are not read.
    Ignored,
    /// A column without a name: a value in it is reported on its row.
    Unnamed,
}

/// The header's columns, by position.
#[derive(Debug, Clone, Default)]
pub(super) struct Columns {
    slots: Vec<Slot>,
}

impl Columns {
    /// What column `index` (from 0) holds; cells past the header are unnamed.
    pub(super) fn slot(&self, index: usize) -> Slot {
        self.slots.get(index).copied().unwrap_or(Slot::Unnamed)
    }

    /// Whether the header has a column for `field`.
    pub(super) fn has(&self, field: &str) -> bool {
        self.slots
            .iter()
            .any(|slot| matches!(slot, Slot::Field(name) if *name == field))
    }
}

/// Reads the header row (line 1), reporting unknown, repeated and missing columns.
pub(super) fn read_header(record: &StringRecord, found: &mut Found) -> Columns {
    let mut columns = Columns::default();
    for index in 0..record.len() {
        let written = cell(record, index);
        if written.is_empty() {
            columns.slots.push(Slot::Unnamed);
            continue;
        }
        let lowered = written.to_lowercase();
        let slot = match COLUMNS.iter().find(|name| **name == lowered) {
            Some(name) if columns.has(name) => {
                let message = format!("the column \"{name}\" is given twice");
                found.report(1, name, Problem::new(message, "remove one of them"));
                Slot::Ignored
            }
            Some(name) => Slot::Field(name),
            None => {
                found.report(1, written, unknown_column(written));
                Slot::Ignored
            }
        };
        columns.slots.push(slot);
    }
    for required in REQUIRED {
        if !columns.has(required) {
            let message = format!("there is no \"{required}\" column");
            let fix = format!("add a column named {required}: every card needs one");
            found.report(1, required, Problem::new(message, fix));
        }
    }
    columns
}

fn unknown_column(written: &str) -> Problem {
    let fix = match closest(written, COLUMNS.iter().copied()) {
        Some(guess) => format!("did you mean \"{guess}\"?"),
        None => format!("remove it; the columns are {}", COLUMNS.join(", ")),
    };
    Problem::new(format!("unknown column \"{written}\""), fix)
}
