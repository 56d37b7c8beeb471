//! Joining a class, for students: `GET /join/{code}` (the join link an instructor hands out: a
//! page naming the class with a confirm button, since joining changes something and so is a
//! POST) and `POST /join` (field `code`), from that page or the home page's "Join a class"
//! form. A joined student goes home, where a notice confirms it and the class is listed. Someone
//! signed out is sent to sign in (or register) and back to the join page.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::store::{JoinCode, JoinedClass, StoreError};
use crate::web::auth::SignedIn;
use crate::web::blocking;
use crate::web::error::{AppError, PageError};
use crate::web::local_path::LocalPath;
use crate::web::state::AppState;
use crate::web::views::{JoinView, JoinedClassView, LayoutView, Section};

use super::teach::capitalised;
use super::{FormFields, layout, redirect, render};

/// The page of a join link: whose class the code opens, and a button to join it.
pub async fn show(
    state: web::Data<AppState>,
    visitor: Option<SignedIn>,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let typed = path.into_inner();
    let Some(visitor) = visitor else {
        // Not looked up before signing in: the page only says how to go on, and passes on a
        // well-formed code (letters and digits only, so it goes into a link as it is).
        let code = JoinCode::parse(&typed)
            .map(|code| code.to_string())
            .unwrap_or_default();
        let back = back_to_join_page(&code);
        let register_code: &[(&str, &str)] = match code.as_str() {
            "" => &[],
            code => &[("code", code)],
        };
        let view = join_view(
            LayoutView::signed_out("Join a class", ""),
            code.clone(),
            None,
        );
        return render(
            &state,
            "join.html",
            &JoinView {
                signed_out: true,
                sign_in_href: LocalPath::link("/login", &[], back.as_ref()),
                register_href: LocalPath::link("/register", register_code, back.as_ref()),
                ..view
            },
        );
    };
    let code = match JoinCode::parse(&typed) {
        Ok(code) => code,
        Err(error) => {
            return refused(
                &state,
                &visitor,
                typed,
                error.to_string(),
                StatusCode::NOT_FOUND,
            );
        }
    };
    let (store, user) = (state.store.clone(), visitor.user.id);
    let (class, joined) = blocking(move || {
        Ok::<_, StoreError>((
            store.live_class_by_code(&code)?,
            store.classes_joined(user)?,
        ))
    })
    .await?;
    let Some(class) = class else {
        let message = capitalised(&StoreError::UnknownJoinCode.to_string());
        return refused(&state, &visitor, typed, message, StatusCode::NOT_FOUND);
    };
    let already_member = joined.iter().any(|mine| mine.id == class.id);
    let view = join_view(
        layout(&visitor, "Join a class", Section::Study),
        typed,
        Some(class),
    );
    render(
        &state,
        "join.html",
        &JoinView {
            already_member,
            ..view
        },
    )
}

/// Joins the class of the posted `code`; a code that opens no class shows the join page again
/// with the reason (422).
pub async fn join(
    state: web::Data<AppState>,
    visitor: Option<SignedIn>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    let Some(visitor) = visitor else {
        let code = JoinCode::parse(form.get("code")).map(|code| code.to_string());
        let back = back_to_join_page(&code.unwrap_or_default());
        return Ok(redirect(&LocalPath::link("/login", &[], back.as_ref())));
    };
    visitor.verify_csrf(form.get("csrf_token"))?;
    let typed = form.get("code").trim().to_string();
    if let Err(error) = JoinCode::parse(&typed) {
        let message = capitalised(&error.to_string());
        return refused(
            &state,
            &visitor,
            typed,
            message,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    match state.store.join_class(visitor.user.id, &typed).await {
        Ok(class) => Ok(redirect(&format!("/?joined={}", class.id.0))),
        Err(error @ StoreError::UnknownJoinCode) => {
            let message = capitalised(&error.to_string());
            refused(
                &state,
                &visitor,
                typed,
                message,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(error) => Err(AppError::from(error).into()),
    }
}

/// The join page of `code` (a well-formed code: letters and digits), for signing in and coming
/// back to it; `None` without a code.
fn back_to_join_page(code: &str) -> Option<LocalPath> {
    match code {
        "" => None,
        code => LocalPath::parse(&format!("/join/{code}")),
    }
}

/// "You joined History 9B.", when `joined` is one of the student's classes (the id comes from
/// the address, so anything else says nothing).
pub(super) fn joined_notice(classes: &[JoinedClass], joined: i64) -> Option<String> {
    let class = classes.iter().find(|class| class.id.0 == joined)?;
    Some(format!(
        "You joined {}. Its sets are on this page.",
        class.name
    ))
}

/// A class as the student's pages show it.
pub(super) fn class_view(class: JoinedClass) -> JoinedClassView {
    JoinedClassView {
        name: class.name,
        instructor: class.instructor,
        sets: class.sets,
    }
}

fn join_view(layout: LayoutView, code: String, class: Option<JoinedClass>) -> JoinView {
    JoinView {
        layout,
        code,
        class: class.map(class_view),
        already_member: false,
        signed_out: false,
        sign_in_href: String::new(),
        register_href: String::new(),
        error: None,
    }
}

/// The join page with the form to type a code again, `message` saying what was wrong.
fn refused(
    state: &AppState,
    visitor: &SignedIn,
    code: String,
    message: String,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let view = join_view(layout(visitor, "Join a class", Section::Study), code, None);
    let mut response = render(
        state,
        "join.html",
        &JoinView {
            error: Some(message),
            ..view
        },
    )?;
    *response.status_mut() = status;
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ClassId;

    fn class(id: i64, name: &str) -> JoinedClass {
        JoinedClass {
            id: ClassId(id),
            name: name.into(),
            instructor: "ada".into(),
            sets: 1,
        }
    }

    #[test]
    fn the_joined_notice_names_only_a_class_the_student_is_in() {
        let classes = [class(3, "History 9B")];
        let notice = joined_notice(&classes, 3).unwrap();
        assert!(notice.starts_with("You joined History 9B."), "{notice}");
        assert_eq!(joined_notice(&classes, 4), None);
        assert_eq!(joined_notice(&[], 3), None);
    }
}
