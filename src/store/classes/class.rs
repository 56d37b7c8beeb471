//! Classes: an instructor's group of students, joined with a code, with question sets assigned
//! to it ([`super::assignments`]).
//!
//! Who may do what: an instructor sees and changes only the classes they own, the admin all of
//! them ([`Teacher`]); a class someone may not see is reported as not existing.
//!
//! Archiving ends a class without losing anything. An archived class takes no one new (its code
//! stops working), no longer gives its members access to its restricted sets, and its daily
//! limits and exam days no longer apply; it drops out of its students' lists. Its instructor
//! still finds it, marked archived, with its members and sets (the dashboards keep its
//! figures), may remove members from it, and may restore it; everything else about it is
//! read-only until then. Students keep their own progress either way: progress belongs to
//! the student and the card, not to the class.

mod changes;
mod name;

pub(in crate::store) use changes::live_summary;
pub use name::{ClassName, ClassNameError, MAX_CLASS_NAME_CHARS};

use std::fmt;

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::questions::SetId;
use crate::scheduler::StudyDay;

use super::visibility::Visibility;
use crate::store::{JoinCode, Role, Store, StoreError, User, UserId};

/// A class's key in the database. Holding one does not prove the class exists, or that the
/// holder may see it: the store checks both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClassId(pub i64);

impl fmt::Display for ClassId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

impl ToSql for ClassId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0))
    }
}

impl FromSql for ClassId {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        i64::column_result(value).map(ClassId)
    }
}

/// Someone who teaches: an instructor, who sees and changes only their own classes and sets,
/// or the admin, who sees and changes all of them. Students are not teachers: [`Teacher::of`]
/// gives `None` for them, so no store call that needs a teacher can be made for a student.
/// The command line is a teacher too ([`Teacher::console`]): the admin's rights, on no one's
/// behalf.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Teacher {
    /// `None` for the command line.
    user: Option<UserId>,
    admin: bool,
}

impl Teacher {
    /// The user as a teacher; `None` for a student.
    pub fn of(user: &User) -> Option<Teacher> {
        let admin = match user.role {
            Role::Admin => true,
            Role::Instructor => false,
            Role::Student => return None,
        };
        Some(Teacher {
            user: Some(user.id),
            admin,
        })
    }

    /// Whoever runs the server's command line: they may change every class and set, like the
    /// admin, but own none (a class made there is made for a named instructor), and the audit
    /// log names no one for what they do.
    pub fn console() -> Teacher {
        Teacher {
            user: None,
            admin: true,
        }
    }

    /// The teacher's account; `None` for the command line.
    pub fn user(self) -> Option<UserId> {
        self.user
    }

    pub fn is_admin(self) -> bool {
        self.admin
    }

    /// Whether the teacher may change what `owner` owns: it is theirs, or they are the admin.
    /// Sets loaded by the server itself (no owner) are the admin's alone.
    pub fn may_change(self, owner: Option<UserId>) -> bool {
        self.admin || (owner.is_some() && owner == self.user)
    }
}

/// A class in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassSummary {
    pub id: ClassId,
    pub name: String,
    pub join_code: JoinCode,
    pub archived: bool,
    /// The instructor (or admin) who created it.
    pub owner: UserId,
    pub owner_name: String,
    /// Students in it.
    pub members: u32,
    /// Question sets assigned to it.
    pub sets: u32,
}

/// A student of a class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub user: UserId,
    pub username: String,
    /// Unix milliseconds.
    pub joined_at_ms: i64,
}

/// A question set assigned to a class, with the class's own limits for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignedSet {
    pub set: SetId,
    pub title: String,
    pub visibility: Visibility,
    /// New cards of this set a member may start per day (their own limit still applies).
    pub daily_new_limit: Option<u32>,
    /// No card of the set is scheduled past this day for the members.
    pub exam_day: Option<StudyDay>,
}

/// A class with its members and sets, for its manage page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassDetail {
    pub summary: ClassSummary,
    /// By username.
    pub members: Vec<Member>,
    /// By title.
    pub sets: Vec<AssignedSet>,
}

/// A live class as one of its students sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinedClass {
    pub id: ClassId,
    pub name: String,
    /// The username of the class's instructor.
    pub instructor: String,
    /// Question sets assigned to it.
    pub sets: u32,
}

/// The columns [`summary_from_row`] reads; `k` is `classes`, `o` its owner in `users`.
const SUMMARY: &str = "SELECT k.id, k.name, k.join_code, k.archived, k.owner_id, o.username,
        (SELECT count(*) FROM class_members AS m WHERE m.class_id = k.id),
        (SELECT count(*) FROM class_sets AS cs WHERE cs.class_id = k.id)
    FROM classes AS k JOIN users AS o ON o.id = k.owner_id";

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ClassSummary> {
    Ok(ClassSummary {
        id: row.get(0)?,
        name: row.get(1)?,
        join_code: row.get(2)?,
        archived: row.get(3)?,
        owner: row.get(4)?,
        owner_name: row.get(5)?,
        members: row.get(6)?,
        sets: row.get(7)?,
    })
}

