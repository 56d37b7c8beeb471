//! Taking a decision on claims: loading the undecided claims of one card and answer (checked to
//! be the decider's to decide), adding an accepted answer to the card and its set's file, and
//! turning a rejected claim into a lapse.

use rusqlite::{Connection, OptionalExtension, named_params};

use crate::questions::check::{self, Response, Verdict};
use crate::questions::parse::to_toml;
use crate::questions::{Card, CardKind, QuestionSet, SetId};
use crate::scheduler::{Quality, StudyDay};

use super::super::settings::record_audit;
use super::super::study::progress_from_row;
use super::super::{CardRow, StoreError, UserId};
use super::{Decided, Decider, Refusal, parse_card};

/// A card's undecided claims on one answer, checked to be the decider's to decide.
pub(super) struct Claimed {
    row: CardRow,
    set_row: i64,
    set: SetId,
    card: Card,
    normalized: String,
    /// The answers as written, most common first.
    forms: Vec<String>,
    pub(super) claimants: Vec<UserId>,
    server_loaded: bool,
}

impl Claimed {
    pub(super) fn load(
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
        let claims =
            "FROM reviews WHERE card_id = ?1 AND normalized_answer = ?2 AND overridden = 1";
        let forms: Vec<String> = connection
            .prepare_cached(&format!(
                "SELECT coalesce(answer, '') {claims} GROUP BY answer ORDER BY count(*) DESC, min(id)"
            ))?
            .query_map((row, normalized), |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let claimants: Vec<UserId> = connection
            .prepare_cached(&format!(
                "SELECT DISTINCT user_id {claims} ORDER BY user_id"
            ))?
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
    pub(super) fn record(
        &self,
        connection: &Connection,
        decision: &str,
        by: Decider,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        connection
            .prepare_cached(
                "INSERT INTO claim_decisions (card_id, normalized_answer, decision, decided_by, decided_at)
                 VALUES (:card, :answer, :decision, :by, :at)",
            )?
            .execute(named_params! {":card": self.row, ":answer": self.normalized,
                ":decision": decision, ":by": by.user, ":at": now_ms})?;
        let verb = if decision == "accepted" {
            "accept"
        } else {
            "reject"
        };
        let detail = format!(
            "{}/{}: {:?} ({} student{})",
            self.set,
            self.card.id,
            self.forms
                .first()
                .map_or(self.normalized.as_str(), String::as_str),
            self.claimants.len(),
            if self.claimants.len() == 1 { "" } else { "s" }
        );
        record_audit(connection, Some(by.user), &format!("claim.{verb}"), &detail)
    }

    pub(super) fn decided(self, added: Option<String>) -> Decided {
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
fn decision(
    connection: &Connection,
    card: CardRow,
    normalized: &str,
) -> Result<Option<String>, StoreError> {
    Ok(connection
        .prepare_cached(
            "SELECT decision FROM claim_decisions WHERE card_id = ?1 AND normalized_answer = ?2",
        )?
        .query_row((card, normalized), |row| row.get(0))
        .optional()?)
}

/// Adds the most common form of the claimed answer to the card's accepted answers, in the card
/// and in the set's file. `Ok(None)`: the card already accepts it.
pub(super) fn add_accepted(
    connection: &Connection,
    claim: &Claimed,
) -> Result<Result<Option<String>, Refusal>, StoreError> {
    if claim.normalized.is_empty() {
        return Ok(Err(Refusal::Blank));
    }
    let mut card = claim.card.clone();
    let CardKind::Text { accept, .. } = &mut card.kind else {
        return Ok(Err(Refusal::NotText(card.kind.name())));
    };
    let form = claim
        .forms
        .first()
        .cloned()
        .unwrap_or_else(|| claim.normalized.clone());
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
        .prepare_cached("UPDATE set_files SET file_text = ?2 WHERE set_id = ?1")?
        .execute((claim.set_row, &file_text))?;
    connection
        .prepare_cached(
            "UPDATE sets SET updated_at = CAST(unixepoch('subsec') * 1000 AS INTEGER)
             WHERE id = ?1",
        )?
        .execute([claim.set_row])?;
    Ok(Ok(Some(form)))
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

/// Turns `user`'s progress on `card` into a lapse due `today` (or earlier, if it was due then).
pub(super) fn lapse(
    connection: &Connection,
    user: UserId,
    card: CardRow,
    today: StudyDay,
) -> Result<(), StoreError> {
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
        .execute(
            named_params! {":repetitions": lapsed.repetitions, ":interval": lapsed.interval_days,
            ":lapses": lapsed.lapses, ":today": today, ":user": user, ":card": card},
        )?;
    Ok(())
}
