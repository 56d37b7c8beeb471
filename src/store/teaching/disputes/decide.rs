//! Taking a decision on claims: loading the pending claims of one card and answer that the
//! decider reaches, writing a ruling for each claimant, and turning a rejected claim into a
//! lapse.

use rusqlite::{Connection, OptionalExtension, named_params};

use crate::questions::{Card, CardKind, SetId};
use crate::scheduler::StudyDay;

use super::lapse::lapse;
use super::{Decided, Decider, Dispute, Refusal, accept_list, parse_card, reach};
use crate::store::accounts::settings::record_audit;
use crate::store::{CardRow, StoreError, UserId};

/// A card's pending claims on one answer within the decider's reach.
pub(super) struct Claimed {
    pub(super) row: CardRow,
    pub(super) set_row: i64,
    set: SetId,
    set_title: String,
    pub(super) card: Card,
    pub(super) normalized: String,
    /// The decider is the set's owner or the admin, who decide for everyone.
    for_everyone: bool,
    /// The answers as the claimants wrote them, with how often, most common first.
    pub(super) given: Vec<(String, u32)>,
    claimants: Vec<UserId>,
    claims: u32,
    last_claim_ms: i64,
    server_loaded: bool,
}

/// One claim (a review) on the card and answer, as loading sees it.
struct ClaimRow {
    user: UserId,
    answer: String,
    at_ms: i64,
    /// The ruling the claimant already has, if any.
    ruling: Option<String>,
    reachable: bool,
}

impl Claimed {
    /// The pending claims of `normalized` on `card` that `by` may decide; a refusal if there
    /// are none, saying why.
    pub(super) fn load(
        connection: &Connection,
        row: CardRow,
        normalized: &str,
        by: Decider,
    ) -> Result<Result<Claimed, Refusal>, StoreError> {
        let (set_row, set, set_title, body, owner): (i64, SetId, String, String, Option<UserId>) =
            connection
                .prepare_cached(
                    "SELECT sets.id, sets.slug, sets.title, cards.body, sets.owner_id FROM cards
                     JOIN sets ON sets.id = cards.set_id WHERE cards.id = ?1",
                )?
                .query_row([row], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })
                .optional()?
                .ok_or(StoreError::UnknownCard(row))?;
        let claims = claim_rows(connection, row, normalized, by)?;
        let reachable: Vec<&ClaimRow> = claims.iter().filter(|claim| claim.reachable).collect();
        let pending: Vec<&ClaimRow> = reachable
            .iter()
            .copied()
            .filter(|claim| claim.ruling.is_none())
            .collect();
        if claims.is_empty() {
            return Ok(Err(Refusal::NoClaims));
        }
        if reachable.is_empty() {
            return Ok(Err(Refusal::NotYours));
        }
        if pending.is_empty() {
            let decision = reachable.iter().find_map(|claim| claim.ruling.clone());
            return Ok(Err(Refusal::AlreadyDecided(decision.unwrap_or_default())));
        }
        let mut claimants: Vec<UserId> = pending.iter().map(|claim| claim.user).collect();
        claimants.sort_unstable();
        claimants.dedup();
        Ok(Ok(Claimed {
            row,
            set_row,
            set,
            set_title,
            card: parse_card(row, &body)?,
            normalized: normalized.to_string(),
            for_everyone: by.is_admin || owner == Some(by.user),
            given: most_common_first(pending.iter().map(|claim| claim.answer.as_str())),
            claimants,
            claims: u32::try_from(pending.len()).unwrap_or(u32::MAX),
            last_claim_ms: pending.iter().map(|claim| claim.at_ms).max().unwrap_or(0),
            server_loaded: owner.is_none(),
        }))
    }

    /// What the decision would cover, as the disputes page lists it.
    pub(super) fn dispute(self) -> Dispute {
        Dispute {
            card_row: self.row,
            set: self.set,
            set_title: self.set_title,
            card: self.card.id.clone(),
            kind: self.card.kind.name().to_string(),
            prompt: self.card.prompt.clone(),
            expected: self.card.kind.expected_text(),
            normalized: self.normalized,
            students: u32::try_from(self.claimants.len()).unwrap_or(u32::MAX),
            claims: self.claims,
            given: self.given,
            last_claim_ms: self.last_claim_ms,
            for_everyone: self.for_everyone,
        }
    }

    /// The form most claimants wrote.
    pub(super) fn form(&self) -> &str {
        self.given
            .first()
            .map_or(self.normalized.as_str(), |(form, _)| form.as_str())
    }

    /// Accepts the claims; for everyone, the card takes the answer too.
    pub(super) fn accept(
        &self,
        connection: &Connection,
        by: Decider,
        now_ms: i64,
    ) -> Result<Result<Decided, Refusal>, StoreError> {
        if self.normalized.trim().is_empty() {
            return Ok(Err(Refusal::Blank));
        }
        if !matches!(self.card.kind, CardKind::Text { .. }) {
            return Ok(Err(Refusal::NotText(self.card.kind.name())));
        }
        let added = match self.for_everyone {
            true => accept_list::add(connection, self)?,
            false => None,
        };
        self.rule(connection, "accepted", by, now_ms, added.as_deref())?;
        if self.for_everyone {
            self.regrade_everyone(connection, by, now_ms, added.as_deref())?;
        }
        let change = match (&added, self.for_everyone) {
            (Some(_), _) => "added to the card's accepted answers",
            (None, true) => "the card already accepted it",
            (None, false) => "a ruling for these students; the card is unchanged",
        };
        self.audit(connection, by, "accept", change)?;
        Ok(Ok(self.decided(added)))
    }

    /// Rejects the claims: each claimant's card lapses, due `today`.
    pub(super) fn reject(
        &self,
        connection: &Connection,
        by: Decider,
        today: StudyDay,
        now_ms: i64,
    ) -> Result<Decided, StoreError> {
        for user in &self.claimants {
            lapse(connection, *user, self.row, today)?;
        }
        self.rule(connection, "rejected", by, now_ms, None)?;
        self.audit(
            connection,
            by,
            "reject",
            "their cards are due again today, as lapses",
        )?;
        Ok(self.decided(None))
    }

    /// Writes a ruling for each claimant.
    fn rule(
        &self,
        connection: &Connection,
        decision: &str,
        by: Decider,
        now_ms: i64,
        added: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut insert = connection.prepare_cached(
            "INSERT INTO claim_rulings (user_id, card_id, normalized_answer, decision,
                 for_everyone, decided_by, decided_at, added_answer)
             VALUES (:user, :card, :answer, :decision, :everyone, :by, :at, :added)",
        )?;
        for user in &self.claimants {
            insert.execute(named_params! {":user": user, ":card": self.row,
            ":answer": self.normalized, ":decision": decision, ":everyone": self.for_everyone,
            ":by": by.user, ":at": now_ms, ":added": added})?;
        }
        Ok(())
    }

    /// An accept for everyone: every other student marked wrong giving this answer, claimed or
    /// not, gets it ruled right too, unless they have a ruling of their own.
    fn regrade_everyone(
        &self,
        connection: &Connection,
        by: Decider,
        now_ms: i64,
        added: Option<&str>,
    ) -> Result<(), StoreError> {
        connection
            .prepare_cached(
                "INSERT INTO claim_rulings (user_id, card_id, normalized_answer, decision,
                     for_everyone, decided_by, decided_at, added_answer)
                 SELECT DISTINCT user_id, card_id, normalized_answer, 'accepted', 1, :by, :at,
                     :added
                 FROM reviews
                 WHERE card_id = :card AND normalized_answer = :answer AND verdict = 'wrong'
                 ON CONFLICT (user_id, card_id, normalized_answer) DO NOTHING",
            )?
            .execute(
                named_params! {":card": self.row, ":answer": self.normalized,
                ":by": by.user, ":at": now_ms, ":added": added},
            )?;
        Ok(())
    }

    fn audit(
        &self,
        connection: &Connection,
        by: Decider,
        verb: &str,
        change: &str,
    ) -> Result<(), StoreError> {
        let students = self.claimants.len();
        let whom = match self.for_everyone {
            true => "for everyone".to_string(),
            false => "for their class's students".to_string(),
        };
        let detail = format!(
            "{verb}ed “{}” on {}/{} {whom}: {students} student{} who claimed it; {change}",
            self.form(),
            self.set,
            self.card.id,
            if students == 1 { "" } else { "s" },
        );
        record_audit(connection, Some(by.user), &format!("claim.{verb}"), &detail)
    }

    fn decided(&self, added: Option<String>) -> Decided {
        Decided {
            set: self.set.clone(),
            card: self.card.id.clone(),
            added,
            students: u32::try_from(self.claimants.len()).unwrap_or(u32::MAX),
            for_everyone: self.for_everyone,
            server_loaded: self.server_loaded,
        }
    }
}

