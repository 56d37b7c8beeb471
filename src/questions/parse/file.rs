//! Loading a set file from disk: reading it as UTF-8 text and parsing it, with every
//! problem, unreadable files included, given as `FILE:LINE:COL` lines.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use super::diagnostic::Diagnostic;
use super::parse_set;
use crate::questions::encoding::decode;
use crate::questions::model::QuestionSet;
use crate::questions::rules::write_lines;

/// Why a set file could not be loaded: every problem found in it, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetFileErrors {
    /// The file, as it was named to `load_set_file`.
    pub path: PathBuf,
    /// The problems, in file order; never empty.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for SetFileErrors {
    /// One `FILE:LINE:COL: what is wrong — how to fix it` line per problem.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.path.display().to_string();
        write_lines(
            f,
            self.diagnostics
                .iter()
                .map(|diagnostic| diagnostic.render(&file)),
        )
    }
}

impl std::error::Error for SetFileErrors {}

/// Reads and parses a set file, returning the set and the file's text (kept so the file can
/// be rewritten later). A file that cannot be read, or is not UTF-8, is one diagnostic.
pub fn load_set_file(path: &Path) -> Result<(QuestionSet, String), SetFileErrors> {
    let errors = |diagnostics| SetFileErrors {
        path: path.to_path_buf(),
        diagnostics,
    };
    let bytes = fs::read(path).map_err(|error| {
        errors(vec![Diagnostic {
            line: 1,
            column: 1,
            message: format!("cannot read the file: {error}"),
            fix: "check the path, and that the file is readable".to_string(),
        }])
    })?;
    let text = decode(bytes).map_err(|not_utf8| {
        let problem = not_utf8.problem();
        errors(vec![Diagnostic {
            line: not_utf8.line,
            column: not_utf8.column,
            message: problem.message,
            fix: problem.fix,
        }])
    })?;
    match parse_set(&text) {
        Ok(set) => Ok((set, text)),
        Err(diagnostics) => Err(errors(diagnostics)),
    }
}
