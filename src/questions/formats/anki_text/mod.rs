//! Anki's "Notes in Plain Text" export, read as recall cards: the header lines (`#separator:`,
//! `#html:`, `#guid column:`, `#tags column:`, `#deck column:`, `#notetype column:`, `#deck:`,
//! `#tags:`) say how rows are written; each row is a note, its fields separated as the header
//! says and quoted like CSV when needed.
//!
//! The columns left once guid, note type, deck and tags are set aside are the note's fields:
//! the first is the card's front (its prompt), the second its back (the model answer); further
//! non-empty fields are added to the back on lines of their own. A front holding cloze
//! deletions (`{{c1::…}}`) gives cloze cards instead, the back as their explanation. With a
//! note type column, Anki's stock types give the cards a package would: "Basic (and reversed
//! card)" a reversed card too (id `-t1`), "Basic (optional reversed card)" one when its Add
//! Reverse field is filled, "Basic (type in the answer)" a text card (the export has no
//! templates to tell them by, so the types go by their English names). Tags come from the tags
//! column (space separated) and `#tags:`. The deck (`#deck:`, else the first row's deck
//! column, `A::B` written "A / B") is the title. A card's id comes from the note's guid as a
//! package's does ([`card_ids::note_id`]) when the export has guids, else it is `q-` and a
//! hash of the front: the same while the note is. With `#html:true`, fields are turned to
//! plain text; `[sound:…]` and images are dropped and named in the notes.

mod headers;

#[cfg(test)]
mod tests;

use ::csv::{ReaderBuilder, StringRecord};

use super::card_ids::{self, CardIds, hashed};
use super::html;
use super::located::{Problems, without_bom};
use super::{Diagnostic, Imported, deck_title};
use crate::questions::cloze;
use crate::questions::model::{Card, CardId, CardKind};
use headers::Headers;

/// Reads an Anki text export's notes; every problem at once, each at its line and column.
pub fn read(text: &str) -> Result<Imported, Vec<Diagnostic>> {
    let text = without_bom(text);
    let mut problems = Problems::default();
    let headers = headers::read(text, &mut problems);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(at, _)| at + 1))
        .collect();
    let mut reader = ReaderBuilder::new()
        .delimiter(headers.separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes().get(headers.body..).unwrap_or_default());
    let mut notes = Notes {
        headers: &headers,
        ids: CardIds::default(),
        imported: Imported::default(),
        problems,
    };
    notes.imported.title = headers.deck_name.as_deref().map(deck_title);
    let mut record = StringRecord::new();
    loop {
        let line = headers.body_line + reader.position().line() as usize - 1;
        let at = line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(text.len());
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => notes.note(&record, line, at),
            Err(error) => {
                notes.problems.add(
                    at,
                    format!("this row cannot be read: {error}"),
                    "close each quoted field with \", and write a quote inside one as \"\"",
                );
                break;
            }
        }
    }
    let Notes {
        imported, problems, ..
    } = notes;
    problems.or(text, imported)
}

struct Notes<'h> {
    headers: &'h Headers,
    ids: CardIds,
    imported: Imported,
    problems: Problems,
}

