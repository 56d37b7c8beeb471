//! Sign in, register and sign out, as forms. Forms shown before signing in carry a CSRF token
//! that must match a cookie (double submit); signing out carries the session's.
//!
//! Both forms may carry `next` (`/login?next=/join/K7MQ2X`, kept in a hidden field): where to go
//! once signed in, instead of home. Only a path on this server is followed ([`LocalPath`]).

use actix_web::cookie::Cookie;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use crate::accounts::MIN_PASSWORD_CHARS;
use crate::store::RegistrationMode;
use crate::web::auth::{
    SignedIn, anonymous_csrf_cookie, anonymous_csrf_token, expired_session_cookie, session_cookie,
    verify_anonymous_csrf,
};
use crate::web::client::ClientAddress;
use crate::web::error::{AppError, PageError};
use crate::web::local_path::LocalPath;
use crate::web::sign_in;
use crate::web::state::AppState;
use crate::web::views::{
    LayoutView, RegisterPage, RegisterView, RegistrationClosedView, SignInView,
};

use super::{FormFields, redirect, registration};

/// `/login?next=...`: where to go once signed in.
#[derive(Debug, Deserialize)]
pub struct SignInQuery {
    next: Option<String>,
}

pub async fn sign_in_page(
    state: web::Data<AppState>,
    request: HttpRequest,
    visitor: Option<SignedIn>,
    query: web::Query<SignInQuery>,
) -> Result<HttpResponse, PageError> {
    let next = LocalPath::from_field(query.next.as_deref());
    if visitor.is_some() {
        return Ok(redirect(next.as_ref().map_or("/", LocalPath::as_str)));
    }
    sign_in_form(&state, &request, String::new(), next, None)
}

pub async fn sign_in(
    state: web::Data<AppState>,
    request: HttpRequest,
    client: ClientAddress,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    verify_anonymous_csrf(&request, form.get("csrf_token"))?;
    let username = form.get("username").trim().to_string();
    let next = LocalPath::from_field(Some(form.get("next")));
    let password = form.get("password").to_string();
    match sign_in::check_credentials(&state, client.0, &username, password).await {
        Ok(user) => signed_in(&state, user.id, next).await,
        Err(error @ (AppError::SignInFailed | AppError::TooManyAttempts { .. })) => {
            let message = capitalised(&error.to_string());
            let form = sign_in_form(&state, &request, username, next, Some(message))?;
            Ok(with_status(form, &error))
        }
        Err(error) => Err(error.into()),
    }
}

/// `/register?code=...&next=...`: a class join link fills in the join code, and leads back.
#[derive(Debug, Deserialize)]
pub struct JoinQuery {
    code: Option<String>,
    next: Option<String>,
}

pub async fn register_page(
    state: web::Data<AppState>,
    request: HttpRequest,
    visitor: Option<SignedIn>,
    query: web::Query<JoinQuery>,
) -> Result<HttpResponse, PageError> {
    let JoinQuery { code, next } = query.into_inner();
    let next = LocalPath::from_field(next.as_deref());
    if visitor.is_some() {
        return Ok(redirect(next.as_ref().map_or("/", LocalPath::as_str)));
    }
    let mode = registration::mode(&state).await?;
    let fields = RegisterFields::new(String::new(), code.unwrap_or_default(), next);
    register_form(&state, &request, mode, fields, None)
}

