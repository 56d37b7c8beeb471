//! What a student studies next in a set, and looking cards up.
//!
//! The order: cards due (most overdue first), then new cards in file order while the student's
//! daily limit of new cards allows (and their classes' daily limit for the set, if any), then
//! the cards waiting for a same-day repeat (the one reviewed longest ago first). Retired cards
//! never come up. A set the student may not see is, to them, a set that does not exist.

use rusqlite::{Connection, OptionalExtension, Row};

use crate::questions::{Card, CardId, SetId};
use crate::scheduler::{CardState, Easiness, Progress, StudyDay};

use crate::store::classes::assignments::new_cards_allowed;
use crate::store::classes::visibility::visible;
use crate::store::sets::listing::{SetSummary, summaries};
use crate::store::{CardRow, Store, StoreError, UserId};

/// Which queue the next card comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue {
    /// Due today or overdue.
    Due,
    /// Never seen by this student.
    New,
    /// Graded below 4 earlier today: a same-day repeat.
    Relearn,
}

/// The card to show next.
#[derive(Debug, Clone, PartialEq)]
pub struct NextCard {
    pub card: Card,
    pub card_row: CardRow,
    /// `None` for a new card.
    pub progress: Option<Progress>,
    pub queue: Queue,
}

/// What the study page shows: see [`Store::next_in_set`].
#[derive(Debug, Clone, PartialEq)]
pub struct NextInSet {
    pub summary: SetSummary,
    /// The earliest exam day still to come that the student's classes give the set.
    pub exam: Option<StudyDay>,
    /// `None`: nothing left to study in the set today.
    pub next: Option<NextCard>,
}

/// A card as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCard {
    pub row: CardRow,
    pub set: SetId,
    pub card: Card,
    /// Gone from its set's file: not shown any more, its history kept.
    pub retired: bool,
}

/// The most overdue card of a set. `EXPLAIN QUERY PLAN` of this text is tested: it must read
/// the state from `card_states_due` alone (a covering index), not scan or look up the table.
/// Cards reviewed today are never here: a review moves `due_day` to at least tomorrow.
pub(in crate::store) const DUE_CARD: &str = "
    SELECT c.id, c.body, s.repetitions, s.easiness_hundredths, s.interval_days, s.lapses,
           s.due_day, s.last_review_day, s.relearning
    FROM card_states AS s JOIN cards AS c ON c.id = s.card_id
    WHERE s.user_id = ?1 AND s.set_id = ?2 AND s.due_day <= ?3 AND c.retired = 0
    ORDER BY s.due_day, s.card_id
    LIMIT 1";

pub(in crate::store) const RELEARN_CARD: &str = "
    SELECT c.id, c.body, s.repetitions, s.easiness_hundredths, s.interval_days, s.lapses,
           s.due_day, s.last_review_day, s.relearning
    FROM card_states AS s JOIN cards AS c ON c.id = s.card_id
    WHERE s.user_id = ?1 AND s.set_id = ?2 AND s.relearning = 1 AND s.last_review_day = ?3
      AND c.retired = 0
    ORDER BY s.last_reviewed_at, s.card_id
    LIMIT 1";

pub(in crate::store) const NEW_CARD: &str = "
    SELECT c.id, c.body FROM cards AS c
    WHERE c.set_id = ?2 AND c.retired = 0
      AND NOT EXISTS (SELECT 1 FROM card_states AS s WHERE s.user_id = ?1 AND s.card_id = c.id)
    ORDER BY c.position
    LIMIT 1";

impl Store {
    /// The card `user` should study next in `set` on `today`, or `None` when nothing is left
    /// for today. [`StoreError::UnknownSet`] / [`StoreError::UnknownUser`] for bad ids, and
    /// [`StoreError::UnknownSet`] too for a set the user may not see.
    pub fn next_card(
        &self,
        user: UserId,
        set: &SetId,
        today: StudyDay,
    ) -> Result<Option<NextCard>, StoreError> {
        self.read(|connection| {
            let set_row = set_row(connection, set)?;
            if !visible(connection, user, set_row)? {
                return Err(StoreError::UnknownSet(set.clone()));
            }
            next_card_in(connection, user, set_row, today, || {
                Ok(set_limits(connection, user, set_row, today)?.new_allowed)
            })
        })
    }

    /// Everything the study page shows, in one read: the set's figures for `user` on `today`,
    /// the exam day their classes give it, and the card to study next. `None` if there is no
    /// such set or `user` may not see it. One read rather than several keeps the page's work
    /// to a few index lookups on one connection.
    pub fn next_in_set(
        &self,
        user: UserId,
        set: &SetId,
        today: StudyDay,
    ) -> Result<Option<NextInSet>, StoreError> {
        self.read(|connection| {
            let Some(found) = summaries(connection, user, today, Some(set))?.pop() else {
                return Ok(None);
            };
            // The summary's `new_left` is already capped by the unseen cards and the limits.
            let new_left = found.summary.new_left;
            let next = next_card_in(connection, user, found.set_row, today, || Ok(new_left))?;
            Ok(Some(NextInSet {
                exam: found.summary.exam,
                summary: found.summary,
                next,
            }))
        })
    }

