//! `POST /api/v1/register`, `/login` and `/logout`: accounts and bearer-token sessions.
//!
//! Logging in checks the password with argon2 even for a username nobody has (against a dummy
//! hash), so the time taken does not tell which usernames exist; repeated failures for one
//! username are slowed down by the shared [`SignInThrottle`](crate::accounts::SignInThrottle).

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use actix_web::{HttpResponse, web};
use jiff::Timestamp;

use crate::accounts::{
    Username, hash_password, random_token, validate_new_password, verify_password,
};
use crate::store::{Role, StoreError, User};
use crate::web::auth::SESSION_DAYS;
use crate::web::error::{ApiError, AppError};
use crate::web::state::{AppState, now_ms};

use super::blocking;
use super::caller::Caller;
use super::dto::{Credentials, LoggedIn, Registered};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Hashed once, with the same parameters as real hashes, so checking it takes as long.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_password(&random_token()).unwrap_or_default());

/// Creates a student account: 201. Self-registration never grants another role: the admin is
/// created through the set-up link or `studyhall user add`.
pub async fn register(
    state: web::Data<AppState>,
    body: web::Json<Credentials>,
) -> Result<HttpResponse, ApiError> {
    let Credentials { username, password } = body.into_inner();
    let username = Username::parse(&username).map_err(AppError::from)?;
    validate_new_password(&password).map_err(AppError::from)?;
    let hash = blocking(move || hash_password(&password)).await?;
    let role = Role::Student;
    state
        .store
        .create_user(username.as_str(), &hash, role)
        .await
        .map_err(AppError::from)?;
    Ok(HttpResponse::Created().json(Registered {
        username: username.as_str().to_string(),
        role,
    }))
}

/// Checks the credentials and opens a session: 200 with its bearer token.
pub async fn login(
    state: web::Data<AppState>,
    body: web::Json<Credentials>,
) -> Result<web::Json<LoggedIn>, ApiError> {
    let Credentials { username, password } = body.into_inner();
    let user = check_credentials(&state, username.trim(), password).await?;
    let token = random_token();
    let expires_at_ms = now_ms() + SESSION_DAYS * DAY_MS;
    state
        .store
        .create_session(user.id, &token, &random_token(), expires_at_ms)
        .await
        .map_err(AppError::from)?;
    let expires_at = Timestamp::from_millisecond(expires_at_ms).map_err(AppError::internal)?;
    Ok(web::Json(LoggedIn {
        token,
        token_type: "Bearer",
        expires_at: expires_at.to_string(),
    }))
}

/// Ends the caller's session: 204. The token stops working at once.
pub async fn logout(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    state
        .store
        .delete_session(&caller.0.token)
        .await
        .map_err(AppError::from)?;
    Ok(HttpResponse::NoContent().finish())
}

/// The user these credentials belong to: 401 when they are wrong, 429 while the username is
/// throttled after repeated failures.
async fn check_credentials(
    state: &AppState,
    username: &str,
    password: String,
) -> Result<User, ApiError> {
    if let Some(wait) = state.throttle.wait_before_attempt(username, Instant::now()) {
        return Err(AppError::TooManyAttempts {
            seconds: whole_seconds(wait),
        }
        .into());
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
            Err(AppError::SignInFailed.into())
        }
    }
}

/// A wait in whole seconds, rounded up, for `Retry-After`.
fn whole_seconds(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}
