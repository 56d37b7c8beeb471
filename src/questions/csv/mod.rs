//! Question sets from spreadsheets: CSV (comma) and TSV (tab) files with a header row, read into
//! the same [`QuestionSet`] as a TOML file and held to the same rules ([`super::rules`]).
//!
//! The header names the columns, in any order: `id`, `kind` and `prompt` are required;
//! `answer`, `accept`, `choices`, `answers`, `shuffle`, `tolerance`, `tags`, `explanation` and
//! `source` are taken when some card needs them. Each further row is one card; an empty cell is a field
//! left out, lists (`accept`, `choices`, `answers`, `tags`) are separated by `|`. A file holds
//! no set id or title: they come from the file name or are given (`--set`, `--title`, or the
//! upload form's fields). The format is documented in `questions/README.md`.
//!
//! Every problem of a file is reported at once, each at the physical line of its row (a quoted
//! cell may span lines; the csv crate counts them) and the name of its column:
//! `FILE:LINE:COLUMN: what is wrong — how to fix it`. The header is line 1.

mod file;
mod header;
mod kinds;
mod row;
mod write;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use ::csv::{ReaderBuilder, StringRecord};

use crate::questions::model::{CardId, QuestionSet, SetId};
use crate::questions::rules::{self, Problem};

pub use file::{SheetFileErrors, load_sheet_file};
pub use write::{CsvWriteError, to_csv};

use header::Columns;

/// What separates the cells of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// `,`: a `.csv` file.
    Comma,
    /// A tab: a `.tsv` file.
    Tab,
}

impl Delimiter {
    /// The delimiter a file's extension says (`.csv` or `.tsv`, any case); `None` for others.
    pub fn from_path(path: &Path) -> Option<Delimiter> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(Delimiter::Comma),
            "tsv" | "tab" => Some(Delimiter::Tab),
            _ => None,
        }
    }

    /// A guess from the text, for pasted text and files without an extension: tab-separated
    /// when the header line holds a tab, comma-separated otherwise.
    pub fn sniff(text: &str) -> Delimiter {
        let header = text.lines().next().unwrap_or_default();
        if header.contains('\t') {
            Delimiter::Tab
        } else {
            Delimiter::Comma
        }
    }

    fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Tab => b'\t',
        }
    }
}

/// One problem in a spreadsheet file, located by line and column name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetDiagnostic {
    /// The physical line, counted from 1; the header is line 1.
    pub line: usize,
    /// The column, by its name in the header (`answer`), or `column 12` for a cell past the
    /// named ones; empty for a problem with the whole file.
    pub column: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

impl SheetDiagnostic {
    /// The diagnostic as one line: `FILE:LINE:COLUMN: what is wrong — how to fix it`.
    pub fn render(&self, file: &str) -> String {
        format!("{file}:{self}")
    }
}

impl fmt::Display for SheetDiagnostic {
    /// `LINE:COLUMN: what is wrong — how to fix it`, or `LINE: ...` without a column.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.line)?;
        if !self.column.is_empty() {
            write!(f, "{}:", self.column)?;
        }
        write!(f, " {} — {}", self.message, self.fix)
    }
}

/// Problems found so far; sorted by line once the file is read.
#[derive(Debug, Default)]
pub(super) struct Found(Vec<SheetDiagnostic>);

impl Found {
    fn report(&mut self, line: usize, column: &str, problem: Problem) {
        self.0.push(SheetDiagnostic {
            line,
            column: column.to_string(),
            message: problem.message,
            fix: problem.fix,
        });
    }

    fn finish(mut self) -> Vec<SheetDiagnostic> {
        // Stable: problems of one line keep the order of the columns they were found in.
        self.0.sort_by_key(|diagnostic| diagnostic.line);
        self.0
    }
}

