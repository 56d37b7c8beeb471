//! Changing a password (its owner, who knows the current one) and resetting one (the admin,
//! for someone who lost theirs). Both end sessions in the same write: a changed password
//! signs out every other browser of its owner, a reset every browser of the user, so whoever
//! held the old password or a session opened with it is out.

use rusqlite::{Connection, OptionalExtension};

use super::password_links::{
    NO_PASSWORD_YET, insert_link, set_hash_and_drop_links, token_hash as link_hash,
};
use super::sessions::token_hash as session_hash;
use super::settings::record_audit;
use crate::store::{Pending, Store, StoreError, UserId};

fn username(connection: &Connection, user: UserId) -> Result<Option<String>, StoreError> {
    Ok(connection
        .prepare_cached("SELECT username FROM users WHERE id = ?1")?
        .query_row([user], |row| row.get(0))
        .optional()?)
}

impl Store {
    /// Sets `user`'s password to `password_hash` and ends their sessions but the one with
    /// `keep_session` (the browser that changed it); [`StoreError::UnknownUser`] if there is
    /// no such user.
    pub fn change_password(
        &self,
        user: UserId,
        password_hash: &str,
        keep_session: &str,
    ) -> Pending<()> {
        let (password_hash, keep) = (password_hash.to_string(), session_hash(keep_session));
        self.write(move |connection| {
            let name = username(connection, user)?.ok_or(StoreError::UnknownUser(user))?;
            set_hash_and_drop_links(connection, user, &password_hash)?;
            connection
                .prepare_cached("DELETE FROM sessions WHERE user_id = ?1 AND token_hash <> ?2")?
                .execute((user, &keep))?;
            let detail = format!("{name} changed their password; their other sessions ended");
            record_audit(connection, Some(user), "user.password_change", &detail)?;
            Ok(())
        })
    }

    /// Resets `user`'s password, logged as done `by`: no password opens the account, every
    /// session of theirs ends, and the one-time link `token` (valid until `expires_at_ms`,
    /// replacing any earlier one) lets them set a new one. Answers their username, `None` if
    /// there is no such user.
    pub fn reset_password_with_link(
        &self,
        user: UserId,
        token: &str,
        expires_at_ms: i64,
        by: UserId,
    ) -> Pending<Option<String>> {
        let hash = link_hash(token);
        self.write(move |connection| {
            let Some(name) = username(connection, user)? else {
                return Ok(None);
            };
            set_hash_and_drop_links(connection, user, NO_PASSWORD_YET)?;
            connection
                .prepare_cached("DELETE FROM sessions WHERE user_id = ?1")?
                .execute([user])?;
            insert_link(connection, &hash, user, expires_at_ms)?;
            let detail = format!("{name}: password reset, with a link to set a new one");
            record_audit(connection, Some(by), "user.password_reset", &detail)?;
            Ok(Some(name))
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::accounts::verify_password;
    use crate::store::UserId;
    use crate::store::tests::{Fixture, open_store};

    const NOW: i64 = 1_700_000_000_000;
    const LATER: i64 = NOW + 1_000_000;

    /// Two users, `root` and `ada`, and a session of ada's with the token `session`.
    fn root_and_signed_in_ada(fixture: &Fixture, session: &str) -> (UserId, UserId) {
        let (root, ada) = (fixture.student("root"), fixture.student("ada"));
        fixture
            .store
            .create_session(ada, session, "csrf", LATER)
            .wait()
            .unwrap();
        (root, ada)
    }

    #[test]
    fn changing_a_password_keeps_this_session_and_ends_the_others() {
        let fixture = open_store();
        let store = &fixture.store;
        let ada = fixture.student("ada");
        for token in ["here", "phone", "laptop"] {
            store
                .create_session(ada, token, "csrf", LATER)
                .wait()
                .unwrap();
        }
        store
            .change_password(ada, "$argon2id$new", "here")
            .wait()
            .unwrap();
        assert_eq!(
            store.user_by_id(ada).unwrap().unwrap().password_hash,
            "$argon2id$new"
        );
        assert!(store.session("here", NOW).unwrap().is_some());
        assert!(store.session("phone", NOW).unwrap().is_none());
        assert!(store.session("laptop", NOW).unwrap().is_none());
        let latest = &store.audit_log(1).unwrap()[0];
        assert_eq!(latest.action, "user.password_change");
        assert!(
            latest.detail.starts_with("ada changed their password"),
            "{}",
            latest.detail
        );
    }

    #[test]
    fn a_reset_ends_the_password_and_every_session_and_gives_a_new_link() {
        let fixture = open_store();
        let store = &fixture.store;
        let (root, ada) = root_and_signed_in_ada(&fixture, "phone");
        let name = store
            .reset_password_with_link(ada, "link", LATER, root)
            .wait()
            .unwrap();
        assert_eq!(name.as_deref(), Some("ada"));
        let hash = store.user_by_id(ada).unwrap().unwrap().password_hash;
        assert!(!verify_password(&hash, ""), "no password opens it");
        assert!(store.session("phone", NOW).unwrap().is_none());
        assert_eq!(
            store
                .password_link_owner("link", NOW)
                .unwrap()
                .map(|u| u.id),
            Some(ada)
        );
        // A second reset replaces the link.
        store
            .reset_password_with_link(ada, "link2", LATER, root)
            .wait()
            .unwrap();
        assert!(store.password_link_owner("link", NOW).unwrap().is_none());
        let latest = &store.audit_log(1).unwrap()[0];
        assert_eq!(
            (latest.actor.as_deref(), latest.action.as_str()),
            (Some("root"), "user.password_reset")
        );
        assert!(
            latest.detail.starts_with("ada: password reset"),
            "{}",
            latest.detail
        );
        let nobody = UserId(9999);
        assert_eq!(
            store
                .reset_password_with_link(nobody, "x", LATER, root)
                .wait()
                .unwrap(),
            None
        );
    }

    #[test]
    fn deleting_the_account_scrubs_its_name_from_the_change_and_reset_lines() {
        let fixture = open_store();
        let store = &fixture.store;
        let (root, ada) = root_and_signed_in_ada(&fixture, "here");
        store
            .change_password(ada, "$argon2id$new", "here")
            .wait()
            .unwrap();
        store
            .reset_password_with_link(ada, "link", LATER, root)
            .wait()
            .unwrap();
        store.delete_user(ada, None).wait().unwrap().unwrap();
        let named: Vec<String> = store
            .audit_log(10)
            .unwrap()
            .into_iter()
            .map(|entry| entry.detail)
            .filter(|detail| detail.contains("ada"))
            .collect();
        assert!(named.is_empty(), "{named:?}");
    }
}
