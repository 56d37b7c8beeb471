//! The item analysis page (each card of a set, hardest first) and the disputes page (students'
//! "I was right" claims waiting for a decision).

use serde::Serialize;

use super::LayoutView;

/// One card's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemRow {
    pub card_id: String,
    pub kind: String,
    pub prompt: String,
    pub students: u32,
    pub attempts: u32,
    /// Right at the first try, in percent: the bar; `None` before anyone tried.
    pub first_try_percent: Option<u8>,
    /// Misses among later scheduled reviews, in percent; `None` without later reviews.
    pub lapse_percent: Option<u8>,
    /// "2.36"; "—" when nobody studied the card.
    pub mean_ef: String,
    /// The most common wrong answers: (normalised answer, times given).
    pub wrong_answers: Vec<(String, u32)>,
}

/// A link that narrows the analysis to one class, or widens it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScopeLink {
    pub label: String,
    /// The class it narrows to (`?class=ID`); `None` for everyone the visitor may see.
    pub class_id: Option<i64>,
    pub current: bool,
}

/// The item analysis page (`set_analysis.html`).
#[derive(Debug, Clone, Serialize)]
pub struct AnalysisView {
    pub layout: LayoutView,
    pub set_id: String,
    pub set_title: String,
    /// Whose reviews are counted, in words: "every student", "the members of 7B".
    pub audience: String,
    pub scopes: Vec<ScopeLink>,
    pub cards: Vec<ItemRow>,
    /// The class the figures are narrowed to (`?class=ID`), kept by the export link.
    pub class_id: Option<i64>,
}

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

/// The disputes page (`disputes.html`); its forms post `csrf_token`, `card` and `answer` to
/// `/teach/disputes/accept` or `/teach/disputes/reject`.
#[derive(Debug, Clone, Serialize)]
pub struct DisputesView {
    pub layout: LayoutView,
    pub disputes: Vec<DisputeRow>,
    /// What the last decision did.
    pub notice: Option<String>,
    /// The admin decides on every set; an instructor on their own.
    pub is_admin: bool,
}
