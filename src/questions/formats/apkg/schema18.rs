//! Note types and decks in schema 18 (`collection.anki21b`): the `notetypes`, `fields`,
//! `templates` and `decks` tables, with each row's settings as a protobuf message. Only a few
//! of their fields are needed, so they are read with the small decoder below rather than with
//! Anki's `.proto` files.

use std::collections::HashMap;

use rusqlite::Connection;

use super::REEXPORT;
use super::collection::{NoteType, Template};
use super::schema11::IMAGE_OCCLUSION;
use crate::questions::rules::Problem;

type NoteTypesAndDecks = (HashMap<i64, NoteType>, HashMap<i64, String>);

pub fn note_types_and_decks(connection: &Connection) -> Result<NoteTypesAndDecks, Problem> {
    read(connection).map_err(|error| {
        Problem::new(
            format!("the collection's note types cannot be read ({error})"),
            REEXPORT,
        )
    })
}

fn read(connection: &Connection) -> rusqlite::Result<NoteTypesAndDecks> {
    let mut note_types: HashMap<i64, NoteType> = HashMap::new();
    let mut statement = connection.prepare("SELECT id, name, config FROM notetypes")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let config: Vec<u8> = row.get(2)?;
        // NotetypeConfig: 1 kind (1 = cloze), 9 original_stock_kind.
        note_types.insert(
            row.get(0)?,
            NoteType {
                name: row.get(1)?,
                cloze: varint_field(&config, 1) == Some(1),
                image_occlusion: varint_field(&config, 9) == Some(IMAGE_OCCLUSION as u64),
                ..NoteType::default()
            },
        );
    }
    let mut statement = connection.prepare("SELECT ntid, name FROM fields ORDER BY ntid, ord")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        if let Some(note_type) = note_types.get_mut(&row.get::<_, i64>(0)?) {
            note_type.fields.push(row.get(1)?);
        }
    }
    let mut statement =
        connection.prepare("SELECT ntid, config FROM templates ORDER BY ntid, ord")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        if let Some(note_type) = note_types.get_mut(&row.get::<_, i64>(0)?) {
            // CardTemplateConfig: 1 q_format, 2 a_format.
            let config: Vec<u8> = row.get(1)?;
            note_type.templates.push(Template {
                question: text_field(&config, 1),
                answer: text_field(&config, 2),
            });
        }
    }
    let mut decks = HashMap::new();
    let mut statement = connection.prepare("SELECT id, name FROM decks")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        // Schema 18 separates a subdeck's parts with 0x1f where the user sees `::`.
        let name: String = row.get(1)?;
        decks.insert(row.get::<_, i64>(0)?, name.replace('\u{1f}', "::"));
    }
    Ok((note_types, decks))
}

/// A protobuf field as read off the wire.
enum Value<'m> {
    Varint(u64),
    Bytes(&'m [u8]),
}

/// The message's top-level fields; reading stops at the first malformed byte, so a damaged
/// message gives the fields before the damage.
fn fields(mut message: &[u8]) -> Vec<(u64, Value<'_>)> {
    let mut fields = Vec::new();
    while let Some(key) = varint(&mut message) {
        let value = match key & 7 {
            0 => match varint(&mut message) {
                Some(value) => Value::Varint(value),
                None => break,
            },
            2 => {
                let Some(length) = varint(&mut message).and_then(|l| usize::try_from(l).ok())
                else {
                    break;
                };
                if length > message.len() {
                    break;
                }
                let (bytes, rest) = message.split_at(length);
                message = rest;
                Value::Bytes(bytes)
            }
            1 if message.len() >= 8 => {
                message = &message[8..];
                continue;
            }
            5 if message.len() >= 4 => {
                message = &message[4..];
                continue;
            }
            _ => break,
        };
        fields.push((key >> 3, value));
    }
    fields
}

fn varint(message: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for (index, byte) in message.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7f) << (7 * index);
        if byte & 0x80 == 0 {
            *message = &message[index + 1..];
            return Some(value);
        }
    }
    None
}

fn varint_field(message: &[u8], number: u64) -> Option<u64> {
    fields(message)
        .into_iter()
        .find_map(|(field, value)| match value {
            Value::Varint(value) if field == number => Some(value),
            _ => None,
        })
}

fn text_field(message: &[u8], number: u64) -> String {
    fields(message)
        .into_iter()
        .find_map(|(field, value)| match value {
            Value::Bytes(bytes) if field == number => {
                Some(String::from_utf8_lossy(bytes).into_owned())
            }
            _ => None,
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_decoder_reads_varints_and_strings_and_stops_at_damage() {
        // 1: varint 1; 2: "ab"; 9: varint 6.
        let message = [0x08, 0x01, 0x12, 0x02, b'a', b'b', 0x48, 0x06];
        assert_eq!(varint_field(&message, 1), Some(1));
        assert_eq!(text_field(&message, 2), "ab");
        assert_eq!(varint_field(&message, 9), Some(6));
        assert_eq!(text_field(&[0x12, 0x09, b'a'], 2), "");
        assert_eq!(varint_field(&[0x08, 0xff], 1), None);
    }
}
