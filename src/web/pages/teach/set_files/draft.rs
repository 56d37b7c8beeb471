//! Teach → New set → Draft from a text: `GET /teach/sets/draft` (the form), `POST
//! /teach/sets/draft` (the reading, pasted or uploaded: every draft listed under its sentence,
//! to keep, edit or drop) and `POST /teach/sets/draft/preview` (the kept drafts as a set file,
//! into the upload's own preview and Publish). Nothing is saved before Publish.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::draft::{EditedDraft, draft_cards, edited_set_file, heading, paragraphs};
use crate::questions::encoding::decode;
use crate::questions::rules::slug;
use crate::web::auth::SignedIn;
use crate::web::blocking;
use crate::web::error::{AppError, PageError};
use crate::web::state::AppState;
use crate::web::views::{DraftPageView, DraftRow, Section};

use super::super::super::{FormFields, Visitor, layout, render};
use super::super::{posted_by_teacher, teacher_of};
use super::form::{SET_FILE_LIMIT, SetUpload};
use super::upload::{Upload, accepted, show_preview};

/// The largest body of the drafts page's form: every draft of the largest reading, edited.
pub const DRAFTS_FORM_LIMIT: usize = 4 * SET_FILE_LIMIT;

pub async fn new_form(
    state: web::Data<AppState>,
    visitor: Visitor,
) -> Result<HttpResponse, PageError> {
    teacher_of(&visitor)?;
    render(&state, "teach_set_draft.html", &page(&visitor, Vec::new()))
}

pub async fn drafted(
    state: web::Data<AppState>,
    visitor: Visitor,
    upload: Upload,
) -> Result<HttpResponse, PageError> {
    let (_, upload) = accepted(&visitor, upload)?;
    let mut view = page(&visitor, Vec::new());
    let (bytes, stem) = match &upload.file_name {
        Some(name) => (upload.file.clone(), file_stem(name)),
        None => (upload.text.clone(), String::new()),
    };
    let text = match decode(bytes) {
        Ok(text) => text.replace("\r\n", "\n"),
        Err(error) => {
            view.error = Some(format!(
                "The text is not UTF-8 (line {}, column {}): save it as UTF-8 and try again.",
                error.line, error.column
            ));
            return refused(&state, view);
        }
    };
    view.set_title = non_empty(&upload.set_title)
        .or_else(|| heading(&text))
        .unwrap_or_else(|| "Drafted set".to_string());
    view.set_id = non_empty(&upload.set_id)
        .or_else(|| non_empty(&slug(&stem)))
        .or_else(|| non_empty(&slug(&view.set_title)))
        .unwrap_or_else(|| "drafted-set".to_string());
    let reading = text.clone();
    let drafts = blocking(move || Ok::<_, AppError>(draft_cards(&paragraphs(&reading)))).await?;
    view.text = text;
    if drafts.is_empty() {
        view.error = Some(
            "Nothing to draft: no dates, named actors or reasons were found in the text.".into(),
        );
        return refused(&state, view);
    }
    view.drafts = drafts
        .iter()
        .enumerate()
        .map(|(index, draft)| {
            let (kind, answer, accept) = draft.fields();
            DraftRow {
                index,
                paragraph: draft.paragraph,
                sentence: draft.sentence.clone(),
                kind: kind.to_string(),
                kind_label: match kind {
                    "date" => "When",
                    "text" => "Who",
                    "number" => "How many",
                    _ => "Why",
                }
                .to_string(),
                prompt: draft.prompt.clone(),
                answer,
                accept: accept.join("|"),
                note: matches!(
                    draft.kind,
                    crate::draft::DraftKind::Date {
                        inferred_year: true,
                        ..
                    }
                )
                .then(|| "The year is not in the sentence: it comes from an earlier date.".into()),
            }
        })
        .collect();
    render(&state, "teach_set_draft.html", &view)
}

/// The kept drafts, as edited, into the upload's preview (checked like any upload).
pub async fn preview(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    let teacher = posted_by_teacher(&visitor, &form)?;
    let kept: Vec<EditedDraft> = form
        .all("keep")
        .iter()
        .map(|index| {
            let field = |name: &str| form.get(&format!("{name}_{index}")).trim().to_string();
            EditedDraft {
                kind: field("kind"),
                prompt: field("prompt"),
                answer: field("answer"),
                accept: field("accept")
                    .split('|')
                    .map(str::trim)
                    .filter(|form| !form.is_empty())
                    .map(str::to_string)
                    .collect(),
                paragraph: field("paragraph").parse().unwrap_or(1),
            }
        })
        .collect();
    if kept.is_empty() {
        return Err(AppError::Invalid(
            "No draft was kept: tick Keep on the drafts you want, then preview.".into(),
        )
        .into());
    }
    let set_id = form.get("set_id").trim();
    let set_title = form.get("set_title").trim();
    let upload = SetUpload {
        csrf_token: form.get("csrf_token").to_string(),
        format: "toml".into(),
        text: edited_set_file(set_id, set_title, &kept).into_bytes(),
        ..SetUpload::default()
    };
    show_preview(&state, &visitor, teacher, upload).await
}

fn page(visitor: &SignedIn, drafts: Vec<DraftRow>) -> DraftPageView {
    DraftPageView {
        layout: layout(visitor, "Draft cards from a text", Section::Teach),
        set_id: String::new(),
        set_title: String::new(),
        text: String::new(),
        error: None,
        drafts,
        max_kb: SET_FILE_LIMIT / 1024,
    }
}

fn refused(state: &AppState, view: DraftPageView) -> Result<HttpResponse, PageError> {
    let mut response = render(state, "teach_set_draft.html", &view)?;
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

fn non_empty(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|text| !text.is_empty())
}

fn file_stem(name: &str) -> String {
    std::path::Path::new(name)
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}
