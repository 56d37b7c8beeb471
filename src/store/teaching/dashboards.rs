//! The figures of an instructor's class dashboard: for each student and each set assigned to
//! the class, how much is studied, due and overdue, how well it is remembered, and when the
//! student last studied; mastery per tag across the class; and the lookups that say who may
//! see a class.
//!
//! Every figure reads the review log with the rulings on "I was right" claims applied
//! ([`super::recalled`]): a decision regrades at read time.

use std::collections::HashMap;

use jiff::ToSpan;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, named_params};
use serde::Serialize;

use crate::questions::SetId;
use crate::scheduler::StudyDay;

use super::recalled::{RECALLED, RULING_JOIN};
use crate::store::{ClassId, Store, StoreError, UserId};

mod tags;

pub use tags::TagFigures;

/// A card whose interval reaches this many days is mature (as on the student's progress page).
pub const MATURE_FROM_DAYS: u32 = 21;
/// Retention is measured over this many study days, today included.
pub const RETENTION_DAYS: u32 = 30;

/// A class as its dashboard needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassHeader {
    pub id: ClassId,
    pub name: String,
    pub owner: UserId,
    pub archived: bool,
}

/// A set assigned to a class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassSet {
    pub id: SetId,
    pub title: String,
    /// Cards in the set (retired ones not counted).
    pub cards: u32,
}

/// One student's figures on one set (or, summed, on all of a class's sets).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StudyFigures {
    /// Cards reviewed at least once.
    pub studied: u32,
    /// Cards due today or earlier.
    pub due: u32,
    /// Of those, due before today.
    pub overdue: u32,
    /// Cards with an interval of 21 days or more.
    pub mature: u32,
    /// First-of-the-day reviews over the last 30 study days, and how many were recalled.
    pub reviewed_30d: u32,
    pub recalled_30d: u32,
    /// Unix milliseconds of the last review; `None` if never.
    pub last_active_ms: Option<i64>,
    /// The study day of the last review.
    pub last_active_day: Option<StudyDay>,
}

impl StudyFigures {
    /// The share of reviews recalled over the last 30 days; `None` without reviews.
    pub fn retention_30d(&self) -> Option<f64> {
        share(self.recalled_30d, self.reviewed_30d)
    }

    /// Adds `other`'s counts to these (the last activity is the later one).
    pub fn add(&mut self, other: &StudyFigures) {
        self.studied += other.studied;
        self.due += other.due;
        self.overdue += other.overdue;
        self.mature += other.mature;
        self.reviewed_30d += other.reviewed_30d;
        self.recalled_30d += other.recalled_30d;
        self.last_active_ms = self.last_active_ms.max(other.last_active_ms);
        self.last_active_day = self.last_active_day.max(other.last_active_day);
    }
}

/// A member of a class and their figures on each of the class's sets, in the order of
/// [`ClassFigures::sets`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudentFigures {
    pub user: UserId,
    pub username: String,
    pub per_set: Vec<StudyFigures>,
}

impl StudentFigures {
    /// The figures summed over the class's sets.
    pub fn total(&self) -> StudyFigures {
        let mut total = StudyFigures::default();
        self.per_set.iter().for_each(|figures| total.add(figures));
        total
    }
}

/// A class's sets and its members' figures on each, by username.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassFigures {
    pub sets: Vec<ClassSet>,
    pub students: Vec<StudentFigures>,
}

impl Store {
    /// The class `class`, archived or not.
    pub fn class_header(&self, class: ClassId) -> Result<Option<ClassHeader>, StoreError> {
        self.read(|connection| {
            Ok(connection
                .prepare_cached("SELECT id, name, owner_id, archived FROM classes WHERE id = ?1")?
                .query_row([class], |row| {
                    Ok(ClassHeader {
                        id: row.get(0)?,
                        name: row.get(1)?,
                        owner: row.get(2)?,
                        archived: row.get(3)?,
                    })
                })
                .optional()?)
        })
    }

    /// Whether `user` is a member of `class`.
    pub fn is_class_member(&self, class: ClassId, user: UserId) -> Result<bool, StoreError> {
        self.read(|connection| {
            Ok(connection
                .prepare_cached("SELECT 1 FROM class_members WHERE class_id = ?1 AND user_id = ?2")?
                .query_row((class, user), |_| Ok(()))
                .optional()?
                .is_some())
        })
    }

