//! Disputed answers: students' "I was right" claims (reviews with `overridden = 1`), grouped by
//! card and normalised answer until an instructor decides on them, and the two decisions.
//!
//! - Accepting adds the answer (in the form most claimants wrote it) to a text card's `accept`
//!   list: the set's file is written anew with `to_toml` and the card updated in the same
//!   write, its id and so everyone's progress unchanged. The review log is append-only, so the
//!   regrade is the decision row itself: every figure joins it ([`super::dashboards::RECALLED`])
//!   and counts that answer as right for everyone who gave it.
//! - Rejecting turns each claimant's card back into a lapse: SM-2's miss (quality 1) applied to
//!   their current state, due today, so the card comes back at their next session.
//!
//! One decision per card and answer: deciding again is refused and changes nothing. Both are
//! written to the audit log.

use std::collections::HashMap;

use rusqlite::{Connection, named_params};
use serde::Serialize;

use crate::questions::{Card, CardId, SetId};
use crate::scheduler::StudyDay;

use super::{CardRow, Pending, Store, StoreError, UserId};

mod decide;
mod standing;

use decide::{Claimed, add_accepted, lapse};
pub use standing::ClaimStanding;
pub(in crate::store) use standing::claim_standing;

/// Claims on one card with one normalised answer, not decided yet.
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
}

/// Who decides: only the set's owner or the admin may.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decider {
    pub user: UserId,
    pub is_admin: bool,
}

/// A decision taken, to tell the instructor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decided {
    pub set: SetId,
    pub card: CardId,
    /// Accepted: the answer added to the card (`None` if the card already accepted it).
    pub added: Option<String>,
    /// Students whose claims were decided.
    pub students: u32,
    /// The set was loaded by the server (no owner): its file in the questions folder is
    /// loaded again at the next start-up.
    pub server_loaded: bool,
}

/// Why a decision was not taken; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("only the set's owner or the admin decides on its claims")]
    NotYours,
    #[error("this answer was already {0}: the decision stands")]
    AlreadyDecided(String),
    #[error("nobody claimed this answer on this card")]
    NoClaims,
    #[error("a blank answer cannot be accepted: reject the claim")]
    Blank,
    #[error(
        "only text cards have a list of accepted answers; this is a {0} card, whose answer is \
         fixed by its file: change the file to widen it, or reject the claim"
    )]
    NotText(&'static str),
}

impl Store {
    /// The undecided claims on the sets `owner` owns (every set's for `None`), the most
    /// claimed first.
    pub fn open_disputes(&self, owner: Option<UserId>) -> Result<Vec<Dispute>, StoreError> {
        self.read(|connection| open_disputes(connection, owner))
    }

    /// Accepts the answer `normalized` on `card`: see the module's documentation.
    pub fn accept_claim(
        &self,
        card: CardRow,
        normalized: String,
        by: Decider,
        now_ms: i64,
    ) -> Pending<Result<Decided, Refusal>> {
        self.write(move |connection| {
            let claim = match Claimed::load(connection, card, &normalized, by)? {
                Ok(claim) => claim,
                Err(refusal) => return Ok(Err(refusal)),
            };
            let added = match add_accepted(connection, &claim)? {
                Ok(added) => added,
                Err(refusal) => return Ok(Err(refusal)),
            };
            claim.record(connection, "accepted", by, now_ms)?;
            Ok(Ok(claim.decided(added)))
        })
    }

    /// Rejects the answer `normalized` on `card`: each claimant's card lapses, due `today`.
    pub fn reject_claim(
        &self,
        card: CardRow,
        normalized: String,
        by: Decider,
        today: StudyDay,
        now_ms: i64,
    ) -> Pending<Result<Decided, Refusal>> {
        self.write(move |connection| {
            let claim = match Claimed::load(connection, card, &normalized, by)? {
                Ok(claim) => claim,
                Err(refusal) => return Ok(Err(refusal)),
            };
            for user in &claim.claimants {
                lapse(connection, *user, card, today)?;
            }
            claim.record(connection, "rejected", by, now_ms)?;
            Ok(Ok(claim.decided(None)))
        })
    }
}

pub(super) fn parse_card(row: CardRow, body: &str) -> Result<Card, StoreError> {
    serde_json::from_str(body)
        .map_err(|error| StoreError::Corrupt(format!("card {row} does not parse: {error}")))
}

fn open_disputes(
    connection: &Connection,
    owner: Option<UserId>,
) -> Result<Vec<Dispute>, StoreError> {
    let undecided =
        "r.overridden = 1 AND c.retired = 0 AND (:owner IS NULL OR sets.owner_id = :owner)
        AND NOT EXISTS (SELECT 1 FROM claim_decisions AS d
                        WHERE d.card_id = r.card_id AND d.normalized_answer = r.normalized_answer)";
    let from =
        "FROM reviews AS r JOIN cards AS c ON c.id = r.card_id JOIN sets ON sets.id = r.set_id";
    let mut given: HashMap<(CardRow, String), Vec<(String, u32)>> = HashMap::new();
    let mut statement = connection.prepare_cached(&format!(
        "SELECT r.card_id, r.normalized_answer, coalesce(r.answer, ''), count(*) {from}
         WHERE {undecided} GROUP BY r.card_id, r.normalized_answer, r.answer
         ORDER BY count(*) DESC, r.answer"
    ))?;
    let mut rows = statement.query(named_params! {":owner": owner})?;
    while let Some(row) = rows.next()? {
        let forms = given.entry((row.get(0)?, row.get(1)?)).or_default();
        forms.push((row.get(2)?, row.get(3)?));
    }
    let mut statement = connection.prepare_cached(&format!(
        "SELECT r.card_id, r.normalized_answer, count(DISTINCT r.user_id), count(*),
             max(r.reviewed_at), sets.slug, sets.title, c.slug, c.kind, c.prompt, c.body {from}
         WHERE {undecided} GROUP BY r.card_id, r.normalized_answer
         ORDER BY count(DISTINCT r.user_id) DESC, max(r.reviewed_at) DESC"
    ))?;
    let mut rows = statement.query(named_params! {":owner": owner})?;
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
        });
    }
    Ok(disputes)
}
