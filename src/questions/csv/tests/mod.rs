//! The spreadsheet reader, without a server: every problem a file can have, each located by
//! line and column name, and the sets good files give.

mod file;
mod header;
mod rows;
mod shuffle;
mod valid;
mod write;

use super::{Delimiter, SheetDiagnostic, parse_sheet};
use crate::questions::model::{QuestionSet, SetId};

/// The set a comma-separated `text` gives, as the set `cold-war` titled "Cold War".
fn sheet(text: &str) -> Result<QuestionSet, Vec<SheetDiagnostic>> {
    parse_sheet(
        text,
        Delimiter::Comma,
        SetId::parse("cold-war").unwrap(),
        "Cold War",
    )
}

/// Every problem of `text`, as `LINE:COLUMN: message — fix` lines.
fn problems(text: &str) -> Vec<String> {
    match sheet(text) {
        Ok(set) => panic!(
            "expected problems, the file gave a set of {} cards",
            set.cards.len()
        ),
        Err(diagnostics) => diagnostics.iter().map(ToString::to_string).collect(),
    }
}

/// The one problem of `text`.
fn problem(text: &str) -> String {
    let all = problems(text);
    assert_eq!(all.len(), 1, "expected one problem, found {all:#?}");
    all.into_iter().next().unwrap()
}

/// `(line, column)` of every problem of `text`.
fn places(text: &str) -> Vec<(usize, String)> {
    sheet(text)
        .unwrap_err()
        .into_iter()
        .map(|diagnostic| (diagnostic.line, diagnostic.column))
        .collect()
}

/// The set `text` gives; panics with its problems when it has some.
fn parsed(text: &str) -> QuestionSet {
    sheet(text).unwrap_or_else(|problems| panic!("{problems:#?}"))
}

/// A file with the usual header and `rows` below it (the first row is line 2).
fn with_rows(rows: &str) -> String {
    format!(
        "id,kind,prompt,answer,accept,choices,answers,tolerance,tags,explanation,source\n{rows}"
    )
}

fn place(line: usize, column: &str) -> (usize, String) {
    (line, column.to_string())
}
