//! Other tools' files, read into cards and written from a set: Anki packages (`.apkg`,
//! `.colpkg`) and Anki's text export, Moodle's GIFT and Aiken, and Quizlet's export.
//!
//! A reader gives [`Imported`] cards; the caller names the set (`--set`, else the file's stem)
//! and titles it (`--title`, else the deck's name, else the stem), and keeps it as the TOML
//! file `to_toml` writes, so an imported set is checked, stored and exported like any other.

pub mod aiken;
pub mod anki_text;
pub mod apkg;
pub mod convert;
pub mod export;
pub mod gift;
pub mod quizlet;

mod card_ids;
mod card_rules;
mod html;
mod located;

use std::path::Path;

use crate::questions::model::Card;
pub use crate::questions::parse::Diagnostic;

/// A question-set file format, as `--format` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    Toml,
    Csv,
    Tsv,
    Gift,
    Aiken,
    Quizlet,
    #[value(name = "anki-text")]
    AnkiText,
    Apkg,
}

impl Format {
    /// The format its extension says, if it says one: `.txt` says none (Aiken, Quizlet and
    /// Anki's text export all write it).
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "toml" => Format::Toml,
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            "gift" => Format::Gift,
            "apkg" | "colpkg" => Format::Apkg,
            _ => return None,
        })
    }

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Toml => "toml",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Gift => "gift",
            Format::Aiken => "aiken",
            Format::Quizlet => "quizlet",
            Format::AnkiText => "anki-text",
            Format::Apkg => "apkg",
        }
    }

    /// Whether a file of this format names its own set (`[set] id`); the others take `--set`
    /// or the file's stem.
    pub fn names_its_set(self) -> bool {
        self == Format::Toml
    }
}

/// Cards read from another tool's file, before they are a set.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Imported {
    /// The deck's name, when the file gives one (Anki, a GIFT file studyhall wrote).
    pub title: Option<String>,
    /// The set's description and source, when the file gives them (a GIFT file studyhall
    /// wrote).
    pub description: Option<String>,
    pub source: Option<String>,
    pub cards: Vec<Card>,
    /// What was read but not imported, one sentence each, e.g. "line 12: essay question
    /// skipped (studyhall has no essay cards)" or "media not imported: map.jpg".
    pub notes: Vec<String>,
}

/// An Anki deck's name as a set's title: `Korean War::1950` is "Korean War / 1950".
pub(crate) fn deck_title(deck: &str) -> String {
    deck.split("::").collect::<Vec<_>>().join(" / ")
}

/// How a Quizlet export is laid out and what its cards ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizletOptions {
    /// Between a term and its definition: a tab unless Quizlet was told otherwise.
    pub separator: String,
    /// Between two cards: a line break unless Quizlet was told otherwise.
    pub row_separator: String,
    /// What the student types.
    pub ask: Ask,
}

impl Default for QuizletOptions {
    fn default() -> Self {
        QuizletOptions {
            separator: "\t".into(),
            row_separator: "\n".into(),
            ask: Ask::Term,
        }
    }
}

impl QuizletOptions {
    /// The options as a person writes them (`--separator`, the upload form): `\t` and `\n`
    /// read as tab and line break.
    pub fn written(separator: &str, row_separator: &str, ask: Ask) -> QuizletOptions {
        let unescaped = |text: &str| text.replace("\\t", "\t").replace("\\n", "\n");
        QuizletOptions {
            separator: unescaped(separator),
            row_separator: unescaped(row_separator),
            ask,
        }
    }
}

/// What a Quizlet card asks the student to type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Ask {
    /// The term, shown the definition (Quizlet's "answer with term").
    #[default]
    Term,
    /// The definition, shown the term.
    Definition,
}
