//! Loading a spreadsheet file from disk for `studyhall check` and `studyhall import`: its set id
//! and title from the file name unless given, every problem as a `FILE:LINE:COLUMN` line.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use super::{Delimiter, SheetDiagnostic, file_stem, parse_sheet};
use crate::questions::encoding::decode;
use crate::questions::model::{QuestionSet, SetId};
use crate::questions::parse::to_toml;
use crate::questions::rules::{Problem, slug, write_lines};

/// Why a spreadsheet file could not be loaded: every problem found in it, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetFileErrors {
    /// The file, as it was named to `load_sheet_file`.
    pub path: PathBuf,
    /// The problems, in line order; never empty.
    pub diagnostics: Vec<SheetDiagnostic>,
}

impl fmt::Display for SheetFileErrors {
    /// One `FILE:LINE:COLUMN: what is wrong — how to fix it` line per problem.
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

impl std::error::Error for SheetFileErrors {}

/// Reads and checks the spreadsheet at `path` (a `.tsv` is tab-separated, anything else
/// comma-separated) as the set `set`, titled `title`; each defaults to the file name's stem.
///
/// Returns the set and its text as a TOML set file ([`to_toml`]): what the database keeps and
/// the set page offers for download, whatever the set was loaded from.
pub fn load_sheet_file(
    path: &Path,
    set: Option<&str>,
    title: Option<&str>,
) -> Result<(QuestionSet, String), SheetFileErrors> {
    let errors = |problem: Problem, line| SheetFileErrors {
        path: path.to_path_buf(),
        diagnostics: vec![SheetDiagnostic {
            line,
            column: String::new(),
            message: problem.message,
            fix: problem.fix,
        }],
    };
    let stem = file_stem(path);
    let id = set_id(set, &stem).map_err(|problem| errors(problem, 1))?;
    let bytes = fs::read(path).map_err(|error| {
        let message = format!("cannot read the file: {error}");
        errors(
            Problem::new(message, "check the path, and that the file is readable"),
            1,
        )
    })?;
    let text = decode(bytes).map_err(|not_utf8| errors(not_utf8.problem(), not_utf8.line))?;
    let delimiter = Delimiter::from_path(path).unwrap_or(Delimiter::Comma);
    let title = title.unwrap_or(&stem);
    match parse_sheet(&text, delimiter, id, title) {
        Ok(set) => {
            let toml = to_toml(&set);
            Ok((set, toml))
        }
        Err(diagnostics) => Err(SheetFileErrors {
            path: path.to_path_buf(),
            diagnostics,
        }),
    }
}

/// The set id given, or else the file name's stem, checked.
fn set_id(given: Option<&str>, stem: &str) -> Result<SetId, Problem> {
    let (text, from) = match given {
        Some(given) => (given, "given with --set"),
        None => (stem, "from the file name"),
    };
    SetId::parse(text).map_err(|error| {
        let suggestion = match slug(text) {
            slug if slug.is_empty() => "cold-war".to_string(),
            slug => slug,
        };
        let message = format!("the set id \"{text}\" ({from}) is not an id: {error}");
        let fix = if given.is_some() {
            format!("give an id of a-z, 0-9 and '-', e.g. --set {suggestion}")
        } else {
            format!("rename the file, e.g. to {suggestion}.csv, or give --set {suggestion}")
        };
        Problem::new(message, fix)
    })
}
