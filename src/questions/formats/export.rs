//! A set written out in a format another tool reads: the set page's downloads and
//! `studyhall export set` share this.

use crate::questions::csv::to_csv;
use crate::questions::model::QuestionSet;
use crate::questions::parse::parse_set;

use super::{apkg, gift};

/// The formats a set can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ExportFormat {
    /// The set file the database keeps, as it was uploaded or converted.
    Toml,
    /// A spreadsheet, one row per card.
    Csv,
    /// Moodle's GIFT.
    Gift,
    /// An Anki deck package.
    Apkg,
}

impl ExportFormat {
    /// The format a download's `?format=` names; TOML when it names none.
    pub fn from_query(name: Option<&str>) -> Option<ExportFormat> {
        Some(match name {
            None | Some("toml") => ExportFormat::Toml,
            Some("csv") => ExportFormat::Csv,
            Some("gift") => ExportFormat::Gift,
            Some("apkg") => ExportFormat::Apkg,
            Some(_) => return None,
        })
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Toml => "toml",
            ExportFormat::Csv => "csv",
            ExportFormat::Gift => "gift",
            ExportFormat::Apkg => "apkg",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Toml => "application/toml; charset=utf-8",
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Gift => "text/plain; charset=utf-8",
            ExportFormat::Apkg => "application/octet-stream",
        }
    }

    /// Whether the file is text (written to a terminal as it is).
    pub fn is_text(self) -> bool {
        self != ExportFormat::Apkg
    }
}

/// Why a set cannot be written in a format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// The set cannot be held by the format (a spreadsheet list item with a `|`, say).
    #[error("{0}")]
    Unfit(String),
    /// The stored file no longer checks: a fault, not the user's.
    #[error("the stored set file does not check: {0}")]
    Stored(String),
}

/// The set whose kept file is `file_text`, written as `format`.
pub fn export(file_text: &str, format: ExportFormat) -> Result<Vec<u8>, ExportError> {
    if format == ExportFormat::Toml {
        return Ok(file_text.as_bytes().to_vec());
    }
    let set = parse_set(file_text).map_err(|problems| {
        ExportError::Stored(
            problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_default(),
        )
    })?;
    export_set(&set, format)
}

/// As [`export`], from the set itself (TOML: the file `to_toml` writes).
pub fn export_set(set: &QuestionSet, format: ExportFormat) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        ExportFormat::Toml => crate::questions::parse::to_toml(set).into_bytes(),
        ExportFormat::Csv => to_csv(set)
            .map_err(|error| ExportError::Unfit(error.to_string()))?
            .into_bytes(),
        ExportFormat::Gift => gift::write(set).into_bytes(),
        ExportFormat::Apkg => apkg::write(set).map_err(|problem| {
            ExportError::Unfit(format!("{} — {}", problem.message, problem.fix))
        })?,
    })
}
