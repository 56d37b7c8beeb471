//! The item analysis page: each card of a set, hardest first.

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

/// A card nobody has tried yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UntriedCard {
    pub card_id: String,
    pub prompt: String,
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
    /// The cards someone tried, hardest first.
    pub cards: Vec<ItemRow>,
    /// The cards nobody tried yet, in the file's order: only counted and listed folded, so
    /// that a long set does not bury the cards with figures under empty rows.
    pub untried: Vec<UntriedCard>,
    /// The class the figures are narrowed to (`?class=ID`), kept by the export link.
    pub class_id: Option<i64>,
}
