//! Where one student's claim on one answer stands, for the answer path: it asks on each wrong
//! answer, inside the answer's write, whether that student already claimed that answer.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::store::{CardRow, StoreError, UserId};

/// A decision on a student's claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Ruling {
    Accepted,
    Rejected,
}

impl Ruling {
    /// The ruling as stored: `accepted` or `rejected`.
    pub fn as_str(self) -> &'static str {
        match self {
            Ruling::Accepted => "accepted",
            Ruling::Rejected => "rejected",
        }
    }

    fn parse(text: &str) -> Result<Ruling, StoreError> {
        match text {
            "accepted" => Ok(Ruling::Accepted),
            "rejected" => Ok(Ruling::Rejected),
            other => Err(StoreError::Corrupt(format!(
                "unknown claim ruling {other:?}"
            ))),
        }
    }
}

/// The student's ruling on a card and answer: a search of its primary key.
pub(super) const RULING: &str = "SELECT decision FROM claim_rulings
    WHERE user_id = ?1 AND card_id = ?2 AND normalized_answer = ?3";

/// Whether the student claimed the answer on the card: a search of `reviews_claims`.
pub(super) const CLAIMED: &str = "SELECT 1 FROM reviews
    WHERE card_id = ?1 AND normalized_answer = ?2 AND user_id = ?3 AND overridden = 1 LIMIT 1";

/// Where a student's answer to a card stands with respect to "I was right" claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimStanding {
    /// The student claimed this answer and nobody decided yet: grade it right (pending).
    Pending,
    /// Ruled right for this student (by their class's instructor, the set's owner or the
    /// admin; or by an accept for everyone, claimed or not).
    Accepted,
    /// Ruled wrong for this student: their claim was rejected.
    Rejected,
}

/// Where `user`'s answer `normalized` to `card` stands: the ruling that applies to this
/// student, whoever took it; `Pending` if they claimed it and it is not decided; `None` if they
/// never claimed it and no ruling covers it, and always for a blank answer (never a claim).
///
/// Runs inside the answer's write transaction, on every wrong answer: at most two index
/// lookups, the ruling's primary key then, without a ruling, the claims index
/// (`reviews_claims`, migration 0007). It reads the reviews as they are now, so a claim added
/// to an existing review by an UPDATE counts, and a review recorded earlier in the same
/// transaction too.
#[cfg_attr(not(test), allow(dead_code))]
pub(in crate::store) fn claim_standing(
    connection: &Connection,
    user: UserId,
    card: CardRow,
    normalized: &str,
) -> Result<Option<ClaimStanding>, StoreError> {
    if normalized.trim().is_empty() {
        return Ok(None);
    }
    let ruling: Option<String> = connection
        .prepare_cached(RULING)?
        .query_row((user, card, normalized), |row| row.get(0))
        .optional()?;
    if let Some(ruling) = ruling {
        return Ok(Some(match Ruling::parse(&ruling)? {
            Ruling::Accepted => ClaimStanding::Accepted,
            Ruling::Rejected => ClaimStanding::Rejected,
        }));
    }
    let claimed = connection
        .prepare_cached(CLAIMED)?
        .query_row((card, normalized, user), |_| Ok(()))
        .optional()?;
    Ok(claimed.map(|()| ClaimStanding::Pending))
}
