//! The admin's work on accounts: the list of users, adding a user with a role, changing a role
//! and deleting an account. Each change is written to the audit log in the same transaction.
//!
//! The server always keeps an admin once it has one: the last admin can be neither demoted nor
//! deleted ([`AccountRefusal::LastAdmin`]).

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::scheduler::StudyDay;

use super::settings::record_audit;
use super::users::insert_user;
use crate::store::columns::serialize_day;
use crate::store::{JoinCode, Pending, Role, Store, StoreError, UserId};

/// Why a change to an account was refused. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountRefusal {
    #[error("there is no user {0}")]
    UnknownUser(UserId),
    #[error("{0} is the only admin: make another user admin first, so the server keeps one")]
    LastAdmin(String),
}

/// One user as the admin page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserListing {
    pub id: UserId,
    pub username: String,
    pub role: Role,
    /// Unix milliseconds.
    pub created_at_ms: i64,
    /// The last study day with a review; `None` if they never studied.
    #[serde(serialize_with = "serialize_optional_day")]
    pub last_studied: Option<StudyDay>,
}

fn serialize_optional_day<S: serde::Serializer>(
    day: &Option<StudyDay>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match day {
        Some(day) => serialize_day(day, serializer),
        None => serializer.serialize_none(),
    }
}

/// The audit log's actions whose detail starts with the username of the account the line is
/// about: `ada as instructor`, `ada: student -> instructor`, `ada set their password with
/// their link`, `ada from History 7A (3)`, `ada changed their password...`, `ada: password reset...`.
const NAMED_ACTIONS: &str = "('user.add', 'setup.admin', 'user.role', 'user.password', \
     'user.password_change', 'user.password_reset', 'class.remove_member')";

/// Puts `account N` for `username` at the head of the audit log's lines about the account being
/// deleted, so that the log keeps its number, not its name. A username holds no space and no
/// colon, and no two live accounts share one (in any case), so the name followed by either is
/// that account's; an earlier account of the same name was scrubbed when it was deleted.
fn scrub_name(connection: &Connection, username: &str, user: UserId) -> Result<(), StoreError> {
    let sql = format!(
        "UPDATE audit_log SET detail = ?2 || substr(detail, length(?1) + 1)
         WHERE action IN {NAMED_ACTIONS}
           AND lower(substr(detail, 1, length(?1) + 1)) IN (lower(?1) || ' ', lower(?1) || ':')"
    );
    connection
        .prepare_cached(&sql)?
        .execute((username, format!("account {user}")))?;
    Ok(())
}

