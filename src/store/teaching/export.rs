//! The review log as instructors read it (a student's history, the raw log of a class or a set)
//! and the two CSV exports: class progress, one row per student and set, and the review log.
//!
//! The CSV is written with the `csv` crate, so answers holding commas, quotes or line breaks
//! stay one field. Instants are RFC 3339 in UTC; study days `YYYY-MM-DD`; E-Factors `2.50`.

use std::io;

use jiff::Timestamp;
use rusqlite::named_params;
use serde::Serialize;

use crate::questions::{CardId, SetId};
use crate::scheduler::Easiness;
use crate::spreadsheet::text_cell;

use super::analysis::{Audience, in_audience};
use super::dashboards::{ClassFigures, class_scope};
use super::recalled::{CLAIM_DECISION, RULING_JOIN};
use crate::store::{ClassId, Store, StoreError, UserId};

/// Whose reviews of what a log holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogScope {
    /// The members of a class (or one of them) on the class's sets.
    Class {
        class: ClassId,
        only: Option<UserId>,
    },
    /// A set's reviews by an audience.
    Set { set: SetId, audience: Audience },
}

/// One review, with the decision on its claim if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogEntry {
    /// Unix milliseconds.
    pub reviewed_at_ms: i64,
    pub study_day: String,
    pub username: String,
    pub set: SetId,
    pub card: CardId,
    pub kind: String,
    pub prompt: String,
    /// What the student gave; `None` for a recall card.
    pub answer: Option<String>,
    pub verdict: String,
    pub normalized_answer: String,
    pub quality: u8,
    /// The first review of the card that study day, which moved the schedule.
    pub scheduled: bool,
    pub repetitions_before: Option<u32>,
    pub easiness_before: Option<u16>,
    pub interval_before: Option<u32>,
    pub repetitions_after: u32,
    pub easiness_after: u16,
    pub interval_after: u32,
    pub due_day_after: String,
    pub duration_ms: Option<i64>,
    /// An "I was right" claim.
    pub overridden: bool,
    /// `accepted` or `rejected` when a ruling on a claim applies to this review (a wrong
    /// answer: see `store::recalled`), `pending` for a claim not decided yet.
    pub claim_decision: Option<String>,
}

/// Which entries of a log, newest first: `limit` of them after skipping `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogPage {
    pub limit: u32,
    pub offset: u32,
}

