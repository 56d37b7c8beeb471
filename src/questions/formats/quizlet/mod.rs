//! Quizlet's export, read as text cards: one card per row, a term, a separator and its
//! definition. Quizlet separates term and definition with a tab and rows with a line break
//! unless told otherwise; [`QuizletOptions`] gives other separators (`;` and `;;`, say).
//!
//! With [`Ask::Term`] the student is shown the definition and types the term; with
//! [`Ask::Definition`], the reverse. A card's id is the term's slug (`38th parallel` gives
//! `38th-parallel`), `-2`, `-3`, ... for a term used again, or `t-` and a hash of the term when
//! it has no letter or digit of a-z, 0-9: the same term keeps its id when the set is exported
//! again, and so do the students' progress on it.

#[cfg(test)]
mod tests;

use super::card_ids::{CardIds, slug_or_hash};
use super::located::{Lines, Problems, without_bom};
use super::{Ask, Diagnostic, Imported, QuizletOptions};
use crate::questions::model::{Card, CardKind};

/// Reads a Quizlet export laid out as `options` says; every problem at once, each at its line
/// and column.
pub fn read(text: &str, options: &QuizletOptions) -> Result<Imported, Vec<Diagnostic>> {
    let text = without_bom(text);
    let mut problems = Problems::default();
    if options.separator.is_empty() || options.row_separator.is_empty() {
        let what = if options.separator.is_empty() {
            "between a term and its definition"
        } else {
            "between two cards"
        };
        problems.add(
            0,
            format!("the separator {what} is empty"),
            "give the separator Quizlet's export used: a tab and a line break unless it was \
             told otherwise",
        );
        return problems.or(text, Imported::default());
    }
    let lines = Lines::new(text);
    let mut ids = CardIds::default();
    let mut imported = Imported::default();
    let mut offset = 0;
    for row in text.split(options.row_separator.as_str()) {
        let row_offset = offset;
        offset += row.len() + options.row_separator.len();
        // A Windows line end leaves its '\r' before the '\n' Quizlet splits on.
        let row = row.strip_suffix('\r').unwrap_or(row);
        let start = row_offset + (row.len() - row.trim_start().len());
        if row.trim().is_empty() {
            continue;
        }
        let Some(at) = row.find(options.separator.as_str()) else {
            problems.add(
                start,
                "this row has no separator between a term and its definition",
                format!(
                    "write the term, {}, then the definition; or give the separator the export \
                     used",
                    describe(&options.separator)
                ),
            );
            continue;
        };
        let term = row[..at].trim();
        let definition = row[at + options.separator.len()..].trim();
        if term.is_empty() || definition.is_empty() {
            let (side, place) = if term.is_empty() {
                ("term", "before")
            } else {
                ("definition", "after")
            };
            // An empty term starts where the row does, whitespace and all.
            let at = if term.is_empty() { row_offset } else { start };
            problems.add(
                at,
                format!("this row's {side} is empty"),
                format!("write the {side} {place} the separator, or remove the row"),
            );
            continue;
        }
        let (prompt, answer) = match options.ask {
            Ask::Term => (definition, term),
            Ask::Definition => (term, definition),
        };
        let line = lines.line(start);
        let id = match ids.derived(&slug_or_hash(term), line) {
            Ok(id) => id,
            Err(problem) => {
                problems.report(start, problem);
                continue;
            }
        };
        let card = Card {
            id,
            prompt: prompt.to_string(),
            kind: CardKind::Text {
                answer: answer.to_string(),
                accept: Vec::new(),
            },
            tags: Vec::new(),
            explanation: None,
            source: None,
        };
        problems.keep_valid(card, start, &mut imported.cards);
    }
    problems.or(text, imported)
}

/// A separator as a message names it: "a tab", "\";\"".
fn describe(separator: &str) -> String {
    match separator {
        "\t" => "a tab".to_string(),
        "\n" => "a line break".to_string(),
        other => format!("{other:?}"),
    }
}
