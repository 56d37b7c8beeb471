//! Anki's notes as studyhall cards: one card per Anki card, with ids that the next export of
//! the same deck gives again, so a re-import updates cards instead of adding copies.
//!
//! Ids: a note whose GUID is `sh/SET/ID` (written by [`write`](super::write)) or `sh/ID`, with
//! a valid card id, keeps `ID`; any other note gets `n-` and the first 10 hex digits of the SHA-256 of its
//! GUID. That is the id of the note's first template's card; the card of template `ord` 1, 2,
//! ... (a reversed card, say) adds `-t1`, `-t2`, ...; a cloze note's cards add `-c1`, `-c2`,
//! ... per deletion number (see [`cloze::cards`]).

use std::collections::{BTreeSet, HashSet};

use super::collection::{Collection, Note, NoteType};
use super::limits::MOST_NOTES_LISTED;
use super::package;
use super::template::shown;
use crate::questions::cloze;
use crate::questions::formats::{Imported, deck_title};
use crate::questions::formats::{card_ids, html};
use crate::questions::model::{Card, CardKind};
use crate::questions::rules::Problem;

/// Reads a package's notes as cards. The bytes are untrusted.
pub fn read(bytes: &[u8]) -> Result<Imported, Problem> {
    let (sqlite, member) = package::collection(bytes)?;
    let collection = super::collection::read(&sqlite, member)?;
    drop(sqlite);
    Ok(cards(&collection))
}

/// What the notes are skipped for, listed up to [`MOST_NOTES_LISTED`] and then counted.
#[derive(Default)]
struct Skipped {
    listed: Vec<String>,
    more: usize,
}

impl Skipped {
    fn add(&mut self, note: &Note, why: impl std::fmt::Display) {
        if self.listed.len() < MOST_NOTES_LISTED {
            self.listed
                .push(format!("note {:?} skipped: {why}", note.guid));
        } else {
            self.more += 1;
        }
    }
}

fn cards(collection: &Collection) -> Imported {
    let mut cards = Vec::with_capacity(collection.notes.len());
    let mut ids = HashSet::new();
    let mut skipped = Skipped::default();
    let mut media = BTreeSet::new();
    for note in &collection.notes {
        let Some(note_type) = collection.note_types.get(&note.note_type) else {
            skipped.add(note, "its note type is missing from the package");
            continue;
        };
        if note_type.image_occlusion {
            skipped.add(note, "an image occlusion note (studyhall shows no images)");
            continue;
        }
        for field in &note.fields {
            let (without, sounds) = html::without_sounds(field);
            media.extend(sounds);
            media.extend(html::to_text(&without).images);
        }
        let made = match note_type.cloze {
            true => cloze_cards(note, note_type),
            false => standard_cards(note, note_type, &mut skipped),
        };
        match made {
            Ok(made) => {
                for card in made {
                    if ids.insert(card.id.clone()) {
                        cards.push(card);
                    } else {
                        skipped.add(note, format_args!("a second card with id {:?}", card.id));
                    }
                }
            }
            Err(problem) => skipped.add(note, problem.message),
        }
    }
    let mut notes = Vec::new();
    if !media.is_empty() {
        let names: Vec<&str> = media.iter().map(String::as_str).collect();
        notes.push(format!("media not imported: {}", names.join(", ")));
    }
    notes.append(&mut skipped.listed);
    if skipped.more > 0 {
        notes.push(format!("{} more notes skipped", skipped.more));
    }
    Imported {
        title: collection.main_deck.as_ref().map(|name| deck_title(name)),
        cards,
        notes,
        ..Imported::default()
    }
}

fn field<'n>(note: &'n Note, note_type: &NoteType, name: &str) -> Option<&'n str> {
    let index = note_type.fields.iter().position(|field| field == name)?;
    note.fields.get(index).map(String::as_str)
}

/// The plain text of the named fields, each on its own line, empty ones left out.
fn joined(note: &Note, note_type: &NoteType, names: &[&String]) -> String {
    let texts: Vec<String> = names
        .iter()
        .filter_map(|name| field(note, note_type, name))
        .map(plain)
        .filter(|text| !text.is_empty())
        .collect();
    texts.join("\n")
}

/// A field's plain text: its sounds and tags dropped, its entities decoded.
pub(super) fn plain(field: &str) -> String {
    html::to_text(&html::without_sounds(field).0).text
}

fn tags(note: &Note) -> Vec<String> {
    note.tags.split_whitespace().map(str::to_string).collect()
}

/// A cloze note: one card per deletion number of its text; the answer side's other fields
/// (Back Extra) are the explanation.
fn cloze_cards(note: &Note, note_type: &NoteType) -> Result<Vec<Card>, Problem> {
    let template = note_type.templates.first().cloned().unwrap_or_default();
    let question = shown(&template.question);
    let text_field = question
        .cloze
        .or_else(|| note_type.fields.first().cloned())
        .unwrap_or_default();
    let text = plain(field(note, note_type, &text_field).unwrap_or(""));
    let answer = shown(&template.answer);
    let extra: Vec<&String> = answer
        .fields
        .iter()
        .filter(|name| **name != text_field)
        .collect();
    let explanation = joined(note, note_type, &extra);
    let explanation = Some(explanation.as_str()).filter(|text| !text.is_empty());
    cloze::cards(
        &card_ids::note_id(&note.guid),
        &text,
        &tags(note),
        explanation,
        None,
    )
    .map_err(|problem| problem.problem)
}

/// A standard note: per card, the fields its question shows are the prompt, and the answer is
/// the typed field, else the fields only the answer side shows, else the other fields.
fn standard_cards(
    note: &Note,
    note_type: &NoteType,
    skipped: &mut Skipped,
) -> Result<Vec<Card>, Problem> {
    let base = card_ids::note_id(&note.guid);
    let mut cards = Vec::with_capacity(note.ords.len());
    for &ord in &note.ords {
        let Some(template) = note_type.templates.get(usize::from(ord)) else {
            skipped.add(note, format_args!("its note type has no template {ord}"));
            continue;
        };
        let question = shown(&template.question);
        let front: Vec<&String> = question.fields.iter().collect();
        let on_front =
            |name: &&String| front.contains(name) || question.typed.as_ref() == Some(*name);
        let prompt = joined(note, note_type, &front);
        let (answer, typed) = match &question.typed {
            Some(typed) => (joined(note, note_type, &[typed]), true),
            None => {
                let answer_side = shown(&template.answer);
                let mut back: Vec<&String> =
                    answer_side.fields.iter().filter(|f| !on_front(f)).collect();
                if back.is_empty() {
                    back = note_type.fields.iter().filter(|f| !on_front(f)).collect();
                }
                (joined(note, note_type, &back), false)
            }
        };
        if prompt.is_empty() || answer.is_empty() {
            let side = if prompt.is_empty() {
                "question"
            } else {
                "answer"
            };
            skipped.add(note, format_args!("card {} has an empty {side}", ord + 1));
            continue;
        }
        let id = match ord {
            0 => base.clone(),
            _ => card_ids::template_card_id(&base, ord)?,
        };
        let kind = match typed {
            true => CardKind::Text {
                answer,
                accept: Vec::new(),
            },
            false => CardKind::Recall { answer },
        };
        cards.push(Card {
            id,
            prompt,
            kind,
            tags: tags(note),
            explanation: None,
            source: None,
        });
    }
    Ok(cards)
}
