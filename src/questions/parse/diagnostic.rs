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

    /// The problems in file order, located in `text`, at most [`MOST_PROBLEMS`] of them and
    /// then one saying how many more there are. Problems at the same place keep the order they
    /// were found in, which follows the fields' order in the format.
    pub(super) fn finish(mut self, text: &str) -> Vec<Diagnostic> {
        self.found.sort_by_key(|(offset, _, _)| *offset);
        let unlisted = self.found.len().saturating_sub(MOST_PROBLEMS);
        if unlisted > 0 {
            let (offset, _, _) = self.found[MOST_PROBLEMS];
            self.found.truncate(MOST_PROBLEMS);
            let message = format!("{unlisted} more problems from here on are not listed");
            self.found
                .push((offset, message, "fix the ones above and check again".into()));
        }
        let mut locator = Locator::new(text);
        self.found
            .into_iter()
            .map(|(offset, message, fix)| {
                let (line, column) = locator.locate(offset);
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

/// The most problems a file's check lists: a file with thousands has one mistake repeated,
/// and listing them all cost more than checking the file.
pub const MOST_PROBLEMS: usize = 200;

/// The 1-based line and character column of a byte offset into `text`.
pub(crate) fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    Locator::new(text).locate(offset)
}

/// Lines and columns of byte offsets, found by walking the text forward from the last offset
/// asked: offsets asked in increasing order cost one pass over the text in all, where counting
/// from the start for each took time in the square of the file's size.
pub(crate) struct Locator<'t> {
    text: &'t str,
    /// The offset last located, and its line and column.
    offset: usize,
    line: usize,
    column: usize,
}

impl<'t> Locator<'t> {
    pub(crate) fn new(text: &'t str) -> Locator<'t> {
        Locator {
            text,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    pub(crate) fn locate(&mut self, offset: usize) -> (usize, usize) {
        // A byte-order mark is skipped by the parser and not shown by editors: not a column.
        let (text, offset) = match self.text.strip_prefix('\u{feff}') {
            Some(rest) => (rest, offset.saturating_sub('\u{feff}'.len_utf8())),
            None => (self.text, offset),
        };
        // A span from the parser always falls on a character boundary; clamping keeps a
        // stray offset from panicking all the same.
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.offset {
            *self = Locator::new(self.text);
        }
        for c in text[self.offset..offset].chars() {
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        self.offset = offset;
        (self.line, self.column)
    }
}
