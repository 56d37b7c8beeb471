//! Importing set files: every set of one import in one transaction, each diffed against what is
//! stored so that students keep their progress across edits.
//!
//! Cards are matched by their [`CardId`]. A card still in the file keeps its row (and with it
//! every student's progress), taking the file's text and position; a new id is added; a card gone
//! from the file is retired: no longer shown, its history kept, and it comes back with that
//! history if a later file brings the id back.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::questions::{Card, CardId, QuestionSet, SetId};

use crate::store::{Pending, Store, StoreError};

/// What an import did to one set. Each card of the file is in exactly one of `added`,
/// `restored`, `changed` or `unchanged`; `retired` are the cards the file no longer has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub set: SetId,
    /// The set was not in the database before.
    pub created: bool,
    pub added: Vec<CardId>,
    /// Retired cards back in the file, with their history (whether or not their text changed).
    pub restored: Vec<CardId>,
    /// Cards whose content (prompt, answer, tags, explanation, ...) differs from the stored one.
    pub changed: Vec<CardId>,
    pub unchanged: usize,
    pub retired: Vec<CardId>,
}

impl ImportReport {
    /// The import changed nothing in this set's cards.
    pub fn is_unchanged(&self) -> bool {
        !self.created
            && self.added.is_empty()
            && self.restored.is_empty()
            && self.changed.is_empty()
            && self.retired.is_empty()
    }
}

impl Store {
    /// Imports sets, each with the text of the file it came from, all in one transaction: if
    /// any set fails (say, two cards with one id), nothing of this import is saved.
    ///
    /// This is the server's own import (`studyhall import`, the `questions/` folder): it may
    /// replace the sets it loaded, never one uploaded in the browser
    /// ([`StoreError::SetUploaded`]), which stays its owner's to replace.
    pub fn import_sets(&self, sets: Vec<(QuestionSet, String)>) -> Pending<Vec<ImportReport>> {
        self.write(move |connection| {
            let mut seen = HashSet::new();
            sets.iter()
                .map(|(set, file_text)| {
                    if !seen.insert(&set.id) {
                        return Err(StoreError::DuplicateSet(set.id.clone()));
                    }
                    if let Some(owner) = uploader(connection, &set.id)? {
                        return Err(StoreError::SetUploaded {
                            set: set.id.clone(),
                            owner,
                        });
                    }
                    import_set(connection, set, file_text)
                })
                .collect()
        })
    }
}

/// The username of whoever uploaded the stored set `set`; `None` for a set the server loaded
/// (or whose uploader's account is gone), or no such set.
fn uploader(connection: &Connection, set: &SetId) -> Result<Option<String>, StoreError> {
    Ok(connection
        .prepare_cached(
            "SELECT users.username FROM sets JOIN users ON users.id = sets.owner_id
             WHERE sets.slug = ?1",
        )?
        .query_row([set], |row| row.get(0))
        .optional()?)
}

/// A card as it is stored before the import.
pub(in crate::store) struct Existing {
    row: i64,
    position: i64,
    body: String,
    retired: bool,
}

/// What importing a set does to its stored cards, decided before anything is written: the
/// import applies it, a preview only reads its report.
pub(in crate::store) struct Plan<'s> {
    pub(in crate::store) report: ImportReport,
    steps: Vec<Step<'s>>,
}

enum Step<'s> {
    Insert {
        position: i64,
        card: &'s Card,
        body: String,
    },
    /// A card kept by id: its row (and every student's progress) stays.
    Update {
        row: i64,
        position: i64,
        card: &'s Card,
        body: String,
        body_changed: bool,
    },
    Retire {
        row: i64,
    },
}

/// Matches the file's cards to the `stored` ones by id (see the module's notes). `created`:
/// the set is not in the database yet.
pub(in crate::store) fn plan<'s>(
    set: &'s QuestionSet,
    created: bool,
    mut stored: HashMap<CardId, Existing>,
) -> Result<Plan<'s>, StoreError> {
    let mut report = ImportReport {
        set: set.id.clone(),
        created,
        added: Vec::new(),
        restored: Vec::new(),
        changed: Vec::new(),
        unchanged: 0,
        retired: Vec::new(),
    };
    let mut steps = Vec::new();
    let mut in_file = HashSet::new();
    for (position, card) in (0_i64..).zip(&set.cards) {
        if !in_file.insert(&card.id) {
            return Err(StoreError::DuplicateCard {
                set: set.id.clone(),
                card: card.id.clone(),
            });
        }
        let body = serde_json::to_string(card).map_err(StoreError::CardJson)?;
        let Some(old) = stored.remove(&card.id) else {
            steps.push(Step::Insert {
                position,
                card,
                body,
            });
            report.added.push(card.id.clone());
            continue;
        };
        let body_changed = old.body != body;
        if body_changed || old.retired || old.position != position {
            steps.push(Step::Update {
                row: old.row,
                position,
                card,
                body,
                body_changed,
            });
        }
        match (old.retired, body_changed) {
            (true, _) => report.restored.push(card.id.clone()),
            (false, true) => report.changed.push(card.id.clone()),
            (false, false) => report.unchanged += 1,
        }
    }
    let mut gone: Vec<(CardId, Existing)> =
        stored.into_iter().filter(|(_, old)| !old.retired).collect();
    gone.sort_by_key(|(_, old)| old.position);
    for (card, old) in gone {
        steps.push(Step::Retire { row: old.row });
        report.retired.push(card);
    }
    Ok(Plan { report, steps })
}

