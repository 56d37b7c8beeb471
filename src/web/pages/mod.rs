//! The HTML pages: sign-in, home, study, progress. Every page works without JavaScript through
//! plain forms and redirects (POST, then 303 to a page to GET).
//!
//! - [`accounts`]: sign in, register, sign out.
//! - [`home`]: the sets and the daily new-card setting; [`claims`]: what became of the
//!   student's "I was right" claims.
//! - [`study`]: one card at a time, the verdict and the grade.
//! - [`progress`]: the student's figures.
//! - [`setup`]: the one-time link that creates the admin; [`admin`]: users, roles, the
//!   registration mode; [`password_link`]: the one-time link an added user sets a password with; [`account`]: a user's data download and account deletion.
//! - [`dashboards`]: the instructors' class dashboards, item analysis, disputes and exports.
//! - [`error_page`]: the error page with a signed-in visitor's header.

mod account;
mod accounts;
mod admin;
mod change_password;
pub(crate) mod claims;
mod dashboards;
mod error_page;
mod form;
mod home;
mod join;
mod new_password;
mod password_link;
mod progress;
pub(crate) mod registration;
mod setup;
mod study;
mod teach;
mod visitor;

use actix_web::http::header::{self, ContentType};
use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::web::auth::SignedIn;
use crate::web::error::{AppError, PageError};
use crate::web::state::AppState;
use crate::web::views::{LayoutView, Section};

pub use error_page::with_visitor_header;
pub use form::FormFields;
pub use visitor::Visitor;

/// Registers the pages' routes.
pub fn routes(config: &mut web::ServiceConfig) {
    config
        .route("/", web::get().to(home::show))
        .route("/settings/new-cards", web::post().to(home::set_new_cards))
        .route("/login", web::get().to(accounts::sign_in_page))
        .route("/login", web::post().to(accounts::sign_in))
        .route("/register", web::get().to(accounts::register_page))
        .route("/register", web::post().to(accounts::register))
        .route("/logout", web::post().to(accounts::sign_out))
        .route("/study/{set_id}", web::get().to(study::next_card))
        .route(
            "/study/{set_id}/answer",
            web::post().to(study::answer_or_sign_in),
        )
        .route("/study/{set_id}/grade", web::post().to(study::grade))
        .route(
            "/study/{set_id}/answers/{review_token}",
            web::get().to(study::verdict),
        )
        .route("/progress", web::get().to(progress::show))
        .route("/join", web::post().to(join::join))
        .route("/join/{code}", web::get().to(join::show))
        .configure(teach::routes)
        .route("/setup/{token}", web::get().to(setup::show))
        .route("/setup/{token}", web::post().to(setup::create_admin))
        .route("/admin", web::get().to(admin::show))
        .route(
            "/admin/registration",
            web::post().to(admin::set_registration),
        )
        .route("/admin/users", web::post().to(admin::add_user))
        .route("/password/{token}", web::get().to(password_link::show))
        .route(
            "/password/{token}",
            web::post().to(password_link::set_password),
        )
        .route("/admin/users/{id}/role", web::post().to(admin::change_role))
        .route(
            "/admin/users/{id}/password",
            web::post().to(admin::reset_password),
        )
        .route(
            "/admin/users/{id}/data.json",
            web::get().to(admin::user_data),
        )
        .route(
            "/admin/users/{id}/delete",
            web::post().to(admin::delete_user),
        )
        .route("/account", web::get().to(account::show))
        .route("/account/data.json", web::get().to(account::data))
        .route("/account/delete", web::post().to(account::delete))
        .route("/account/password", web::post().to(change_password::change))
        .route("/account/deleted", web::get().to(account::deleted))
        .configure(dashboards::routes)
        .default_service(web::to(not_found));
}

async fn not_found() -> Result<HttpResponse, PageError> {
    Err(AppError::NotFound("There is no page at this address.".into()).into())
}

/// Renders a page with status 200.
fn render<T: Serialize>(
    state: &AppState,
    template: &str,
    view: &T,
) -> Result<HttpResponse, PageError> {
    let body = state
        .templates
        .render(template, view)
        .map_err(AppError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type(ContentType::html())
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
}

/// 303 See Other: after a POST, the browser GETs `location`, so a reload does not post again.
fn redirect(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// The layout of a page seen by `visitor`.
fn layout(visitor: &SignedIn, title: &str, section: Section) -> LayoutView {
    LayoutView::signed_in(title, &visitor.user.username, &visitor.csrf_token, section)
        .with_role(visitor.user.role.as_str())
}
