//! A set's page for its owner and the admin (`GET /teach/sets/{set_id}`): what is in it, who may
//! study it, a new version, and its file (`GET /teach/sets/{set_id}/file[?format=csv]`).

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::questions::QuestionSet;
use crate::questions::SetId;
use crate::questions::csv::to_csv;
use crate::questions::formats::export::{ExportError, ExportFormat, export};
use crate::questions::parse::parse_set;
use crate::store::{SetInfo, SetOwnership, StoreError, Teacher};
use crate::web::blocking;
use crate::web::error::{AppError, PageError};
use crate::web::state::AppState;
use crate::web::views::{Section, SetFormFields, SetPageView, card_preview, instant_label};

use super::super::super::{Visitor, layout, render};
use super::super::teacher_of;
use super::form::SET_FILE_LIMIT;

/// A set `teacher` may manage, with what its pages show.
pub struct ManagedSet {
    pub id: SetId,
    pub info: SetInfo,
    pub ownership: SetOwnership,
    pub file_text: String,
}

impl ManagedSet {
    /// The set as its stored file gives it; `None` for a file that no longer parses (a
    /// database edited by hand): the page then shows no cards rather than failing.
    fn parsed(&self) -> Option<QuestionSet> {
        parse_set(&self.file_text).ok()
    }
}

/// The set `id`, if `teacher` may manage it: 404 when there is no such set, 403 when it is
/// someone else's (or the server's, for an instructor).
pub async fn managed_set(
    state: &AppState,
    teacher: Teacher,
    id: &str,
) -> Result<ManagedSet, AppError> {
    let missing = || AppError::NotFound(format!("There is no set “{id}”."));
    let set = SetId::parse(id).map_err(|_| missing())?;
    let (store, lookup) = (state.store.clone(), set.clone());
    let found = blocking(move || {
        let info = store.set_by_slug(&lookup)?;
        let ownership = store.set_ownership(&lookup)?;
        let file_text = store.set_file_text(&lookup)?;
        Ok::<_, StoreError>(info.zip(ownership).zip(file_text))
    })
    .await?;
    let ((info, ownership), file_text) = found.ok_or_else(missing)?;
    if !ownership.may_manage(teacher) {
        let whose = if ownership.owner.is_some() {
            "another instructor's set"
        } else {
            "a set the server loads"
        };
        return Err(AppError::Forbidden(format!(
            "“{id}” is {whose}: only its owner or the admin may change it or download its file."
        )));
    }
    Ok(ManagedSet {
        id: set,
        info,
        ownership,
        file_text,
    })
}

#[derive(Debug, Deserialize)]
pub struct PageQuery {
    pub published: Option<String>,
}

pub async fn show(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, PageError> {
    let managed = managed_set(&state, teacher_of(&visitor)?, &path).await?;
    let parsed = managed.parsed();
    let view = SetPageView {
        layout: layout(&visitor, &managed.info.title, Section::Teach),
        set_id: managed.id.to_string(),
        title: managed.info.title.clone(),
        description: managed.info.description.clone(),
        source: managed.info.source.clone(),
        cards: parsed
            .iter()
            .flat_map(|set| set.cards.iter().map(card_preview))
            .collect(),
        owner: managed
            .ownership
            .owner_name
            .clone()
            .unwrap_or_else(|| "the server".into()),
        visibility: managed.ownership.visibility.to_string(),
        updated: instant_label(managed.info.updated_at_ms),
        published: query.published.is_some(),
        csv_download: parsed.as_ref().is_some_and(|set| to_csv(set).is_ok()),
        form: SetFormFields {
            format: "toml".into(),
            set_id: managed.id.to_string(),
            set_title: managed.info.title.clone(),
            replaces: managed.id.to_string(),
            ..SetFormFields::default()
        },
        max_kb: SET_FILE_LIMIT / 1024,
    };
    render(&state, "teach_set.html", &view)
}

#[derive(Debug, Deserialize)]
pub struct FileQuery {
    pub format: Option<String>,
}

/// The set's file as an attachment: the stored TOML (`{id}.toml`), or with `?format=csv`,
/// `gift` or `apkg` the set as a spreadsheet, a GIFT file or an Anki package (409 when the set
/// does not fit the format, e.g. a list item holding a `|` in a spreadsheet).
pub async fn download(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    query: web::Query<FileQuery>,
) -> Result<HttpResponse, PageError> {
    let managed = managed_set(&state, teacher_of(&visitor)?, &path).await?;
    let format = ExportFormat::from_query(query.format.as_deref())
        .ok_or_else(|| AppError::BadRequest("format is toml, csv, gift or apkg".into()))?;
    let file_text = managed.file_text;
    let body = (state.heavy_work)
        .run(move || Ok::<_, AppError>(export(&file_text, format)))
        .await?
        .map_err(|error| match error {
            ExportError::Unfit(message) => AppError::Conflict {
                code: "not_in_this_format",
                message,
            },
            ExportError::Stored(message) => AppError::internal(message),
        })?;
    let (extension, content_type) = (format.extension(), format.content_type());
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename(format!(
            "{}.{extension}",
            managed.id
        ))],
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(disposition)
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
}
