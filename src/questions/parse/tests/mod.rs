//! Tests of the set file format: the problems found and where, valid files of every kind,
//! the real essay set, loading from disk, and writing sets back out.

mod card_errors;
mod cloze;
mod file_errors;
mod huge;
mod kind_errors;
mod loading;
mod readme;
mod round_trip;
mod set_errors;
mod shuffle;
mod valid;

use super::parse_set;
use crate::questions::model::QuestionSet;

/// The essay set shipped with studyhall, checked as a real example of the format.
const ESSAY: &str = include_str!("../../../../questions/korean-war-1950.toml");

/// A valid `[set]` table (lines 1-3) and a blank line, to put cards after: a card's
/// `[[cards]]` header written right after it is on line 5.
const SET: &str = "[set]\nid = \"s\"\ntitle = \"T\"\n\n";

/// Every problem in `text`, as `LINE:COL: message — fix`.
fn problems(text: &str) -> Vec<String> {
    match parse_set(text) {
        Ok(set) => panic!("expected problems, the file parsed: {set:?}"),
        Err(diagnostics) => diagnostics.iter().map(ToString::to_string).collect(),
    }
}

/// Where each problem in `text` is and what it says, without the fix.
fn places(text: &str) -> Vec<(usize, usize, String)> {
    match parse_set(text) {
        Ok(set) => panic!("expected problems, the file parsed: {set:?}"),
        Err(diagnostics) => diagnostics
            .into_iter()
            .map(|diagnostic| (diagnostic.line, diagnostic.column, diagnostic.message))
            .collect(),
    }
}

/// The one problem in `text`, as `LINE:COL: message — fix`.
fn problem(text: &str) -> String {
    let mut all = problems(text);
    assert_eq!(all.len(), 1, "expected one problem, found {all:#?}");
    all.remove(0)
}

/// The set `text` parses to, failing the test with the problems if it does not.
fn parsed(text: &str) -> QuestionSet {
    match parse_set(text) {
        Ok(set) => set,
        Err(diagnostics) => {
            let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
            panic!("expected a set, found problems:\n{}", lines.join("\n"))
        }
    }
}

/// The essay set, parsed.
fn valid_essay() -> QuestionSet {
    parsed(ESSAY)
}

/// `SET` followed by one card made of `lines`.
fn card(lines: &str) -> String {
    format!("{SET}[[cards]]\n{lines}")
}
