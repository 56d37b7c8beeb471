//! Undoing decisions: the rulings on a card and answer that the undoer may undo are deleted,
//! so their claims are pending again; an accept for everyone also takes the form it added off
//! the card's accepted answers. See the module above for what it leaves alone.

use rusqlite::{Connection, OptionalExtension, named_params};

use crate::questions::SetId;

use super::{Decider, Refusal, Undone, accept_list, parse_card, reach};
use crate::store::accounts::settings::record_audit;
use crate::store::{CardRow, StoreError, UserId};

/// One ruling on the card and answer, as undoing sees it.
struct RulingRow {
    user: UserId,
    decision: String,
    added: Option<String>,
    /// The student claimed the answer (not only gave it, ruled right by an accept).
    claimed: bool,
    undoable: bool,
}

pub(super) fn undo(
    connection: &Connection,
    card: CardRow,
    normalized: &str,
    by: Decider,
) -> Result<Result<Undone, Refusal>, StoreError> {
    let (set_row, set, body, owner): (i64, SetId, String, Option<UserId>) = connection
        .prepare_cached(
            "SELECT sets.id, sets.slug, cards.body, sets.owner_id FROM cards
             JOIN sets ON sets.id = cards.set_id WHERE cards.id = ?1",
        )?
        .query_row([card], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?
        .ok_or(StoreError::UnknownCard(card))?;
    let rulings = ruling_rows(connection, card, normalized, by)?;
    let undone: Vec<&RulingRow> = rulings.iter().filter(|ruling| ruling.undoable).collect();
    if rulings.is_empty() {
        return Ok(Err(Refusal::NothingToUndo));
    }
    if undone.is_empty() {
        return Ok(Err(Refusal::NotYours));
    }
    let mut delete = connection.prepare_cached(
        "DELETE FROM claim_rulings
         WHERE user_id = ?1 AND card_id = ?2 AND normalized_answer = ?3",
    )?;
    for ruling in &undone {
        delete.execute((ruling.user, card, normalized))?;
    }
    let card_value = parse_card(card, &body)?;
    let mut removed = None;
    if let Some(form) = undone.iter().find_map(|ruling| ruling.added.clone())
        && accept_list::remove(connection, card, set_row, card_value.clone(), &form)?
    {
        removed = Some(form);
    }
    let reopened = undone.iter().filter(|ruling| ruling.claimed).count();
    let count = |decision: &str| {
        let n = undone
            .iter()
            .filter(|ruling| ruling.decision == decision && ruling.claimed)
            .count();
        let noun = if decision == "accepted" {
            "accept"
        } else {
            "rejection"
        };
        format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
    };
    let mut detail = format!(
        "reopened the claims of {reopened} student{} on “{}” on {set}/{} (undid {} and {})",
        if reopened == 1 { "" } else { "s" },
        claimed_form(connection, card, normalized)?,
        card_value.id,
        count("accepted"),
        count("rejected"),
    );
    if let Some(form) = &removed {
        detail.push_str(&format!("; took “{form}” off the card's accepted answers"));
    }
    record_audit(connection, Some(by.user), "claim.undo", &detail)?;
    Ok(Ok(Undone {
        set,
        card: card_value.id,
        reopened: u32::try_from(reopened).unwrap_or(u32::MAX),
        removed,
        server_loaded: owner.is_none(),
    }))
}

fn ruling_rows(
    connection: &Connection,
    card: CardRow,
    normalized: &str,
    by: Decider,
) -> Result<Vec<RulingRow>, StoreError> {
    let sql = format!(
        "SELECT ruling.user_id, ruling.decision, ruling.added_answer,
             EXISTS (SELECT 1 FROM reviews AS r WHERE r.card_id = ruling.card_id
                 AND r.normalized_answer = ruling.normalized_answer
                 AND r.user_id = ruling.user_id AND r.overridden = 1),
             {}
         FROM claim_rulings AS ruling JOIN cards ON cards.id = ruling.card_id
             JOIN sets ON sets.id = cards.set_id
         WHERE ruling.card_id = :card AND ruling.normalized_answer = :answer",
        reach::may_undo("ruling", "sets.id", "sets.owner_id")
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let rows = statement.query_map(
        named_params! {":card": card, ":answer": normalized, ":me": by.user,
        ":admin": by.is_admin},
        |row| {
            Ok(RulingRow {
                user: row.get(0)?,
                decision: row.get(1)?,
                added: row.get(2)?,
                claimed: row.get(3)?,
                undoable: row.get(4)?,
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The form of the answer most of its claims were written in (the normalised one if none).
fn claimed_form(
    connection: &Connection,
    card: CardRow,
    normalized: &str,
) -> Result<String, StoreError> {
    let form: Option<String> = connection
        .prepare_cached(
            "SELECT coalesce(answer, '') FROM reviews
             WHERE card_id = ?1 AND normalized_answer = ?2 AND overridden = 1
             GROUP BY answer ORDER BY count(*) DESC, min(id) LIMIT 1",
        )?
        .query_row((card, normalized), |row| row.get(0))
        .optional()?;
    Ok(form.unwrap_or_else(|| normalized.to_string()))
}
