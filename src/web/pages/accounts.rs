//! Sign in, register and sign out, as forms. Forms shown before signing in carry a CSRF token
//! that must match a cookie (double submit); signing out carries the session's.

use actix_web::cookie::Cookie;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::accounts::MIN_PASSWORD_CHARS;
use crate::web::auth::{
    SignedIn, anonymous_csrf_cookie, anonymous_csrf_token, expired_session_cookie, session_cookie,
    verify_anonymous_csrf,
};
use crate::web::error::{AppError, PageError};
use crate::web::sign_in;
use crate::web::state::AppState;
use crate::web::views::{LayoutView, RegisterView, SignInView};

use super::{FormFields, redirect};

pub async fn sign_in_page(
    state: web::Data<AppState>,
    request: HttpRequest,
    visitor: Option<SignedIn>,
) -> Result<HttpResponse, PageError> {
    if visitor.is_some() {
        return Ok(redirect("/"));
    }
    sign_in_form(&state, &request, String::new(), None)
}

pub async fn sign_in(
    state: web::Data<AppState>,
    request: HttpRequest,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    verify_anonymous_csrf(&request, form.get("csrf_token"))?;
    let username = form.get("username").trim().to_string();
    match sign_in::check_credentials(&state, &username, form.get("password").to_string()).await {
        Ok(user) => signed_in(&state, user.id).await,
        Err(error @ (AppError::SignInFailed | AppError::TooManyAttempts { .. })) => {
            let message = capitalised(&error.to_string());
            sign_in_form(&state, &request, username, Some(message))
        }
        Err(error) => Err(error.into()),
    }
}

pub async fn register_page(
    state: web::Data<AppState>,
    request: HttpRequest,
    visitor: Option<SignedIn>,
) -> Result<HttpResponse, PageError> {
    if visitor.is_some() {
        return Ok(redirect("/"));
    }
    register_form(&state, &request, String::new(), None)
}

pub async fn register(
    state: web::Data<AppState>,
    request: HttpRequest,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    verify_anonymous_csrf(&request, form.get("csrf_token"))?;
    let username = form.get("username").trim().to_string();
    match sign_in::register(&state, &username, form.get("password").to_string()).await {
        Ok((user, _)) => signed_in(&state, user).await,
        Err(error @ (AppError::Invalid(_) | AppError::Conflict { .. })) => {
            let message = capitalised(&error.to_string());
            register_form(&state, &request, username, Some(message))
        }
        Err(error) => Err(error.into()),
    }
}

pub async fn sign_out(
    state: web::Data<AppState>,
    visitor: Option<SignedIn>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    if let Some(visitor) = visitor {
        visitor.verify_csrf(form.get("csrf_token"))?;
        state.store.delete_session(&visitor.token).await.map_err(AppError::from)?;
    }
    let mut response = redirect("/login");
    response.add_cookie(&expired_session_cookie()).map_err(AppError::internal)?;
    Ok(response)
}

/// Opens a session (a new token at each sign-in) and goes home.
async fn signed_in(state: &AppState, user: crate::store::UserId) -> Result<HttpResponse, PageError> {
    let session = sign_in::open_session(state, user).await?;
    let mut response = redirect("/");
    response.add_cookie(&session_cookie(&session.token)).map_err(AppError::internal)?;
    Ok(response)
}

fn sign_in_form(
    state: &AppState,
    request: &HttpRequest,
    username: String,
    error: Option<String>,
) -> Result<HttpResponse, PageError> {
    let (csrf_token, is_new) = anonymous_csrf_token(request);
    let view = SignInView {
        layout: LayoutView::signed_out("Sign in", &csrf_token),
        username,
        error,
    };
    with_csrf_cookie(super::render(state, "login.html", &view)?, &csrf_token, is_new)
}

fn register_form(
    state: &AppState,
    request: &HttpRequest,
    username: String,
    error: Option<String>,
) -> Result<HttpResponse, PageError> {
    let (csrf_token, is_new) = anonymous_csrf_token(request);
    let view = RegisterView {
        layout: LayoutView::signed_out("Create an account", &csrf_token),
        username,
        error,
        min_password_chars: MIN_PASSWORD_CHARS,
    };
    with_csrf_cookie(super::render(state, "register.html", &view)?, &csrf_token, is_new)
}

fn with_csrf_cookie(
    mut response: HttpResponse,
    token: &str,
    is_new: bool,
) -> Result<HttpResponse, PageError> {
    if is_new {
        let cookie: Cookie<'static> = anonymous_csrf_cookie(token);
        response.add_cookie(&cookie).map_err(AppError::internal)?;
    }
    Ok(response)
}

/// "wrong username or password" -> "Wrong username or password".
fn capitalised(message: &str) -> String {
    let mut chars = message.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
