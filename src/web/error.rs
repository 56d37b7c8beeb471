//! Request-phase errors and their HTTP form: one `match` from error to status. The JSON API answers
//! `{"error": {"code", "message"}}`; pages answer with the error page. Bad input is never a 500.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use std::sync::LazyLock;

use crate::accounts::AccountError;
use crate::store::{RegradeRefusal, StoreError};
use crate::study::{StudyError, TokenRefusal};
use crate::web::templates::Templates;
use crate::web::views::{ErrorView, LayoutView};

/// What went wrong with a request, in the words the client sees.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    BadRequest(String),
    #[error("sign in first")]
    Unauthorized,
    /// Deliberately vague: it does not say whether the username exists.
    #[error("wrong username or password")]
    SignInFailed,
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    #[error("the request body is too large (the limit is {limit_kb} KB)")]
    TooLarge { limit_kb: usize },
    #[error("{0}")]
    Invalid(String),
    /// Invalid, with a code of its own for API clients (e.g. a review token refused).
    #[error("{message}")]
    Refused { code: &'static str, message: String },
    /// A limit on how often something may be done was reached, with a code of its own.
    #[error("{message}")]
    Limited { code: &'static str, message: String },
    /// A no-break space keeps the unit with its number when the line wraps.
    #[error("too many failed sign-ins: try again in {seconds}\u{a0}s")]
    TooManyAttempts { seconds: u64 },
    /// The body did not arrive in time (`--body-timeout`); the connection is closed.
    #[error("the request body did not arrive within {seconds}\u{a0}s: send it again")]
    BodyTimeout { seconds: u64 },
    /// Every slot for CPU-heavy work is taken: refused rather than queued without end.
    #[error("the server is busy with other work: try again in a moment")]
    Busy,
    /// Details go to the log, never to the client.
    #[error("something went wrong on the server; it has been logged")]
    Internal,
    /// The server cannot save anything now (its database file is gone): try again later.
    #[error("the server cannot save anything right now; try again later")]
    Unavailable,
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized | AppError::SignInFailed => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Invalid(_) | AppError::Refused { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyAttempts { .. } | AppError::Limited { .. } => {
                StatusCode::TOO_MANY_REQUESTS
            }
            AppError::BodyTimeout { .. } => StatusCode::REQUEST_TIMEOUT,
            AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// A stable machine-readable code for API clients.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::BadRequest(_) => "bad_request",
            AppError::Unauthorized => "unauthorized",
            AppError::SignInFailed => "sign_in_failed",
            AppError::Forbidden(_) => "forbidden",
            AppError::NotFound(_) => "not_found",
            AppError::Conflict { code, .. } => code,
            AppError::TooLarge { .. } => "too_large",
            AppError::Invalid(_) => "invalid",
            AppError::Refused { code, .. } => code,
            AppError::TooManyAttempts { .. } => "too_many_attempts",
            AppError::Limited { code, .. } => code,
            AppError::BodyTimeout { .. } => "body_timeout",
            AppError::Busy => "busy",
            AppError::Internal => "internal",
            AppError::Unavailable => "unavailable",
        }
    }

    /// The seconds to send as `Retry-After`, for the errors that pass with time.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            AppError::TooManyAttempts { seconds } => Some(*seconds),
            AppError::Busy => Some(1),
            _ => None,
        }
    }

    /// Logs the cause and hides it: for failures that are the server's, not the client's.
    pub fn internal(cause: impl std::fmt::Display) -> AppError {
        tracing::error!(%cause, "request failed");
        AppError::Internal
    }
}

/// The store's errors a client can cause; anything else is the server's fault.
impl From<StoreError> for AppError {
    fn from(error: StoreError) -> AppError {
        match error {
            StoreError::UsernameTaken(_) => AppError::Conflict {
                code: "username_taken",
                message: format!("{error}: choose another"),
            },
            StoreError::ClaimRejected => AppError::Refused {
                code: "claim_rejected",
                message: error.to_string(),
            },
            StoreError::TooManyClaims => AppError::Limited {
                code: "too_many_claims",
                message: error.to_string(),
            },
            StoreError::ReviewTokenUsed(_) => AppError::Conflict {
                code: "review_token_used",
                message: error.to_string(),
            },
            StoreError::UnknownSet(_) | StoreError::UnknownCard(_) => {
                AppError::NotFound(error.to_string())
            }
            StoreError::UnknownClass(_) => AppError::NotFound(error.to_string()),
            StoreError::UnknownJoinCode => AppError::Invalid(error.to_string()),
            StoreError::ClassArchived(_) => AppError::Conflict {
                code: "class_archived",
                message: error.to_string(),
            },
            StoreError::SetNotYours(_) | StoreError::SetNotAssignable(_) => {
                AppError::Forbidden(error.to_string())
            }
            // The session outlived its user.
            StoreError::UnknownUser(_) => AppError::Unauthorized,
            // Logged once, loudly, by the store when it noticed.
            StoreError::DatabaseLost { .. } => AppError::Unavailable,
            other => AppError::internal(other),
        }
    }
}

