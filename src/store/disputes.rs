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

use rusqlite::{Connection, OptionalExtension, named_params};
use serde::Serialize;

use crate::questions::check::{self, Response, Verdict};
use crate::questions::parse::to_toml;
use crate::questions::{Card, CardId, CardKind, QuestionSet, SetId};
use crate::scheduler::{Quality, StudyDay};

use super::study::progress_from_row;
use super::{CardRow, Pending, Store, StoreError, UserId};

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

/// A card's undecided claims on one answer, checked to be the decider's to decide.
struct Claimed {
    row: CardRow,
    set_row: i64,
    set: SetId,
    card: Card,
    normalized: String,
    /// The answers as written, most common first.
    forms: Vec<String>,
    claimants: Vec<UserId>,
    server_loaded: bool,
}

impl Claimed {
    fn load(
        connection: &Connection,
        row: CardRow,
        normalized: &str,
        by: Decider,
    ) -> Result<Result<Claimed, Refusal>, StoreError> {
        let (set_row, set, body, owner): (i64, SetId, String, Option<UserId>) = connection
            .prepare_cached(
                "SELECT sets.id, sets.slug, cards.body, sets.owner_id FROM cards
                 JOIN sets ON sets.id = cards.set_id WHERE cards.id = ?1",
            )?
            .query_row([row], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?
            .ok_or(StoreError::UnknownCard(row))?;
        if !by.is_admin && owner != Some(by.user) {
            return Ok(Err(Refusal::NotYours));
        }
        if let Some(decision) = decision(connection, row, normalized)? {
            return Ok(Err(Refusal::AlreadyDecided(decision)));
        }
        let claims = "FROM reviews WHERE card_id = ?1 AND normalized_answer = ?2 AND overridden = 1";
        let forms: Vec<String> = connection
            .prepare_cached(&format!(
                "SELECT coalesce(answer, '') {claims} GROUP BY answer ORDER BY count(*) DESC, min(id)"
            ))?
            .query_map((row, normalized), |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let claimants: Vec<UserId> = connection
            .prepare_cached(&format!("SELECT DISTINCT user_id {claims} ORDER BY user_id"))?
            .query_map((row, normalized), |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if claimants.is_empty() {
            return Ok(Err(Refusal::NoClaims));
        }
        Ok(Ok(Claimed {
            row,
            set_row,
            set,
            card: parse_card(row, &body)?,
            normalized: normalized.to_string(),
            forms,
            claimants,
            server_loaded: owner.is_none(),
        }))
    }

    /// Saves the decision and logs it.
    fn record(&self, connection: &Connection, decision: &str, by: Decider, now_ms: i64) -> Result<(), StoreError> {
        connection
            .prepare_cached(
                "INSERT INTO claim_decisions (card_id, normalized_answer, decision, decided_by, decided_at)
                 VALUES (:card, :answer, :decision, :by, :at)",
            )?
            .execute(named_params! {":card": self.row, ":answer": self.normalized,
                ":decision": decision, ":by": by.user, ":at": now_ms})?;
        let verb = if decision == "accepted" { "accept" } else { "reject" };
        let detail = format!(
            "{}/{}: {:?} ({} student{})",
            self.set,
            self.card.id,
            self.forms.first().map_or(self.normalized.as_str(), String::as_str),
            self.claimants.len(),
            if self.claimants.len() == 1 { "" } else { "s" }
        );
        connection
            .prepare_cached(
                "INSERT INTO audit_log (at, actor_id, action, detail) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute((now_ms, by.user, format!("claim.{verb}"), detail))?;
        Ok(())
    }

    fn decided(self, added: Option<String>) -> Decided {
        Decided {
            set: self.set,
            card: self.card.id,
            added,
            students: u32::try_from(self.claimants.len()).unwrap_or(u32::MAX),
            server_loaded: self.server_loaded,
        }
    }
}

/// The decision already taken on a card and answer, as words: "accepted" or "rejected".
fn decision(connection: &Connection, card: CardRow, normalized: &str) -> Result<Option<String>, StoreError> {
    Ok(connection
        .prepare_cached(
            "SELECT decision FROM claim_decisions WHERE card_id = ?1 AND normalized_answer = ?2",
        )?
        .query_row((card, normalized), |row| row.get(0))
        .optional()?)
}

/// Adds the most common form of the claimed answer to the card's accepted answers, in the card
/// and in the set's file. `Ok(None)`: the card already accepts it.
fn add_accepted(connection: &Connection, claim: &Claimed) -> Result<Result<Option<String>, Refusal>, StoreError> {
    if claim.normalized.is_empty() {
        return Ok(Err(Refusal::Blank));
    }
    let mut card = claim.card.clone();
    let CardKind::Text { accept, .. } = &mut card.kind else {
        return Ok(Err(Refusal::NotText(card.kind.name())));
    };
    let form = claim.forms.first().cloned().unwrap_or_else(|| claim.normalized.clone());
    let already = check::check(&claim.card.kind, &Response::Text(form.clone()))
        .is_ok_and(|checked| matches!(checked.verdict, Verdict::Correct | Verdict::Almost));
    if already {
        return Ok(Ok(None));
    }
    accept.push(form.clone());
    let body = serde_json::to_string(&card).map_err(StoreError::CardJson)?;
    connection
        .prepare_cached("UPDATE cards SET body = ?2 WHERE id = ?1")?
        .execute((claim.row, &body))?;
    let file_text = to_toml(&stored_set(connection, claim.set_row)?);
    connection
        .prepare_cached(
            "UPDATE sets SET file_text = ?2, updated_at = CAST(unixepoch('subsec') * 1000 AS INTEGER)
             WHERE id = ?1",
        )?
        .execute((claim.set_row, &file_text))?;
    Ok(Ok(Some(form)))
}

/// The set as stored: its fields and its cards still in the file, in file order.
fn stored_set(connection: &Connection, set_row: i64) -> Result<QuestionSet, StoreError> {
    let (id, title, description, source) = connection
        .prepare_cached("SELECT slug, title, description, source FROM sets WHERE id = ?1")?
        .query_row([set_row], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?;
    let mut statement = connection
        .prepare_cached("SELECT id, body FROM cards WHERE set_id = ?1 AND retired = 0 ORDER BY position")?;
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

/// Turns `user`'s progress on `card` into a lapse due `today` (or earlier, if it was due then).
fn lapse(connection: &Connection, user: UserId, card: CardRow, today: StudyDay) -> Result<(), StoreError> {
    let progress = connection
        .prepare_cached(
            "SELECT repetitions, easiness_hundredths, interval_days, lapses, due_day,
                 last_review_day, relearning
             FROM card_states WHERE user_id = ?1 AND card_id = ?2",
        )?
        .query_row((user, card), |row| progress_from_row(row, 0))
        .optional()?;
    let Some(progress) = progress else {
        return Ok(()); // nothing scheduled (a state cannot be missing after a review, but be safe)
    };
    let lapsed = progress.state.review(Quality::AGAIN);
    connection
        .prepare_cached(
            "UPDATE card_states SET repetitions = :repetitions, interval_days = :interval,
                 lapses = :lapses, due_day = min(due_day, :today), relearning = 0
             WHERE user_id = :user AND card_id = :card",
        )?
        .execute(named_params! {":repetitions": lapsed.repetitions, ":interval": lapsed.interval_days,
            ":lapses": lapsed.lapses, ":today": today, ":user": user, ":card": card})?;
    Ok(())
}

fn parse_card(row: CardRow, body: &str) -> Result<Card, StoreError> {
    serde_json::from_str(body)
        .map_err(|error| StoreError::Corrupt(format!("card {row} does not parse: {error}")))
}

fn open_disputes(connection: &Connection, owner: Option<UserId>) -> Result<Vec<Dispute>, StoreError> {
    let undecided = "r.overridden = 1 AND c.retired = 0 AND (:owner IS NULL OR sets.owner_id = :owner)
        AND NOT EXISTS (SELECT 1 FROM claim_decisions AS d
                        WHERE d.card_id = r.card_id AND d.normalized_answer = r.normalized_answer)";
    let from = "FROM reviews AS r JOIN cards AS c ON c.id = r.card_id JOIN sets ON sets.id = r.set_id";
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
            given: given.remove(&(card_row, normalized.clone())).unwrap_or_default(),
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