/// The name and role of `user`, if there is such a user.
fn name_and_role(
    connection: &Connection,
    user: UserId,
) -> Result<Option<(String, Role)>, StoreError> {
    Ok(connection
        .prepare_cached("SELECT username, role FROM users WHERE id = ?1")?
        .query_row([user], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?)
}

fn admin_count(connection: &Connection) -> Result<i64, StoreError> {
    Ok(connection
        .prepare_cached("SELECT count(*) FROM users WHERE role = 'admin'")?
        .query_row([], |row| row.get(0))?)
}

/// [`AccountRefusal::LastAdmin`] if taking the admin role from `username` (now `role`) would
/// leave the server without one.
fn keeps_an_admin(
    connection: &Connection,
    username: &str,
    role: Role,
) -> Result<Result<(), AccountRefusal>, StoreError> {
    if role == Role::Admin && admin_count(connection)? <= 1 {
        return Ok(Err(AccountRefusal::LastAdmin(username.to_string())));
    }
    Ok(Ok(()))
}

impl Store {
    /// Every user, by username, with when they last studied.
    pub fn user_listing(&self) -> Result<Vec<UserListing>, StoreError> {
        self.read(|connection| {
            // The subquery is one step down the reviews_by_user_day index per user.
            let mut statement = connection.prepare_cached(
                "SELECT id, username, role, created_at,
                        (SELECT max(study_day) FROM reviews WHERE reviews.user_id = users.id)
                 FROM users ORDER BY username",
            )?;
            let users = statement
                .query_map([], |row| {
                    Ok(UserListing {
                        id: row.get(0)?,
                        username: row.get(1)?,
                        role: row.get(2)?,
                        created_at_ms: row.get(3)?,
                        last_studied: row.get(4)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
            Ok(users)
        })
    }

    /// Whether the server has an admin.
    pub fn has_admin(&self) -> Result<bool, StoreError> {
        self.read(|connection| Ok(admin_count(connection)? > 0))
    }

    /// Adds a user with `role`, logged as done `by` (`None`: the command line).
    /// [`StoreError::UsernameTaken`] if the name is in use, in any case.
    pub fn add_user(
        &self,
        username: &str,
        password_hash: &str,
        role: Role,
        by: Option<UserId>,
    ) -> Pending<UserId> {
        let (username, password_hash) = (username.to_string(), password_hash.to_string());
        self.write(move |connection| {
            let user = insert_user(connection, &username, &password_hash, role)?;
            record_audit(connection, by, "user.add", &format!("{username} as {role}"))?;
            Ok(user)
        })
    }

    /// Adds the student `username` as a member of the live class with the join code `code`, in
    /// one write: [`StoreError::UnknownJoinCode`] (and no account) when no live class has it,
    /// [`StoreError::UsernameTaken`] when the name is in use.
    pub fn add_student_to_class(
        &self,
        username: &str,
        password_hash: &str,
        code: JoinCode,
    ) -> Pending<UserId> {
        let (username, password_hash) = (username.to_string(), password_hash.to_string());
        self.write(move |connection| {
            let class: i64 = connection
                .prepare_cached("SELECT id FROM classes WHERE join_code = ?1 AND archived = 0")?
                .query_row([&code], |row| row.get(0))
                .optional()?
                .ok_or(StoreError::UnknownJoinCode)?;
            let user = insert_user(connection, &username, &password_hash, Role::Student)?;
            connection
                .prepare_cached("INSERT INTO class_members (class_id, user_id) VALUES (?1, ?2)")?
                .execute((class, user))?;
            Ok(user)
        })
    }

    /// Gives `user` the role `role`, logged as done `by`; answers the role they had.
    pub fn change_role(
        &self,
        user: UserId,
        role: Role,
        by: Option<UserId>,
    ) -> Pending<Result<Role, AccountRefusal>> {
        self.write(move |connection| {
            let Some((username, before)) = name_and_role(connection, user)? else {
                return Ok(Err(AccountRefusal::UnknownUser(user)));
            };
            if before == role {
                return Ok(Ok(before));
            }
            if let Err(refusal) = keeps_an_admin(connection, &username, before)? {
                return Ok(Err(refusal));
            }
            connection
                .prepare_cached("UPDATE users SET role = ?2 WHERE id = ?1")?
                .execute((user, role))?;
            let detail = format!("{username}: {before} -> {role}");
            record_audit(connection, by, "user.role", &detail)?;
            Ok(Ok(before))
        })
    }

    /// Deletes `user` and everything about them (sessions, card states, reviews, class
    /// memberships, the classes they teach), logged as done `by`; answers their username.
    ///
    /// The log keeps the account's number and role, not its name: the person is gone. Earlier
    /// lines about the account (added, role changed, removed from a class) are scrubbed the same
    /// way, in the same write.
    pub fn delete_user(
        &self,
        user: UserId,
        by: Option<UserId>,
    ) -> Pending<Result<String, AccountRefusal>> {
        self.write(move |connection| {
            let Some((username, role)) = name_and_role(connection, user)? else {
                return Ok(Err(AccountRefusal::UnknownUser(user)));
            };
            if let Err(refusal) = keeps_an_admin(connection, &username, role)? {
                return Ok(Err(refusal));
            }
            // Every reference to users cascades or is set to NULL (a test checks the schema).
            connection
                .prepare_cached("DELETE FROM users WHERE id = ?1")?
                .execute([user])?;
            // The row of someone deleting themself is gone: they are named in the detail.
            let detail = match by {
                Some(actor) if actor == user => format!("account {user} ({role}), by its owner"),
                _ => format!("account {user} ({role})"),
            };
            let by = by.filter(|actor| *actor != user);
            scrub_name(connection, &username, user)?;
            record_audit(connection, by, "user.delete", &detail)?;
            Ok(Ok(username))
        })
    }
}

#[cfg(test)]
mod tests;
