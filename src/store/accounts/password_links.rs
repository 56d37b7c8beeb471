//! One-time links to set a password, for the accounts the admin adds on `/admin`.
//!
//! The admin names the user and their role; the account is made with no usable password (a
//! hash that never verifies) and a link the admin passes on. Whoever opens it first sets the
//! password; setting it and using up the link are one write, so two tabs cannot both do it.
//! Only the link's SHA-256 is stored, as for sessions and the set-up link.

use rusqlite::{Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use super::settings::record_audit;
use super::users::{USER_COLUMNS, insert_user, user_from_row};
use crate::store::{Pending, Role, Store, StoreError, User, UserId};

/// The password hash of an account whose password is still to be set: not a PHC string, so
/// no password ever matches it.
pub const NO_PASSWORD_YET: &str = "!unset";

pub(super) fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Stores the link whose token hashes to `hash`, for `user`, valid until `expires_at_ms`.
pub(super) fn insert_link(
    connection: &rusqlite::Connection,
    hash: &str,
    user: UserId,
    expires_at_ms: i64,
) -> Result<(), StoreError> {
    connection
        .prepare_cached(
            "INSERT INTO password_links (token_sha256, user_id, expires_at) VALUES (?1, ?2, ?3)",
        )?
        .execute((hash, user, expires_at_ms))?;
    Ok(())
}

/// The user whose unexpired link `token` is, at `now_ms`.
fn link_owner(
    connection: &rusqlite::Connection,
    token: &str,
    now_ms: i64,
) -> Result<Option<User>, StoreError> {
    let sql = format!(
        "SELECT {USER_COLUMNS} FROM password_links JOIN users ON users.id = password_links.user_id
         WHERE password_links.token_sha256 = ?1 AND password_links.expires_at > ?2"
    );
    Ok(connection
        .prepare_cached(&sql)?
        .query_row((token_hash(token), now_ms), user_from_row)
        .optional()?)
}

impl Store {
    /// Adds `username` with `role` and no password yet, and the link `token` to set one, valid
    /// until `expires_at_ms`; logged as done `by`. [`StoreError::UsernameTaken`] if the name is
    /// in use, in any case.
    pub fn add_user_with_password_link(
        &self,
        username: &str,
        role: Role,
        token: &str,
        expires_at_ms: i64,
        by: UserId,
    ) -> Pending<UserId> {
        let (username, hash) = (username.to_string(), token_hash(token));
        self.write(move |connection| {
            let user = insert_user(connection, &username, NO_PASSWORD_YET, role)?;
            insert_link(connection, &hash, user, expires_at_ms)?;
            let detail = format!("{username} as {role}, with a link to set the password");
            record_audit(connection, Some(by), "user.add", &detail)?;
            Ok(user)
        })
    }

    /// The user the password link `token` is for, if it works at `now_ms`.
    pub fn password_link_owner(
        &self,
        token: &str,
        now_ms: i64,
    ) -> Result<Option<User>, StoreError> {
        self.read(|connection| link_owner(connection, token, now_ms))
    }

    /// Sets the password of the link `token`'s user to `password_hash` and uses the link up, in
    /// one write; `None` (nothing changed) if the link was used, expired or never existed.
    pub fn set_password_with_link(
        &self,
        token: &str,
        now_ms: i64,
        password_hash: &str,
    ) -> Pending<Option<UserId>> {
        let (token, password_hash) = (token.to_string(), password_hash.to_string());
        self.write(move |connection| {
            let Some(user) = link_owner(connection, &token, now_ms)? else {
                return Ok(None);
            };
            set_hash_and_drop_links(connection, user.id, &password_hash)?;
            record_audit(
                connection,
                Some(user.id),
                "user.password",
                &format!("{} set their password with their link", user.username),
            )?;
            Ok(Some(user.id))
        })
    }
}

/// Sets `user`'s password hash and drops their password links: a link made before must not
/// set the password back.
pub(super) fn set_hash_and_drop_links(
    connection: &Connection,
    user: UserId,
    password_hash: &str,
) -> Result<(), StoreError> {
    connection
        .prepare_cached("UPDATE users SET password_hash = ?1 WHERE id = ?2")?
        .execute((password_hash, user))?;
    connection
        .prepare_cached("DELETE FROM password_links WHERE user_id = ?1")?
        .execute([user])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::verify_password;
    use crate::store::tests::open_store;

    const NOW: i64 = 1_700_000_000_000;

    #[test]
    fn an_added_user_has_no_password_until_their_link_sets_one_once() {
        let fixture = open_store();
        let store = &fixture.store;
        let admin = fixture.student("root");
        let ada = store
            .add_user_with_password_link("ada", Role::Instructor, "secret", NOW + 1000, admin)
            .wait()
            .unwrap();
        let user = store.user_by_id(ada).unwrap().unwrap();
        assert_eq!(user.role, Role::Instructor);
        assert!(!verify_password(&user.password_hash, ""));
        assert!(!verify_password(&user.password_hash, NO_PASSWORD_YET));
        assert!(store.password_link_owner("wrong", NOW).unwrap().is_none());
        assert_eq!(
            store
                .password_link_owner("secret", NOW)
                .unwrap()
                .map(|u| u.id),
            Some(ada)
        );
        assert!(
            store
                .password_link_owner("secret", NOW + 1000)
                .unwrap()
                .is_none(),
            "expired"
        );

        let set = store
            .set_password_with_link("secret", NOW, "$argon2id$new")
            .wait()
            .unwrap();
        assert_eq!(set, Some(ada));
        assert_eq!(
            store.user_by_id(ada).unwrap().unwrap().password_hash,
            "$argon2id$new"
        );
        let again = store
            .set_password_with_link("secret", NOW, "$argon2id$other")
            .wait()
            .unwrap();
        assert_eq!(again, None, "a used link does nothing");
        let actions: Vec<String> = store
            .audit_log(10)
            .unwrap()
            .into_iter()
            .map(|entry| entry.action)
            .collect();
        assert!(actions.contains(&"user.add".to_string()), "{actions:?}");
        assert!(
            actions.contains(&"user.password".to_string()),
            "{actions:?}"
        );

        // Deleting the account leaves its number in those lines, not its name.
        store.delete_user(ada, None).wait().unwrap().unwrap();
        let named: Vec<String> = store
            .audit_log(10)
            .unwrap()
            .into_iter()
            .map(|entry| entry.detail)
            .filter(|detail| detail.to_lowercase().contains("ada"))
            .collect();
        assert!(named.is_empty(), "{named:?}");
    }

    #[test]
    fn a_taken_username_adds_no_user_and_no_link() {
        let fixture = open_store();
        let admin = fixture.student("root");
        let taken = fixture
            .store
            .add_user_with_password_link("ROOT", Role::Student, "secret", NOW + 1000, admin)
            .wait();
        assert!(
            matches!(taken, Err(StoreError::UsernameTaken(_))),
            "{taken:?}"
        );
        assert!(
            fixture
                .store
                .password_link_owner("secret", NOW)
                .unwrap()
                .is_none()
        );
    }
}
