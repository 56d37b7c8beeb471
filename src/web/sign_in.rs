//! Registering and signing in, shared by the pages and the API: argon2 work off the async
//! workers, the throttle on repeated failures, and opening a session.
//!
//! Signing in checks the password with argon2 even for a username nobody has (against a dummy
//! hash), so the time taken does not tell which usernames exist.

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use crate::accounts::{
    Username, hash_password, random_token, validate_new_password, verify_password,
};
use crate::store::{Role, StoreError, User, UserId};
use crate::web::auth::SESSION_DAYS;
use crate::web::blocking;
use crate::web::error::AppError;
use crate::web::state::{AppState, now_ms};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Hashed once, with the same parameters as real hashes, so checking it takes as long.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_password(&random_token()).unwrap_or_default());

/// A session just opened: the token goes to the client (cookie or bearer), never to the store.
#[derive(Debug, Clone)]
pub struct OpenedSession {
    pub token: String,
    pub csrf_token: String,
    pub expires_at_ms: i64,
}

/// Creates a student account. Self-registration never grants another role: the admin comes
/// from the set-up flow.
pub async fn register(
    state: &AppState,
    username: &str,
    password: String,
) -> Result<(UserId, Username), AppError> {
    let username = Username::parse(username)?;
    validate_new_password(&password)?;
    let hash = blocking(move || hash_password(&password)).await?;
    let user = state
        .store
        .create_user(username.as_str(), &hash, Role::Student)
        .await?;
    Ok((user, username))
}

/// The user these credentials belong to: [`AppError::SignInFailed`] when they are wrong,
/// [`AppError::TooManyAttempts`] while the username is throttled after repeated failures.
pub async fn check_credentials(
    state: &AppState,
    username: &str,
    password: String,
) -> Result<User, AppError> {
    let username = username.trim();
    if let Some(wait) = state.throttle.wait_before_attempt(username, Instant::now()) {
        return Err(AppError::TooManyAttempts {
            seconds: whole_seconds(wait),
        });
    }
    let store = state.store.clone();
    let name = Username::parse(username).ok();
    let found = blocking(move || -> Result<Option<User>, StoreError> {
        let user = match name {
            Some(name) => store.user_by_name(name.as_str())?,
            None => None,
        };
        let hash = user
            .as_ref()
            .map_or(DUMMY_HASH.as_str(), |user| &user.password_hash);
        let matches = verify_password(hash, &password);
        Ok(user.filter(|_| matches))
    })
    .await?;
    match found {
        Some(user) => {
            state.throttle.record_success(username);
            Ok(user)
        }
        None => {
            state.throttle.record_failure(username, Instant::now());
            Err(AppError::SignInFailed)
        }
    }
}

/// Opens a new session for `user`, with a fresh token (a new one at every sign-in).
pub async fn open_session(state: &AppState, user: UserId) -> Result<OpenedSession, AppError> {
    let session = OpenedSession {
        token: random_token(),
        csrf_token: random_token(),
        expires_at_ms: now_ms() + SESSION_DAYS * DAY_MS,
    };
    state
        .store
        .create_session(
            user,
            &session.token,
            &session.csrf_token,
            session.expires_at_ms,
        )
        .await?;
    Ok(session)
}

/// A wait in whole seconds, rounded up, for `Retry-After`.
fn whole_seconds(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_round_up_to_whole_seconds() {
        assert_eq!(whole_seconds(Duration::from_millis(1)), 1);
        assert_eq!(whole_seconds(Duration::from_secs(2)), 2);
        assert_eq!(whole_seconds(Duration::from_millis(2001)), 3);
    }
}
