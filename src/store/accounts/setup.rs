//! The one-time set-up link that creates the first admin in the browser.
//!
//! While the server has no admin, each start stores a new random token (its SHA-256 only, like
//! session tokens, and an expiry) in `settings`, replacing the last. Whoever opens the link
//! first creates the admin; creating it and using up the token are one write, so two tabs
//! cannot both do it. Once there is an admin, no token is valid.

use sha2::{Digest, Sha256};

use super::settings::{put_setting, record_audit, setting};
use super::users::insert_user;
use crate::store::{Pending, Role, Store, StoreError, UserId};

const TOKEN_KEY: &str = "setup_token_sha256";
const EXPIRY_KEY: &str = "setup_token_expires_at";

/// The set-up link was wrong, used, expired, or there is an admin already. Nothing was changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "this set-up link is not valid: it was used, it expired, or the server has an admin already"
)]
pub struct SetupLinkInvalid;

fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Whether `token` is the stored set-up token, unexpired at `now_ms`, and no admin exists yet.
fn is_valid(
    connection: &rusqlite::Connection,
    token: &str,
    now_ms: i64,
) -> Result<bool, StoreError> {
    let admins: i64 = connection
        .prepare_cached("SELECT count(*) FROM users WHERE role = 'admin'")?
        .query_row([], |row| row.get(0))?;
    if admins > 0 {
        return Ok(false);
    }
    let stored = setting(connection, TOKEN_KEY)?;
    let expires_at = setting(connection, EXPIRY_KEY)?.and_then(|text| text.parse::<i64>().ok());
    Ok(match (stored, expires_at) {
        // Comparing hashes, not tokens: how long the comparison takes tells nothing useful.
        (Some(stored), Some(expires_at)) => stored == token_hash(token) && now_ms < expires_at,
        _ => false,
    })
}

fn forget_token(connection: &rusqlite::Connection) -> Result<(), StoreError> {
    connection
        .prepare_cached("DELETE FROM settings WHERE key IN (?1, ?2)")?
        .execute((TOKEN_KEY, EXPIRY_KEY))?;
    Ok(())
}

impl Store {
    /// Stores `token` as the set-up token until `expires_at_ms`, replacing any earlier one, if
    /// the server has no admin; answers whether it did (with an admin, any old token is removed).
    pub fn begin_setup(&self, token: &str, expires_at_ms: i64) -> Pending<bool> {
        let hash = token_hash(token);
        self.write(move |connection| {
            let admins: i64 = connection
                .prepare_cached("SELECT count(*) FROM users WHERE role = 'admin'")?
                .query_row([], |row| row.get(0))?;
            if admins > 0 {
                forget_token(connection)?;
                return Ok(false);
            }
            put_setting(connection, TOKEN_KEY, &hash)?;
            put_setting(connection, EXPIRY_KEY, &expires_at_ms.to_string())?;
            Ok(true)
        })
    }

    /// Whether the set-up link with `token` may be used at `now_ms`.
    pub fn setup_token_is_valid(&self, token: &str, now_ms: i64) -> Result<bool, StoreError> {
        self.read(|connection| is_valid(connection, token, now_ms))
    }

    /// Creates the admin `username` with the set-up token, using it up, in one write.
    /// [`StoreError::UsernameTaken`] (the token stays valid) if a student took the name first.
    pub fn finish_setup(
        &self,
        token: &str,
        now_ms: i64,
        username: &str,
        password_hash: &str,
    ) -> Pending<Result<UserId, SetupLinkInvalid>> {
        let (token, username) = (token.to_string(), username.to_string());
        let password_hash = password_hash.to_string();
        self.write(move |connection| {
            if !is_valid(connection, &token, now_ms)? {
                return Ok(Err(SetupLinkInvalid));
            }
            let admin = insert_user(connection, &username, &password_hash, Role::Admin)?;
            forget_token(connection)?;
            record_audit(
                connection,
                Some(admin),
                "setup.admin",
                &format!("{username} as admin"),
            )?;
            Ok(Ok(admin))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::open_store;

    const NOW: i64 = 1_700_000_000_000;

    #[test]
    fn the_token_works_once_then_never_again() {
        let fixture = open_store();
        let store = &fixture.store;
        assert!(store.begin_setup("secret", NOW + 1000).wait().unwrap());
        assert!(!store.setup_token_is_valid("wrong", NOW).unwrap());
        assert!(store.setup_token_is_valid("secret", NOW).unwrap());
        let admin = store
            .finish_setup("secret", NOW, "root", "$argon2id$x")
            .wait()
            .unwrap();
        let admin = admin.expect("the first use creates the admin");
        assert_eq!(store.user_by_id(admin).unwrap().unwrap().role, Role::Admin);
        assert!(!store.setup_token_is_valid("secret", NOW).unwrap());
        let again = store
            .finish_setup("secret", NOW, "other", "$argon2id$x")
            .wait()
            .unwrap();
        assert_eq!(again, Err(SetupLinkInvalid));
        assert!(store.user_by_name("other").unwrap().is_none());
        assert!(
            !store.begin_setup("new", NOW + 1000).wait().unwrap(),
            "an admin exists"
        );
    }

    #[test]
    fn an_expired_or_replaced_token_is_refused() {
        let fixture = open_store();
        let store = &fixture.store;
        store.begin_setup("first", NOW + 1000).wait().unwrap();
        assert!(
            !store.setup_token_is_valid("first", NOW + 1000).unwrap(),
            "expired"
        );
        store.begin_setup("second", NOW + 1000).wait().unwrap();
        assert!(
            !store.setup_token_is_valid("first", NOW).unwrap(),
            "replaced"
        );
        assert!(store.setup_token_is_valid("second", NOW).unwrap());
    }

    #[test]
    fn a_taken_username_leaves_the_token_valid() {
        let fixture = open_store();
        let store = &fixture.store;
        fixture.student("ada");
        store.begin_setup("secret", NOW + 1000).wait().unwrap();
        let taken = store
            .finish_setup("secret", NOW, "ADA", "$argon2id$x")
            .wait();
        assert!(
            matches!(taken, Err(StoreError::UsernameTaken(_))),
            "{taken:?}"
        );
        assert!(store.setup_token_is_valid("secret", NOW).unwrap());
    }
}
