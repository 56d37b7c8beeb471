//! The disputes page (students' "I was right" claims waiting for a decision, and the decisions
//! that can be undone), the confirmation of a rejection, and the notice that tells a student
//! what became of their claim.

use serde::Serialize;

use super::LayoutView;

/// One card and answer claimed right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisputeRow {
    /// The card's row id, posted back as `card`.
    pub card_row: i64,
    pub set_id: String,
    pub set_title: String,
    pub card_id: String,
    pub prompt: String,
    pub expected: String,
    /// The normalised answer, posted back as `answer`.
    pub normalized: String,
    /// The answers as written, with counts, most common first.
    pub given: Vec<(String, u32)>,
    pub students: u32,
    pub last_claim: String,
    /// Only text cards can accept another answer; other kinds offer Reject only.
    pub can_accept: bool,
}

/// One card and answer decided, with an Undo form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecidedRow {
    /// The card's row id, posted back as `card`.
    pub card_row: i64,
    pub set_title: String,
    pub card_id: String,
    pub prompt: String,
    /// The normalised answer, posted back as `answer`.
    pub normalized: String,
    /// The answer as the students wrote it.
    pub shown: String,
    /// What was decided, in words: "accepted for 3 students (for everyone)".
    pub summary: String,
    pub last_decided: String,
}

/// The disputes page (`disputes.html`): its forms post `csrf_token`, `card` and `answer` to
/// `/teach/disputes/accept` and `/teach/disputes/undo`; Reject leads to the confirmation
/// (`GET /teach/disputes/reject`), whose form posts them to `/teach/disputes/reject`.
#[derive(Debug, Clone, Serialize)]
pub struct DisputesView {
    pub layout: LayoutView,
    pub disputes: Vec<DisputeRow>,
    pub decided: Vec<DecidedRow>,
    /// What the last decision did.
    pub notice: Option<String>,
    /// The admin decides on every set; an instructor on their own sets and for their classes.
    pub is_admin: bool,
}

/// The confirmation of a rejection (`dispute_reject.html`).
#[derive(Debug, Clone, Serialize)]
pub struct RejectView {
    pub layout: LayoutView,
    pub dispute: DisputeRow,
    /// Whose claims the rejection decides, in words: "for everyone", "for your students".
    pub whom: String,
}

/// A ruling on one of the student's claims, as `claim_notice.html` tells it (read as
/// `claim_notice`): on the home page, and on the verdict of the card's next answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimNoticeView {
    pub accepted: bool,
    /// The answer as the student wrote it.
    pub answer: String,
    pub prompt: String,
    pub set_title: String,
    /// A rejected claim's card is due today (or overdue).
    pub due_today: bool,
}
