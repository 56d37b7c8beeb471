//! The JSON API, v1: the same study logic as the pages, for scripts and other clients.
//!
//! Every route lives under `/api/v1` and answers JSON; every error is
//! `{"error": {"code", "message"}}` with a fitting status (see [`crate::web::error`]). Clients
//! sign in with `POST /login` and send the token back as `Authorization: Bearer TOKEN`.
//!
//! - [`accounts`]: register, log in, log out.
//! - [`sets`]: the sets with today's figures, and the next card of a set.
//! - [`answers`]: answering a card.
//! - [`progress`]: the student's progress figures.
//! - [`dto`] holds the request and response bodies; [`caller`] who is calling.

mod accounts;
mod answers;
mod caller;
mod dto;
mod progress;
mod sets;

use actix_web::{HttpResponse, web};

use crate::questions::SetId;
use crate::web::blocking;
use crate::web::error::{ApiError, AppError};

/// Registers the API's routes under `/api/v1`.
pub fn routes(config: &mut web::ServiceConfig) {
    config.service(
        web::scope("/api/v1")
            .route("/register", web::post().to(accounts::register))
            .route("/login", web::post().to(accounts::login))
            .route("/logout", web::post().to(accounts::logout))
            .route("/sets", web::get().to(sets::list))
            .route("/sets/{set_id}/next", web::get().to(sets::next))
            .route("/sets/{set_id}/answers", web::post().to(answers::submit))
            .route("/me/progress", web::get().to(progress::show))
            .default_service(web::to(unknown_route)),
    );
}

/// Any other path or method under `/api/v1`: a JSON 404, like every other API error.
async fn unknown_route() -> Result<HttpResponse, ApiError> {
    Err(AppError::NotFound(
        "there is no such API route: see the JSON API section of the README".into(),
    )
    .into())
}

/// The set named in the path. An id that cannot exist names no set: 404, like an unknown one.
fn set_in_path(path: &str) -> Result<SetId, ApiError> {
    SetId::parse(path).map_err(|_| AppError::NotFound(format!("there is no set {path:?}")).into())
}