/// The class, if `teacher` may see it (they own it, or they are the admin).
pub(in crate::store) fn summary(
    connection: &Connection,
    teacher: Teacher,
    class: ClassId,
) -> Result<Option<ClassSummary>, StoreError> {
    let sql = format!("{SUMMARY} WHERE k.id = ?1 AND (k.owner_id = ?2 OR ?3)");
    Ok(connection
        .prepare_cached(&sql)?
        .query_row((class, teacher.user, teacher.admin), summary_from_row)
        .optional()?)
}

impl Store {
    /// The classes `teacher` runs (every class, for the admin): live ones first, then by name.
    pub fn classes_taught(&self, teacher: Teacher) -> Result<Vec<ClassSummary>, StoreError> {
        self.read(|connection| {
            let sql = format!(
                "{SUMMARY} WHERE k.owner_id = ?1 OR ?2
                 ORDER BY k.archived, k.name COLLATE NOCASE, k.id"
            );
            let mut statement = connection.prepare_cached(&sql)?;
            let rows = statement.query_map((teacher.user, teacher.admin), summary_from_row)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// The class with its members and sets; `None` if there is no such class or `teacher`
    /// may not see it.
    pub fn class_detail(
        &self,
        teacher: Teacher,
        class: ClassId,
    ) -> Result<Option<ClassDetail>, StoreError> {
        self.read(|connection| {
            let Some(summary) = summary(connection, teacher, class)? else {
                return Ok(None);
            };
            Ok(Some(ClassDetail {
                summary,
                members: members(connection, class)?,
                sets: assigned_sets(connection, class)?,
            }))
        })
    }

    /// The live class whose join code is `code`, for the page that asks to confirm joining.
    pub fn live_class_by_code(&self, code: &JoinCode) -> Result<Option<JoinedClass>, StoreError> {
        self.read(|connection| {
            Ok(connection
                .prepare_cached(
                    "SELECT k.id, k.name, o.username,
                         (SELECT count(*) FROM class_sets AS cs WHERE cs.class_id = k.id)
                     FROM classes AS k JOIN users AS o ON o.id = k.owner_id
                     WHERE k.join_code = ?1 AND k.archived = 0",
                )?
                .query_row([code], joined_from_row)
                .optional()?)
        })
    }

    /// The live classes `user` is a member of, by name.
    pub fn classes_joined(&self, user: UserId) -> Result<Vec<JoinedClass>, StoreError> {
        self.read(|connection| {
            let mut statement = connection.prepare_cached(
                "SELECT k.id, k.name, o.username,
                     (SELECT count(*) FROM class_sets AS cs WHERE cs.class_id = k.id)
                 FROM class_members AS m JOIN classes AS k ON k.id = m.class_id
                 JOIN users AS o ON o.id = k.owner_id
                 WHERE m.user_id = ?1 AND k.archived = 0
                 ORDER BY k.name COLLATE NOCASE, k.id",
            )?;
            let rows = statement.query_map([user], joined_from_row)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }
}

fn joined_from_row(row: &Row<'_>) -> rusqlite::Result<JoinedClass> {
    Ok(JoinedClass {
        id: row.get(0)?,
        name: row.get(1)?,
        instructor: row.get(2)?,
        sets: row.get(3)?,
    })
}

fn members(connection: &Connection, class: ClassId) -> Result<Vec<Member>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT u.id, u.username, m.joined_at
         FROM class_members AS m JOIN users AS u ON u.id = m.user_id
         WHERE m.class_id = ?1
         ORDER BY u.username COLLATE NOCASE",
    )?;
    let rows = statement.query_map([class], |row| {
        Ok(Member {
            user: row.get(0)?,
            username: row.get(1)?,
            joined_at_ms: row.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn assigned_sets(connection: &Connection, class: ClassId) -> Result<Vec<AssignedSet>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT s.slug, s.title, s.visibility, cs.daily_new_limit, cs.exam_day
         FROM class_sets AS cs JOIN sets AS s ON s.id = cs.set_id
         WHERE cs.class_id = ?1
         ORDER BY s.title, s.slug",
    )?;
    let rows = statement.query_map([class], |row| {
        Ok(AssignedSet {
            set: row.get(0)?,
            title: row.get(1)?,
            visibility: row.get(2)?,
            daily_new_limit: row.get(3)?,
            exam_day: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
