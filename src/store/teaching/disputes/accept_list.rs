//! A text card's list of accepted answers, changed by an accept for everyone and by undoing
//! one: the card is updated in place (its id, and so everyone's progress, unchanged) and the
//! set's file written anew from what is stored, in the same write.

use rusqlite::Connection;

use crate::questions::check::{self, Response, Verdict};
use crate::questions::parse::to_toml;
use crate::questions::{Card, CardKind, QuestionSet};

use super::decide::Claimed;
use super::parse_card;
use crate::store::{CardRow, StoreError};

/// Adds the most common form of the claimed answer to the card's accepted answers.
/// `Ok(None)`: the card already accepts it (or is not a text card).
pub(super) fn add(connection: &Connection, claim: &Claimed) -> Result<Option<String>, StoreError> {
    let mut card = claim.card.clone();
    let CardKind::Text { accept, .. } = &mut card.kind else {
        return Ok(None);
    };
    let form = claim.form().to_string();
    let already = check::check(&claim.card.kind, &Response::Text(form.clone()))
        .is_ok_and(|checked| matches!(checked.verdict, Verdict::Correct | Verdict::Almost));
    if already {
        return Ok(None);
    }
    accept.push(form.clone());
    save(connection, claim.row, claim.set_row, &card)?;
    Ok(Some(form))
}

/// Takes `form` off the accepted answers of `row` (a card of the set `set_row`), if it lists
/// it; whether it did.
pub(super) fn remove(
    connection: &Connection,
    row: CardRow,
    set_row: i64,
    mut card: Card,
    form: &str,
) -> Result<bool, StoreError> {
    let CardKind::Text { accept, .. } = &mut card.kind else {
        return Ok(false);
    };
    let before = accept.len();
    accept.retain(|accepted| accepted != form);
    if accept.len() == before {
        return Ok(false);
    }
    save(connection, row, set_row, &card)?;
    Ok(true)
}

/// Stores the card's new body, then the set's file written from the stored cards.
fn save(
    connection: &Connection,
    row: CardRow,
    set_row: i64,
    card: &Card,
) -> Result<(), StoreError> {
    let body = serde_json::to_string(card).map_err(StoreError::CardJson)?;
    connection
        .prepare_cached("UPDATE cards SET body = ?2 WHERE id = ?1")?
        .execute((row, &body))?;
    let file_text = to_toml(&stored_set(connection, set_row)?);
    connection
        .prepare_cached("UPDATE set_files SET file_text = ?2 WHERE set_id = ?1")?
        .execute((set_row, &file_text))?;
    connection
        .prepare_cached(
            "UPDATE sets SET updated_at = CAST(unixepoch('subsec') * 1000 AS INTEGER)
             WHERE id = ?1",
        )?
        .execute([set_row])?;
    Ok(())
}

/// The set as stored: its fields and its cards still in the file, in file order.
fn stored_set(connection: &Connection, set_row: i64) -> Result<QuestionSet, StoreError> {
    let (id, title, description, source) = connection
        .prepare_cached("SELECT slug, title, description, source FROM sets WHERE id = ?1")?
        .query_row([set_row], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })?;
    let mut statement = connection.prepare_cached(
        "SELECT id, body FROM cards WHERE set_id = ?1 AND retired = 0 ORDER BY position",
    )?;
    let bodies: Vec<(CardRow, String)> = statement
        .query_map([set_row], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let cards = bodies
        .iter()
        .map(|(row, body)| parse_card(*row, body))
        .collect::<Result<_, _>>()?;
    Ok(QuestionSet {
        id,
        title,
        description,
        source,
        cards,
    })
}
