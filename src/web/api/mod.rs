//! The JSON API, v1: the same study logic as the pages, for scripts and other clients.

use actix_web::web;

/// Registers the API's routes under `/api/v1`.
pub fn routes(config: &mut web::ServiceConfig) {
    config.service(web::scope("/api/v1"));
}
