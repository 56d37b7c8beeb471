//! `/teach`: the teacher's classes, with the form that creates one, and the sets they may assign
//! or change (for the admin, every class and every set).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::store::classes::MAX_CLASS_NAME_CHARS;
use crate::store::{ClassName, ClassSummary, StoreError, TeachableSet, Teacher};
use crate::web::auth::SignedIn;
use crate::web::blocking;
use crate::web::error::{AppError, PageError};
use crate::web::state::AppState;
use crate::web::views::{ClassRow, Section, TeachHomeView, TeachSetRow};

use super::super::{FormFields, Visitor, layout, redirect, render};
use super::{capitalised, posted_by_teacher, teacher_of};

#[derive(Debug, Deserialize)]
pub struct HomeQuery {
    /// Set after a change made from this page, to confirm it.
    done: Option<String>,
}

pub async fn show(
    state: web::Data<AppState>,
    visitor: Visitor,
    query: web::Query<HomeQuery>,
) -> Result<HttpResponse, PageError> {
    let teacher = teacher_of(&visitor)?;
    let notice = (query.done.as_deref() == Some("visibility"))
        .then(|| "Saved: who sees the set has changed.".to_string());
    let form = CreateForm {
        name: String::new(),
        error: None,
        notice,
    };
    page(&state, &visitor, teacher, form, StatusCode::OK).await
}

/// Creates a class and opens its page; a bad name shows this page again with the reason (422).
pub async fn create_class(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    let teacher = posted_by_teacher(&visitor, &form)?;
    let typed = form.get("name");
    let name = match ClassName::parse(typed) {
        Ok(name) => name,
        Err(error) => {
            let refused = CreateForm {
                name: typed.to_string(),
                error: Some(capitalised(&error.to_string())),
                notice: None,
            };
            return page(
                &state,
                &visitor,
                teacher,
                refused,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let class = state
        .store
        .create_class(teacher, &name)
        .await
        .map_err(AppError::from)?;
    Ok(redirect(&format!(
        "/teach/classes/{}?done=created",
        class.id.0
    )))
}

/// What the create-class form shows besides the lists.
struct CreateForm {
    name: String,
    error: Option<String>,
    notice: Option<String>,
}

async fn page(
    state: &AppState,
    visitor: &SignedIn,
    teacher: Teacher,
    form: CreateForm,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let store = state.store.clone();
    let (classes, sets) = blocking(move || {
        Ok::<_, StoreError>((
            store.classes_taught(teacher)?,
            store.teachable_sets(teacher)?,
        ))
    })
    .await?;
    let view = TeachHomeView {
        layout: layout(visitor, "Teach", Section::Teach),
        classes: classes.into_iter().map(class_row).collect(),
        sets: sets.into_iter().map(set_row).collect(),
        show_owner: teacher.is_admin(),
        name: form.name,
        error: form.error,
        notice: form.notice,
        max_name_chars: MAX_CLASS_NAME_CHARS,
    };
    let mut response = render(state, "teach_home.html", &view)?;
    *response.status_mut() = status;
    Ok(response)
}

fn class_row(class: ClassSummary) -> ClassRow {
    ClassRow {
        id: class.id.0,
        name: class.name,
        owner: class.owner_name,
        code: class.join_code.grouped(),
        members: class.members,
        sets: class.sets,
        archived: class.archived,
    }
}

fn set_row(set: TeachableSet) -> TeachSetRow {
    TeachSetRow {
        set_id: set.set.to_string(),
        title: set.title,
        cards: set.cards,
        visibility: set.visibility.to_string(),
        owner: set.owner_name.unwrap_or_else(|| "server".to_string()),
        may_change: set.may_change,
    }
}
