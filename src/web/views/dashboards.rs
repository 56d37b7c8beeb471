//! The class dashboard's view model and the rules behind it: which students are falling
//! behind ([`falling_behind`]), how the student table sorts ([`sort_students`]) and the
//! header links that sort it ([`sort_headers`]), so the template only lays figures out.

use std::cmp::Ordering;

use serde::Serialize;

use super::{LayoutView, percent};

/// A student with this many overdue cards is falling behind.
pub const OVERDUE_LIMIT: u32 = 10;
/// A student with cards due who has not studied for this many days is falling behind.
pub const INACTIVE_DAYS: u32 = 3;

/// Why a student is falling behind, in words; empty when they are not. The rule: at least
/// [`OVERDUE_LIMIT`] cards overdue, or cards due and no review for [`INACTIVE_DAYS`] days or
/// more (`days_inactive` is `None` for a student who never reviewed, who has nothing due).
pub fn falling_behind(overdue: u32, due: u32, days_inactive: Option<u32>) -> Vec<String> {
    let mut reasons = Vec::new();
    if overdue >= OVERDUE_LIMIT {
        reasons.push(format!("{overdue} cards overdue"));
    }
    match days_inactive {
        Some(days) if due > 0 && days >= INACTIVE_DAYS => {
            reasons.push(format!("no review for {days} days with {due} due"));
        }
        _ => {}
    }
    reasons
}

/// A column the student table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Studied,
    Due,
    Overdue,
    Retention,
    LastActive,
}

impl SortKey {
    /// Every column, in the table's order, with its `?sort=` word and heading.
    pub const ALL: [(SortKey, &'static str, &'static str); 6] = [
        (SortKey::Name, "name", "Student"),
        (SortKey::Studied, "studied", "Studied"),
        (SortKey::Due, "due", "Due now"),
        (SortKey::Overdue, "overdue", "Overdue"),
        (SortKey::Retention, "retention", "Retention, 30 days"),
        (SortKey::LastActive, "last_active", "Last active"),
    ];

    /// The column a `?sort=` word names; by name when missing or unknown.
    pub fn parse(word: Option<&str>) -> SortKey {
        SortKey::ALL
            .iter()
            .find(|(_, name, _)| Some(*name) == word)
            .map_or(SortKey::Name, |(key, _, _)| *key)
    }
}

/// `?dir=asc|desc`; ascending unless `desc`.
pub fn descending(word: Option<&str>) -> bool {
    word == Some("desc")
}

/// One row of the student table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudentRow {
    pub user_id: i64,
    pub username: String,
    pub studied: u32,
    pub due: u32,
    pub overdue: u32,
    /// `None` shows "—": no reviews in 30 days.
    pub retention_percent: Option<u8>,
    /// "today", "yesterday", "5 days ago" or "never".
    pub last_active: String,
    /// Unix milliseconds of the last review, for sorting; `None` if never.
    #[serde(skip)]
    pub last_active_ms: Option<i64>,
    /// Why the student is flagged as falling behind; empty when not.
    pub behind: Vec<String>,
}

/// Sorts the rows by `key`, either way; ties go by username (A to Z), so the order is stable.
/// Missing values (no retention, never active) sort as the lowest.
pub fn sort_students(rows: &mut [StudentRow], key: SortKey, descending: bool) {
    rows.sort_by(|a, b| {
        let by_key = match key {
            SortKey::Name => Ordering::Equal,
            SortKey::Studied => a.studied.cmp(&b.studied),
            SortKey::Due => a.due.cmp(&b.due),
            SortKey::Overdue => a.overdue.cmp(&b.overdue),
            SortKey::Retention => a.retention_percent.cmp(&b.retention_percent),
            SortKey::LastActive => a.last_active_ms.cmp(&b.last_active_ms),
        };
        let by_name = a.username.to_lowercase().cmp(&b.username.to_lowercase());
        match (key, descending) {
            (SortKey::Name, true) => by_name.reverse(),
            (_, true) => by_key.reverse().then(by_name),
            (_, false) => by_key.then(by_name),
        }
    });
}

/// A sortable column heading: its link (`?sort={sort}&dir={dir}`, on the same page) sorts by
/// the column, ascending first, and toggles when the table is already sorted by it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SortHeader {
    pub label: String,
    /// The column's `?sort=` word.
    pub sort: &'static str,
    /// `asc` or `desc`: the direction the link asks for.
    pub dir: &'static str,
    /// `ascending`, `descending` or `none`, for `aria-sort`.
    pub aria_sort: &'static str,
    /// Right-aligned number column.
    pub numeric: bool,
}

/// The headings of the student table sorted by `current`.
pub fn sort_headers(current: SortKey, descending: bool) -> Vec<SortHeader> {
    SortKey::ALL
        .iter()
        .map(|(key, word, label)| {
            let active = *key == current;
            let next = if active && !descending { "desc" } else { "asc" };
            SortHeader {
                label: (*label).to_string(),
                sort: word,
                dir: next,
                aria_sort: match (active, descending) {
                    (false, _) => "none",
                    (true, false) => "ascending",
                    (true, true) => "descending",
                },
                numeric: !matches!(key, SortKey::Name | SortKey::LastActive),
            }
        })
        .collect()
}

/// "today", "yesterday", "N days ago", or "never".
pub fn days_ago_label(days: Option<u32>) -> String {
    match days {
        None => "never".to_string(),
        Some(0) => "today".to_string(),
        Some(1) => "yesterday".to_string(),
        Some(days) => format!("{days} days ago"),
    }
}

/// How a class (or one student) knows the cards with one tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagRow {
    pub tag: String,
    pub cards: u32,
    /// Reviews in the last 30 days recalled, in percent: the bar; `None` without reviews.
    pub recalled_percent: Option<u8>,
    pub reviewed_30d: u32,
    /// Studied (student, card) pairs that are mature, in percent.
    pub mature_percent: u8,
    pub studied: u32,
    /// How many (student, card) pairs there are: cards times students.
    pub possible: u32,
}

impl TagRow {
    /// A tag's row from its counts, with `students` students in the audience.
    pub fn new(tag: &str, counts: [u32; 5], students: u32) -> TagRow {
        let [cards, studied, mature, reviewed, recalled] = counts;
        TagRow {
            tag: tag.to_string(),
            cards,
            recalled_percent: (reviewed > 0).then(|| percent(recalled, reviewed)),
            reviewed_30d: reviewed,
            mature_percent: percent(mature, studied),
            studied,
            possible: cards.saturating_mul(students),
        }
    }
}

/// The class's name and where its pages are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassLine {
    pub id: i64,
    pub name: String,
    pub archived: bool,
}

/// The class dashboard (`class_dashboard.html`).
#[derive(Debug, Clone, Serialize)]
pub struct ClassDashboardView {
    pub layout: LayoutView,
    pub class: ClassLine,
    /// The titles of the sets assigned to the class.
    pub sets: Vec<(String, String)>,
    pub headers: Vec<SortHeader>,
    pub students: Vec<StudentRow>,
    /// How many students are flagged.
    pub behind: usize,
    /// The flag's rule, in words.
    pub rule: String,
    pub tags: Vec<TagRow>,
}

#[cfg(test)]
mod tests;
