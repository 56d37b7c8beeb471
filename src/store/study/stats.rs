//! A student's progress figures: today's work, the streak, how their cards are spread over the
//! learning stages, how well they remember, per tag, and what falls due in the coming weeks;
//! over all their sets or in one set ([`queries`] holds the statements, in both scopes).

use jiff::ToSpan;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::questions::SetId;
use crate::scheduler::StudyDay;

use crate::store::classes::visibility::visible;
use crate::store::columns::serialize_day;
use crate::store::{Store, StoreError, UserId};

mod queries;

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

/// How the cards of all the sets the student may study, or of one set (retired ones left out), are spread over the
/// learning stages.
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

/// One set's progress figures, with the set's title for the page that shows them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetProgress {
    pub title: String,
    pub report: ProgressReport,
}

impl Store {
    /// The progress figures of `user` as of `today`, over every set `user` may study now: a
    /// restricted set of a class they are not in (or no longer in) counts nowhere, not its
    /// cards, its tags nor their own past reviews of it.
    pub fn progress(&self, user: UserId, today: StudyDay) -> Result<ProgressReport, StoreError> {
        self.read(|connection| report(connection, user, today, None))
    }

    /// The progress figures of `user` in the one set `set` as of `today`: the same figures as
    /// [`Store::progress`], counting only that set's cards and reviews. `None` if there is no
    /// such set or `user` may not see it.
    pub fn set_progress(
        &self,
        user: UserId,
        set: &SetId,
        today: StudyDay,
    ) -> Result<Option<SetProgress>, StoreError> {
        self.read(|connection| {
            let Some((row, title)) = visible_set(connection, user, set)? else {
                return Ok(None);
            };
            Ok(Some(SetProgress {
                title,
                report: report(connection, user, today, Some(row))?,
            }))
        })
    }
}

/// The figures of [`ProgressReport`] over every set `user` may study (`set` is `None`) or over
/// one set's row.
fn report(
    connection: &Connection,
    user: UserId,
    today: StudyDay,
    set: Option<i64>,
) -> Result<ProgressReport, StoreError> {
    let from = days_before(today, RETENTION_DAYS - 1);
    let reviews_today = connection
        .prepare_cached(queries::REVIEWS_ON_DAY.of(set))?
        .query_row((user, today, set), |row| row.get(0))?;
    let (reviewed, passed) = connection
        .prepare_cached(queries::SCHEDULED_REVIEWS.of(set))?
        .query_row((user, from, today, set), |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    Ok(ProgressReport {
        reviews_today,
        streak_days: queries::streak(connection, user, today, set)?,
        stages: queries::stages(connection, user, set)?,
        retention_30d: share(passed, reviewed),
        tags: queries::tags(connection, (user, from, today), set)?,
        forecast: queries::forecast(connection, user, today, set)?,
    })
}

/// The row and title of the set `set`, if there is one and `user` may see it.
fn visible_set(
    connection: &Connection,
    user: UserId,
    set: &SetId,
) -> Result<Option<(i64, String)>, StoreError> {
    let found: Option<(i64, String)> = connection
        .prepare_cached("SELECT id, title FROM sets WHERE slug = ?1")?
        .query_row([set], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    match found {
        Some((row, title)) if visible(connection, user, row)? => Ok(Some((row, title))),
        _ => Ok(None),
    }
}

/// One study day's reviews in a set and when its cards come back, for the "done for today" page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DaySummary {
    /// Reviews given that day in the set, same-day repeats included.
    pub reviews: u32,
    /// Of those, the ones recalled.
    pub right: u32,
    /// The first later day of the set's progress forecast with cards due, and how many.
    pub next_due: Option<DayForecast>,
}

impl Store {
    /// How `user` did in `set` on `day`, and the next day they have cards of it due: what the
    /// done page shows, without the rest of [`Store::set_progress`]. `None` if there is no such
    /// set or `user` may not see it.
    pub fn day_summary(
        &self,
        user: UserId,
        set: &SetId,
        day: StudyDay,
    ) -> Result<Option<DaySummary>, StoreError> {
        let last = day.plus_days(FORECAST_DAYS - 1);
        self.read(|connection| {
            let Some((row, _)) = visible_set(connection, user, set)? else {
                return Ok(None);
            };
            let (reviews, right) = connection
                .prepare_cached(queries::RIGHT_ON_DAY.of(Some(row)))?
                .query_row((user, day, row), |found| Ok((found.get(0)?, found.get(1)?)))?;
            let next_due = connection
                .prepare_cached(queries::NEXT_DUE_DAY.of(Some(row)))?
                .query_row((user, day, last, row), |found| {
                    Ok(DayForecast {
                        day: found.get(0)?,
                        due: found.get(1)?,
                    })
                })
                .optional()?;
            Ok(Some(DaySummary {
                reviews,
                right,
                next_due,
            }))
        })
    }
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
