//! Who sees a question set.
//!
//! A set is open (every signed-in user may study it: the default, so self-study works with no
//! class at all) or restricted. A restricted set is seen by the members of the live (not
//! archived) classes it is assigned to, and by the instructors of those classes, its owner and
//! the admin. Everyone else is told it does not exist, on the pages and in the API alike.
//!
//! Only a set's owner or the admin changes its visibility; sets loaded by the server itself
//! (no owner) only the admin. Any instructor may assign an open set to their classes.

use std::fmt;
use std::str::FromStr;

use rusqlite::OptionalExtension;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, Row};
use serde::Serialize;

use crate::questions::SetId;

use super::class::Teacher;
use crate::store::accounts::settings::record_audit;
use crate::store::{Pending, Store, StoreError, UserId};

/// Who may study a set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Every signed-in user.
    Open,
    /// The members of the live classes it is assigned to (and those who teach it).
    Restricted,
}

impl Visibility {
    /// `open` or `restricted`, as stored and as forms send it.
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Open => "open",
            Visibility::Restricted => "restricted",
        }
    }
}

impl fmt::Display for Visibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A word that is not a visibility.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a visibility: use open or restricted")]
pub struct VisibilityError(pub String);

impl FromStr for Visibility {
    type Err = VisibilityError;

    fn from_str(text: &str) -> Result<Visibility, VisibilityError> {
        match text {
            "open" => Ok(Visibility::Open),
            "restricted" => Ok(Visibility::Restricted),
            _ => Err(VisibilityError(text.to_string())),
        }
    }
}

impl ToSql for Visibility {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for Visibility {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        value
            .as_str()?
            .parse()
            .map_err(|error: VisibilityError| FromSqlError::Other(Box::new(error)))
    }
}

/// A set on an instructor's list: the ones they may assign or change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeachableSet {
    pub set: SetId,
    pub title: String,
    /// Cards in the set (retired ones not counted).
    pub cards: u32,
    pub visibility: Visibility,
    /// `None` for a set loaded by the server itself.
    pub owner_name: Option<String>,
    /// The teacher may change the set and its visibility: they own it, or they are the admin.
    pub may_change: bool,
}

impl TeachableSet {
    /// Whether the teacher may assign the set to their classes: it is open, or it is theirs.
    pub fn may_assign(&self) -> bool {
        self.visibility == Visibility::Open || self.may_change
    }
}

/// The SQL condition "the row of `sets` is visible to the user `?1`" (see the module notes), as
/// a literal so that `concat!` builds each statement that uses it at compile time. The class
/// lookups go through `class_sets_by_set` and the primary keys.
macro_rules! visible_to_user {
    () => {
        "(sets.visibility = 'open'
    OR sets.owner_id = ?1
    OR EXISTS (SELECT 1 FROM users AS viewer WHERE viewer.id = ?1 AND viewer.role = 'admin')
    OR EXISTS (SELECT 1 FROM class_sets AS cs JOIN classes AS k ON k.id = cs.class_id
               WHERE cs.set_id = sets.id AND k.archived = 0
                 AND (k.owner_id = ?1 OR EXISTS (SELECT 1 FROM class_members AS m
                                                 WHERE m.class_id = k.id AND m.user_id = ?1))))"
    };
}
pub(in crate::store) use visible_to_user;

/// Whether the set in row `set_row` is visible to `user`.
pub(in crate::store) fn visible(
    connection: &Connection,
    user: UserId,
    set_row: i64,
) -> Result<bool, StoreError> {
    let sql = concat!(
        "SELECT EXISTS (SELECT 1 FROM sets WHERE sets.id = ?2 AND ",
        visible_to_user!(),
        ")"
    );
    Ok(connection
        .prepare_cached(sql)?
        .query_row((user, set_row), |row| row.get(0))?)
}

impl Store {
    /// Whether `user` may study `set`: `false` also when there is no such set, since a set
    /// someone may not see is, to them, a set that does not exist.
    pub fn may_study(&self, user: UserId, set: &SetId) -> Result<bool, StoreError> {
        self.read(|connection| {
            let sql = concat!(
                "SELECT EXISTS (SELECT 1 FROM sets WHERE sets.slug = ?2 AND ",
                visible_to_user!(),
                ")"
            );
            Ok(connection
                .prepare_cached(sql)?
                .query_row((user, set), |row| row.get(0))?)
        })
    }

    /// The sets `teacher` may assign or change, by title: every open set, their own, and for
    /// the admin every set.
    pub fn teachable_sets(&self, teacher: Teacher) -> Result<Vec<TeachableSet>, StoreError> {
        self.read(|connection| {
            let mut statement = connection.prepare_cached(
                "SELECT sets.slug, sets.title, sets.live_cards, sets.visibility, owner.username,
                     CASE WHEN ?2 OR sets.owner_id = ?1 THEN 1 ELSE 0 END
                 FROM sets LEFT JOIN users AS owner ON owner.id = sets.owner_id
                 WHERE sets.visibility = 'open' OR sets.owner_id = ?1 OR ?2
                 ORDER BY sets.title, sets.slug",
            )?;
            let rows =
                statement.query_map((teacher.user(), teacher.is_admin()), teachable_from_row)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Makes `set` open or restricted. Only its owner or the admin may
    /// ([`StoreError::SetNotYours`]); a change is logged in the audit log.
    pub fn set_visibility(
        &self,
        teacher: Teacher,
        set: &SetId,
        visibility: Visibility,
    ) -> Pending<()> {
        let set = set.clone();
        self.write(move |connection| {
            let found: Option<(Option<UserId>, Visibility)> = connection
                .prepare_cached("SELECT owner_id, visibility FROM sets WHERE slug = ?1")?
                .query_row([&set], |row| Ok((row.get(0)?, row.get(1)?)))
                .optional()?;
            let (owner, before) = found.ok_or_else(|| StoreError::UnknownSet(set.clone()))?;
            if !teacher.may_change(owner) {
                return Err(StoreError::SetNotYours(set));
            }
            if before == visibility {
                return Ok(());
            }
            connection
                .prepare_cached("UPDATE sets SET visibility = ?2 WHERE slug = ?1")?
                .execute((&set, visibility))?;
            let detail = format!("{set}: {before} -> {visibility}");
            record_audit(connection, teacher.user(), "set.visibility", &detail)
        })
    }
}

fn teachable_from_row(row: &Row<'_>) -> rusqlite::Result<TeachableSet> {
    Ok(TeachableSet {
        set: row.get(0)?,
        title: row.get(1)?,
        cards: row.get(2)?,
        visibility: row.get(3)?,
        owner_name: row.get(4)?,
        may_change: row.get(5)?,
    })
}
