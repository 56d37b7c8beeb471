//! Who is calling the API: [`SignedIn`] (a bearer token or the session cookie), plus the CSRF
//! check a cookie needs. A browser sends the cookie along with any request, a forged one too,
//! so a state-changing request signed in by cookie must also carry the session's CSRF token in
//! the `X-CSRF-Token` header. A bearer token is never sent by the browser on its own: no check.

use std::future::{Ready, ready};

use actix_web::http::header::AUTHORIZATION;
use actix_web::{FromRequest, HttpRequest, dev::Payload};

use crate::store::UserId;
use crate::web::auth::SignedIn;
use crate::web::error::ApiError;

/// The header carrying the CSRF token of a cookie session.
pub const CSRF_HEADER: &str = "X-CSRF-Token";

/// A signed-in API caller. As an extractor: 401 when nobody is signed in, 403 when a cookie
/// session posts without its CSRF token.
#[derive(Debug, Clone)]
pub struct Caller(pub SignedIn);

impl Caller {
    pub fn user(&self) -> UserId {
        self.0.user.id
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Ready<Result<Caller, ApiError>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        ready(caller(request, payload))
    }
}

fn caller(request: &HttpRequest, payload: &mut Payload) -> Result<Caller, ApiError> {
    let signed_in = SignedIn::from_request(request, payload).into_inner()?;
    if !request.method().is_safe() && !has_bearer_token(request) {
        let sent = request
            .headers()
            .get(CSRF_HEADER)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        signed_in.verify_csrf(sent)?;
    }
    Ok(Caller(signed_in))
}

/// Whether the request is signed in by bearer token, by the rule [`SignedIn`] applies.
fn has_bearer_token(request: &HttpRequest) -> bool {
    request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .is_some_and(|token| !token.trim().is_empty())
}