    /// The card `card` of the set `set`, retired or not.
    pub fn card(&self, set: &SetId, card: &CardId) -> Result<Option<StoredCard>, StoreError> {
        self.find_card(
            "SELECT c.id, sets.slug, c.body, c.retired FROM cards AS c
             JOIN sets ON sets.id = c.set_id WHERE sets.slug = ?1 AND c.slug = ?2",
            (set, card),
        )
    }

    /// Where `user` stands on the card in row `card`; `None` if they never reviewed it.
    pub fn progress_of(&self, user: UserId, card: CardRow) -> Result<Option<Progress>, StoreError> {
        self.read(|connection| {
            Ok(connection
                .prepare_cached(
                    "SELECT repetitions, easiness_hundredths, interval_days, lapses, due_day,
                            last_review_day, relearning
                     FROM card_states WHERE user_id = ?1 AND card_id = ?2",
                )?
                .query_row((user, card), |row| progress_from_row(row, 0))
                .optional()?)
        })
    }

    /// The card stored in row `row`, retired or not.
    pub fn card_by_row(&self, row: CardRow) -> Result<Option<StoredCard>, StoreError> {
        self.find_card(
            "SELECT c.id, sets.slug, c.body, c.retired FROM cards AS c
             JOIN sets ON sets.id = c.set_id WHERE c.id = ?1",
            [row],
        )
    }

    fn find_card(
        &self,
        sql: &str,
        key: impl rusqlite::Params,
    ) -> Result<Option<StoredCard>, StoreError> {
        self.read(|connection| {
            let found = connection
                .prepare_cached(sql)?
                .query_row(key, |row| {
                    Ok((
                        row.get::<_, CardRow>(0)?,
                        row.get(1)?,
                        row.get::<_, String>(2)?,
                        row.get(3)?,
                    ))
                })
                .optional()?;
            found
                .map(|(row, set, body, retired)| {
                    Ok(StoredCard {
                        row,
                        set,
                        card: parse_body(row, &body)?,
                        retired,
                    })
                })
                .transpose()
        })
    }
}

/// The set's row id; [`StoreError::UnknownSet`] if there is no such set.
pub(in crate::store) fn set_row(connection: &Connection, set: &SetId) -> Result<i64, StoreError> {
    connection
        .prepare_cached("SELECT id FROM sets WHERE slug = ?1")?
        .query_row([set], |row| row.get(0))
        .optional()?
        .ok_or_else(|| StoreError::UnknownSet(set.clone()))
}

/// The next card of the set in row `set_row` (visible to `user`), serving new cards only while
/// `new_allowed` (asked only when no card is due) is above 0.
fn next_card_in(
    connection: &Connection,
    user: UserId,
    set_row: i64,
    today: StudyDay,
    new_allowed: impl FnOnce() -> Result<u32, StoreError>,
) -> Result<Option<NextCard>, StoreError> {
    let key = (user, set_row, today);
    if let Some(next) = card_with_progress(connection, DUE_CARD, key, Queue::Due)? {
        return Ok(Some(next));
    }
    if new_allowed()? > 0 {
        let new = connection
            .prepare_cached(NEW_CARD)?
            .query_row((user, set_row), |row| {
                Ok((row.get::<_, CardRow>(0)?, row.get::<_, String>(1)?))
            })
            .optional()?;
        if let Some((row, body)) = new {
            return Ok(Some(NextCard {
                card: parse_body(row, &body)?,
                card_row: row,
                progress: None,
                queue: Queue::New,
            }));
        }
    }
    card_with_progress(connection, RELEARN_CARD, key, Queue::Relearn)
}

/// What limits `user`'s new cards in a set today, and the exam day their classes give it:
/// [`set_limits`].
pub(in crate::store) struct SetLimits {
    /// New cards they may still start today: what is left of their own daily limit (per set,
    /// so studying one set does not use up another's), capped by what is left of their
    /// classes' daily limit for the set, if any.
    pub new_allowed: u32,
    /// The earliest exam day on or after today that their live classes give the set.
    pub exam: Option<StudyDay>,
}