impl From<StudyError> for AppError {
    fn from(error: StudyError) -> AppError {
        match error {
            StudyError::UnknownSet(_) | StudyError::UnknownCard { .. } => {
                AppError::NotFound(error.to_string())
            }
            StudyError::AlreadyRecorded => AppError::Conflict {
                code: "review_token_used",
                message: error.to_string(),
            },
            StudyError::Mismatch(_)
            | StudyError::QualityRequired
            | StudyError::QualityNotAllowed { .. }
            | StudyError::ClaimNotAllowed => AppError::Invalid(error.to_string()),
            StudyError::Token(refusal) => AppError::Refused {
                code: match refusal {
                    TokenRefusal::Stale => "review_token_stale",
                    TokenRefusal::Malformed | TokenRefusal::NotIssued => "review_token_invalid",
                },
                message: refusal.to_string(),
            },
            StudyError::Regrade(RegradeRefusal::NotFound) => AppError::NotFound(error.to_string()),
            StudyError::Regrade(RegradeRefusal::TooManyClaims) => StoreError::TooManyClaims.into(),
            StudyError::Regrade(refusal) => AppError::Refused {
                code: match refusal {
                    RegradeRefusal::ClaimNotAllowed => "claim_not_allowed",
                    RegradeRefusal::ClaimRejected => "claim_rejected",
                    _ => "grade_settled",
                },
                message: refusal.to_string(),
            },
            StudyError::Store(store) => store.into(),
        }
    }
}

impl From<AccountError> for AppError {
    fn from(error: AccountError) -> AppError {
        match error {
            AccountError::Hashing => AppError::internal(error),
            refused => AppError::Invalid(refused.to_string()),
        }
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorDetail<'a>,
}

#[derive(Serialize)]
struct ErrorDetail<'a> {
    code: &'a str,
    message: String,
}

/// An [`AppError`] answered as JSON, for `/api/v1`.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(error: AppError) -> ApiError {
        ApiError(error)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.0.status()
    }

    fn error_response(&self) -> HttpResponse {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.0.code(),
                message: self.0.to_string(),
            },
        };
        let mut response = HttpResponse::build(self.status_code());
        if let Some(seconds) = self.0.retry_after() {
            response.insert_header(("Retry-After", seconds.to_string()));
        }
        response.json(body)
    }
}

/// An [`AppError`] answered as the error page, for the HTML pages. The page is rendered with
/// templates of its own: an error response has no access to the application's state.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct PageError(pub AppError);

impl From<AppError> for PageError {
    fn from(error: AppError) -> PageError {
        PageError(error)
    }
}

impl PageError {
    /// The error page's view, with `layout` as its header. The response is rendered signed out
    /// (an error response has no request to find the visitor in); for a signed-in visitor, the
    /// pages' error handler renders it again with their header
    /// ([`crate::web::pages::with_visitor_header`]).
    pub fn view(&self, layout: LayoutView) -> ErrorView {
        let status = self.status_code();
        ErrorView {
            layout,
            status: status.as_u16(),
            heading: status.canonical_reason().unwrap_or("Error").to_string(),
            message: self.0.to_string(),
        }
    }
}

static ERROR_TEMPLATES: LazyLock<Option<Templates>> = LazyLock::new(|| Templates::new().ok());

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        self.0.status()
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let view = self.view(LayoutView::signed_out("Error", ""));
        let body = ERROR_TEMPLATES
            .as_ref()
            .and_then(|templates| templates.render("error.html", &view).ok())
            .unwrap_or_else(|| format!("Error {}: {}", view.status, view.message));
        HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .body(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::body::MessageBody;

    fn body_of(error: AppError) -> (u16, serde_json::Value) {
        let response = ApiError(error).error_response();
        let status = response.status().as_u16();
        let bytes = response.into_body().try_into_bytes().unwrap();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[test]
    fn each_error_maps_to_its_status_and_a_json_code_and_message() {
        let cases = [
            (
                AppError::BadRequest("malformed JSON".into()),
                400,
                "bad_request",
            ),
            (AppError::Unauthorized, 401, "unauthorized"),
            (AppError::Forbidden("no".into()), 403, "forbidden"),
            (AppError::NotFound("no such set".into()), 404, "not_found"),
            (
                AppError::Conflict {
                    code: "token_used",
                    message: "used".into(),
                },
                409,
                "token_used",
            ),
            (AppError::TooLarge { limit_kb: 64 }, 413, "too_large"),
            (AppError::Invalid("quality".into()), 422, "invalid"),
            (
                AppError::TooManyAttempts { seconds: 2 },
                429,
                "too_many_attempts",
            ),
            (AppError::BodyTimeout { seconds: 30 }, 408, "body_timeout"),
            (AppError::Busy, 503, "busy"),
        ];
        assert!(
            AppError::TooManyAttempts { seconds: 1 }
                .to_string()
                .ends_with("try again in 1\u{a0}s"),
            "the unit stays with its number"
        );
        for (error, status, code) in cases {
            let message = error.to_string();
            let (got_status, body) = body_of(error);
            assert_eq!(got_status, status);
            assert_eq!(body["error"]["code"], code);
            assert_eq!(body["error"]["message"], message);
        }
    }

    #[test]
    fn an_internal_error_hides_its_cause() {
        let (status, body) = body_of(AppError::internal("disk I/O error at /secret/path"));
        assert_eq!(status, 500);
        assert!(!body.to_string().contains("secret"));
    }
}
