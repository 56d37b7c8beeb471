//! The instructors' pages under `/teach` (instructors and the admin; students get 403):
//!
//! - [`home`]: `/teach`, the teacher's classes (with the create-class form) and sets.
//! - [`class_page`]: a class's manage page; [`class_forms`]: its forms (join code, members,
//!   assigned sets, archiving).
//! - [`sets`]: whether a set is open or restricted.
//! - [`set_files`]: uploading a set (TOML, CSV or TSV), its preview and publishing; a set's
//!   page and its file.
//!
//! An instructor sees and changes only their own classes (another's is reported as not
//! existing, 404), the admin all of them. Every form is a POST with the session's CSRF token.
//! Each file registers its routes in [`routes`]; add a line per route there.

mod class_forms;
mod class_page;
mod home;
mod set_files;
mod sets;

use actix_web::web;

use crate::store::{ClassId, Teacher};
use crate::web::auth::SignedIn;
use crate::web::error::AppError;

use super::FormFields;

/// Registers the `/teach` routes.
pub fn routes(config: &mut web::ServiceConfig) {
    config
        .route("/teach", web::get().to(home::show))
        .route("/teach/classes", web::post().to(home::create_class))
        .route("/teach/classes/{class_id}", web::get().to(class_page::show))
        .route(
            "/teach/classes/{class_id}/code",
            web::post().to(class_forms::new_code),
        )
        .route(
            "/teach/classes/{class_id}/members/{user_id}/remove",
            web::post().to(class_forms::remove_member),
        )
        .route(
            "/teach/classes/{class_id}/archive",
            web::post().to(class_forms::archive),
        )
        .route(
            "/teach/classes/{class_id}/restore",
            web::post().to(class_forms::restore),
        )
        .route(
            "/teach/classes/{class_id}/sets",
            web::post().to(class_forms::assign_set),
        )
        .route(
            "/teach/classes/{class_id}/sets/{set_id}/remove",
            web::post().to(class_forms::unassign_set),
        )
        .route(
            "/teach/sets/{set_id}/visibility",
            web::post().to(sets::set_visibility),
        )
        // Before /teach/sets/{set_id}, which "new" would match too.
        .route(
            "/teach/sets/new",
            web::get().to(set_files::upload::new_form),
        )
        .route(
            "/teach/sets/preview",
            web::post().to(set_files::upload::preview),
        )
        .route("/teach/sets/try", web::post().to(set_files::trial::try_set))
        .route(
            "/teach/sets/publish",
            web::post().to(set_files::upload::publish),
        )
        .route("/teach/sets/{set_id}", web::get().to(set_files::page::show))
        .route(
            "/teach/sets/{set_id}/file",
            web::get().to(set_files::page::download),
        );
}

/// The visitor as a teacher: 403 for a student.
fn teacher_of(visitor: &SignedIn) -> Result<Teacher, AppError> {
    Teacher::of(&visitor.user)
        .ok_or_else(|| AppError::Forbidden("this page is for instructors".into()))
}

/// The teacher who posted `form`, once its CSRF token is checked.
fn posted_by_teacher(visitor: &SignedIn, form: &FormFields) -> Result<Teacher, AppError> {
    visitor.verify_csrf(form.get("csrf_token"))?;
    teacher_of(visitor)
}

/// The class numbered in the path; anything but a number names no class (404).
fn class_in_path(text: &str) -> Result<ClassId, AppError> {
    text.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .map(ClassId)
        .ok_or_else(|| AppError::NotFound(format!("There is no class {text}.")))
}

/// "a class name ..." -> "A class name ...": store and domain messages as sentences on a page.
pub(super) fn capitalised(message: &str) -> String {
    let mut chars = message.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_class_path_is_a_positive_number() {
        assert_eq!(class_in_path("12"), Ok(ClassId(12)));
        for text in ["0", "-3", "twelve", "", "12abc", "99999999999999999999"] {
            assert!(
                matches!(class_in_path(text), Err(AppError::NotFound(_))),
                "{text}"
            );
        }
    }

    #[test]
    fn messages_start_with_a_capital() {
        assert_eq!(
            capitalised("give the class a name"),
            "Give the class a name"
        );
        assert_eq!(capitalised("écrit"), "Écrit");
        assert_eq!(capitalised(""), "");
    }
}
