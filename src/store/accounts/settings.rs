//! Instance-wide settings (the `settings` table, key to text) and the audit log of the admin's
//! and instructors' decisions.
//!
//! The only setting so far is [`RegistrationMode`]: who may create an account by themself.

use std::fmt;
use std::str::FromStr;

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::store::{Pending, Store, StoreError, UserId};

/// The settings key of the registration mode.
const REGISTRATION_KEY: &str = "registration";

/// Who may register by themself. Accounts made by the admin (or `studyhall user add`) are not
/// affected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RegistrationMode {
    /// Anyone who reaches the server: a fresh install works at once.
    #[default]
    Open,
    /// Only with a class join code: the new student joins that class.
    Code,
    /// Nobody: the admin creates the accounts.
    Closed,
}

impl RegistrationMode {
    /// Every mode, in the order the admin page offers them.
    pub const ALL: [RegistrationMode; 3] = [
        RegistrationMode::Open,
        RegistrationMode::Code,
        RegistrationMode::Closed,
    ];

    /// The mode as stored and typed: `open`, `code` or `closed`.
    pub fn as_str(self) -> &'static str {
        match self {
            RegistrationMode::Open => "open",
            RegistrationMode::Code => "code",
            RegistrationMode::Closed => "closed",
        }
    }
}

impl fmt::Display for RegistrationMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A word that is not a registration mode.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a registration mode: use open, code or closed")]
pub struct RegistrationModeError(pub String);

impl FromStr for RegistrationMode {
    type Err = RegistrationModeError;

    fn from_str(text: &str) -> Result<RegistrationMode, RegistrationModeError> {
        RegistrationMode::ALL
            .into_iter()
            .find(|mode| mode.as_str() == text)
            .ok_or_else(|| RegistrationModeError(text.to_string()))
    }
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// Unix milliseconds.
    pub at_ms: i64,
    /// Who did it: `None` for the command line, or an account since deleted.
    pub actor: Option<String>,
    /// What was done, e.g. `user.role`.
    pub action: String,
    /// The particulars, e.g. `ada: student -> instructor`.
    pub detail: String,
}

/// Appends a line to the audit log, inside the caller's write.
pub(in crate::store) fn record_audit(
    connection: &Connection,
    actor: Option<UserId>,
    action: &str,
    detail: &str,
) -> Result<(), StoreError> {
    connection
        .prepare_cached(
            "INSERT INTO audit_log (at, actor_id, action, detail)
             VALUES (CAST(unixepoch('subsec') * 1000 AS INTEGER), ?1, ?2, ?3)",
        )?
        .execute((actor, action, detail))?;
    Ok(())
}

/// The value of a setting, if it is set.
pub(in crate::store) fn setting(
    connection: &Connection,
    key: &str,
) -> Result<Option<String>, StoreError> {
    Ok(connection
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |row| row.get(0))
        .optional()?)
}

/// Sets (or replaces) a setting.
pub(in crate::store) fn put_setting(
    connection: &Connection,
    key: &str,
    value: &str,
) -> Result<(), StoreError> {
    connection
        .prepare_cached(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )?
        .execute((key, value))?;
    Ok(())
}

/// The registration mode stored, or the default when none is.
fn registration_mode(connection: &Connection) -> Result<RegistrationMode, StoreError> {
    match setting(connection, REGISTRATION_KEY)? {
        None => Ok(RegistrationMode::default()),
        Some(text) => text.parse().map_err(|error: RegistrationModeError| {
            StoreError::Corrupt(format!("the setting {REGISTRATION_KEY}: {error}"))
        }),
    }
}

impl Store {
    /// Who may register by themself now.
    pub fn registration_mode(&self) -> Result<RegistrationMode, StoreError> {
        self.read(registration_mode)
    }

    /// Sets who may register; a change is logged with `by` (`None`: the command line). Returns
    /// whether the mode changed.
    pub fn set_registration_mode(
        &self,
        mode: RegistrationMode,
        by: Option<UserId>,
    ) -> Pending<bool> {
        self.write(move |connection| {
            let before = registration_mode(connection)?;
            put_setting(connection, REGISTRATION_KEY, mode.as_str())?;
            if before == mode {
                return Ok(false);
            }
            let detail = format!("{before} -> {mode}");
            record_audit(connection, by, "settings.registration", &detail)?;
            Ok(true)
        })
    }

    /// The latest `limit` lines of the audit log, newest first.
    pub fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        self.read(|connection| {
            let mut statement = connection.prepare_cached(
                "SELECT audit_log.at, users.username, audit_log.action, audit_log.detail
                 FROM audit_log LEFT JOIN users ON users.id = audit_log.actor_id
                 ORDER BY audit_log.id DESC LIMIT ?1",
            )?;
            let entries = statement
                .query_map([limit], |row| {
                    Ok(AuditEntry {
                        at_ms: row.get(0)?,
                        actor: row.get(1)?,
                        action: row.get(2)?,
                        detail: row.get(3)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
            Ok(entries)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::open_store;

    #[test]
    fn modes_read_back_as_written_and_other_words_are_refused() {
        for mode in RegistrationMode::ALL {
            assert_eq!(mode.as_str().parse::<RegistrationMode>(), Ok(mode));
        }
        let error = "Open".parse::<RegistrationMode>().unwrap_err();
        assert!(
            error.to_string().contains("open, code or closed"),
            "{error}"
        );
    }

    #[test]
    fn registration_is_open_until_set_and_only_a_change_is_logged() {
        let fixture = open_store();
        let store = &fixture.store;
        assert_eq!(store.registration_mode().unwrap(), RegistrationMode::Open);
        assert!(
            !store
                .set_registration_mode(RegistrationMode::Open, None)
                .wait()
                .unwrap()
        );
        assert!(
            store.audit_log(10).unwrap().is_empty(),
            "no change, no line"
        );
        assert!(
            store
                .set_registration_mode(RegistrationMode::Code, None)
                .wait()
                .unwrap()
        );
        assert_eq!(store.registration_mode().unwrap(), RegistrationMode::Code);
        let log = store.audit_log(10).unwrap();
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].action, "settings.registration");
        assert_eq!(log[0].detail, "open -> code");
        assert_eq!(log[0].actor, None);
    }
}