pub(in crate::store) fn import_set(
    connection: &Connection,
    set: &QuestionSet,
    file_text: &str,
) -> Result<ImportReport, StoreError> {
    let (set_row, created) = upsert_set(connection, set, file_text)?;
    let plan = plan(set, created, stored_cards(connection, set_row)?)?;
    for step in plan.steps {
        match step {
            Step::Insert {
                position,
                card,
                body,
            } => {
                let row = insert_card(connection, set_row, position, card, &body)?;
                replace_tags(connection, row, card)?;
            }
            Step::Update {
                row,
                position,
                card,
                body,
                body_changed,
            } => {
                update_card(connection, row, position, card, &body)?;
                if body_changed {
                    replace_tags(connection, row, card)?;
                }
            }
            Step::Retire { row } => {
                connection
                    .prepare_cached("UPDATE cards SET retired = 1 WHERE id = ?1")?
                    .execute([row])?;
            }
        }
    }
    Ok(plan.report)
}

/// Inserts or updates the set's own row; returns its row id and whether it was created.
fn upsert_set(
    connection: &Connection,
    set: &QuestionSet,
    file_text: &str,
) -> Result<(i64, bool), StoreError> {
    let existing: Option<i64> = connection
        .prepare_cached("SELECT id FROM sets WHERE slug = ?1")?
        .query_row([&set.id], |row| row.get(0))
        .optional()?;
    let fields = (&set.title, &set.description, &set.source);
    match existing {
        Some(row) => {
            // The file is rewritten, and updated_at moved, only when the text changed.
            let file_changed = connection
                .prepare_cached(
                    "UPDATE set_files SET file_text = ?2 WHERE set_id = ?1 AND file_text IS NOT ?2",
                )?
                .execute((row, file_text))?
                > 0;
            connection
                .prepare_cached(
                    "UPDATE sets SET title = ?2, description = ?3, source = ?4,
                         updated_at = CASE WHEN ?5 THEN CAST(unixepoch('subsec') * 1000 AS INTEGER)
                                      ELSE updated_at END
                     WHERE id = ?1",
                )?
                .execute((row, fields.0, fields.1, fields.2, file_changed))?;
            Ok((row, false))
        }
        None => {
            let row = connection
                .prepare_cached(
                    "INSERT INTO sets (slug, title, description, source) VALUES (?1, ?2, ?3, ?4)",
                )?
                .insert((&set.id, fields.0, fields.1, fields.2))?;
            connection
                .prepare_cached("INSERT INTO set_files (set_id, file_text) VALUES (?1, ?2)")?
                .execute((row, file_text))?;
            Ok((row, true))
        }
    }
}

pub(in crate::store) fn stored_cards(
    connection: &Connection,
    set_row: i64,
) -> Result<HashMap<CardId, Existing>, StoreError> {
    let mut statement = connection
        .prepare_cached("SELECT slug, id, position, body, retired FROM cards WHERE set_id = ?1")?;
    let rows = statement.query_map([set_row], |row| {
        Ok((
            row.get::<_, CardId>(0)?,
            Existing {
                row: row.get(1)?,
                position: row.get(2)?,
                body: row.get(3)?,
                retired: row.get(4)?,
            },
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn insert_card(
    connection: &Connection,
    set_row: i64,
    position: i64,
    card: &Card,
    body: &str,
) -> Result<i64, StoreError> {
    Ok(connection
        .prepare_cached(
            "INSERT INTO cards (set_id, slug, position, kind, prompt, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .insert((
            set_row,
            &card.id,
            position,
            card.kind.name(),
            &card.prompt,
            body,
        ))?)
}

fn update_card(
    connection: &Connection,
    row: i64,
    position: i64,
    card: &Card,
    body: &str,
) -> Result<(), StoreError> {
    connection
        .prepare_cached(
            "UPDATE cards SET position = ?2, kind = ?3, prompt = ?4, body = ?5, retired = 0
             WHERE id = ?1",
        )?
        .execute((row, position, card.kind.name(), &card.prompt, body))?;
    Ok(())
}

fn replace_tags(connection: &Connection, row: i64, card: &Card) -> Result<(), StoreError> {
    connection
        .prepare_cached("DELETE FROM card_tags WHERE card_id = ?1")?
        .execute([row])?;
    // OR IGNORE: a tag written twice on one card is one tag.
    let mut insert = connection
        .prepare_cached("INSERT OR IGNORE INTO card_tags (card_id, tag) VALUES (?1, ?2)")?;
    for tag in &card.tags {
        insert.execute((row, tag))?;
    }
    Ok(())
}
