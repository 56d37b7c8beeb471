//! Where a student's claim on a card and answer stands, for recording their next answer.

use rusqlite::{Connection, OptionalExtension};

use super::super::{CardRow, StoreError, UserId};

/// The fate of a student's "I was right" claim on one card and normalised answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimStanding {
    /// Claimed, not decided yet.
    Pending,
    Accepted,
    Rejected,
}

/// Where `user`'s claim that `normalized` is right on `card` stands; `None` if they never
/// claimed it. One lookup in the student's reviews of the card, one in the decisions.
pub(in crate::store) fn claim_standing(
    connection: &Connection,
    user: UserId,
    card: CardRow,
    normalized: &str,
) -> Result<Option<ClaimStanding>, StoreError> {
    let found: Option<Option<String>> = connection
        .prepare_cached(
            "SELECT (SELECT d.decision FROM claim_decisions AS d
                     WHERE d.card_id = r.card_id AND d.normalized_answer = r.normalized_answer)
             FROM reviews AS r
             WHERE r.user_id = ?1 AND r.card_id = ?2 AND r.overridden = 1
               AND r.normalized_answer = ?3
             LIMIT 1",
        )?
        .query_row((user, card, normalized), |row| row.get(0))
        .optional()?;
    Ok(found.map(|decision| match decision.as_deref() {
        Some("accepted") => ClaimStanding::Accepted,
        Some(_) => ClaimStanding::Rejected,
        None => ClaimStanding::Pending,
    }))
}