/// Parses and checks a spreadsheet's text as the set `id` titled `title`. `Err` holds every
/// problem, in line order.
pub fn parse_sheet(
    text: &str,
    delimiter: Delimiter,
    id: SetId,
    title: &str,
) -> Result<QuestionSet, Vec<SheetDiagnostic>> {
    let mut found = Found::default();
    // Excel's "CSV UTF-8" starts with a byte-order mark; it is not part of the first column's name.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.byte())
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let columns = match records.next() {
        Some(Ok(header)) => header::read_header(&header, &mut found),
        Some(Err(error)) => {
            found.report(1, "", unreadable(&error));
            return Err(found.finish());
        }
        None => {
            let fix = format!(
                "start with a header row naming the columns: {}",
                header::EXAMPLE
            );
            found.report(1, "", Problem::new("the file is empty", fix));
            return Err(found.finish());
        }
    };
    let mut cards = Vec::new();
    let mut first_use: HashMap<CardId, usize> = HashMap::new();
    let mut needed = Needed::default();
    let mut rows = 0;
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                found.report(
                    line_of(error.position().map(|p| p.line())),
                    "",
                    unreadable(&error),
                );
                continue;
            }
        };
        let line = line_of(record.position().map(|position| position.line()));
        let Some(row) = row::Row::new(&columns, &record, line, &mut found) else {
            continue; // a blank row
        };
        rows += 1;
        let (read, id) = row.read_card(&mut found, &mut |column, kind| {
            needed.note(column, kind, line);
        });
        // A cloze row's cards have ids of their own (`ID-c1`...), each checked.
        let ids = match read.as_slice() {
            [] => id.into_iter().collect(),
            read => read.iter().map(|card| card.id.clone()).collect::<Vec<_>>(),
        };
        for id in ids {
            match first_use.get(&id) {
                Some(first) => found.report(line, "id", rules::duplicate_card(id.as_str(), *first)),
                None => {
                    first_use.insert(id, line);
                }
            }
        }
        cards.extend(read);
    }
    needed.report(&columns, &mut found);
    if rows == 0 {
        let fix = "add one row per card below the header";
        found.report(1, "", Problem::new("the set has no cards", fix));
    }
    let diagnostics = found.finish();
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let title = if title.trim().is_empty() {
        id.to_string()
    } else {
        title.trim().to_string()
    };
    Ok(QuestionSet {
        id,
        title,
        description: None,
        source: None,
        cards,
    })
}

/// The columns some card needed but the header lacks, each with the first row that needed it:
/// reported once, at the header, rather than on every row.
#[derive(Debug, Default)]
struct Needed(Vec<(&'static str, &'static str, usize)>);

impl Needed {
    fn note(&mut self, column: &'static str, kind: &'static str, line: usize) {
        if !self.0.iter().any(|(noted, _, _)| *noted == column) {
            self.0.push((column, kind, line));
        }
    }

    fn report(self, columns: &Columns, found: &mut Found) {
        for (column, kind, line) in self.0 {
            debug_assert!(!columns.has(column));
            let message = format!(
                "there is no \"{column}\" column, but the {kind} card on line {line} needs one"
            );
            let fix = format!("add a column named {column} to the header");
            found.report(1, column, Problem::new(message, fix));
        }
    }
}

/// The csv crate's position lines are `u64`; a file that fits in memory fits in `usize`.
fn line_of(line: Option<u64>) -> usize {
    line.map_or(1, |line| usize::try_from(line).unwrap_or(usize::MAX))
}

fn unreadable(error: &::csv::Error) -> Problem {
    Problem::new(
        format!("this row cannot be read: {error}"),
        "save the file again as CSV (UTF-8) from the spreadsheet",
    )
}

/// The set id a file name gives: its stem (`cold-war.csv` gives `cold-war`).
pub fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Cells are read through this, so that a test can build a record without a reader.
pub(super) fn cell(record: &StringRecord, index: usize) -> &str {
    // A downloaded set has a quote before cells that start like a formula (`spreadsheet`).
    crate::spreadsheet::read_text_cell(record.get(index).unwrap_or_default().trim())
}
