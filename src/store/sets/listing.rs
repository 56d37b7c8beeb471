//! The sets as a student sees them: what is in each and how much of it waits for them today.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::questions::SetId;
use crate::scheduler::StudyDay;

use crate::store::classes::visibility::visible_to_user;
use crate::store::columns::serialize_optional_day;
use crate::store::study::next_card::{LimitColumns, exam_day_column, set_limits_columns};
use crate::store::{Store, StoreError, UserId};

/// One set on a student's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetSummary {
    pub id: SetId,
    pub title: String,
    pub description: Option<String>,
    /// Cards in the set (retired ones not counted).
    pub cards: u32,
    /// Cards to review today: due or overdue, or waiting for a same-day repeat.
    pub due: u32,
    /// New cards the student may still start today in this set: the cards never seen, capped by
    /// what is left of the daily limit (per set) and by the
    /// daily limit their classes set for this set, if any.
    pub new_left: u32,
    /// The earliest exam day still to come (today included) that the student's live classes
    /// give the set; `None` without one.
    #[serde(serialize_with = "serialize_optional_day")]
    pub exam: Option<StudyDay>,
}

/// A set's own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetInfo {
    pub id: SetId,
    pub title: String,
    pub description: Option<String>,
    /// What the cards are built from.
    pub source: Option<String>,
    /// Cards in the set (retired ones not counted).
    pub cards: u32,
    /// Unix milliseconds.
    pub created_at_ms: i64,
    /// Unix milliseconds: the last import that changed the file.
    pub updated_at_ms: i64,
}

impl Store {
    /// Every set `user` may see (see [`crate::store::classes::visibility`]), by title, with their
    /// figures for `today`.
    pub fn list_sets(&self, user: UserId, today: StudyDay) -> Result<Vec<SetSummary>, StoreError> {
        self.read(|connection| {
            let sets = summaries(connection, user, today, None)?;
            Ok(sets.into_iter().map(|row| row.summary).collect())
        })
    }

    /// The figures of the one set `set` for `user` on `today`, as [`Store::list_sets`] gives
    /// them, and the earliest exam day still to come that `user`'s live classes give it, in one
    /// read: what the answer page shows above a card. `None` if there is no such set or `user`
    /// may not see it.
    pub fn set_summary_and_exam(
        &self,
        user: UserId,
        set: &SetId,
        today: StudyDay,
    ) -> Result<Option<(SetSummary, Option<StudyDay>)>, StoreError> {
        self.read(|connection| {
            let mut sets = summaries(connection, user, today, Some(set))?;
            Ok(sets.pop().map(|row| {
                let exam = row.summary.exam;
                (row.summary, exam)
            }))
        })
    }

    /// The set with this id.
    pub fn set_by_slug(&self, set: &SetId) -> Result<Option<SetInfo>, StoreError> {
        self.read(|connection| {
            Ok(connection
                .prepare_cached(
                    "SELECT slug, title, description, source, live_cards, created_at, updated_at
                     FROM sets WHERE slug = ?1",
                )?
                .query_row([set], |row| {
                    Ok(SetInfo {
                        id: row.get(0)?,
                        title: row.get(1)?,
                        description: row.get(2)?,
                        source: row.get(3)?,
                        cards: row.get(4)?,
                        created_at_ms: row.get(5)?,
                        updated_at_ms: row.get(6)?,
                    })
                })
                .optional()?)
        })
    }

    /// The text of the file the set was last imported from.
    pub fn set_file_text(&self, set: &SetId) -> Result<Option<String>, StoreError> {
        self.read(|connection| {
            Ok(connection
                .prepare_cached(
                    "SELECT f.file_text FROM set_files AS f JOIN sets ON sets.id = f.set_id
                     WHERE sets.slug = ?1",
                )?
                .query_row([set], |row| row.get(0))
                .optional()?)
        })
    }
}

/// One set's figures for a student, with what [`summaries`] found on the way.
pub(in crate::store) struct SummaryRow {
    pub set_row: i64,
    pub summary: SetSummary,
}

/// The columns [`summaries`] reads for each row of `sets`, with `?1` the user and `?3` today:
/// the set's own fields and live cards, then the cards the student has met, the cards to
/// review today, and [`set_limits_columns`]. Each count is one range of an index
/// (`card_states_due`, `card_states_relearning`): the student's states on retired cards,
/// rarely any, are counted apart and taken off, so no count looks up each card. A repeat
/// waiting today is never also due today (a review moves the due day to tomorrow at the
/// earliest), but the count says so rather than relying on it; `INDEXED BY` because without
/// statistics SQLite would rather walk all the student's states.
macro_rules! summary_columns {
    () => {
        concat!(
            "sets.id, sets.slug, sets.title, sets.description, sets.live_cards,
             (SELECT count(*) FROM card_states WHERE user_id = ?1 AND set_id = sets.id)
             - (SELECT count(*) FROM cards AS c
                JOIN card_states AS s ON s.user_id = ?1 AND s.card_id = c.id
                WHERE c.set_id = sets.id AND c.retired = 1),
             (SELECT count(*) FROM card_states
              WHERE user_id = ?1 AND set_id = sets.id AND due_day <= ?3)
             + (SELECT count(*) FROM card_states INDEXED BY card_states_relearning
                WHERE user_id = ?1 AND set_id = sets.id AND relearning = 1
                  AND last_review_day = ?3 AND due_day > ?3)
             - (SELECT count(*) FROM cards AS c
                JOIN card_states AS s ON s.user_id = ?1 AND s.card_id = c.id
                WHERE c.set_id = sets.id AND c.retired = 1
                  AND (s.due_day <= ?3 OR (s.relearning = 1 AND s.last_review_day = ?3))),
             ",
            set_limits_columns!("sets.id")
        )
    };
}

/// [`summaries`]' query for one set: `?2` its slug, looked up by the unique index.
pub(in crate::store) const ONE_SET_SUMMARY: &str = concat!(
    "SELECT ",
    summary_columns!(),
    " FROM sets WHERE sets.slug = ?2 AND ",
    visible_to_user!()
);

/// [`summaries`]' query for every set the user may see, by title (`?2` is NULL).
const SET_SUMMARIES: &str = concat!(
    "SELECT ",
    summary_columns!(),
    " FROM sets WHERE ",
    visible_to_user!(),
    " AND ?2 IS NULL ORDER BY sets.title, sets.slug"
);

/// The figures of the sets `user` may see, or of the one set `only`, by title: one statement.
pub(in crate::store) fn summaries(
    connection: &Connection,
    user: UserId,
    today: StudyDay,
    only: Option<&SetId>,
) -> Result<Vec<SummaryRow>, StoreError> {
    let sql = if only.is_some() {
        ONE_SET_SUMMARY
    } else {
        SET_SUMMARIES
    };
    let mut statement = connection.prepare_cached(sql)?;
    let rows = statement.query_map((user, only, today), |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, SetId>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, Option<String>>(3)?,
            row.get::<_, u32>(4)?,
            row.get::<_, u32>(5)?,
            row.get::<_, u32>(6)?,
            LimitColumns::read(row, 7)?,
        ))
    })?;
    let mut sets = Vec::new();
    for row in rows {
        let (set_row, id, title, description, cards, seen, due, limits) = row?;
        let limits = limits.limits(user)?;
        sets.push(SummaryRow {
            set_row,
            summary: SetSummary {
                id,
                title,
                description,
                cards,
                due,
                new_left: cards.saturating_sub(seen).min(limits.new_allowed),
                exam: limits.exam,
            },
        });
    }
    Ok(sets)
}
