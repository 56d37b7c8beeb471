//! The web layer: routes that translate HTTP into calls to the library and back.
//!
//! - [`server`] assembles the app; [`state`] is what handlers share; [`limits`] bound what one
//!   client can ask of it ([`body_deadline`], [`client`], [`work`]).
//! - [`auth`] finds who is signed in and checks CSRF tokens; [`error`] maps errors to statuses;
//!   [`local_path`] is where signing in leads back to.
//! - [`pages`] are the HTML pages, [`api`] the JSON API; [`progress`] the figures both show.
//! - [`views`], [`templates`] and [`assets`] are what the pages are made of.

pub mod api;
pub mod assets;
pub mod auth;
pub mod body_deadline;
pub mod client;
pub mod error;
pub mod limits;
pub mod local_path;
pub mod pages;
pub mod progress;
pub mod security_headers;
pub mod server;
pub mod sign_in;
pub mod state;
pub mod templates;
pub mod views;
pub mod work;

use actix_web::web;

use crate::web::error::AppError;

/// Runs blocking work (a store read, password hashing) off the async workers.
pub async fn blocking<T, E>(
    work: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Result<T, AppError>
where
    T: Send + 'static,
    E: Into<AppError> + Send + 'static,
{
    match web::block(work).await {
        Ok(done) => done.map_err(Into::into),
        Err(cancelled) => Err(AppError::internal(cancelled)),
    }
}
