//! What can go wrong in the store, in words a person can act on. The web layer maps these to
//! HTTP statuses; the CLI prints them.

use std::path::PathBuf;
use std::sync::Arc;

use crate::questions::{CardId, SetId};

use super::{CardRow, ClassId, UserId};

/// An error from the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not open the database {path}: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "the database {path} has schema version {found}, but this studyhall knows versions up to \
         {known} only: it was written by a newer studyhall; run that version (or restore a backup \
         made before the upgrade)"
    )]
    DatabaseTooNew {
        path: PathBuf,
        found: usize,
        known: usize,
    },
    /// Names the migration file and SQLite's complaint, not the migration's whole SQL.
    #[error("could not apply the migration {name} (schema version {version}): {reason}")]
    Migration {
        name: &'static str,
        version: usize,
        reason: String,
    },
    #[error("could not lock the folder {folder} to migrate the database in it: {source}")]
    MigrationLock {
        folder: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file was deleted or replaced under the running server (see `store::watch`).
    #[error(
        "the database file {path} was {what} while studyhall ran, so nothing more can be saved: \
         stop studyhall, put the file back (or restore the latest backup) and start it again"
    )]
    DatabaseLost { path: PathBuf, what: &'static str },
    #[error("could not back up the database to {to}: {reason}")]
    Backup { to: PathBuf, reason: String },
    /// The health check found the database unfit for work.
    #[error("{0}")]
    Unhealthy(String),
    #[error("the username {0:?} is taken")]
    UsernameTaken(String),
    #[error("there is no user {0}")]
    UnknownUser(UserId),
    #[error("there is no set {0:?}")]
    UnknownSet(SetId),
    #[error("there is no card {0}")]
    UnknownCard(CardRow),
    #[error("this answer was already recorded (review token {0})")]
    ReviewTokenUsed(String),
    #[error("your instructor rejected this answer on this card: it cannot be claimed again")]
    ClaimRejected,
    /// Past [`crate::store::study::claims::MOST_CLAIMS_PER_SET_PER_DAY`].
    #[error("{}", crate::store::study::claims::too_many_claims())]
    TooManyClaims,
    #[error("the set {0:?} is imported twice in one import")]
    DuplicateSet(SetId),
    /// A set uploaded in the browser is replaced only there, by its owner or the admin.
    #[error(
        "the set {set:?} was uploaded in the browser by {owner} and is theirs: `studyhall import` \
         and the questions/ folder do not replace it; give this file another set id, or publish \
         it from the set's page (/teach/sets/{set})"
    )]
    SetUploaded { set: SetId, owner: String },
    #[error("the set {set:?} has two cards with the id {card:?}")]
    DuplicateCard { set: SetId, card: CardId },
    /// No live class has the code (archived classes take no one new).
    #[error(
        "no class has this join code: check it with your instructor (a code has 6 letters and \
         digits; case, spaces and dashes do not matter)"
    )]
    UnknownJoinCode,
    /// No such class, or not one the instructor asking may see.
    #[error("there is no class {0}")]
    UnknownClass(ClassId),
    #[error("a class belongs to an instructor: name the instructor it is for")]
    ClassNeedsInstructor,
    #[error("the class {0} is archived: restore it before changing it")]
    ClassArchived(ClassId),
    #[error("only the owner of the set {0:?} or the admin may change who sees it")]
    SetNotYours(SetId),
    #[error(
        "the set {0:?} is restricted to its owner's classes: only its owner or the admin may \
         assign it"
    )]
    SetNotAssignable(SetId),
    #[error("{0:?} is not a verdict: use correct, almost, wrong or self-graded")]
    UnknownVerdict(String),
    #[error("could not write a card as JSON: {0}")]
    CardJson(#[source] serde_json::Error),
    /// The database holds a value this studyhall cannot read back, e.g. a card body that no
    /// longer parses: a bug or a hand-edited database.
    #[error("the database holds an unreadable value: {0}")]
    Corrupt(String),
    /// The transaction a write was batched into could not begin or commit: every write of the
    /// batch gets this, since none of them was saved.
    #[error("could not {action} the write transaction: {source}")]
    Transaction {
        action: &'static str,
        #[source]
        source: Arc<rusqlite::Error>,
    },
    #[error("the database writer stopped; restart studyhall")]
    WriterStopped,
    #[error("a database write failed unexpectedly (a bug: see the log)")]
    WritePanicked,
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// Whether `error` is a UNIQUE violation on `table.column`, e.g. `"reviews.review_token"`.
pub(super) fn is_unique_violation(error: &rusqlite::Error, column: &str) -> bool {
    match error {
        rusqlite::Error::SqliteFailure(failure, Some(message)) => {
            failure.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                && message.ends_with(column)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Messages name a set and a card as people write them, not as Rust's `Debug` shows them.
    #[test]
    fn messages_name_sets_and_cards_without_debug_text() {
        let set = SetId::parse("history").unwrap();
        let card = CardId::parse("q1").unwrap();
        let messages = [
            StoreError::UnknownSet(set.clone()).to_string(),
            StoreError::DuplicateSet(set.clone()).to_string(),
            StoreError::DuplicateCard { set, card }.to_string(),
        ];
        assert_eq!(messages[0], "there is no set \"history\"");
        for message in messages {
            assert!(
                !message.contains("SetId") && !message.contains("CardId"),
                "{message}"
            );
        }
    }
}
