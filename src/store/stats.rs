//! A student's progress figures: today's work, the streak, how their cards are spread over the
//! learning stages, how well they remember, per tag, and what falls due in the coming weeks.
//!
//! "Right" is the one definition every figure shares ([`super::recalled`]): a claim counts as
//! its ruling says, here as on the instructors' dashboards.

use std::collections::HashMap;

use jiff::ToSpan;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::scheduler::StudyDay;

use super::columns::serialize_day;
use super::recalled::{RECALLED, RULING_JOIN};
use super::{Store, StoreError, UserId};

/// A card whose interval reaches this many days is young (no longer learning).
const YOUNG_FROM_DAYS: u32 = 7;
/// A card whose interval reaches this many days is mature.
const MATURE_FROM_DAYS: u32 = 21;
/// Retention is measured over this many study days, today included.
const RETENTION_DAYS: u32 = 30;
/// The forecast covers this many days, today included.
const FORECAST_DAYS: u32 = 30;

/// Everything the progress page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressReport {
    /// Reviews given today, same-day repeats included.
    pub reviews_today: u32,
    /// Consecutive study days with at least one review, ending today (or yesterday, so a streak
    /// is not broken before today's reviews are done).
    pub streak_days: u32,
    pub stages: Stages,
    /// The share of first-of-the-day reviews recalled over the last 30 study days;
    /// `None` without such reviews. Same-day repeats are left out: they follow a miss by
    /// minutes and would measure short-term memory, not retention.
    pub retention_30d: Option<f64>,
    /// Per tag, by tag.
    pub tags: Vec<TagMastery>,
    /// Cards due on each of the next 30 days from today; today's count includes overdue cards.
    pub forecast: Vec<DayForecast>,
}

/// How the cards of all sets (retired ones left out) are spread over the learning stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stages {
    /// Never reviewed.
    pub new: u32,
    /// Interval under 7 days (this includes lapsed cards).
    pub learning: u32,
    /// Interval of 7 to 20 days.
    pub young: u32,
    /// Interval of 21 days or more.
    pub mature: u32,
}

/// How well a student knows the cards with one tag.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TagMastery {
    pub tag: String,
    /// Cards with the tag.
    pub cards: u32,
    /// Of those, cards reviewed at least once.
    pub studied: u32,
    /// Of those, mature cards.
    pub mature: u32,
    /// As [`ProgressReport::retention_30d`], for the cards with this tag.
    pub retention_30d: Option<f64>,
}

/// The cards due on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayForecast {
    #[serde(serialize_with = "serialize_day")]
    pub day: StudyDay,
    pub due: u32,
}

impl Store {
    /// The progress figures of `user` as of `today`.
    pub fn progress(&self, user: UserId, today: StudyDay) -> Result<ProgressReport, StoreError> {
        let window = (user, days_before(today, RETENTION_DAYS - 1), today);
        self.read(|connection| {
            let reviews_today = connection
                .prepare_cached(
                    "SELECT count(*) FROM reviews WHERE user_id = ?1 AND study_day = ?2",
                )?
                .query_row((user, today), |row| row.get(0))?;
            let (reviewed, passed) = connection
                .prepare_cached(&format!(
                    "SELECT count(*), count(*) FILTER (WHERE {RECALLED}) FROM reviews AS r
                         {RULING_JOIN}
                     WHERE r.user_id = ?1 AND r.scheduled = 1 AND r.study_day BETWEEN ?2 AND ?3"
                ))?
                .query_row(window, |row| Ok((row.get(0)?, row.get(1)?)))?;
            Ok(ProgressReport {
                reviews_today,
                streak_days: streak(connection, user, today)?,
                stages: stages(connection, user)?,
                retention_30d: share(passed, reviewed),
                tags: tags(connection, window)?,
                forecast: forecast(connection, user, today)?,
            })
        })
    }
}

/// One study day's reviews and when cards come back, for the "done for today" page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DaySummary {
    /// Reviews given that day, same-day repeats included.
    pub reviews: u32,
    /// Of those, the ones recalled.
    pub right: u32,
    /// The first later day of the progress page's forecast with cards due, and how many.
    pub next_due: Option<DayForecast>,
}

impl Store {
    /// How `user` did on `day`, across all sets, and the next day they have cards due: what
    /// the done page shows, without the rest of [`Store::progress`].
    pub fn day_summary(&self, user: UserId, day: StudyDay) -> Result<DaySummary, StoreError> {
        let last = day.plus_days(FORECAST_DAYS - 1);
        self.read(|connection| {
            let (reviews, right) = connection
                .prepare_cached(&format!(
                    "SELECT count(*), count(*) FILTER (WHERE {RECALLED}) FROM reviews AS r
                         {RULING_JOIN}
                     WHERE r.user_id = ?1 AND r.study_day = ?2"
                ))?
                .query_row((user, day), |row| Ok((row.get(0)?, row.get(1)?)))?;
            let next_due = connection
                .prepare_cached(
                    "SELECT s.due_day, count(*)
                     FROM card_states AS s JOIN cards AS c ON c.id = s.card_id
                     WHERE s.user_id = ?1 AND c.retired = 0 AND s.due_day > ?2 AND s.due_day <= ?3
                     GROUP BY s.due_day ORDER BY s.due_day LIMIT 1",
                )?
                .query_row((user, day, last), |row| {
                    Ok(DayForecast {
                        day: row.get(0)?,
                        due: row.get(1)?,
                    })
                })
                .optional()?;
            Ok(DaySummary {
                reviews,
                right,
                next_due,
            })
        })
    }
}

