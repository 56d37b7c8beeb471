//! Note types and decks in schema 11 (`collection.anki2`, `collection.anki21`): JSON objects
//! in the one row of the `col` table, keyed by id.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::Deserialize;

use super::REEXPORT;
use super::collection::{NoteType, Template};
use crate::questions::rules::Problem;

#[derive(Deserialize)]
struct Model {
    #[serde(default)]
    name: String,
    /// 1 for a cloze note type.
    #[serde(default, rename = "type")]
    kind: i64,
    #[serde(default)]
    flds: Vec<Field>,
    #[serde(default)]
    tmpls: Vec<Tmpl>,
    #[serde(default, rename = "originalStockKind")]
    original_stock_kind: i64,
}

#[derive(Deserialize)]
struct Field {
    #[serde(default)]
    name: String,
}

#[derive(Deserialize)]
struct Tmpl {
    #[serde(default)]
    qfmt: String,
    #[serde(default)]
    afmt: String,
}

#[derive(Deserialize)]
struct Deck {
    #[serde(default)]
    name: String,
}

/// Anki's stock kind of its image occlusion note type.
pub const IMAGE_OCCLUSION: i64 = 6;

type NoteTypesAndDecks = (HashMap<i64, NoteType>, HashMap<i64, String>);

pub fn note_types_and_decks(connection: &Connection) -> Result<NoteTypesAndDecks, Problem> {
    let unreadable = |what: &str, error: String| {
        Problem::new(
            format!("the collection's {what} cannot be read ({error})"),
            REEXPORT,
        )
    };
    let (models, decks): (String, String) = connection
        .query_row("SELECT models, decks FROM col LIMIT 1", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .map_err(|error| unreadable("settings", error.to_string()))?;
    let models: HashMap<String, Model> = serde_json::from_str(&models)
        .map_err(|error| unreadable("note types", error.to_string()))?;
    let decks: HashMap<String, Deck> =
        serde_json::from_str(&decks).map_err(|error| unreadable("decks", error.to_string()))?;
    let note_types = models
        .into_iter()
        .filter_map(|(id, model)| {
            let note_type = NoteType {
                name: model.name,
                cloze: model.kind == 1,
                image_occlusion: model.original_stock_kind == IMAGE_OCCLUSION,
                fields: model.flds.into_iter().map(|field| field.name).collect(),
                templates: model
                    .tmpls
                    .into_iter()
                    .map(|tmpl| Template {
                        question: tmpl.qfmt,
                        answer: tmpl.afmt,
                    })
                    .collect(),
            };
            Some((id.parse().ok()?, note_type))
        })
        .collect();
    let decks = decks
        .into_iter()
        .filter_map(|(id, deck)| Some((id.parse().ok()?, deck.name)))
        .collect();
    Ok((note_types, decks))
}
