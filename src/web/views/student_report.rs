//! The page an instructor sees about one student of a class: progress per set and per tag,
//! and the review history, newest first, a page at a time.

use serde::Serialize;

use super::dashboards::ClassLine;
use super::{LayoutView, TagRow};

/// One set of the class, for one student.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetProgressRow {
    pub set_id: String,
    pub title: String,
    pub cards: u32,
    pub studied: u32,
    /// `studied` as a share of `cards`, in percent: the bar.
    pub studied_percent: u8,
    pub due: u32,
    pub overdue: u32,
    pub mature: u32,
    pub retention_percent: Option<u8>,
}

/// One review in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryRow {
    /// "10 Mar 2026, 09:30 UTC".
    pub when: String,
    pub set_id: String,
    pub card_id: String,
    pub prompt: String,
    /// What the student gave; "—" for a recall card.
    pub answer: String,
    /// correct, almost, wrong or self-graded.
    pub verdict: String,
    pub quality: u8,
    /// An "I was right" claim, and the decision on it: "accepted", "rejected" or "pending".
    pub claim: Option<String>,
}

/// Where this page of the history is, and the pages around it (linked as `?page=N`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pager {
    /// 1-based.
    pub page: u32,
    pub pages: u32,
    pub newer: Option<u32>,
    pub older: Option<u32>,
}

impl Pager {
    /// Page `page` of `total` entries, `per_page` each.
    pub fn new(page: u32, per_page: u32, total: u32) -> Pager {
        let pages = total.div_ceil(per_page.max(1)).max(1);
        let page = page.clamp(1, pages);
        Pager {
            page,
            pages,
            newer: (page > 1).then(|| page - 1),
            older: (page < pages).then(|| page + 1),
        }
    }
}

/// The student page (`class_student.html`).
#[derive(Debug, Clone, Serialize)]
pub struct StudentReportView {
    pub layout: LayoutView,
    pub class: ClassLine,
    pub username: String,
    pub sets: Vec<SetProgressRow>,
    pub tags: Vec<TagRow>,
    pub history: Vec<HistoryRow>,
    /// Reviews in all.
    pub reviews: u32,
    pub pager: Pager,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pager_links_to_newer_and_older_pages_and_clamps_the_page() {
        let middle = Pager::new(2, 50, 120);
        assert_eq!(
            (middle.page, middle.pages, middle.newer, middle.older),
            (2, 3, Some(1), Some(3))
        );
        let past_the_end = Pager::new(9, 50, 120);
        assert_eq!((past_the_end.page, past_the_end.older), (3, None));
        let empty = Pager::new(0, 50, 0);
        assert_eq!((empty.page, empty.pages, empty.newer), (1, 1, None));
    }
}
