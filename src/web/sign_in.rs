//! Registering and signing in, shared by the pages and the API: argon2 work off the async
//! workers and a few hashes at a time, the throttle on repeated failures, and opening a session.
//!
//! Signing in checks the password with argon2 even for a username nobody has (against a dummy
//! hash), so the time taken does not tell which usernames exist.

use std::net::IpAddr;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use crate::accounts::{
    ClientKey, Username, hash_password, random_token, validate_new_password, verify_password,
};
use crate::store::{Role, StoreError, User, UserId};
use crate::web::auth::SESSION_DAYS;
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
    let hash = hashed(state, password).await?;
    let user = state
        .store
        .create_user(username.as_str(), &hash, Role::Student)
        .await?;
    Ok((user, username))
}

/// Hashes a new password, on one of the hashing slots (each hash holds 19 MiB).
pub async fn hashed(state: &AppState, password: String) -> Result<String, AppError> {
    state.hashing.run(move || hash_password(&password)).await
}

/// The user these credentials belong to: [`AppError::SignInFailed`] when they are wrong,
/// [`AppError::TooManyAttempts`] while the username is throttled, from `client`, after repeated
/// failures (see [`crate::accounts::SignInThrottle`]).
pub async fn check_credentials(
    state: &AppState,
    client: IpAddr,
    username: &str,
    password: String,
) -> Result<User, AppError> {
    let username = username.trim();
    // Counted before the hash, so concurrent guesses cannot all pass before the first counts.
    let reservation = (state.throttle)
        .reserve(username, ClientKey::of(client), Instant::now())
        .map_err(|wait| AppError::TooManyAttempts {
            seconds: whole_seconds(wait),
        })?;
    let store = state.store.clone();
    let name = Username::parse(username).ok();
    let found = state
        .hashing
        .run(move || -> Result<Option<User>, StoreError> {
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
            state.throttle.succeeded(reservation);
            Ok(user)
        }
        None => Err(AppError::SignInFailed),
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
