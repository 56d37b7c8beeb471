//! Sign-in sessions. The table holds the SHA-256 of each session token, never the token: a
//! copy of the database does not let anyone in. A session past its expiry is not found.

use rusqlite::OptionalExtension;
use sha2::{Digest, Sha256};

use super::users::{USER_COLUMNS, User, user_from_row};
use crate::store::{Pending, Store, StoreError, UserId};

/// A live session: who is signed in and the CSRF token their forms must carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user: User,
    pub csrf_token: String,
    /// Unix milliseconds.
    pub expires_at_ms: i64,
}

/// What the table stores for a token. SHA-256 is enough (no salt, no stretching): tokens are
/// long random strings, not guessable passwords.
pub(in crate::store) fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

impl Store {
    /// Records a new session for `user`, valid until `expires_at_ms` (unix milliseconds).
    pub fn create_session(
        &self,
        user: UserId,
        token: &str,
        csrf_token: &str,
        expires_at_ms: i64,
    ) -> Pending<()> {
        let hash = token_hash(token);
        let csrf_token = csrf_token.to_string();
        self.write_leaving_accounts(move |connection| {
            super::users::daily_new_limit(connection, user)?; // proves the user exists
            connection
                .prepare_cached(
                    "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute((&hash, user, &csrf_token, expires_at_ms))?;
            Ok(())
        })
    }

    /// The session with this token, if it exists and has not expired at `now_ms`. Usually
    /// from the cache of sessions found recently (see `session_cache`).
    pub fn session(&self, token: &str, now_ms: i64) -> Result<Option<Session>, StoreError> {
        let hash = token_hash(token);
        let cache = &self.inner.sessions;
        if let Some(session) = cache.get(&hash) {
            return Ok((session.expires_at_ms > now_ms).then_some(session));
        }
        let (generation, read_at) = (cache.generation(), std::time::Instant::now());
        let found = self.read(|connection| {
            let sql = format!(
                "SELECT {USER_COLUMNS}, sessions.csrf_token, sessions.expires_at
                 FROM sessions JOIN users ON users.id = sessions.user_id
                 WHERE sessions.token_hash = ?1 AND sessions.expires_at > ?2"
            );
            Ok(connection
                .prepare_cached(&sql)?
                .query_row((&hash, now_ms), |row| {
                    Ok(Session {
                        user: user_from_row(row)?,
                        csrf_token: row.get(5)?,
                        expires_at_ms: row.get(6)?,
                    })
                })
                .optional()?)
        })?;
        if let Some(session) = &found {
            cache.put(hash, session.clone(), generation, read_at);
        }
        Ok(found)
    }

    /// Ends the session with this token (signing out). Ending an unknown session is not an error.
    pub fn delete_session(&self, token: &str) -> Pending<()> {
        let hash = token_hash(token);
        self.write(move |connection| {
            connection
                .prepare_cached("DELETE FROM sessions WHERE token_hash = ?1")?
                .execute([&hash])?;
            Ok(())
        })
    }

    /// Removes the sessions expired at `now_ms`; returns how many. They are already ignored,
    /// this only keeps the table small.
    pub fn delete_expired_sessions(&self, now_ms: i64) -> Pending<usize> {
        self.write(move |connection| {
            Ok(connection
                .prepare_cached("DELETE FROM sessions WHERE expires_at <= ?1")?
                .execute([now_ms])?)
        })
    }
}