    /// Every member's figures on every set assigned to `class`, as of `today`; `only` keeps
    /// one member.
    pub fn class_figures(
        &self,
        class: ClassId,
        only: Option<UserId>,
        today: StudyDay,
    ) -> Result<ClassFigures, StoreError> {
        self.read(|connection| {
            let sets = class_sets(connection, class)?;
            let members = members(connection, class, only)?;
            let mut figures = per_student_and_set(connection, class, only, today)?;
            let students = members
                .into_iter()
                .map(|(user, username)| StudentFigures {
                    per_set: (sets
                        .iter()
                        .map(|set| figures.remove(&(user, set.id.clone()))))
                    .map(Option::unwrap_or_default)
                    .collect(),
                    user,
                    username,
                })
                .collect();
            Ok(ClassFigures { sets, students })
        })
    }
}

/// The sets assigned to `class`, by title.
fn class_sets(connection: &Connection, class: ClassId) -> Result<Vec<ClassSet>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT sets.slug, sets.title, sets.live_cards
         FROM class_sets JOIN sets ON sets.id = class_sets.set_id
         WHERE class_sets.class_id = ?1
         ORDER BY sets.title, sets.slug",
    )?;
    let rows = statement.query_map([class], |row| {
        Ok(ClassSet {
            id: row.get(0)?,
            title: row.get(1)?,
            cards: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The members of `class` (or only `only`, if a member), by username.
fn members(
    connection: &Connection,
    class: ClassId,
    only: Option<UserId>,
) -> Result<Vec<(UserId, String)>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT users.id, users.username FROM class_members
         JOIN users ON users.id = class_members.user_id
         WHERE class_members.class_id = ?1 AND (?2 IS NULL OR users.id = ?2)
         ORDER BY users.username COLLATE NOCASE",
    )?;
    let rows = statement.query_map((class, only), |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Who and what a class's figures count: the rows of `table` (a card state or a review) of its
/// members (or of one member, `:only`) on its sets (`:class`).
pub(in crate::store) fn class_scope(table: &str) -> String {
    format!(
        "{table}.set_id IN (SELECT set_id FROM class_sets WHERE class_id = :class)
         AND {table}.user_id IN (SELECT user_id FROM class_members WHERE class_id = :class)
         AND (:only IS NULL OR {table}.user_id = :only)"
    )
}

fn per_student_and_set(
    connection: &Connection,
    class: ClassId,
    only: Option<UserId>,
    today: StudyDay,
) -> Result<HashMap<(UserId, SetId), StudyFigures>, StoreError> {
    let mut figures: HashMap<(UserId, SetId), StudyFigures> = HashMap::new();
    let states = format!(
        "SELECT s.user_id, sets.slug, count(*), count(*) FILTER (WHERE s.due_day <= :today),
             count(*) FILTER (WHERE s.due_day < :today),
             count(*) FILTER (WHERE s.interval_days >= :mature)
         FROM card_states AS s JOIN cards AS c ON c.id = s.card_id AND c.retired = 0
             JOIN sets ON sets.id = s.set_id
         WHERE {} GROUP BY s.user_id, s.set_id",
        class_scope("s")
    );
    let params = named_params! {":class": class, ":only": only, ":today": today,
    ":mature": MATURE_FROM_DAYS};
    let mut statement = connection.prepare_cached(&states)?;
    let mut rows = statement.query(params)?;
    while let Some(row) = rows.next()? {
        let entry = figures.entry((row.get(0)?, row.get(1)?)).or_default();
        (entry.studied, entry.due) = (row.get(2)?, row.get(3)?);
        (entry.overdue, entry.mature) = (row.get(4)?, row.get(5)?);
    }
    let reviews = format!(
        "SELECT r.user_id, sets.slug,
             count(*) FILTER (WHERE r.scheduled = 1 AND r.study_day >= :from),
             count(*) FILTER (WHERE r.scheduled = 1 AND r.study_day >= :from AND {RECALLED}),
             max(r.reviewed_at), max(r.study_day)
         FROM reviews AS r JOIN sets ON sets.id = r.set_id {RULING_JOIN}
         WHERE {} GROUP BY r.user_id, r.set_id",
        class_scope("r")
    );
    let from = days_before(today, RETENTION_DAYS - 1);
    let mut statement = connection.prepare_cached(&reviews)?;
    let mut rows =
        statement.query(named_params! {":class": class, ":only": only, ":from": from})?;
    while let Some(row) = rows.next()? {
        let entry = figures.entry((row.get(0)?, row.get(1)?)).or_default();
        (entry.reviewed_30d, entry.recalled_30d) = (row.get(2)?, row.get(3)?);
        (entry.last_active_ms, entry.last_active_day) = (row.get(4)?, row.get(5)?);
    }
    Ok(figures)
}

/// `part / whole`, or `None` when `whole` is 0.
pub fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

/// The study day `days` before `day` (the scheduler only counts forward).
pub(in crate::store) fn days_before(day: StudyDay, days: u32) -> StudyDay {
    let date = day
        .date()
        .checked_sub(i64::from(days).days())
        .unwrap_or(Date::MIN);
    StudyDay::from_date(date)
}
