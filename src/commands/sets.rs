//! `studyhall check` and `studyhall import`: question-set files, validated and loaded.

use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::cli::SheetArgs;
use crate::questions::QuestionSet;
use crate::questions::csv::{SheetFileErrors, file_stem, load_sheet_file};
use crate::questions::folder::load_every;
use crate::questions::formats::Format;
use crate::questions::formats::convert::{ConvertError, MOST_FILE_BYTES, Naming, convert, detect};
use crate::questions::parse::{SetFileErrors, load_set_file};
use crate::questions::rules::Problem;
use crate::store::{ImportReport, Store, StoreError};

/// Why one file could not be loaded: a TOML file's or a spreadsheet's problems, or another
/// tool's file that could not be converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileErrors {
    Toml(SetFileErrors),
    Sheet(SheetFileErrors),
    Converted { path: PathBuf, error: ConvertError },
}

impl FileErrors {
    /// How many problems the file has.
    pub fn count(&self) -> usize {
        match self {
            FileErrors::Toml(errors) => errors.diagnostics.len(),
            FileErrors::Sheet(errors) => errors.diagnostics.len(),
            FileErrors::Converted {
                error: ConvertError::Located(found),
                ..
            } => found.len(),
            FileErrors::Converted { .. } => 1,
        }
    }
}

impl fmt::Display for FileErrors {
    /// One `FILE:LINE:COL` (TOML and text formats), `FILE:LINE:COLUMN` (spreadsheet) or
    /// `FILE` (a package) line per problem.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileErrors::Toml(errors) => errors.fmt(f),
            FileErrors::Sheet(errors) => errors.fmt(f),
            FileErrors::Converted { path, error } => match error {
                ConvertError::Located(found) => {
                    let lines: Vec<String> = found
                        .iter()
                        .map(|problem| problem.render(&path.display().to_string()))
                        .collect();
                    f.write_str(&lines.join("\n"))
                }
                ConvertError::Whole(problem) => write!(
                    f,
                    "{}: {} — {}",
                    path.display(),
                    problem.message,
                    problem.fix
                ),
            },
        }
    }
}

/// A file read: its set, the TOML kept as its file, what was not imported, and the format
/// when it was guessed from the content.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub set: QuestionSet,
    pub file_text: String,
    pub notes: Vec<String>,
    pub guessed: Option<Format>,
}

/// Refuses `--set` and `--title` unless there is exactly one file and its format holds no
/// set id (every format but TOML): one id cannot name several sets.
pub fn check_sheet_args(files: &[PathBuf], sheet: &SheetArgs) -> Result<(), String> {
    if sheet.set.is_none() && sheet.title.is_none() {
        return Ok(());
    }
    match files {
        [file] if format_of(file, sheet).is_none_or(|format| !format.names_its_set()) => Ok(()),
        [_] => Err(
            "--set and --title apply to files that hold no set id (every format but \
                    TOML); a TOML file names its set in [set]"
                .into(),
        ),
        _ => Err(
            "--set and --title apply to a single file: give one file, or leave them out \
                  (each file is then named after its file name)"
                .into(),
        ),
    }
}

/// The format `--format` gives, else the file's extension (a `.txt` gives none).
fn format_of(path: &Path, sheet: &SheetArgs) -> Option<Format> {
    sheet.format.or_else(|| match Format::from_path(path) {
        None if is_text(path) => None,
        // Any other extension is read as TOML, as it always was.
        None => Some(Format::Toml),
        found => found,
    })
}

fn is_text(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("txt"))
}

/// Loads one file in its format. A spreadsheet's or another tool's set is kept as the TOML
/// file it gives.
fn load_file(path: &Path, sheet: &SheetArgs) -> Result<Loaded, FileErrors> {
    let loaded = |(set, file_text): (QuestionSet, String)| Loaded {
        set,
        file_text,
        notes: Vec::new(),
        guessed: None,
    };
    let converted = |error| FileErrors::Converted {
        path: path.to_path_buf(),
        error,
    };
    let format = format_of(path, sheet);
    match format {
        Some(Format::Toml) => load_set_file(path).map(loaded).map_err(FileErrors::Toml),
        Some(Format::Csv | Format::Tsv) => {
            load_sheet_file(path, sheet.set.as_deref(), sheet.title.as_deref())
                .map(loaded)
                .map_err(FileErrors::Sheet)
        }
        _ => {
            let bytes =
                read_limited(path).map_err(|problem| converted(ConvertError::Whole(problem)))?;
            let (format, guessed) = match format {
                Some(format) => (format, None),
                None => {
                    let text = String::from_utf8_lossy(&bytes);
                    let guess = detect(&text).ok_or_else(|| {
                        converted(ConvertError::Whole(Problem::new(
                            "cannot tell which format this .txt file is in",
                            "give --format gift, aiken, quizlet or anki-text",
                        )))
                    })?;
                    (guess, Some(guess))
                }
            };
            let stem = file_stem(path);
            let naming = Naming {
                set: sheet.set.as_deref(),
                title: sheet.title.as_deref(),
                stem: &stem,
            };
            let done =
                convert(format, &bytes, naming, &sheet.quizlet_options()).map_err(converted)?;
            Ok(Loaded {
                set: done.set,
                file_text: done.file_text,
                notes: done.notes,
                guessed,
            })
        }
    }
}

/// The file's bytes, refused past the size a package may have (read no further than that).
fn read_limited(path: &Path) -> Result<Vec<u8>, Problem> {
    let unreadable = |error: std::io::Error| {
        Problem::new(
            format!("cannot read the file: {error}"),
            "check the path, and that the file is readable",
        )
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    let most = MOST_FILE_BYTES as u64;
    file.take(most + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > most {
        return Err(Problem::new(
            format!("the file is larger than {} MB", most >> 20),
            "split the deck or set into smaller files",
        ));
    }
    Ok(bytes)
}

/// Loads every file; the errors of all files that have any.
pub fn load_files(files: &[PathBuf], sheet: &SheetArgs) -> Result<Vec<Loaded>, Vec<FileErrors>> {
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

/// One line per valid file, its set and card count, then the format if it was guessed and
/// what was not imported.
pub fn write_checked(
    out: &mut impl Write,
    files: &[PathBuf],
    sets: &[Loaded],
) -> std::io::Result<()> {
    for (path, loaded) in files.iter().zip(sets) {
        let cards = loaded.set.cards.len();
        let path = path.display();
        writeln!(
            out,
            "{path}: ok: set {} with {cards} card{}",
            loaded.set.id,
            plural(cards)
        )?;
        if let Some(format) = loaded.guessed {
            writeln!(
                out,
                "{path}: read as {} (guessed from its content; --format chooses)",
                format.name()
            )?;
        }
        for note in &loaded.notes {
            writeln!(out, "{path}: note: {note}")?;
        }
    }
    Ok(())
}

/// Imports the sets in one transaction.
pub fn import(store: &Store, sets: Vec<Loaded>) -> Result<Vec<ImportReport>, StoreError> {
    let sets = sets
        .into_iter()
        .map(|loaded| (loaded.set, loaded.file_text))
        .collect();
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
