//! The statements behind the progress figures, each written once and run in two scopes: over
//! every set the student may study (the progress page) or over one set (its own progress page,
//! the done page). The set is always the statement's last parameter; over every set it is bound
//! as NULL and the condition on it, `?N IS NULL`, is a constant SQLite checks once. Over every
//! set, the sets the student may see are listed once (an uncorrelated `IN (SELECT ...)`) and
//! every row is checked against that list, so a restricted set of a class the student is not in
//! counts nowhere.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::scheduler::StudyDay;

use super::{
    DayForecast, FORECAST_DAYS, MATURE_FROM_DAYS, Stages, TagMastery, YOUNG_FROM_DAYS, days_before,
    share,
};
use crate::store::classes::visibility::visible_to_user;
use crate::store::teaching::recalled::{recalled, ruling_join};
use crate::store::{StoreError, UserId};

/// One statement in its two scopes: see the module notes.
pub(super) struct Scoped {
    every_set: &'static str,
    one_set: &'static str,
}

impl Scoped {
    /// The statement for `set`: one set's row, or `None` for every set.
    pub(super) fn of(&self, set: Option<i64>) -> &'static str {
        match set {
            Some(_) => self.one_set,
            None => self.every_set,
        }
    }
}

/// `$before AND <the set condition> $after`, the condition being `$column = $param` for one set
/// and, for every set, `$param IS NULL` and `$column` one of the sets the user `?1` may study:
/// a restricted set the student may not see is not there, not even as a card count or a tag.
macro_rules! scoped {
    ($before:expr, $column:literal = $param:literal, $after:literal) => {
        Scoped {
            every_set: concat!(
                $before,
                " AND ",
                $param,
                " IS NULL AND ",
                $column,
                " IN (SELECT sets.id FROM sets WHERE ",
                visible_to_user!(),
                ") ",
                $after
            ),
            one_set: concat!($before, " AND ", $column, " = ", $param, " ", $after),
        }
    };
}

// The day's reviews are few, a student's reviews of a set many: without statistics SQLite would
// rather read the set's (`reviews_by_set`), so the two statements on one day name their index.

/// Reviews on the day `?2`, same-day repeats included.
pub(super) const REVIEWS_ON_DAY: Scoped = scoped!(
    "SELECT count(*) FROM reviews INDEXED BY reviews_by_user_day
     WHERE user_id = ?1 AND study_day = ?2",
    "set_id" = "?3",
    ""
);

/// Reviews on the day `?2` (same-day repeats included) and the ones recalled (a claim counts as
/// its ruling says: [`crate::store::teaching::recalled`]).
pub(super) const RIGHT_ON_DAY: Scoped = scoped!(
    concat!(
        "SELECT count(*), count(*) FILTER (WHERE ",
        recalled!(),
        ") FROM reviews AS r INDEXED BY reviews_by_user_day ",
        ruling_join!(),
        " WHERE r.user_id = ?1 AND r.study_day = ?2"
    ),
    "r.set_id" = "?3",
    ""
);

/// First-of-the-day reviews from `?2` to `?3`, and the ones recalled.
pub(super) const SCHEDULED_REVIEWS: Scoped = scoped!(
    concat!(
        "SELECT count(*), count(*) FILTER (WHERE ",
        recalled!(),
        ") FROM reviews AS r ",
        ruling_join!(),
        " WHERE r.user_id = ?1 AND r.scheduled = 1 AND r.study_day BETWEEN ?2 AND ?3"
    ),
    "r.set_id" = "?4",
    ""
);

/// The first day after `?2`, up to `?3`, with cards due, and how many.
pub(super) const NEXT_DUE_DAY: Scoped = scoped!(
    "SELECT s.due_day, count(*)
     FROM card_states AS s JOIN cards AS c ON c.id = s.card_id
     WHERE s.user_id = ?1 AND c.retired = 0 AND s.due_day > ?2 AND s.due_day <= ?3",
    "s.set_id" = "?4",
    "GROUP BY s.due_day ORDER BY s.due_day LIMIT 1"
);

const STUDY_DAYS: Scoped = scoped!(
    "SELECT DISTINCT study_day FROM reviews WHERE user_id = ?1 AND study_day <= ?2",
    "set_id" = "?3",
    "ORDER BY study_day DESC"
);

