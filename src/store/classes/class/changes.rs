//! Changing classes: creating one, its join code, its members, archiving; and joining one.
//! Each change is one write that checks, in the same transaction, that the teacher may make it.

use rusqlite::{Connection, OptionalExtension};

use crate::store::accounts::settings::record_audit;
use crate::store::accounts::users::daily_new_limit;
use crate::store::error::is_unique_violation;
use crate::store::{JoinCode, Pending, Store, StoreError, UserId};

use super::{ClassId, ClassName, ClassSummary, Teacher, summary};

/// How many fresh codes a write draws before giving up on a run of collisions: with 887
/// million codes, even a second draw is a once-in-a-lifetime event.
const CODE_ATTEMPTS: usize = 8;

impl Store {
    /// Creates a class owned by `teacher`, with a fresh join code. The command line owns no
    /// class: it creates one for an instructor, as that instructor
    /// ([`StoreError::ClassNeedsInstructor`] otherwise).
    pub fn create_class(&self, teacher: Teacher, name: &ClassName) -> Pending<ClassSummary> {
        let Some(owner) = teacher.user() else {
            return Pending::refused(StoreError::ClassNeedsInstructor);
        };
        let name = name.as_str().to_string();
        self.write(move |connection| {
            let (id, _) = with_fresh_code(|code| {
                connection
                    .prepare_cached(
                        "INSERT INTO classes (owner_id, name, join_code) VALUES (?1, ?2, ?3)",
                    )?
                    .insert((owner, &name, code))
            })?;
            live_summary(connection, teacher, ClassId(id))
        })
    }

    /// Gives the class a new join code: the old one stops working at once (members stay).
    pub fn regenerate_join_code(&self, teacher: Teacher, class: ClassId) -> Pending<JoinCode> {
        self.write(move |connection| {
            live_summary(connection, teacher, class)?;
            let (_, code) = with_fresh_code(|code| {
                connection
                    .prepare_cached("UPDATE classes SET join_code = ?2 WHERE id = ?1")?
                    .execute((class, code))
            })?;
            Ok(code)
        })
    }

    /// Takes `member` out of the class (archived or not); `false` if they were not in it.
    /// Their own progress stays: it is theirs, not the class's.
    pub fn remove_member(&self, teacher: Teacher, class: ClassId, member: UserId) -> Pending<bool> {
        self.write(move |connection| {
            let found =
                summary(connection, teacher, class)?.ok_or(StoreError::UnknownClass(class))?;
            let removed = connection
                .prepare_cached("DELETE FROM class_members WHERE class_id = ?1 AND user_id = ?2")?
                .execute((class, member))?;
            if removed == 0 {
                return Ok(false);
            }
            let username: String = connection
                .prepare_cached("SELECT username FROM users WHERE id = ?1")?
                .query_row([member], |row| row.get(0))?;
            let detail = format!("{username} from {} ({class})", found.name);
            record_audit(connection, teacher.user(), "class.remove_member", &detail)?;
            Ok(true)
        })
    }

    /// Archives the class (`true`) or restores it (`false`); see the module notes for what an
    /// archived class still does. Logged in the audit log when it changes anything.
    pub fn set_class_archived(
        &self,
        teacher: Teacher,
        class: ClassId,
        archived: bool,
    ) -> Pending<()> {
        self.write(move |connection| {
            let found =
                summary(connection, teacher, class)?.ok_or(StoreError::UnknownClass(class))?;
            if found.archived == archived {
                return Ok(());
            }
            connection
                .prepare_cached("UPDATE classes SET archived = ?2 WHERE id = ?1")?
                .execute((class, archived))?;
            let action = if archived {
                "class.archive"
            } else {
                "class.restore"
            };
            record_audit(
                connection,
                teacher.user(),
                action,
                &format!("{} ({class})", found.name),
            )
        })
    }

    /// Puts `user` in the live class whose join code is `code` (as typed: any case, spaces and
    /// dashes ignored). Joining a class twice changes nothing. [`StoreError::UnknownJoinCode`]
    /// when no live class has the code, [`StoreError::UnknownUser`] for a bad user.
    pub fn join_class(&self, user: UserId, code: &str) -> Pending<ClassSummary> {
        let Ok(code) = JoinCode::parse(code) else {
            return Pending::refused(StoreError::UnknownJoinCode);
        };
        self.write(move |connection| {
            daily_new_limit(connection, user)?; // proves the user exists
            let class: ClassId = connection
                .prepare_cached("SELECT id FROM classes WHERE join_code = ?1 AND archived = 0")?
                .query_row([&code], |row| row.get(0))
                .optional()?
                .ok_or(StoreError::UnknownJoinCode)?;
            connection
                .prepare_cached(
                    "INSERT INTO class_members (class_id, user_id) VALUES (?1, ?2)
                     ON CONFLICT DO NOTHING",
                )?
                .execute((class, user))?;
            any_summary(connection, class)
        })
    }
}

/// The class if `teacher` may change it: it exists, they may see it, and it is not archived.
pub(in crate::store) fn live_summary(
    connection: &Connection,
    teacher: Teacher,
    class: ClassId,
) -> Result<ClassSummary, StoreError> {
    let found = summary(connection, teacher, class)?.ok_or(StoreError::UnknownClass(class))?;
    if found.archived {
        return Err(StoreError::ClassArchived(class));
    }
    Ok(found)
}

/// The class, whoever asks: for a student who has just joined it.
fn any_summary(connection: &Connection, class: ClassId) -> Result<ClassSummary, StoreError> {
    summary(connection, Teacher::console(), class)?.ok_or(StoreError::UnknownClass(class))
}

/// Runs `write` with fresh codes until one is not taken by another class; gives what `write`
/// gave and the code it used.
fn with_fresh_code<T>(
    mut write: impl FnMut(&JoinCode) -> rusqlite::Result<T>,
) -> Result<(T, JoinCode), StoreError> {
    let mut attempt = 1;
    loop {
        let code = JoinCode::generate();
        match write(&code) {
            Err(error)
                if attempt < CODE_ATTEMPTS && is_unique_violation(&error, "classes.join_code") =>
            {
                attempt += 1;
            }
            done => return Ok((done?, code)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taken() -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE),
            Some("UNIQUE constraint failed: classes.join_code".into()),
        )
    }

    #[test]
    fn a_code_taken_by_another_class_is_drawn_again() {
        let mut tried = Vec::new();
        let (done, code) = with_fresh_code(|code| {
            tried.push(code.clone());
            if tried.len() < 3 {
                Err(taken())
            } else {
                Ok("saved")
            }
        })
        .unwrap();
        assert_eq!((done, tried.len()), ("saved", 3));
        assert_eq!(
            tried.last(),
            Some(&code),
            "the code given back is the one saved"
        );
    }

    #[test]
    fn a_run_of_collisions_ends_with_the_error_and_other_errors_are_not_retried() {
        let mut attempts = 0;
        let result = with_fresh_code(|_| -> rusqlite::Result<()> {
            attempts += 1;
            Err(taken())
        });
        assert!(matches!(result, Err(StoreError::Sqlite(_))), "{result:?}");
        assert_eq!(attempts, CODE_ATTEMPTS);

        let mut attempts = 0;
        let result = with_fresh_code(|_| -> rusqlite::Result<()> {
            attempts += 1;
            Err(rusqlite::Error::InvalidQuery)
        });
        assert!(result.is_err());
        assert_eq!(attempts, 1);
    }
}