impl Store {
    /// The reviews in `scope`, oldest first, or one page of them newest first.
    pub fn review_log(
        &self,
        scope: &LogScope,
        page: Option<LogPage>,
    ) -> Result<Vec<LogEntry>, StoreError> {
        let (filter, order) = (filter(scope), if page.is_some() { "DESC" } else { "ASC" });
        let sql = format!(
            "SELECT r.reviewed_at, r.study_day, users.username, sets.slug, c.slug, c.kind, c.prompt,
                 r.answer, r.verdict, r.normalized_answer, r.quality, r.scheduled,
                 r.repetitions_before, r.easiness_before, r.interval_before, r.repetitions_after,
                 r.easiness_after, r.interval_after, r.due_day_after, r.duration_ms, r.overridden,
                 {CLAIM_DECISION}
             FROM reviews AS r JOIN users ON users.id = r.user_id JOIN sets ON sets.id = r.set_id
                 JOIN cards AS c ON c.id = r.card_id {RULING_JOIN}
             WHERE {filter} ORDER BY r.reviewed_at {order}, r.id {order}
             LIMIT :limit OFFSET :offset"
        );
        let page = page.unwrap_or(LogPage {
            limit: u32::MAX,
            offset: 0,
        });
        self.read(|connection| {
            let mut statement = connection.prepare_cached(&sql)?;
            let (class, only, set, classes) = bindings(scope);
            let params = named_params! {":class": class, ":only": only, ":set": set,
            ":classes": classes, ":limit": page.limit, ":offset": page.offset};
            let rows = statement.query_map(params, |row| {
                Ok(LogEntry {
                    reviewed_at_ms: row.get(0)?,
                    study_day: row.get(1)?,
                    username: row.get(2)?,
                    set: row.get(3)?,
                    card: row.get(4)?,
                    kind: row.get(5)?,
                    prompt: row.get(6)?,
                    answer: row.get(7)?,
                    verdict: row.get(8)?,
                    normalized_answer: row.get(9)?,
                    quality: row.get(10)?,
                    scheduled: row.get(11)?,
                    repetitions_before: row.get(12)?,
                    easiness_before: row.get(13)?,
                    interval_before: row.get(14)?,
                    repetitions_after: row.get(15)?,
                    easiness_after: row.get(16)?,
                    interval_after: row.get(17)?,
                    due_day_after: row.get(18)?,
                    duration_ms: row.get(19)?,
                    overridden: row.get(20)?,
                    claim_decision: row.get(21)?,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// How many reviews `scope` holds.
    pub fn review_count(&self, scope: &LogScope) -> Result<u32, StoreError> {
        let sql = format!("SELECT count(*) FROM reviews AS r WHERE {}", filter(scope));
        self.read(|connection| {
            let (class, only, set, classes) = bindings(scope);
            Ok(connection.prepare_cached(&sql)?.query_row(
                named_params! {":class": class, ":only": only, ":set": set, ":classes": classes},
                |row| row.get(0),
            )?)
        })
    }
}

/// The WHERE clause of a scope over the reviews `r`; every scope binds the same four names.
fn filter(scope: &LogScope) -> String {
    match scope {
        LogScope::Class { .. } => {
            format!("{} AND :set IS NULL AND :classes IS NULL", class_scope("r"))
        }
        LogScope::Set { .. } => format!(
            "r.set_id = (SELECT id FROM sets WHERE slug = :set) AND {} AND :class IS NULL AND :only IS NULL",
            in_audience("r")
        ),
    }
}

type Bindings = (
    Option<ClassId>,
    Option<UserId>,
    Option<SetId>,
    Option<String>,
);

fn bindings(scope: &LogScope) -> Bindings {
    match scope {
        LogScope::Class { class, only } => (Some(*class), *only, None, None),
        LogScope::Set { set, audience } => (None, None, Some(set.clone()), audience.bound()),
    }
}

/// The progress export's header.
pub const PROGRESS_COLUMNS: [&str; 7] = [
    "username",
    "set",
    "studied",
    "due",
    "overdue",
    "retention_30d",
    "last_active",
];

/// The review log export's header.
pub const REVIEW_COLUMNS: [&str; 21] = [
    "reviewed_at",
    "study_day",
    "username",
    "set",
    "card",
    "kind",
    "answer",
    "verdict",
    "normalized_answer",
    "quality",
    "scheduled",
    "repetitions_before",
    "ef_before",
    "interval_before",
    "repetitions_after",
    "ef_after",
    "interval_after",
    "due_day_after",
    "duration_ms",
    "overridden",
    "claim_decision",
];

/// Writes a class's progress: one row per student and set, by username then set title.
pub fn write_progress_csv(figures: &ClassFigures, out: impl io::Write) -> csv::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(PROGRESS_COLUMNS)?;
    for student in &figures.students {
        for (set, numbers) in figures.sets.iter().zip(&student.per_set) {
            csv.write_record([
                text_cell(&student.username).into_owned(),
                text_cell(set.id.as_str()).into_owned(),
                numbers.studied.to_string(),
                numbers.due.to_string(),
                numbers.overdue.to_string(),
                numbers
                    .retention_30d()
                    .map_or(String::new(), |share| format!("{share:.3}")),
                numbers.last_active_ms.map_or(String::new(), instant),
            ])?;
        }
    }
    csv.flush()?;
    Ok(())
}

/// Writes review log entries, one row each.
pub fn write_review_csv(entries: &[LogEntry], out: impl io::Write) -> csv::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(REVIEW_COLUMNS)?;
    let number = |value: Option<u32>| value.map_or(String::new(), |n| n.to_string());
    let ef = |value: Option<u16>| {
        value.map_or(String::new(), |h| Easiness::from_hundredths(h).to_string())
    };
    for entry in entries {
        csv.write_record([
            instant(entry.reviewed_at_ms),
            entry.study_day.clone(),
            text_cell(&entry.username).into_owned(),
            text_cell(entry.set.as_str()).into_owned(),
            text_cell(entry.card.as_str()).into_owned(),
            entry.kind.clone(),
            text_cell(entry.answer.as_deref().unwrap_or_default()).into_owned(),
            entry.verdict.clone(),
            text_cell(&entry.normalized_answer).into_owned(),
            entry.quality.to_string(),
            u8::from(entry.scheduled).to_string(),
            number(entry.repetitions_before),
            ef(entry.easiness_before),
            number(entry.interval_before),
            entry.repetitions_after.to_string(),
            ef(Some(entry.easiness_after)),
            entry.interval_after.to_string(),
            entry.due_day_after.clone(),
            entry.duration_ms.map_or(String::new(), |ms| ms.to_string()),
            u8::from(entry.overridden).to_string(),
            entry.claim_decision.clone().unwrap_or_default(),
        ])?;
    }
    csv.flush()?;
    Ok(())
}

/// Unix milliseconds as RFC 3339 in UTC, e.g. `2026-03-10T09:30:00.250Z`.
pub fn instant(ms: i64) -> String {
    Timestamp::from_millisecond(ms).map_or_else(|_| ms.to_string(), |at| at.to_string())
}
