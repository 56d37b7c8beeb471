//! `POST /teach/sets/{set_id}/visibility`: makes a set open or restricted (field `visibility`).
//! Only the set's owner or the admin may (403 otherwise). The form may say where to go back to
//! (field `back`, a `/teach` page); by default, the set's page.

use actix_web::{HttpResponse, web};

use crate::questions::SetId;
use crate::store::Visibility;
use crate::web::error::{AppError, PageError};
use crate::web::state::AppState;

use super::super::{FormFields, Visitor, redirect};
use super::posted_by_teacher;

pub async fn set_visibility(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    let teacher = posted_by_teacher(&visitor, &form)?;
    let set = SetId::parse(&path)
        .map_err(|_| AppError::NotFound(format!("There is no set “{path}”.")))?;
    let visibility: Visibility = form
        .get("visibility")
        .parse()
        .map_err(|error: crate::store::VisibilityError| AppError::Invalid(error.to_string()))?;
    state
        .store
        .set_visibility(teacher, &set, visibility)
        .await
        .map_err(AppError::from)?;
    Ok(redirect(&back_to(form.get("back"), &set)))
}

/// Where to go after the change: `back` if it is a plain path on the `/teach` pages (never
/// another site: no `//`, no scheme, no backslash), else the set's page. A confirmation is
/// added for `/teach` itself.
fn back_to(back: &str, set: &SetId) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "/-_.".contains(c);
    let safe = (back == "/teach" || back.starts_with("/teach/"))
        && !back.contains("//")
        && back.chars().all(plain);
    match back {
        "/teach" => "/teach?done=visibility".to_string(),
        _ if safe => back.to_string(),
        _ => format!("/teach/sets/{set}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_way_back_stays_on_the_teach_pages() {
        let set = SetId::parse("cold-war").unwrap();
        assert_eq!(back_to("/teach", &set), "/teach?done=visibility");
        assert_eq!(back_to("/teach/classes/3", &set), "/teach/classes/3");
        for elsewhere in [
            "",
            "https://evil.example",
            "//evil.example",
            "/teach//evil",
            "/teachers",
            "/teach/\\evil",
            "/",
        ] {
            assert_eq!(
                back_to(elsewhere, &set),
                "/teach/sets/cold-war",
                "{elsewhere}"
            );
        }
    }
}
