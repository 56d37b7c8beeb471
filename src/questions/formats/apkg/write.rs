//! A set as an Anki deck package, in the legacy layout every Anki version imports: a zip of
//! `collection.anki2` (an SQLite file of schema 11) and a `media` file listing no media.
//!
//! One note per card: recall, choice, multi, true/false, date and number cards as "Basic"
//! notes (a choice card's options on the front, one per line; the expected answer and the
//! explanation on the back), text cards as "Basic (type in the answer)", and each cloze entry
//! as one "Cloze" note. Each note's GUID is `sh/SET/CARD` (a cloze entry's base id as CARD),
//! and the note types' and the deck's ids are derived from the set's id: a deck exported again
//! after edits updates the notes a user imported before instead of adding copies.

use std::io::{Cursor, Write};

use rusqlite::{Connection, MAIN_DB, params};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;

use super::REEXPORT;
use super::legacy::{self, BASIC, CLOZE, NoteKind, TYPED};
use super::read::plain;
use crate::questions::cloze::{self, Entry};
use crate::questions::formats::html::escape;
use crate::questions::model::{Card, CardKind, QuestionSet};
use crate::questions::rules::Problem;

/// One note to write: its note type, GUID, fields (HTML), tags and the `ord`s of its cards.
struct Note<'s> {
    kind: &'static NoteKind,
    guid: String,
    fields: [String; 2],
    tags: &'s [String],
    ords: Vec<u16>,
}

/// The set as an Anki deck package.
pub fn write(set: &QuestionSet) -> Result<Vec<u8>, Problem> {
    let notes: Vec<Note> = cloze::entries(&set.cards)
        .into_iter()
        .map(|entry| note(set, entry))
        .collect();
    let sqlite = collection(set, &notes).map_err(|error| {
        Problem::new(
            format!("the Anki collection could not be written ({error})"),
            "try again; if it fails again, report it with the set file",
        )
    })?;
    package(&sqlite).map_err(|error| {
        Problem::new(
            format!("the Anki package could not be zipped ({error})"),
            REEXPORT,
        )
    })
}

fn note<'s>(set: &'s QuestionSet, entry: Entry<'s>) -> Note<'s> {
    match entry {
        Entry::Cloze {
            base, text, cards, ..
        } => {
            let card = &cards[0];
            let ords = cards
                .iter()
                .filter_map(|other| match other.kind {
                    CardKind::Cloze { number, .. } => Some(number.saturating_sub(1)),
                    _ => None,
                })
                .collect();
            Note {
                kind: &CLOZE,
                guid: guid(set, base),
                fields: [
                    escape(text),
                    escape(card.explanation.as_deref().unwrap_or("")),
                ],
                tags: &card.tags,
                ords,
            }
        }
        Entry::Card(_, card) => standard_note(set, card),
    }
}

/// A note's GUID: `sh/SET/CARD`, so that two sets' cards of one id stay two notes in one
/// Anki collection, and reading the package back gives the card id again.
fn guid(set: &QuestionSet, card_id: &str) -> String {
    format!("sh/{}/{card_id}", set.id)
}

fn standard_note<'s>(set: &QuestionSet, card: &'s Card) -> Note<'s> {
    let mut front = escape(&card.prompt);
    if let Some(choices) = card.kind.choices() {
        for choice in choices {
            front.push_str("<br>");
            front.push_str(&escape(choice));
        }
    }
    let mut back = escape(&card.kind.expected_text());
    let typed = matches!(card.kind, CardKind::Text { .. });
    // A typed answer is compared with the whole Back field: the explanation cannot go there.
    if let Some(explanation) = card.explanation.as_deref().filter(|_| !typed) {
        back.push_str("<br><br>");
        back.push_str(&escape(explanation));
    }
    Note {
        kind: if typed { &TYPED } else { &BASIC },
        guid: guid(set, card.id.as_str()),
        fields: [front, back],
        tags: &card.tags,
        ords: vec![0],
    }
}

