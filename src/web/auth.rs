//! Who is asking: the session cookie (pages and the API) or a bearer token (the API), looked up
//! in the sessions table; and the CSRF checks every state-changing form goes through.

use std::future::{Ready, ready};

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};

use crate::accounts::random_token;
use crate::store::{Role, User};
use crate::web::error::{ApiError, AppError};
use crate::web::state::{AppState, now_ms};

/// The cookie holding the session token.
pub const SESSION_COOKIE: &str = "studyhall_session";
/// The cookie holding the CSRF token of forms shown before signing in (double-submit).
pub const ANONYMOUS_CSRF_COOKIE: &str = "studyhall_csrf";
/// How long a session lasts.
pub const SESSION_DAYS: i64 = 30;

/// A signed-in user, from the session cookie or an `Authorization: Bearer` token. As an
/// extractor it answers 401 (JSON) when nobody is signed in; pages take `Option<SignedIn>`.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: User,
    /// The session's CSRF token, which the session's forms must send back.
    pub csrf_token: String,
    /// The raw session token, for signing out.
    pub token: String,
}

impl SignedIn {
    /// Instructors and the admin teach: classes, sets, dashboards.
    pub fn teaches(&self) -> bool {
        matches!(self.user.role, Role::Instructor | Role::Admin)
    }

    /// 403 unless the user is an instructor or the admin.
    pub fn require_teacher(&self) -> Result<(), AppError> {
        if self.teaches() {
            Ok(())
        } else {
            Err(AppError::Forbidden("this page is for instructors".into()))
        }
    }

    /// 403 unless the user is the admin.
    pub fn require_admin(&self) -> Result<(), AppError> {
        if self.user.role == Role::Admin {
            Ok(())
        } else {
            Err(AppError::Forbidden("this page is for the admin".into()))
        }
    }

    /// Refuses a form whose CSRF token is not this session's.
    pub fn verify_csrf(&self, sent: &str) -> Result<(), AppError> {
        verify_token(&self.csrf_token, sent)
    }
}

impl FromRequest for SignedIn {
    type Error = ApiError;
    type Future = Ready<Result<SignedIn, ApiError>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(signed_in(request).map_err(ApiError::from))
    }
}

/// Finds the session of the request. Inline on the async worker, not through `web::block`: the
/// lookup is one primary-key search, cheaper than the hand-off to a blocking thread and back
/// that every request would otherwise pay.
fn signed_in(request: &HttpRequest) -> Result<SignedIn, AppError> {
    let state = request
        .app_data::<web::Data<AppState>>()
        .ok_or(AppError::Unauthorized)?;
    let token = session_token(request).ok_or(AppError::Unauthorized)?;
    let session = state
        .store
        .session(&token, now_ms())
        .map_err(AppError::internal)?
        .ok_or(AppError::Unauthorized)?;
    Ok(SignedIn {
        user: session.user,
        csrf_token: session.csrf_token,
        token,
    })
}

/// The session token a request carries: a bearer token first, else the session cookie.
fn session_token(request: &HttpRequest) -> Option<String> {
    let bearer = request
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|token| !token.is_empty());
    bearer.map(str::to_string).or_else(|| {
        request
            .cookie(SESSION_COOKIE)
            .map(|c| c.value().to_string())
    })
}

/// The session cookie: HttpOnly (no script reads it), SameSite=Lax (no cross-site POST sends
/// it), scoped to the whole site. `Secure` is added on the way out when the public URL is
/// https:// (see `security_headers`): studyhall itself serves plain HTTP to its proxy.
pub fn session_cookie(token: &str) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, token.to_string())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::days(SESSION_DAYS))
        .finish()
}

/// A cookie that deletes the session cookie.
pub fn expired_session_cookie() -> Cookie<'static> {
    let mut cookie = session_cookie("");
    cookie.make_removal();
    cookie
}

/// The CSRF token for a form shown to someone not signed in: the one in their cookie, or a new
/// one (then the response must set [`anonymous_csrf_cookie`]).
pub fn anonymous_csrf_token(request: &HttpRequest) -> (String, bool) {
    match request.cookie(ANONYMOUS_CSRF_COOKIE) {
        Some(cookie) if cookie.value().len() == 64 => (cookie.value().to_string(), false),
        _ => (random_token(), true),
    }
}

pub fn anonymous_csrf_cookie(token: &str) -> Cookie<'static> {
    Cookie::build(ANONYMOUS_CSRF_COOKIE, token.to_string())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .finish()
}

/// Refuses a form posted before signing in whose CSRF token does not match its cookie.
pub fn verify_anonymous_csrf(request: &HttpRequest, sent: &str) -> Result<(), AppError> {
    let cookie = request
        .cookie(ANONYMOUS_CSRF_COOKIE)
        .ok_or_else(csrf_refused)?;
    verify_token(cookie.value(), sent)
}

fn verify_token(expected: &str, sent: &str) -> Result<(), AppError> {
    // Compare every byte whatever the first difference, so timing does not leak the token.
    let same = expected.len() == sent.len()
        && expected
            .bytes()
            .zip(sent.bytes())
            .fold(0u8, |difference, (a, b)| difference | (a ^ b))
            == 0;
    if same && !expected.is_empty() {
        Ok(())
    } else {
        Err(csrf_refused())
    }
}

fn csrf_refused() -> AppError {
    AppError::Forbidden(
        "the form's security token is missing or out of date: reload the page and try again"
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csrf_tokens_must_match_exactly_and_not_be_empty() {
        assert!(verify_token("abc", "abc").is_ok());
        assert!(verify_token("abc", "abd").is_err());
        assert!(verify_token("abc", "ab").is_err());
        assert!(verify_token("", "").is_err());
    }

    #[test]
    fn the_session_cookie_is_http_only_and_same_site_lax() {
        let cookie = session_cookie("t0ken");
        assert_eq!(cookie.http_only(), Some(true));
        assert_eq!(cookie.same_site(), Some(SameSite::Lax));
        assert_eq!(cookie.path(), Some("/"));
        let removal = expired_session_cookie();
        assert_eq!(removal.value(), "");
        assert_eq!(removal.max_age(), Some(CookieDuration::ZERO));
    }
}