/// Every claim on the card and answer, oldest first, with its claimant's ruling and whether
/// `by` reaches it.
fn claim_rows(
    connection: &Connection,
    card: CardRow,
    normalized: &str,
    by: Decider,
) -> Result<Vec<ClaimRow>, StoreError> {
    let sql = format!(
        "SELECT r.user_id, coalesce(r.answer, ''), r.reviewed_at, ruling.decision, {}
         FROM reviews AS r JOIN sets ON sets.id = r.set_id
             LEFT JOIN claim_rulings AS ruling ON ruling.user_id = r.user_id
                 AND ruling.card_id = r.card_id AND ruling.normalized_answer = r.normalized_answer
         WHERE r.card_id = :card AND r.normalized_answer = :answer AND r.overridden = 1
         ORDER BY r.id",
        reach::may_decide("r.user_id", "sets.id", "sets.owner_id")
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let rows = statement.query_map(
        named_params! {":card": card, ":answer": normalized, ":me": by.user,
        ":admin": by.is_admin},
        |row| {
            Ok(ClaimRow {
                user: row.get(0)?,
                answer: row.get(1)?,
                at_ms: row.get(2)?,
                ruling: row.get(3)?,
                reachable: row.get(4)?,
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Each distinct text with how often it comes, most common first, then in order of first
/// appearance.
fn most_common_first<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<(String, u32)> {
    let mut counted: Vec<(String, u32)> = Vec::new();
    for text in texts {
        match counted.iter_mut().find(|(seen, _)| seen == text) {
            Some((_, count)) => *count += 1,
            None => counted.push((text.to_string(), 1)),
        }
    }
    // A stable sort keeps the order of first appearance among equals.
    counted.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    counted
}
