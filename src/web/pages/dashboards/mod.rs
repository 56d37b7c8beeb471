//! The instructors' dashboards: a class's overview and each student's page ([`class`]), a set's
//! item analysis ([`analysis`]), disputed answers ([`disputes`]) and the CSV exports
//! ([`export`]). [`access`] says who may see what: students get 403 everywhere here.

mod access;
mod analysis;
mod class;
mod disputes;
mod export;

use actix_web::web;

/// Registers the dashboards' routes.
pub fn routes(config: &mut web::ServiceConfig) {
    config
        .route(
            "/teach/classes/{id}/dashboard",
            web::get().to(class::dashboard),
        )
        .route(
            "/teach/classes/{id}/students/{user_id}",
            web::get().to(class::student),
        )
        .route(
            "/teach/classes/{id}/export/progress.csv",
            web::get().to(export::class_progress),
        )
        .route(
            "/teach/classes/{id}/export/reviews.csv",
            web::get().to(export::class_reviews),
        )
        .route(
            "/teach/sets/{set_id}/analysis",
            web::get().to(analysis::show),
        )
        .route(
            "/teach/sets/{set_id}/export/reviews.csv",
            web::get().to(export::set_reviews),
        )
        .route("/teach/disputes", web::get().to(disputes::show))
        .route("/teach/disputes/accept", web::post().to(disputes::accept))
        .route(
            "/teach/disputes/reject",
            web::get().to(disputes::confirm_reject),
        )
        .route("/teach/disputes/reject", web::post().to(disputes::reject))
        .route("/teach/disputes/undo", web::post().to(disputes::undo));
}

#[cfg(test)]
mod tests;
