//! Sets uploaded in the browser: who owns a set, what a new version would change (a read-only
//! preview), and publishing one.
//!
//! An uploaded set belongs to the teacher who first published it. Only that owner or the admin
//! may publish a new version; a set the server loaded itself (no owner) only the admin. A new
//! version goes through the same diff as `studyhall import` ([`super::import`]), so students keep
//! their progress on every card whose id is kept.

use rusqlite::{Connection, OptionalExtension};

use crate::questions::{QuestionSet, SetId};

use super::import::{ImportReport, import_set, plan, stored_cards};
use crate::store::accounts::settings::record_audit;
use crate::store::classes::class::Teacher;
use crate::store::{Pending, Store, StoreError, UserId, Visibility};

/// Who owns a set and who may study it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetOwnership {
    /// `None` for a set the server loaded itself.
    pub owner: Option<UserId>,
    pub owner_name: Option<String>,
    pub visibility: Visibility,
}

impl SetOwnership {
    /// Whether `teacher` may publish new versions of the set and download it: its owner, or
    /// the admin (the only one for a set the server loaded).
    pub fn may_manage(&self, teacher: Teacher) -> bool {
        teacher.may_change(self.owner)
    }
}

impl Store {
    /// The set's owner and visibility; `None` when there is no such set.
    pub fn set_ownership(&self, set: &SetId) -> Result<Option<SetOwnership>, StoreError> {
        self.read(|connection| ownership(connection, set))
    }

    /// What publishing `set` would change, computed without writing anything: a new set is
    /// `created` with every card added.
    pub fn preview_import(&self, set: &QuestionSet) -> Result<ImportReport, StoreError> {
        self.read(|connection| {
            let row: Option<i64> = connection
                .prepare_cached("SELECT id FROM sets WHERE slug = ?1")?
                .query_row([&set.id], |row| row.get(0))
                .optional()?;
            let stored = match row {
                Some(row) => stored_cards(connection, row)?,
                None => Default::default(),
            };
            Ok(plan(set, row.is_none(), stored)?.report)
        })
    }

    /// Publishes `set` (kept as `file_text`) for `teacher`, in one transaction: a new set
    /// becomes theirs with `visibility`; an existing one keeps its owner and visibility and
    /// may only be replaced by its owner or the admin ([`StoreError::SetNotYours`]). Logged in
    /// the audit log.
    pub fn publish_set(
        &self,
        teacher: Teacher,
        set: QuestionSet,
        file_text: String,
        visibility: Visibility,
    ) -> Pending<ImportReport> {
        self.write(move |connection| {
            let existing = ownership(connection, &set.id)?;
            if existing
                .as_ref()
                .is_some_and(|found| !found.may_manage(teacher))
            {
                return Err(StoreError::SetNotYours(set.id.clone()));
            }
            let report = import_set(connection, &set, &file_text)?;
            if report.created {
                connection
                    .prepare_cached(
                        "UPDATE sets SET owner_id = ?2, visibility = ?3 WHERE slug = ?1",
                    )?
                    .execute((&set.id, teacher.user(), visibility))?;
            }
            let detail = format!(
                "{}: {}, {} added, {} changed, {} retired, {} restored, {} unchanged",
                set.id,
                if report.created { "created" } else { "updated" },
                report.added.len(),
                report.changed.len(),
                report.retired.len(),
                report.restored.len(),
                report.unchanged
            );
            record_audit(connection, teacher.user(), "set.publish", &detail)?;
            Ok(report)
        })
    }
}

fn ownership(connection: &Connection, set: &SetId) -> Result<Option<SetOwnership>, StoreError> {
    Ok(connection
        .prepare_cached(
            "SELECT sets.owner_id, owner.username, sets.visibility
             FROM sets LEFT JOIN users AS owner ON owner.id = sets.owner_id
             WHERE sets.slug = ?1",
        )?
        .query_row([set], |row| {
            Ok(SetOwnership {
                owner: row.get(0)?,
                owner_name: row.get(1)?,
                visibility: row.get(2)?,
            })
        })
        .optional()?)
}

#[cfg(test)]
mod tests;
