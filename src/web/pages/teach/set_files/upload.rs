//! Uploading a set: the form (`GET /teach/sets/new[?from=SET]`), the check and preview
//! (`POST /teach/sets/preview`) and publishing (`POST /teach/sets/publish`).
//!
//! Both POSTs read the same multipart form and check it the same way: a file with problems
//! comes back as the form, 422, with every problem under its line; a good one gives the preview
//! (what students will see, what changes) whose Publish button posts the same text again,
//! hidden, to be checked once more and imported. Nothing is written before Publish.

use actix_multipart::form::MultipartForm;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::questions::QuestionSet;
use crate::questions::formats::convert::notes_in;
use crate::store::{ImportReport, Teacher, Visibility};
use crate::web::auth::SignedIn;
use crate::web::error::{AppError, PageError};
use crate::web::state::AppState;
use crate::web::views::{
    Section, SetFormFields, SetPreviewView, SetUploadView, card_preview, diff_view, listing,
};

use super::super::super::{Visitor, layout, redirect, render};
use super::super::teacher_of;
use super::form::{SET_FILE_LIMIT, SetUpload, is_overflow};
use super::page::managed_set;
use super::prepare::{Prepared, Refusal, prepare};

/// The upload as the handlers receive it: the form, or why it could not be read.
pub(super) type Upload = Result<MultipartForm<SetUpload>, actix_web::Error>;

#[derive(Debug, Deserialize)]
pub struct NewQuery {
    /// A set to start from: its file fills the text box, for a new version.
    pub from: Option<String>,
}

pub async fn new_form(
    state: web::Data<AppState>,
    visitor: Visitor,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, PageError> {
    let teacher = teacher_of(&visitor)?;
    let mut form = SetFormFields {
        format: "toml".into(),
        ..SetFormFields::default()
    };
    if let Some(from) = query.from.as_deref().filter(|from| !from.is_empty()) {
        let managed = managed_set(&state, teacher, from).await?;
        form.text = managed.file_text;
        form.replaces = managed.id.to_string();
    }
    render(
        &state,
        "teach_set_upload.html",
        &upload_view(&visitor, Refusal::blank(form)),
    )
}

pub async fn preview(
    state: web::Data<AppState>,
    visitor: Visitor,
    upload: Upload,
) -> Result<HttpResponse, PageError> {
    let (teacher, upload) = accepted(&visitor, upload)?;
    show_preview(&state, &visitor, teacher, upload).await
}

/// The preview of `upload` (checked for `teacher`), or the form again with its problems.
pub(super) async fn show_preview(
    state: &AppState,
    visitor: &SignedIn,
    teacher: Teacher,
    mut upload: SetUpload,
) -> Result<HttpResponse, PageError> {
    let (set, form, file_text) = match prepare(state, teacher, &mut upload).await? {
        Prepared::Refused(refusal) => return refused(state, visitor, refusal),
        Prepared::Ready {
            set,
            form,
            file_text,
        } => (set, form, file_text),
    };
    let (store, previewed) = (state.store.clone(), set.clone());
    let report = (state.heavy_work)
        .run(move || store.preview_import(&previewed))
        .await?;
    render(
        state,
        "teach_set_preview.html",
        &preview_view(visitor, teacher, &set, &report, form, notes_in(&file_text)),
    )
}

pub async fn publish(
    state: web::Data<AppState>,
    visitor: Visitor,
    upload: Upload,
) -> Result<HttpResponse, PageError> {
    let (teacher, mut upload) = accepted(&visitor, upload)?;
    let (set, file_text) = match prepare(&state, teacher, &mut upload).await? {
        Prepared::Refused(refusal) => return refused(&state, &visitor, refusal),
        Prepared::Ready { set, file_text, .. } => (set, file_text),
    };
    let visibility = upload
        .visibility
        .parse()
        .unwrap_or_else(|_| default_visibility(teacher));
    let id = set.id.clone();
    state
        .store
        .publish_set(teacher, set, file_text, visibility)
        .await
        .map_err(AppError::from)?;
    Ok(redirect(&format!("/teach/sets/{id}?published=1")))
}

/// A new set uploaded by an instructor is for their classes; by the admin, for everyone (as
/// the sets the server loads are).
fn default_visibility(teacher: Teacher) -> Visibility {
    if teacher.is_admin() {
        Visibility::Open
    } else {
        Visibility::Restricted
    }
}

/// The teacher and their form, once it is read, its CSRF token checked and its size known.
pub(super) fn accepted(
    visitor: &SignedIn,
    upload: Upload,
) -> Result<(Teacher, SetUpload), AppError> {
    let teacher = teacher_of(visitor)?;
    let too_large = || AppError::TooLarge {
        limit_kb: SET_FILE_LIMIT / 1024,
    };
    let upload = upload
        .map_err(|error| {
            if is_overflow(&error) {
                too_large()
            } else {
                AppError::BadRequest(format!(
                    "the upload could not be read ({error}): send it from the upload form"
                ))
            }
        })?
        .into_inner();
    visitor.verify_csrf(&upload.csrf_token)?;
    if upload.is_too_large() {
        return Err(too_large());
    }
    Ok((teacher, upload))
}

/// The form again, 422, with what was wrong.
pub(super) fn refused(
    state: &AppState,
    visitor: &SignedIn,
    refusal: Refusal,
) -> Result<HttpResponse, PageError> {
    let mut response = render(
        state,
        "teach_set_upload.html",
        &upload_view(visitor, refusal),
    )?;
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

fn upload_view(visitor: &SignedIn, refusal: Refusal) -> SetUploadView {
    let heading = match refusal.form.replaces.as_str() {
        "" => "Upload a question set".to_string(),
        set => format!("New version of {set}"),
    };
    let listing = if refusal.problems.is_empty() {
        Vec::new()
    } else {
        listing(&refusal.form.text, &refusal.problems)
    };
    SetUploadView {
        layout: layout(visitor, &heading, Section::Teach),
        heading,
        form: refusal.form,
        form_errors: refusal.form_errors,
        problems: refusal.problems,
        listing,
        max_kb: SET_FILE_LIMIT / 1024,
    }
}

fn preview_view(
    visitor: &SignedIn,
    teacher: Teacher,
    set: &QuestionSet,
    report: &ImportReport,
    form: SetFormFields,
    not_imported: Vec<String>,
) -> SetPreviewView {
    SetPreviewView {
        layout: layout(visitor, &format!("Preview: {}", set.title), Section::Teach),
        set_id: set.id.to_string(),
        title: set.title.clone(),
        description: set.description.clone(),
        cards: set.cards.iter().map(card_preview).collect(),
        diff: diff_view(report),
        form,
        visibility: default_visibility(teacher).to_string(),
        not_imported,
    }
}