pub async fn register(
    state: web::Data<AppState>,
    request: HttpRequest,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    verify_anonymous_csrf(&request, form.get("csrf_token"))?;
    let mode = registration::mode(&state).await?;
    let fields = RegisterFields::new(
        form.get("username").trim().into(),
        form.get("join_code").trim().into(),
        LocalPath::from_field(Some(form.get("next"))),
    );
    let password = form.get("password").to_string();
    let sent_code = Some(fields.join_code.as_str());
    match registration::register(&state, mode, &fields.username, password, sent_code).await {
        Ok((user, _)) => signed_in(&state, user, fields.next).await,
        Err(
            error @ (AppError::Invalid(_) | AppError::Conflict { .. } | AppError::Forbidden(_)),
        ) => {
            let message = capitalised(&error.to_string());
            let form = register_form(&state, &request, mode, fields, Some(message))?;
            Ok(with_status(form, &error))
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
        state
            .store
            .delete_session(&visitor.token)
            .await
            .map_err(AppError::from)?;
    }
    let mut response = redirect("/login");
    response
        .add_cookie(&expired_session_cookie())
        .map_err(AppError::internal)?;
    Ok(response)
}

/// Opens a session (a new token at each sign-in) and goes on to `next`, or home.
async fn signed_in(
    state: &AppState,
    user: crate::store::UserId,
    next: Option<LocalPath>,
) -> Result<HttpResponse, PageError> {
    let session = sign_in::open_session(state, user).await?;
    let mut response = redirect(next.as_ref().map_or("/", LocalPath::as_str));
    response
        .add_cookie(&session_cookie(&session.token))
        .map_err(AppError::internal)?;
    Ok(response)
}

fn sign_in_form(
    state: &AppState,
    request: &HttpRequest,
    username: String,
    next: Option<LocalPath>,
    error: Option<String>,
) -> Result<HttpResponse, PageError> {
    let (csrf_token, is_new) = anonymous_csrf_token(request);
    let view = SignInView {
        layout: LayoutView::signed_out("Sign in", &csrf_token),
        username,
        error,
        register_href: LocalPath::link("/register", &[], next.as_ref()),
        next: next.map(|next| next.to_string()).unwrap_or_default(),
    };
    with_csrf_cookie(
        super::render(state, "login.html", &view)?,
        &csrf_token,
        is_new,
    )
}

/// What the register form keeps when it is shown again.
struct RegisterFields {
    username: String,
    join_code: String,
    next: Option<LocalPath>,
}

impl RegisterFields {
    fn new(username: String, join_code: String, next: Option<LocalPath>) -> RegisterFields {
        RegisterFields {
            username,
            join_code,
            next,
        }
    }
}

/// The register form in `mode`; while registration is closed, the page that says so.
fn register_form(
    state: &AppState,
    request: &HttpRequest,
    mode: RegistrationMode,
    fields: RegisterFields,
    error: Option<String>,
) -> Result<HttpResponse, PageError> {
    let (csrf_token, is_new) = anonymous_csrf_token(request);
    let layout = LayoutView::signed_out("Create an account", &csrf_token);
    let page = match mode {
        RegistrationMode::Closed => super::render(
            state,
            "register_closed.html",
            &RegistrationClosedView { layout },
        )?,
        RegistrationMode::Open | RegistrationMode::Code => {
            let view = RegisterPage {
                form: RegisterView {
                    layout,
                    username: fields.username,
                    error,
                    min_password_chars: MIN_PASSWORD_CHARS,
                    sign_in_href: LocalPath::link("/login", &[], fields.next.as_ref()),
                    next: fields.next.map(|next| next.to_string()).unwrap_or_default(),
                },
                registration: mode.as_str(),
                join_code: fields.join_code,
            };
            super::render(state, "register.html", &view)?
        }
    };
    with_csrf_cookie(page, &csrf_token, is_new)
}

/// `response` with the anonymous CSRF cookie, when `token` was just made for a signed-out form.
pub(super) fn with_csrf_cookie(
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

/// A form shown again after a refusal answers with the refusal's status (401, 409, 422, 429),
/// so that what is not a success does not look like one to tools and tests.
fn with_status(mut response: HttpResponse, error: &AppError) -> HttpResponse {
    *response.status_mut() = error.status();
    if let AppError::TooManyAttempts { seconds } = error
        && let Ok(value) = actix_web::http::header::HeaderValue::from_str(&seconds.to_string())
    {
        response
            .headers_mut()
            .insert(actix_web::http::header::RETRY_AFTER, value);
    }
    response
}

/// "wrong username or password" -> "Wrong username or password".
fn capitalised(message: &str) -> String {
    let mut chars = message.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
