//! Problems found while reading another tool's file, kept by byte offset as the reader walks
//! the text and turned into [`Diagnostic`]s (line and character column, in file order) once,
//! at the end, so that every problem of a file is reported at once.

use super::{Diagnostic, card_rules};
use crate::questions::model::Card;
use crate::questions::rules::Problem;

/// The most problems a file's check lists, as for a set file: a file with thousands has one
/// mistake repeated.
const MOST_PROBLEMS: usize = 200;

/// Problems found so far, each at a byte offset into the text read.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    found: Vec<(usize, Problem)>,
}

impl Problems {
    /// Adds `card` to `cards` if the set format takes it; otherwise reports each of its
    /// problems at byte `offset` (the question's place in the file).
    pub(crate) fn keep_valid(&mut self, card: Card, offset: usize, cards: &mut Vec<Card>) {
        let found = card_rules::problems(&card);
        if found.is_empty() {
            cards.push(card);
        }
        for problem in found {
            self.report(offset, problem);
        }
    }

    /// Records `problem` at byte `offset`.
    pub(crate) fn report(&mut self, offset: usize, problem: Problem) {
        self.found.push((offset, problem));
    }

    /// Records a problem given as its two sentences.
    pub(crate) fn add(
        &mut self,
        offset: usize,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.report(offset, Problem::new(message, fix));
    }

    pub(crate) fn len(&self) -> usize {
        self.found.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// The problems in file order (problems at one place in the order found), located in
    /// `text`; past [`MOST_PROBLEMS`], one line says how many more there are.
    pub(crate) fn finish(mut self, text: &str) -> Vec<Diagnostic> {
        self.found.sort_by_key(|(offset, _)| *offset);
        let unlisted = self.found.len().saturating_sub(MOST_PROBLEMS);
        if unlisted > 0 {
            let offset = self.found[MOST_PROBLEMS].0;
            self.found.truncate(MOST_PROBLEMS);
            let message = format!("{unlisted} more problems from here on are not listed");
            self.add(offset, message, "fix the ones above and check again");
        }
        let lines = Lines::new(text);
        self.found
            .into_iter()
            .map(|(offset, problem)| {
                let (line, column) = lines.locate(offset);
                Diagnostic {
                    line,
                    column,
                    message: problem.message,
                    fix: problem.fix,
                }
            })
            .collect()
    }

    /// `Err` with every problem when there is one, else `Ok(value)`.
    pub(crate) fn or<T>(self, text: &str, value: T) -> Result<T, Vec<Diagnostic>> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self.finish(text))
        }
    }
}

/// Where each line of a text starts, to locate byte offsets by line and character column.
pub(crate) struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    pub(crate) fn new(text: &'t str) -> Lines<'t> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Lines { text, starts }
    }

    /// The 1-based line and character column of byte `offset`; an offset past the end or
    /// inside a character is taken back to the nearest character before it.
    pub(crate) fn locate(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let index = self.starts.partition_point(|start| *start <= offset).max(1) - 1;
        let start = self.starts[index];
        let column = self.text[start..offset].chars().count() + 1;
        (index + 1, column)
    }

    /// The 1-based line of byte `offset`.
    pub(crate) fn line(&self, offset: usize) -> usize {
        self.locate(offset).0
    }
}

/// The text without a leading byte-order mark: editors do not show it, so it is no column.
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}
