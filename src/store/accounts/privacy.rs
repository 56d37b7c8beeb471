//! Everything the database holds about one person, gathered for them to download: their
//! account, classes, the SM-2 state of each card they studied and every review they gave,
//! with the decision on it where they claimed "I was right".
//!
//! Deleting an account is [`Store::delete_user`](crate::store::Store::delete_user), in
//! [`super::admin`].

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::store::teaching::recalled::{CLAIM_DECISION, RULING_JOIN};
use crate::store::{Role, Store, StoreError, UserId};

/// All of one user's data, in the shape of the JSON download.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UserData {
    pub account: AccountData,
    /// The classes they are a member of.
    pub classes: Vec<Membership>,
    /// The classes they teach (instructors).
    pub classes_taught: Vec<TaughtClass>,
    /// Their SM-2 progress, per set and card.
    pub card_states: Vec<CardStateData>,
    /// Every review they gave, oldest first.
    pub reviews: Vec<ReviewData>,
    /// How many signed-in sessions they have open.
    pub open_sessions: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountData {
    pub username: String,
    pub role: Role,
    /// RFC 3339.
    pub created_at: String,
    pub daily_new_limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Membership {
    pub class: String,
    pub instructor: String,
    pub joined_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaughtClass {
    pub class: String,
    pub join_code: String,
    pub archived: bool,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardStateData {
    pub set: String,
    pub card: String,
    pub repetitions: u32,
    pub easiness: f64,
    pub interval_days: u32,
    pub lapses: u32,
    pub due_day: String,
    pub last_review_day: String,
    pub introduced_day: String,
    pub relearning: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewData {
    pub set: String,
    pub card: String,
    pub reviewed_at: String,
    pub study_day: String,
    /// What they answered (text, or JSON for several choices); `None` for a recall card.
    pub answer: Option<String>,
    pub verdict: String,
    pub quality: u8,
    /// Whether the review moved the schedule (the first of the card that day).
    pub scheduled: bool,
    /// Whether they claimed "I was right" over the verdict.
    pub overridden: bool,
    /// What became of the answer when an instructor ruled on it: `accepted` or `rejected`
    /// (for a wrong answer someone claimed, theirs or the same answer of another review);
    /// `pending` for their claim not decided yet; `None` when there is nothing to decide.
    pub claim_decision: Option<String>,
    pub duration_ms: Option<i64>,
    pub interval_after_days: u32,
    pub due_day_after: String,
}

/// Unix milliseconds as RFC 3339; a value out of range (a hand-edited database) as the number.
fn instant(ms: i64) -> String {
    Timestamp::from_millisecond(ms).map_or_else(|_| ms.to_string(), |at| at.to_string())
}

fn account(connection: &Connection, user: UserId) -> Result<Option<AccountData>, StoreError> {
    Ok(connection
        .prepare_cached(
            "SELECT username, role, created_at, daily_new_limit FROM users WHERE id = ?1",
        )?
        .query_row([user], |row| {
            Ok(AccountData {
                username: row.get(0)?,
                role: row.get(1)?,
                created_at: instant(row.get(2)?),
                daily_new_limit: row.get(3)?,
            })
        })
        .optional()?)
}

fn memberships(connection: &Connection, user: UserId) -> Result<Vec<Membership>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT classes.name, owner.username, class_members.joined_at
         FROM class_members
         JOIN classes ON classes.id = class_members.class_id
         JOIN users AS owner ON owner.id = classes.owner_id
         WHERE class_members.user_id = ?1 ORDER BY class_members.joined_at",
    )?;
    let rows = statement.query_map([user], |row| {
        Ok(Membership {
            class: row.get(0)?,
            instructor: row.get(1)?,
            joined_at: instant(row.get(2)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn classes_taught(connection: &Connection, user: UserId) -> Result<Vec<TaughtClass>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT name, join_code, archived, created_at FROM classes
         WHERE owner_id = ?1 ORDER BY created_at",
    )?;
    let rows = statement.query_map([user], |row| {
        Ok(TaughtClass {
            class: row.get(0)?,
            join_code: row.get(1)?,
            archived: row.get(2)?,
            created_at: instant(row.get(3)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn card_states(connection: &Connection, user: UserId) -> Result<Vec<CardStateData>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT sets.slug, cards.slug, s.repetitions, s.easiness_hundredths, s.interval_days,
                s.lapses, s.due_day, s.last_review_day, s.introduced_day, s.relearning
         FROM card_states AS s
         JOIN cards ON cards.id = s.card_id
         JOIN sets ON sets.id = s.set_id
         WHERE s.user_id = ?1 ORDER BY sets.slug, cards.position",
    )?;
    let rows = statement.query_map([user], |row| {
        Ok(CardStateData {
            set: row.get(0)?,
            card: row.get(1)?,
            repetitions: row.get(2)?,
            easiness: f64::from(row.get::<_, u32>(3)?) / 100.0,
            interval_days: row.get(4)?,
            lapses: row.get(5)?,
            due_day: row.get(6)?,
            last_review_day: row.get(7)?,
            introduced_day: row.get(8)?,
            relearning: row.get(9)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn reviews(connection: &Connection, user: UserId) -> Result<Vec<ReviewData>, StoreError> {
    // The decision as the review log export gives it: one definition, in `recalled`.
    let sql = format!(
        "SELECT sets.slug, cards.slug, r.reviewed_at, r.study_day, r.answer, r.verdict,
                r.quality, r.scheduled, r.overridden, r.duration_ms, r.interval_after,
                r.due_day_after, {CLAIM_DECISION}
         FROM reviews AS r
         JOIN cards ON cards.id = r.card_id
         JOIN sets ON sets.id = r.set_id
         {RULING_JOIN}
         WHERE r.user_id = ?1 ORDER BY r.id"
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let rows = statement.query_map([user], |row| {
        Ok(ReviewData {
            set: row.get(0)?,
            card: row.get(1)?,
            reviewed_at: instant(row.get(2)?),
            study_day: row.get(3)?,
            answer: row.get(4)?,
            verdict: row.get(5)?,
            quality: row.get(6)?,
            scheduled: row.get(7)?,
            overridden: row.get(8)?,
            duration_ms: row.get(9)?,
            interval_after_days: row.get(10)?,
            due_day_after: row.get(11)?,
            claim_decision: row.get(12)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn open_sessions(connection: &Connection, user: UserId) -> Result<u32, StoreError> {
    Ok(connection
        .prepare_cached("SELECT count(*) FROM sessions WHERE user_id = ?1")?
        .query_row([user], |row| row.get(0))?)
}

impl Store {
    /// Everything about `user`, read in one transaction; `None` if there is no such user.
    pub fn user_data(&self, user: UserId) -> Result<Option<UserData>, StoreError> {
        // A read is one transaction: the parts agree even if a review lands meanwhile.
        self.read(|connection| {
            let Some(account) = account(connection, user)? else {
                return Ok(None);
            };
            let data = UserData {
                account,
                classes: memberships(connection, user)?,
                classes_taught: classes_taught(connection, user)?,
                card_states: card_states(connection, user)?,
                reviews: reviews(connection, user)?,
                open_sessions: open_sessions(connection, user)?,
            };
            Ok(Some(data))
        })
    }

    /// How many reviews `user` has given (0 for an unknown or deleted user).
    pub fn user_review_count(&self, user: UserId) -> Result<u64, StoreError> {
        self.read(|connection| {
            let count: i64 = connection
                .prepare_cached("SELECT count(*) FROM reviews WHERE user_id = ?1")?
                .query_row([user], |row| row.get(0))?;
            Ok(count.unsigned_abs())
        })
    }
}