const STAGES: Scoped = scoped!(
    "SELECT count(*) FILTER (WHERE s.card_id IS NULL),
         count(*) FILTER (WHERE s.interval_days < ?2),
         count(*) FILTER (WHERE s.interval_days >= ?2 AND s.interval_days < ?3),
         count(*) FILTER (WHERE s.interval_days >= ?3)
     FROM cards AS c LEFT JOIN card_states AS s ON s.card_id = c.id AND s.user_id = ?1
     WHERE c.retired = 0",
    "c.set_id" = "?4",
    ""
);

const TAG_RETENTION: Scoped = scoped!(
    concat!(
        "SELECT t.tag, count(*), count(*) FILTER (WHERE ",
        recalled!(),
        ")
     FROM reviews AS r
         JOIN card_tags AS t ON t.card_id = r.card_id
         JOIN cards AS c ON c.id = r.card_id AND c.retired = 0 ",
        ruling_join!(),
        " WHERE r.user_id = ?1 AND r.scheduled = 1 AND r.study_day BETWEEN ?2 AND ?3"
    ),
    "r.set_id" = "?4",
    "GROUP BY t.tag"
);

const TAG_CARDS: Scoped = scoped!(
    "SELECT t.tag, count(*), count(s.card_id), count(*) FILTER (WHERE s.interval_days >= ?2)
     FROM card_tags AS t
         JOIN cards AS c ON c.id = t.card_id
         LEFT JOIN card_states AS s ON s.card_id = c.id AND s.user_id = ?1
     WHERE c.retired = 0",
    "c.set_id" = "?3",
    "GROUP BY t.tag ORDER BY t.tag"
);

// Overdue cards count on today: max() of two 'YYYY-MM-DD' texts is the later day.
const DUE_BY_DAY: Scoped = scoped!(
    "SELECT max(s.due_day, ?2) AS day, count(*)
     FROM card_states AS s JOIN cards AS c ON c.id = s.card_id
     WHERE s.user_id = ?1 AND c.retired = 0 AND s.due_day <= ?3",
    "s.set_id" = "?4",
    "GROUP BY day"
);

/// Consecutive study days with a review in the scope, ending today (or yesterday).
pub(super) fn streak(
    connection: &Connection,
    user: UserId,
    today: StudyDay,
    set: Option<i64>,
) -> Result<u32, StoreError> {
    let mut statement = connection.prepare_cached(STUDY_DAYS.of(set))?;
    let mut days = statement.query_map((user, today, set), |row| row.get::<_, StudyDay>(0))?;
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

pub(super) fn stages(
    connection: &Connection,
    user: UserId,
    set: Option<i64>,
) -> Result<Stages, StoreError> {
    Ok(connection.prepare_cached(STAGES.of(set))?.query_row(
        (user, YOUNG_FROM_DAYS, MATURE_FROM_DAYS, set),
        |row| {
            Ok(Stages {
                new: row.get(0)?,
                learning: row.get(1)?,
                young: row.get(2)?,
                mature: row.get(3)?,
            })
        },
    )?)
}

pub(super) fn tags(
    connection: &Connection,
    window: (UserId, StudyDay, StudyDay),
    set: Option<i64>,
) -> Result<Vec<TagMastery>, StoreError> {
    let (user, from, to) = window;
    let mut retention = connection.prepare_cached(TAG_RETENTION.of(set))?;
    let retention: HashMap<String, Option<f64>> = retention
        .query_map((user, from, to, set), |row| {
            Ok((row.get(0)?, share(row.get(2)?, row.get(1)?)))
        })?
        .collect::<Result<_, _>>()?;

    let mut cards = connection.prepare_cached(TAG_CARDS.of(set))?;
    let rows = cards.query_map((user, MATURE_FROM_DAYS, set), |row| {
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

pub(super) fn forecast(
    connection: &Connection,
    user: UserId,
    today: StudyDay,
    set: Option<i64>,
) -> Result<Vec<DayForecast>, StoreError> {
    let last = today.plus_days(FORECAST_DAYS - 1);
    let due: HashMap<StudyDay, u32> = connection
        .prepare_cached(DUE_BY_DAY.of(set))?
        .query_map((user, today, last, set), |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?
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
