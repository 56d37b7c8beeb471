//! Writing a set as a spreadsheet (CSV), for the set page's download: one row per card, every
//! column of the format (`shuffle` only when a card keeps its choices in written order), lists
//! joined with `|`. A cell that starts like a formula gets a leading `'` (see `spreadsheet`);
//! reading the file back takes it off.

use ::csv::WriterBuilder;

use super::header::COLUMNS;
use crate::questions::cloze::{self, Entry};
use crate::questions::model::{Card, CardKind, QuestionSet};
use crate::spreadsheet::text_cell;

/// A set a spreadsheet cannot hold as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvWriteError {
    /// A list item holds `|`, which separates items in a cell.
    #[error(
        "the card \"{card}\" has an item with a | in it, which a spreadsheet cell cannot hold: \
         download the TOML file instead"
    )]
    PipeInList { card: String },
    #[error("the CSV could not be written: {0}")]
    Write(String),
}

/// The set as a CSV file with a header row. For a set without `|` in its lists and without
/// spaces around its texts, `parse_sheet` reads back the same cards. The set's description and
/// source have no place in a spreadsheet and are left out.
pub fn to_csv(set: &QuestionSet) -> Result<String, CsvWriteError> {
    let mut writer = WriterBuilder::new().from_writer(Vec::new());
    let failed = |error: ::csv::Error| CsvWriteError::Write(error.to_string());
    // Shuffled is the default: a set whose cards all shuffle has no use for the column, and
    // downloads with the columns it had before the column existed.
    // So is a text column for a set without cloze cards.
    let keeps_order = set.cards.iter().any(keeps_written_order);
    let has_cloze = set
        .cards
        .iter()
        .any(|card| matches!(card.kind, CardKind::Cloze { .. }));
    let written = |column: &str| match column {
        "shuffle" => keeps_order,
        "text" => has_cloze,
        _ => true,
    };
    let header = COLUMNS.iter().filter(|column| written(column));
    writer.write_record(header).map_err(failed)?;
    for entry in cloze::entries(&set.cards) {
        let cells = COLUMNS
            .iter()
            .zip(row(entry)?)
            .filter(|(column, _)| written(column));
        writer
            .write_record(cells.map(|(_, cell)| text_cell(&cell).into_owned()))
            .map_err(failed)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| CsvWriteError::Write(error.to_string()))?;
    String::from_utf8(bytes).map_err(|error| CsvWriteError::Write(error.to_string()))
}

/// The card's cells, in `COLUMNS` order.
fn row(entry: Entry<'_>) -> Result<[String; 13], CsvWriteError> {
    let (card, id, prompt) = match entry {
        Entry::Card(_, card) => (card, card.id.as_str(), card.prompt.as_str()),
        // A cloze card's prompt is made from its text when the file is read.
        Entry::Cloze { base, cards, .. } => (&cards[0], base, ""),
    };
    let list = |items: &[String]| {
        if items.iter().any(|item| item.contains('|')) {
            return Err(CsvWriteError::PipeInList {
                card: card.id.to_string(),
            });
        }
        Ok(items.join("|"))
    };
    let (mut text, mut answer, mut accept, mut choices, mut answers, mut tolerance) = (
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    );
    let shuffle = if keeps_written_order(card) {
        "false".to_string()
    } else {
        String::new()
    };
    match &card.kind {
        CardKind::Cloze { text: cloze, .. } => text.clone_from(cloze),
        CardKind::Recall { answer: model } => answer.clone_from(model),
        CardKind::Text {
            answer: text,
            accept: others,
        } => {
            answer.clone_from(text);
            accept = list(others)?;
        }
        CardKind::Choice {
            choices: options,
            answer: text,
            ..
        } => {
            choices = list(options)?;
            answer.clone_from(text);
        }
        CardKind::Multi {
            choices: options,
            answers: right,
            ..
        } => {
            choices = list(options)?;
            answers = list(right)?;
        }
        CardKind::TrueFalse { answer: truth } => answer = truth.to_string(),
        CardKind::Date { answer: date } => answer = date.to_string(),
        CardKind::Number {
            answer: number,
            tolerance: within,
        } => {
            answer = number.to_string();
            if *within != 0.0 {
                tolerance = within.to_string();
            }
        }
    }
    Ok([
        id.to_string(),
        card.kind.name().to_string(),
        prompt.to_string(),
        text,
        answer,
        accept,
        choices,
        answers,
        shuffle,
        tolerance,
        list(&card.tags)?,
        card.explanation.clone().unwrap_or_default(),
        card.source.clone().unwrap_or_default(),
    ])
}

/// A choice or multi card written with `shuffle = false`: the one case the column is for.
fn keeps_written_order(card: &Card) -> bool {
    card.kind.choices().is_some() && !card.kind.shuffles_choices()
}
