//! The disputes page's two lists: the pending claims a decider may decide, grouped by card and
//! normalised answer, and the decided ones they may undo.

use std::collections::HashMap;

use rusqlite::{Connection, named_params};
use serde::Serialize;

use crate::questions::{CardId, SetId};

use super::{Decider, parse_card, reach};
use crate::store::{CardRow, StoreError};

/// At most this many decided answers are listed, the latest decided first.
pub const DECIDED_SHOWN: u32 = 50;

/// Pending claims on one card with one normalised answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dispute {
    pub card_row: CardRow,
    pub set: SetId,
    pub set_title: String,
    pub card: CardId,
    pub kind: String,
    pub prompt: String,
    /// The card's answer, as a student is shown it.
    pub expected: String,
    pub normalized: String,
    /// Students who claimed, and claims in all.
    pub students: u32,
    pub claims: u32,
    /// The answers as the students wrote them, with how often, most common first.
    pub given: Vec<(String, u32)>,
    /// Unix milliseconds of the latest claim.
    pub last_claim_ms: i64,
    /// The decider decides these for everyone (the set's owner or the admin), not only for
    /// their classes' students.
    pub for_everyone: bool,
}

/// The rulings on one card and normalised answer that a decider may undo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecidedDispute {
    pub card_row: CardRow,
    pub set: SetId,
    pub set_title: String,
    pub card: CardId,
    pub prompt: String,
    pub normalized: String,
    /// The answer as most of its claims were written (the normalised one if none).
    pub shown: String,
    /// Students ruled right and wrong.
    pub accepted: u32,
    pub rejected: u32,
    /// Some of the rulings were taken for everyone (by the set's owner or the admin).
    pub for_everyone: bool,
    /// Unix milliseconds of the latest ruling.
    pub last_decided_ms: i64,
}

pub(super) fn open_disputes(
    connection: &Connection,
    by: Decider,
) -> Result<Vec<Dispute>, StoreError> {
    let pending = format!(
        "r.overridden = 1 AND c.retired = 0
         AND NOT EXISTS (SELECT 1 FROM claim_rulings AS ruling WHERE ruling.user_id = r.user_id
             AND ruling.card_id = r.card_id AND ruling.normalized_answer = r.normalized_answer)
         AND {}",
        reach::may_decide("r.user_id", "sets.id", "sets.owner_id")
    );
    let from =
        "FROM reviews AS r JOIN cards AS c ON c.id = r.card_id JOIN sets ON sets.id = r.set_id";
    let params = named_params! {":me": by.user, ":admin": by.is_admin};
    let mut given: HashMap<(CardRow, String), Vec<(String, u32)>> = HashMap::new();
    let mut statement = connection.prepare_cached(&format!(
        "SELECT r.card_id, r.normalized_answer, coalesce(r.answer, ''), count(*) {from}
         WHERE {pending} GROUP BY r.card_id, r.normalized_answer, r.answer
         ORDER BY count(*) DESC, r.answer"
    ))?;
    let mut rows = statement.query(params)?;
    while let Some(row) = rows.next()? {
        let forms = given.entry((row.get(0)?, row.get(1)?)).or_default();
        forms.push((row.get(2)?, row.get(3)?));
    }
    let mut statement = connection.prepare_cached(&format!(
        "SELECT r.card_id, r.normalized_answer, count(DISTINCT r.user_id), count(*),
             max(r.reviewed_at), sets.slug, sets.title, c.slug, c.kind, c.prompt, c.body,
             {} {from}
         WHERE {pending} GROUP BY r.card_id, r.normalized_answer
         ORDER BY count(DISTINCT r.user_id) DESC, max(r.reviewed_at) DESC",
        reach::for_everyone("sets.owner_id")
    ))?;
    let mut rows = statement.query(params)?;
    let mut disputes = Vec::new();
    while let Some(row) = rows.next()? {
        let (card_row, normalized): (CardRow, String) = (row.get(0)?, row.get(1)?);
        let card = parse_card(card_row, &row.get::<_, String>(10)?)?;
        disputes.push(Dispute {
            given: given
                .remove(&(card_row, normalized.clone()))
                .unwrap_or_default(),
            card_row,
            normalized,
            students: row.get(2)?,
            claims: row.get(3)?,
            last_claim_ms: row.get(4)?,
            set: row.get(5)?,
            set_title: row.get(6)?,
            card: row.get(7)?,
            kind: row.get(8)?,
            prompt: row.get(9)?,
            expected: card.kind.expected_text(),
            for_everyone: row.get(11)?,
        });
    }
    Ok(disputes)
}

pub(super) fn decided_disputes(
    connection: &Connection,
    by: Decider,
) -> Result<Vec<DecidedDispute>, StoreError> {
    let sql = format!(
        "SELECT ruling.card_id, ruling.normalized_answer,
             count(*) FILTER (WHERE ruling.decision = 'accepted'),
             count(*) FILTER (WHERE ruling.decision = 'rejected'),
             max(ruling.for_everyone), max(ruling.decided_at),
             sets.slug, sets.title, c.slug, c.prompt,
             coalesce((SELECT r.answer FROM reviews AS r WHERE r.card_id = ruling.card_id
                 AND r.normalized_answer = ruling.normalized_answer AND r.overridden = 1
                 GROUP BY r.answer ORDER BY count(*) DESC, min(r.id) LIMIT 1),
                 ruling.normalized_answer)
         FROM claim_rulings AS ruling JOIN cards AS c ON c.id = ruling.card_id
             JOIN sets ON sets.id = c.set_id
         WHERE {}
         GROUP BY ruling.card_id, ruling.normalized_answer
         ORDER BY max(ruling.decided_at) DESC, ruling.card_id, ruling.normalized_answer
         LIMIT :limit",
        reach::may_undo("ruling", "sets.id", "sets.owner_id")
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let rows = statement.query_map(
        named_params! {":me": by.user, ":admin": by.is_admin, ":limit": DECIDED_SHOWN},
        |row| {
            Ok(DecidedDispute {
                card_row: row.get(0)?,
                normalized: row.get(1)?,
                accepted: row.get(2)?,
                rejected: row.get(3)?,
                for_everyone: row.get(4)?,
                last_decided_ms: row.get(5)?,
                set: row.get(6)?,
                set_title: row.get(7)?,
                card: row.get(8)?,
                prompt: row.get(9)?,
                shown: row.get(10)?,
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}
