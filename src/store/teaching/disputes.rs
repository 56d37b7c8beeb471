//! Disputed answers: students' "I was right" claims (reviews with `overridden = 1`), the
//! rulings on them, and undoing a ruling.
//!
//! **Who decides.** The set's owner and the admin decide for everyone. The instructor of a
//! live (not archived) class decides for the class's members on the sets assigned to it, the
//! server's sets included ([`reach`]). A claim is pending while its student has no ruling on
//! that card and normalised answer; a decision covers the pending claims within the decider's
//! reach and writes one ruling per student (`claim_rulings`, migration 0007). A student's
//! claim decided by one of their instructors is not decided again by another: undo it first.
//!
//! - **Accept** (text cards only, never a blank answer). For everyone, it also adds the answer
//!   (in the form most claimants wrote it) to the card's `accept` list: the set's file is
//!   written anew and the card updated in the same write, its id and so everyone's progress
//!   unchanged; and it rules the answer right for every student who was marked wrong giving it,
//!   claimed or not, since the card now takes it. A class instructor's accept is a ruling for
//!   their claimants only: the card is the owner's.
//! - **Reject** rules each claim wrong and turns the claimant's card back into a lapse: SM-2's
//!   miss (quality 1) applied to their current state, due today.
//! - **Undo** deletes the rulings of a card and answer that the undoer may decide (the owner
//!   and the admin: all of them; a class instructor: their students' rulings, not those taken
//!   for everyone), and the claims are pending again. Undoing an accept for everyone takes the
//!   form it added off the card's `accept` list again (if the card still lists it). Undoing a
//!   rejection leaves the card as it is now: the lapse was applied, and maybe studied since, so
//!   the card stays due; only the claim is pending again, and counts as graded meanwhile.
//!
//! Every decision and undo is written to the audit log, in words. How rulings count in the
//! figures is [`super::recalled`]; what a student is told, [`notices`]; what the answer path
//! asks on each wrong answer, [`claim_standing`].

use rusqlite::Connection;
use serde::Serialize;

use crate::questions::{Card, CardId, SetId};
use crate::scheduler::StudyDay;

use crate::store::{CardRow, Pending, Store, StoreError, UserId};

mod accept_list;
mod decide;
mod lapse;
mod listing;
mod notices;
mod reach;
mod standing;
mod undo;

pub use listing::{DecidedDispute, Dispute};
pub use notices::{ClaimNotice, NOTICE_DAYS};
pub(in crate::store) use standing::claim_standing;
pub use standing::{ClaimStanding, Ruling};

use decide::Claimed;

/// Who decides: the set's owner and the admin for everyone, a class's instructor for its
/// members ([`reach`]).
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
    /// Accepted for everyone: the answer added to the card (`None` if the card already
    /// accepted it, or the accept was a class instructor's).
    pub added: Option<String>,
    /// Students whose claims were decided.
    pub students: u32,
    /// Taken by the set's owner or the admin, for everyone.
    pub for_everyone: bool,
    /// The set was loaded by the server (no owner): its file in the questions folder is
    /// loaded again at the next start-up.
    pub server_loaded: bool,
}

/// A decision undone, to tell the instructor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Undone {
    pub set: SetId,
    pub card: CardId,
    /// Students whose claims are pending again.
    pub reopened: u32,
    /// The form taken off the card's accepted answers, if an accept for everyone added one.
    pub removed: Option<String>,
    pub server_loaded: bool,
}

/// Why a decision (or an undo) was not taken; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error(
        "these claims are not yours to decide: the set's owner and the admin decide for \
         everyone, a class's instructor for the class's students"
    )]
    NotYours,
    #[error("this answer was already {0}: undo that decision first to decide again")]
    AlreadyDecided(String),
    #[error("nobody claimed this answer on this card")]
    NoClaims,
    #[error("nothing you may undo was decided on this answer")]
    NothingToUndo,
    #[error("a blank answer cannot be accepted: reject the claim")]
    Blank,
    #[error(
        "only text cards have a list of accepted answers; this is a {0} card, whose answer is \
         fixed by its file: change the file to widen it, or reject the claim"
    )]
    NotText(&'static str),
}

impl Store {
    /// The pending claims `by` may decide, the most claimed first.
    pub fn open_disputes(&self, by: Decider) -> Result<Vec<Dispute>, StoreError> {
        self.read(|connection| listing::open_disputes(connection, by))
    }

    /// The decided claims `by` may undo, by card and answer, the latest decided first.
    pub fn decided_disputes(&self, by: Decider) -> Result<Vec<DecidedDispute>, StoreError> {
        self.read(|connection| listing::decided_disputes(connection, by))
    }

    /// The pending claims of the answer `normalized` on `card` that `by` may decide, as one
    /// dispute: what a decision would cover (the rejection's confirmation shows it).
    pub fn dispute(
        &self,
        card: CardRow,
        normalized: &str,
        by: Decider,
    ) -> Result<Result<Dispute, Refusal>, StoreError> {
        self.read(|connection| {
            Ok(Claimed::load(connection, card, normalized, by)?.map(|claim| claim.dispute()))
        })
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
            decided(connection, card, &normalized, by, |claim| {
                claim.accept(connection, by, now_ms)
            })
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
            decided(connection, card, &normalized, by, |claim| {
                claim.reject(connection, by, today, now_ms).map(Ok)
            })
        })
    }

    /// Undoes the rulings on the answer `normalized` on `card` that `by` may undo: see the
    /// module's documentation.
    pub fn undo_claim_decision(
        &self,
        card: CardRow,
        normalized: String,
        by: Decider,
    ) -> Pending<Result<Undone, Refusal>> {
        self.write(move |connection| undo::undo(connection, card, &normalized, by))
    }
}

/// Loads the claims `by` may decide, then takes the decision on them.
fn decided(
    connection: &Connection,
    card: CardRow,
    normalized: &str,
    by: Decider,
    decide: impl FnOnce(&Claimed) -> Result<Result<Decided, Refusal>, StoreError>,
) -> Result<Result<Decided, Refusal>, StoreError> {
    match Claimed::load(connection, card, normalized, by)? {
        Ok(claim) => decide(&claim),
        Err(refusal) => Ok(Err(refusal)),
    }
}

pub(in crate::store) fn parse_card(row: CardRow, body: &str) -> Result<Card, StoreError> {
    serde_json::from_str(body)
        .map_err(|error| StoreError::Corrupt(format!("card {row} does not parse: {error}")))
}

#[cfg(test)]
mod tests;