/// A positive id for Anki (note types and decks are keyed by a number), the same for the same
/// set and label every time.
fn stable_id(set: &QuestionSet, label: &str) -> i64 {
    let digest = Sha256::digest(format!("{}/{label}", set.id).as_bytes());
    let mut bytes = [0u8; 8];
    bytes[2..].copy_from_slice(&digest[..6]);
    // Above Anki's own ids (milliseconds since 1970) would be odd; below 2^48 they stay exact
    // in JavaScript, which Anki's editor uses.
    1_000_000_000_000 + (i64::from_be_bytes(bytes) % 1_000_000_000_000)
}

fn collection(set: &QuestionSet, notes: &[Note]) -> rusqlite::Result<Vec<u8>> {
    let connection = Connection::open_in_memory()?;
    connection.execute_batch(legacy::SCHEMA_11)?;
    let now = jiff::Timestamp::now();
    let (seconds, millis) = (now.as_second(), now.as_millisecond());
    let deck_id = stable_id(set, "deck");
    let title = if set.title.trim().is_empty() {
        set.id.as_str()
    } else {
        set.title.trim()
    };
    let models: serde_json::Map<String, Value> = [&BASIC, &TYPED, &CLOZE]
        .into_iter()
        .map(|kind| {
            let id = stable_id(set, kind.label);
            (id.to_string(), legacy::model(kind, id, deck_id, seconds))
        })
        .collect();
    let decks = json!({
        "1": legacy::deck(1, "Default", 0),
        deck_id.to_string(): legacy::deck(deck_id, title, seconds),
    });
    connection.execute(
        "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        params![
            seconds - seconds.rem_euclid(86_400),
            millis,
            legacy::conf(stable_id(set, "basic"), deck_id).to_string(),
            Value::Object(models).to_string(),
            decks.to_string(),
            legacy::deck_config().to_string(),
        ],
    )?;
    let transaction = connection.unchecked_transaction()?;
    {
        let mut insert_note = transaction
            .prepare("INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, 0, 0, '')")?;
        let mut insert_card = transaction.prepare(
            "INSERT INTO cards VALUES (?1, ?2, ?3, ?4, ?5, -1, 0, 0, ?6, 0, 0, 0, 0, 0, 0, 0, 0, '')",
        )?;
        let mut card_id = millis;
        for (index, note) in notes.iter().enumerate() {
            let note_id = millis + index as i64;
            let tags: Vec<String> = note.tags.iter().map(|tag| tag.replace(' ', "_")).collect();
            let tags = if tags.is_empty() {
                String::new()
            } else {
                format!(" {} ", tags.join(" "))
            };
            insert_note.execute(params![
                note_id,
                note.guid,
                stable_id(set, note.kind.label),
                seconds,
                tags,
                note.fields.join("\u{1f}"),
                plain(&note.fields[0]),
            ])?;
            for &ord in &note.ords {
                insert_card.execute(params![
                    card_id,
                    note_id,
                    deck_id,
                    ord,
                    seconds,
                    index as i64 + 1
                ])?;
                card_id += 1;
            }
        }
    }
    transaction.commit()?;
    let bytes = connection.serialize(MAIN_DB)?;
    Ok(bytes.to_vec())
}

fn package(sqlite: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("collection.anki2", options)?;
    zip.write_all(sqlite)?;
    // The media map: file names in the zip ("0", "1", ...) to media names. None here.
    zip.start_file("media", options)?;
    zip.write_all(b"{}")?;
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod guid_tests {
    use super::guid;
    use crate::questions::parse::parse_set;

    #[test]
    fn guids_name_the_set_so_two_sets_cards_of_one_id_stay_two_notes() {
        let set = |id: &str| {
            parse_set(&format!(
                "[set]\nid = \"{id}\"\ntitle = \"T\"\n\n[[cards]]\nid = \"c1\"\nkind = \"recall\"\n\
                 prompt = \"Q\"\nanswer = \"A\"\n"
            ))
            .unwrap()
        };
        assert_eq!(guid(&set("korea"), "c1"), "sh/korea/c1");
        assert_ne!(guid(&set("korea"), "c1"), guid(&set("berlin"), "c1"));
    }
}
