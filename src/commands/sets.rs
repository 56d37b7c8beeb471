//! `studyhall check` and `studyhall import`: question-set files, validated and loaded.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::SheetArgs;
use crate::questions::QuestionSet;
use crate::questions::csv::{Delimiter, SheetFileErrors, load_sheet_file};
use crate::questions::folder::load_every;
use crate::questions::parse::{SetFileErrors, load_set_file};
use crate::store::{ImportReport, Store, StoreError};

/// Why one file could not be loaded: a TOML file's or a spreadsheet's problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileErrors {
    Toml(SetFileErrors),
    Sheet(SheetFileErrors),
}

impl FileErrors {
    /// How many problems the file has.
    pub fn count(&self) -> usize {
        match self {
            FileErrors::Toml(errors) => errors.diagnostics.len(),
            FileErrors::Sheet(errors) => errors.diagnostics.len(),
        }
    }
}

impl fmt::Display for FileErrors {
    /// One `FILE:LINE:COL` (TOML) or `FILE:LINE:COLUMN` (spreadsheet) line per problem.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileErrors::Toml(errors) => errors.fmt(f),
            FileErrors::Sheet(errors) => errors.fmt(f),
        }
    }
}

/// Refuses `--set` and `--title` unless there is exactly one file and it is a spreadsheet: a
/// TOML file names its set itself, and one id cannot name several sets.
pub fn check_sheet_args(files: &[PathBuf], sheet: &SheetArgs) -> Result<(), String> {
    if sheet.set.is_none() && sheet.title.is_none() {
        return Ok(());
    }
    match files {
        [file] if is_sheet(file) => Ok(()),
        [_] => Err("--set and --title apply to a .csv or .tsv file; \
                    a TOML file names its set in [set]"
            .into()),
        _ => Err("--set and --title apply to a single .csv or .tsv file: \
                  give one file, or leave them out"
            .into()),
    }
}

/// Whether the file is read as a spreadsheet: it ends in .csv or .tsv.
fn is_sheet(path: &Path) -> bool {
    Delimiter::from_path(path).is_some()
}

/// Loads one file: a spreadsheet by its extension, TOML otherwise. A spreadsheet's set is kept
/// as the TOML file it gives (see `load_sheet_file`).
fn load_file(path: &Path, sheet: &SheetArgs) -> Result<(QuestionSet, String), FileErrors> {
    if is_sheet(path) {
        load_sheet_file(path, sheet.set.as_deref(), sheet.title.as_deref())
            .map_err(FileErrors::Sheet)
    } else {
        load_set_file(path).map_err(FileErrors::Toml)
    }
}

/// Loads every file; the errors of all files that have any.
pub fn load_files(
    files: &[PathBuf],
    sheet: &SheetArgs,
) -> Result<Vec<(QuestionSet, String)>, Vec<FileErrors>> {
    load_every(files, |path| load_file(path, sheet))
}

/// Prints every error of every file, one `FILE:LINE:...` line each, and a count.
pub fn write_errors(out: &mut impl Write, failures: &[FileErrors]) -> std::io::Result<()> {
    let mut count = 0;
    for failure in failures {
        writeln!(out, "{failure}")?;
        count += failure.count();
    }
    let files = failures.len();
    writeln!(
        out,
        "{count} error{} in {files} file{}",
        plural(count),
        plural(files)
    )
}

/// One line per valid file: its set and card count.
pub fn write_checked(
    out: &mut impl Write,
    files: &[PathBuf],
    sets: &[(QuestionSet, String)],
) -> std::io::Result<()> {
    for (path, (set, _)) in files.iter().zip(sets) {
        let cards = set.cards.len();
        writeln!(
            out,
            "{}: ok: set {} with {cards} card{}",
            path.display(),
            set.id,
            plural(cards)
        )?;
    }
    Ok(())
}

/// Imports the sets in one transaction.
pub fn import(
    store: &Store,
    sets: Vec<(QuestionSet, String)>,
) -> Result<Vec<ImportReport>, StoreError> {
    store.import_sets(sets).wait()
}

/// What an import changed, one line per set.
pub fn write_reports(out: &mut impl Write, reports: &[ImportReport]) -> std::io::Result<()> {
    for report in reports {
        let verb = if report.created { "created" } else { "updated" };
        writeln!(
            out,
            "set {}: {verb}: {} added, {} changed, {} retired, {} restored, {} unchanged",
            report.set,
            report.added.len(),
            report.changed.len(),
            report.retired.len(),
            report.restored.len(),
            report.unchanged
        )?;
    }
    Ok(())
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}
