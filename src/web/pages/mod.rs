//! The HTML pages: sign-in, home, study, progress. Every page works without JavaScript through
//! plain forms and redirects.

use actix_web::{HttpRequest, web};

use crate::web::error::{AppError, PageError};

/// Registers the pages' routes.
pub fn routes(_config: &mut web::ServiceConfig) {}

/// A form body that could not be read, answered as the error page.
pub fn form_error(error: AppError, _request: &HttpRequest) -> actix_web::Error {
    PageError(error).into()
}