/// The four columns [`set_limits`] reads, for the set `$set` (an SQL expression: `?2`, or
/// `sets.id` in a query over sets), with `?1` the user and `?3` today: the user's own daily
/// limit (NULL for no such user), the new cards they started in the set today, and over their
/// live classes that give the set, the smallest daily limit and the earliest exam day from
/// today on. Each is one index range or a few primary-key lookups.
macro_rules! set_limits_columns {
    ($set:literal) => {
        concat!(
            "(SELECT daily_new_limit FROM users WHERE id = ?1),
             (SELECT count(*) FROM card_states
              WHERE user_id = ?1 AND set_id = ",
            $set,
            " AND introduced_day = ?3),
             (SELECT min(cs.daily_new_limit) FROM class_sets AS cs
              JOIN classes AS k ON k.id = cs.class_id
              JOIN class_members AS m ON m.class_id = cs.class_id AND m.user_id = ?1
              WHERE cs.set_id = ",
            $set,
            " AND k.archived = 0),
             ",
            exam_day_column!($set)
        )
    };
}
pub(in crate::store) use set_limits_columns;

/// The earliest exam day on or after today (`?3`) that the user's (`?1`) live classes give the
/// set `$set`, as one scalar subquery: [`set_limits_columns`] and the answer's write
/// ([`crate::store::classes::assignments::exam_day`]) both read it.
macro_rules! exam_day_column {
    ($set:literal) => {
        concat!(
            "(SELECT min(cs.exam_day) FROM class_sets AS cs
              JOIN classes AS k ON k.id = cs.class_id
              JOIN class_members AS m ON m.class_id = cs.class_id AND m.user_id = ?1
              WHERE cs.set_id = ",
            $set,
            " AND k.archived = 0 AND cs.exam_day >= ?3)"
        )
    };
}
pub(in crate::store) use exam_day_column;

/// [`set_limits`]' query: `?1` the user, `?2` the set's row, `?3` today.
pub(in crate::store) const SET_LIMITS: &str = concat!("SELECT ", set_limits_columns!("?2"));

/// The [`SetLimits`] of `user` in the set in row `set_row` on `today`;
/// [`StoreError::UnknownUser`] for an unknown user.
pub(in crate::store) fn set_limits(
    connection: &Connection,
    user: UserId,
    set_row: i64,
    today: StudyDay,
) -> Result<SetLimits, StoreError> {
    connection
        .prepare_cached(SET_LIMITS)?
        .query_row((user, set_row, today), |row| LimitColumns::read(row, 0))?
        .limits(user)
}

/// The columns of [`set_limits_columns`] as read, before they are checked and combined.
pub(in crate::store) struct LimitColumns {
    own_limit: Option<u32>,
    started: u32,
    class_limit: Option<u32>,
    exam: Option<StudyDay>,
}

impl LimitColumns {
    /// Reads the four columns starting at `first`.
    pub(in crate::store) fn read(row: &Row<'_>, first: usize) -> rusqlite::Result<LimitColumns> {
        Ok(LimitColumns {
            own_limit: row.get(first)?,
            started: row.get(first + 1)?,
            class_limit: row.get(first + 2)?,
            exam: row.get(first + 3)?,
        })
    }

    /// The limits they make for `user`; [`StoreError::UnknownUser`] if there is no such user.
    pub(in crate::store) fn limits(self, user: UserId) -> Result<SetLimits, StoreError> {
        let own_left = self
            .own_limit
            .ok_or(StoreError::UnknownUser(user))?
            .saturating_sub(self.started);
        Ok(SetLimits {
            new_allowed: new_cards_allowed(own_left, self.class_limit, self.started),
            exam: self.exam,
        })
    }
}

/// Reads a [`Progress`] from the seven state columns starting at `first`, in the order of
/// [`DUE_CARD`]: repetitions, easiness, interval, lapses, due day, last review day, relearning.
pub(in crate::store) fn progress_from_row(
    row: &Row<'_>,
    first: usize,
) -> rusqlite::Result<Progress> {
    Ok(Progress {
        state: CardState {
            repetitions: row.get(first)?,
            easiness: Easiness::from_hundredths(row.get(first + 1)?),
            interval_days: row.get(first + 2)?,
            lapses: row.get(first + 3)?,
        },
        due: row.get(first + 4)?,
        last_review: row.get(first + 5)?,
        relearning: row.get(first + 6)?,
    })
}

fn card_with_progress(
    connection: &Connection,
    sql: &str,
    key: (UserId, i64, StudyDay),
    queue: Queue,
) -> Result<Option<NextCard>, StoreError> {
    let found = connection
        .prepare_cached(sql)?
        .query_row(key, |row| {
            Ok((
                row.get::<_, CardRow>(0)?,
                row.get::<_, String>(1)?,
                progress_from_row(row, 2)?,
            ))
        })
        .optional()?;
    found
        .map(|(row, body, progress)| {
            Ok(NextCard {
                card: parse_body(row, &body)?,
                card_row: row,
                progress: Some(progress),
                queue,
            })
        })
        .transpose()
}

fn parse_body(row: CardRow, body: &str) -> Result<Card, StoreError> {
    serde_json::from_str(body)
        .map_err(|error| StoreError::Corrupt(format!("card {row} does not parse: {error}")))
}