fn streak(connection: &Connection, user: UserId, today: StudyDay) -> Result<u32, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT DISTINCT study_day FROM reviews WHERE user_id = ?1 AND study_day <= ?2
         ORDER BY study_day DESC",
    )?;
    let mut days = statement.query_map((user, today), |row| row.get::<_, StudyDay>(0))?;
    let mut streak = 0;
    let mut expected: Option<StudyDay> = None;
    while let Some(day) = days.next().transpose()? {
        let continues = match expected {
            None => day.days_until(today) <= 1,
            Some(expected) => day == expected,
        };
        if !continues {
            break;
        }
        streak += 1;
        expected = Some(days_before(day, 1));
    }
    Ok(streak)
}

fn stages(connection: &Connection, user: UserId) -> Result<Stages, StoreError> {
    Ok(connection
        .prepare_cached(
            "SELECT count(*) FILTER (WHERE s.card_id IS NULL),
                 count(*) FILTER (WHERE s.interval_days < ?2),
                 count(*) FILTER (WHERE s.interval_days >= ?2 AND s.interval_days < ?3),
                 count(*) FILTER (WHERE s.interval_days >= ?3)
             FROM cards AS c LEFT JOIN card_states AS s ON s.card_id = c.id AND s.user_id = ?1
             WHERE c.retired = 0",
        )?
        .query_row((user, YOUNG_FROM_DAYS, MATURE_FROM_DAYS), |row| {
            Ok(Stages {
                new: row.get(0)?,
                learning: row.get(1)?,
                young: row.get(2)?,
                mature: row.get(3)?,
            })
        })?)
}

fn tags(
    connection: &Connection,
    window: (UserId, StudyDay, StudyDay),
) -> Result<Vec<TagMastery>, StoreError> {
    let mut retention = connection.prepare_cached(&format!(
        "SELECT t.tag, count(*), count(*) FILTER (WHERE {RECALLED})
         FROM reviews AS r
             JOIN card_tags AS t ON t.card_id = r.card_id
             JOIN cards AS c ON c.id = r.card_id AND c.retired = 0
             {RULING_JOIN}
         WHERE r.user_id = ?1 AND r.scheduled = 1 AND r.study_day BETWEEN ?2 AND ?3
         GROUP BY t.tag"
    ))?;
    let retention: HashMap<String, Option<f64>> = retention
        .query_map(window, |row| {
            Ok((row.get(0)?, share(row.get(2)?, row.get(1)?)))
        })?
        .collect::<Result<_, _>>()?;

    let mut cards = connection.prepare_cached(
        "SELECT t.tag, count(*), count(s.card_id), count(*) FILTER (WHERE s.interval_days >= ?2)
         FROM card_tags AS t
             JOIN cards AS c ON c.id = t.card_id AND c.retired = 0
             LEFT JOIN card_states AS s ON s.card_id = c.id AND s.user_id = ?1
         GROUP BY t.tag
         ORDER BY t.tag",
    )?;
    let rows = cards.query_map((window.0, MATURE_FROM_DAYS), |row| {
        let tag: String = row.get(0)?;
        Ok(TagMastery {
            retention_30d: retention.get(&tag).copied().flatten(),
            tag,
            cards: row.get(1)?,
            studied: row.get(2)?,
            mature: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn forecast(
    connection: &Connection,
    user: UserId,
    today: StudyDay,
) -> Result<Vec<DayForecast>, StoreError> {
    let last = today.plus_days(FORECAST_DAYS - 1);
    // Overdue cards count on today: max() of two 'YYYY-MM-DD' texts is the later day.
    let due: HashMap<StudyDay, u32> = connection
        .prepare_cached(
            "SELECT max(s.due_day, ?2) AS day, count(*)
             FROM card_states AS s JOIN cards AS c ON c.id = s.card_id
             WHERE s.user_id = ?1 AND c.retired = 0 AND s.due_day <= ?3
             GROUP BY day",
        )?
        .query_map((user, today, last), |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok((0..FORECAST_DAYS)
        .map(|offset| {
            let day = today.plus_days(offset);
            DayForecast {
                day,
                due: due.get(&day).copied().unwrap_or(0),
            }
        })
        .collect())
}

/// `part / whole`, or `None` when `whole` is 0.
fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

/// The study day `days` before `day` (the scheduler only counts forward).
fn days_before(day: StudyDay, days: u32) -> StudyDay {
    let date = day
        .date()
        .checked_sub(i64::from(days).days())
        .unwrap_or(Date::MIN);
    StudyDay::from_date(date)
}
