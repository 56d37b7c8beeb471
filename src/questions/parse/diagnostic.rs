//! Diagnostics: one problem in a set file, located by line and column, and the collector
//! that gathers them while a file is checked, so that every problem is reported at once.

use std::fmt;
use std::ops::Range;

/// One problem in a set file, located at the offending key or value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The line, counted from 1.
    pub line: usize,
    /// The column, counted from 1 in characters (not bytes), as an editor shows it.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

impl Diagnostic {
    /// The diagnostic as one line: `FILE:LINE:COL: what is wrong — how to fix it`.
    pub fn render(&self, file: &str) -> String {
        format!("{file}:{self}")
    }
}

impl fmt::Display for Diagnostic {
    /// `LINE:COL: what is wrong — how to fix it`, without the file name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {} — {}",
            self.line, self.column, self.message, self.fix
        )
    }
}

/// Problems found so far. They are kept by byte offset while the file is walked (the
/// parser's spans are bytes) and become lines and columns once, at the end.
#[derive(Debug, Default)]
pub(super) struct Diagnostics {
    found: Vec<(usize, String, String)>,
}

impl Diagnostics {
    /// Records a problem at the start of `span`.
    pub(super) fn report(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.found.push((span.start, message.into(), fix.into()));
    }

    pub(super) fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// The problems in file order, located in `text`. Problems at the same place keep the
    /// order they were found in, which follows the fields' order in the format.
    pub(super) fn finish(mut self, text: &str) -> Vec<Diagnostic> {
        self.found.sort_by_key(|(offset, _, _)| *offset);
        self.found
            .into_iter()
            .map(|(offset, message, fix)| {
                let (line, column) = line_and_column(text, offset);
                Diagnostic {
                    line,
                    column,
                    message,
                    fix,
                }
            })
            .collect()
    }
}

/// The 1-based line and character column of a byte offset into `text`.
pub(crate) fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    // A byte-order mark is skipped by the parser and not shown by editors: not a column.
    let (text, offset) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, offset.saturating_sub('\u{feff}'.len_utf8())),
        None => (text, offset),
    };
    // A span from the parser always falls on a character boundary; clamping keeps a
    // stray offset from panicking all the same.
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let line = before.matches('\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}
