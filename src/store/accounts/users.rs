//! Users: who they are, their role and their daily limit of new cards. Usernames are unique
//! regardless of case ("Alice" and "alice" are one user).

use std::fmt;
use std::str::FromStr;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::Serialize;

use crate::store::error::is_unique_violation;
use crate::store::{Pending, Store, StoreError, UserId};

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Instructor,
    Student,
}

impl Role {
    /// The role as stored and shown: `admin`, `instructor` or `student`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Instructor => "instructor",
            Role::Student => "student",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A word that is not a role.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a role: use admin, instructor or student")]
pub struct RoleError(pub String);

impl FromStr for Role {
    type Err = RoleError;

    fn from_str(text: &str) -> Result<Role, RoleError> {
        match text {
            "admin" => Ok(Role::Admin),
            "instructor" => Ok(Role::Instructor),
            "student" => Ok(Role::Student),
            _ => Err(RoleError(text.to_string())),
        }
    }
}

impl ToSql for Role {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for Role {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        value
            .as_str()?
            .parse()
            .map_err(|error: RoleError| FromSqlError::Other(Box::new(error)))
    }
}

/// A user as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    /// As it was typed at sign-up (lookups ignore case).
    pub username: String,
    /// The argon2 PHC string.
    pub password_hash: String,
    pub role: Role,
    /// How many cards the user meets for the first time per study day, in each set.
    pub daily_new_limit: u32,
}

/// The columns [`user_from_row`] reads, in order; for queries that select a user.
pub(in crate::store) const USER_COLUMNS: &str = "users.id, users.username, users.password_hash, \
                                       users.role, users.daily_new_limit";

pub(in crate::store) fn user_from_row(row: &Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: row.get(0)?,
        username: row.get(1)?,
        password_hash: row.get(2)?,
        role: row.get(3)?,
        daily_new_limit: row.get(4)?,
    })
}

/// The user's daily limit of new cards; [`StoreError::UnknownUser`] if there is no such user.
pub(in crate::store) fn daily_new_limit(
    connection: &Connection,
    user: UserId,
) -> Result<u32, StoreError> {
    connection
        .prepare_cached("SELECT daily_new_limit FROM users WHERE id = ?1")?
        .query_row([user], |row| row.get(0))
        .optional()?
        .ok_or(StoreError::UnknownUser(user))
}

/// Inserts a user inside the caller's write; [`StoreError::UsernameTaken`] if the name is in use.
pub(in crate::store) fn insert_user(
    connection: &Connection,
    username: &str,
    password_hash: &str,
    role: Role,
) -> Result<UserId, StoreError> {
    let inserted = connection
        .prepare_cached("INSERT INTO users (username, password_hash, role) VALUES (?1, ?2, ?3)")?
        .insert((username, password_hash, role));
    match inserted {
        Ok(id) => Ok(UserId(id)),
        Err(error) if is_unique_violation(&error, "users.username") => {
            Err(StoreError::UsernameTaken(username.to_string()))
        }
        Err(error) => Err(error.into()),
    }
}

impl Store {
    /// Adds a user. [`StoreError::UsernameTaken`] if the name is in use, in any case.
    pub fn create_user(&self, username: &str, password_hash: &str, role: Role) -> Pending<UserId> {
        let username = username.to_string();
        let password_hash = password_hash.to_string();
        self.write(move |connection| insert_user(connection, &username, &password_hash, role))
    }

    /// The user with this name, in any case.
    pub fn user_by_name(&self, username: &str) -> Result<Option<User>, StoreError> {
        self.read(|connection| {
            let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE username = ?1");
            Ok(connection
                .prepare_cached(&sql)?
                .query_row([username], user_from_row)
                .optional()?)
        })
    }

    /// The user with this id.
    pub fn user_by_id(&self, user: UserId) -> Result<Option<User>, StoreError> {
        self.read(|connection| {
            let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1");
            Ok(connection
                .prepare_cached(&sql)?
                .query_row([user], user_from_row)
                .optional()?)
        })
    }

    /// How many users there are.
    pub fn user_count(&self) -> Result<u64, StoreError> {
        self.read(|connection| {
            let count: i64 = connection
                .prepare_cached("SELECT count(*) FROM users")?
                .query_row([], |row| row.get(0))?;
            Ok(count.unsigned_abs())
        })
    }

    /// Sets how many new cards the user meets per study day.
    pub fn set_daily_new_limit(&self, user: UserId, limit: u32) -> Pending<()> {
        self.write(move |connection| {
            let changed = connection
                .prepare_cached("UPDATE users SET daily_new_limit = ?2 WHERE id = ?1")?
                .execute((user, limit))?;
            if changed == 0 {
                return Err(StoreError::UnknownUser(user));
            }
            Ok(())
        })
    }
}
