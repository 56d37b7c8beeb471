//! The sets as a student sees them: what is in each and how much of it waits for them today.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::questions::SetId;
use crate::scheduler::StudyDay;

use super::assignments::new_cards_left_in_set;
use super::study::{introduced_on, new_cards_left};
use super::users::daily_new_limit;
use super::visibility::VISIBLE_TO_USER;
use super::{Store, StoreError, UserId};

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
    /// Every set `user` may see (see [`super::visibility`]), by title, with their figures
    /// for `today`.
    pub fn list_sets(&self, user: UserId, today: StudyDay) -> Result<Vec<SetSummary>, StoreError> {
        self.read(|connection| summaries(connection, user, today, None))
    }

    /// The figures of the one set `set` for `user` on `today`, as [`Store::list_sets`] gives
    /// them; `None` if there is no such set or `user` may not see it. The study page needs only
    /// this set: counting every set on each page would be work thrown away.
    pub fn set_summary(
        &self,
        user: UserId,
        set: &SetId,
        today: StudyDay,
    ) -> Result<Option<SetSummary>, StoreError> {
        self.read(|connection| Ok(summaries(connection, user, today, Some(set))?.pop()))
    }

    /// The set with this id.
    pub fn set_by_slug(&self, set: &SetId) -> Result<Option<SetInfo>, StoreError> {
        self.read(|connection| {
            Ok(connection
                .prepare_cached(
                    "SELECT slug, title, description, source,
                         (SELECT count(*) FROM cards
                          WHERE cards.set_id = sets.id AND cards.retired = 0),
                         created_at, updated_at
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
                .prepare_cached("SELECT file_text FROM sets WHERE slug = ?1")?
                .query_row([set], |row| row.get(0))
                .optional()?)
        })
    }
}

/// The figures of the sets `user` may see, or of the one set `only`, by title.
fn summaries(
    connection: &Connection,
    user: UserId,
    today: StudyDay,
    only: Option<&SetId>,
) -> Result<Vec<SetSummary>, StoreError> {
    let daily_limit = daily_new_limit(connection, user)?;
    let sql = format!(
        "SELECT sets.id, sets.slug, sets.title, sets.description,
             (SELECT count(*) FROM cards
              WHERE cards.set_id = sets.id AND cards.retired = 0),
             (SELECT count(*) FROM card_states AS s JOIN cards AS c ON c.id = s.card_id
              WHERE s.user_id = ?1 AND s.set_id = sets.id AND c.retired = 0
                AND (s.due_day <= ?2 OR (s.relearning = 1 AND s.last_review_day = ?2))),
             (SELECT count(*) FROM cards AS c
              WHERE c.set_id = sets.id AND c.retired = 0
                AND NOT EXISTS (SELECT 1 FROM card_states AS s
                                WHERE s.user_id = ?1 AND s.card_id = c.id))
         FROM sets
         WHERE {VISIBLE_TO_USER} AND (?3 IS NULL OR sets.slug = ?3)
         ORDER BY sets.title, sets.slug"
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let rows = statement.query_map((user, today, only), |row| {
        let summary = SetSummary {
            id: row.get(1)?,
            title: row.get(2)?,
            description: row.get(3)?,
            cards: row.get(4)?,
            due: row.get(5)?,
            new_left: row.get(6)?,
        };
        Ok((row.get::<_, i64>(0)?, summary))
    })?;
    let mut sets = Vec::new();
    for row in rows {
        let (set_row, mut summary) = row?;
        // A class's daily limit for the set caps it too (one cheap query per set).
        let new_allowed = new_cards_left(
            daily_limit,
            introduced_on(connection, user, set_row, today)?,
        );
        let allowed = new_cards_left_in_set(connection, user, set_row, today, new_allowed)?;
        summary.new_left = summary.new_left.min(allowed);
        sets.push(summary);
    }
    Ok(sets)
}
