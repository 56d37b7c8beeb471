//! `POST /api/v1/register`, `/login` and `/logout`: accounts and bearer-token sessions. The
//! work is shared with the pages in [`crate::web::sign_in`].

use actix_web::{HttpResponse, web};
use jiff::Timestamp;
use serde::Deserialize;

use crate::store::Role;
use crate::web::client::ClientAddress;
use crate::web::error::{ApiError, AppError};
use crate::web::pages::registration;
use crate::web::sign_in;
use crate::web::state::AppState;

use super::caller::Caller;
use super::dto::{Credentials, LoggedIn, Registered};

/// `POST /register`: credentials, and the class join code the registration mode may ask for.
#[derive(Debug, Deserialize)]
pub struct Registration {
    pub username: String,
    pub password: String,
    /// Required while registration is by join code; when given, the student joins that class.
    #[serde(default)]
    pub join_code: Option<String>,
}

/// Creates a student account: 201; 403 while registration is closed, 422 without the join code
/// the registration mode asks for.
pub async fn register(
    state: web::Data<AppState>,
    body: web::Json<Registration>,
) -> Result<HttpResponse, ApiError> {
    let Registration {
        username,
        password,
        join_code,
    } = body.into_inner();
    let mode = registration::mode(&state).await?;
    let registered =
        registration::register(&state, mode, &username, password, join_code.as_deref());
    let (_, username) = registered.await?;
    Ok(HttpResponse::Created().json(Registered {
        username: username.as_str().to_string(),
        role: Role::Student,
    }))
}

/// Checks the credentials and opens a session: 200 with its bearer token.
pub async fn login(
    state: web::Data<AppState>,
    client: ClientAddress,
    body: web::Json<Credentials>,
) -> Result<web::Json<LoggedIn>, ApiError> {
    let Credentials { username, password } = body.into_inner();
    let user = sign_in::check_credentials(&state, client.0, &username, password).await?;
    let session = sign_in::open_session(&state, user.id).await?;
    let expires_at =
        Timestamp::from_millisecond(session.expires_at_ms).map_err(AppError::internal)?;
    Ok(web::Json(LoggedIn {
        token: session.token,
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