impl Notes<'_> {
    /// One row: a note, on `line`, starting at byte `at`.
    fn note(&mut self, record: &StringRecord, line: usize, at: usize) {
        let headers = self.headers;
        if record.iter().all(|field| field.trim().is_empty()) {
            return;
        }
        let special = [headers.guid, headers.notetype, headers.deck, headers.tags];
        let fields: Vec<String> = record
            .iter()
            .enumerate()
            .filter(|(index, _)| !special.contains(&Some(*index)))
            .map(|(_, field)| self.plain(field, line))
            .collect();
        if self.imported.title.is_none() {
            let deck = headers.deck.and_then(|column| record.get(column));
            self.imported.title = deck.filter(|deck| !deck.is_empty()).map(deck_title);
        }
        let (Some(front), Some(back)) = (fields.first(), fields.get(1)) else {
            self.problems.add(
                at,
                format!(
                    "this note has {} field; a card needs a front and a back",
                    fields.len()
                ),
                format!(
                    "separate the front and the back with the separator the header names ({})",
                    describe(headers.separator)
                ),
            );
            return;
        };
        let note_kind = NoteKind::of(headers.notetype.and_then(|column| record.get(column)));
        // An optional reversed note's third field only says whether to add the reverse.
        let (add_reverse, extras) = match note_kind {
            NoteKind::OptionalReversed => (
                fields.get(2).is_some_and(|add| !add.is_empty()),
                fields.get(3..).unwrap_or_default(),
            ),
            _ => (note_kind == NoteKind::Reversed, &fields[2..]),
        };
        let mut back = back.clone();
        for extra in extras.iter().filter(|extra| !extra.is_empty()) {
            back.push('\n');
            back.push_str(extra);
        }
        let mut tags = headers.all_tags.clone();
        if let Some(written) = headers.tags.and_then(|column| record.get(column)) {
            tags.extend(written.split_whitespace().map(str::to_string));
        }
        let guid = headers.guid.and_then(|column| record.get(column));
        let id = match guid.filter(|guid| !guid.is_empty()) {
            Some(guid) => self.ids.named(card_ids::note_id(guid).as_str(), line),
            None => self.ids.derived(&hashed("q", front), line),
        };
        let id = match id {
            Ok(id) => id,
            Err(problem) => return self.problems.report(at, problem),
        };
        let cards = if cloze::deletions(front).is_ok() {
            let explanation = Some(back.as_str()).filter(|back| !back.trim().is_empty());
            match cloze::cards(&id, front, &tags, explanation, None) {
                Ok(cards) => cards,
                Err(found) => return self.problems.report(at, found.problem),
            }
        } else {
            let reversed = match add_reverse {
                true => match card_ids::template_card_id(&id, 1) {
                    Ok(reversed) => Some(reversed),
                    Err(problem) => return self.problems.report(at, problem),
                },
                false => None,
            };
            let card = |id: CardId, prompt: &str, kind: CardKind| Card {
                id,
                prompt: prompt.to_string(),
                kind,
                tags: tags.clone(),
                explanation: None,
                source: None,
            };
            let kind = match note_kind {
                NoteKind::TypeIn => CardKind::Text {
                    answer: back.clone(),
                    accept: Vec::new(),
                },
                _ => CardKind::Recall {
                    answer: back.clone(),
                },
            };
            let mut cards = vec![card(id, front, kind)];
            if let Some(reversed) = reversed {
                let answer = front.clone();
                cards.push(card(reversed, &back, CardKind::Recall { answer }));
            }
            cards
        };
        for card in cards {
            self.problems.keep_valid(card, at, &mut self.imported.cards);
        }
    }

    /// A field as a card holds it: `[sound:…]` dropped, HTML turned to text when the export
    /// says fields are HTML, trimmed; what was dropped is noted.
    fn plain(&mut self, field: &str, line: usize) -> String {
        let (text, sounds) = html::without_sounds(field);
        for name in sounds {
            self.imported
                .notes
                .push(format!("line {line}: sound not imported: {name}"));
        }
        if !self.headers.html {
            return text.trim().to_string();
        }
        let found = html::to_text(&text);
        for image in found.images {
            self.imported
                .notes
                .push(format!("line {line}: image not imported: {image}"));
        }
        found.text
    }
}

/// Anki's stock note types that give other cards than a plain front and back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NoteKind {
    Plain,
    Reversed,
    OptionalReversed,
    TypeIn,
}

impl NoteKind {
    /// The kind a note type column names.
    fn of(note_type: Option<&str>) -> NoteKind {
        match note_type.map(str::trim) {
            Some("Basic (and reversed card)") => NoteKind::Reversed,
            Some("Basic (optional reversed card)") => NoteKind::OptionalReversed,
            Some("Basic (type in the answer)") => NoteKind::TypeIn,
            _ => NoteKind::Plain,
        }
    }
}

/// A separator as a message names it.
fn describe(separator: u8) -> String {
    match separator {
        b'\t' => "a tab".to_string(),
        b' ' => "a space".to_string(),
        other => format!("\"{}\"", char::from(other)),
    }
}
