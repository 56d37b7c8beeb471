//! `studyhall check` and `studyhall import`: question-set files, validated and loaded.

use std::io::Write;
use std::path::PathBuf;

use crate::questions::QuestionSet;
use crate::questions::parse::{SetFileErrors, load_set_file};
use crate::store::{ImportReport, Store, StoreError};

/// Loads every file; the errors of all files that have any.
pub fn load_files(files: &[PathBuf]) -> Result<Vec<(QuestionSet, String)>, Vec<SetFileErrors>> {
    let (loaded, failed): (Vec<_>, Vec<_>) = files
        .iter()
        .map(|path| load_set_file(path))
        .partition(Result::is_ok);
    if failed.is_empty() {
        Ok(loaded.into_iter().filter_map(Result::ok).collect())
    } else {
        Err(failed.into_iter().filter_map(Result::err).collect())
    }
}

/// Prints every error of every file, one `FILE:LINE:COL: ...` line each, and a count.
pub fn write_errors(out: &mut impl Write, failures: &[SetFileErrors]) -> std::io::Result<()> {
    let mut count = 0;
    for failure in failures {
        writeln!(out, "{failure}")?;
        count += failure.diagnostics.len();
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
pub fn write_checked(out: &mut impl Write, files: &[PathBuf], sets: &[(QuestionSet, String)]) -> std::io::Result<()> {
    for (path, (set, _)) in files.iter().zip(sets) {
        let cards = set.cards.len();
        writeln!(out, "{}: ok: set {} with {cards} card{}", path.display(), set.id, plural(cards))?;
    }
    Ok(())
}

/// Imports the sets in one transaction.
pub fn import(store: &Store, sets: Vec<(QuestionSet, String)>) -> Result<Vec<ImportReport>, StoreError> {
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
