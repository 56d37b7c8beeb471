//! The CSV exports: a class's progress (one row per student and set) and the raw review log of
//! a class or of a set, as attachments. Who may download them is who may see the dashboards
//! they come from.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::store::LogScope;
use crate::store::export::{write_progress_csv, write_review_csv};
use crate::web::error::{AppError, PageError};
use crate::web::pages::Visitor;
use crate::web::state::AppState;

use super::access::{class_for, set_for};
use super::analysis::ClassQuery;

/// `GET /teach/classes/{id}/export/progress.csv`
pub async fn class_progress(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    visitor.require_teacher()?;
    let class = class_for(&state, &visitor, &path).await?;
    let (store, id, today) = (state.store.clone(), class.id, state.today());
    // CPU-heavy for a big class: on a slot of its own, or 503 busy.
    let body = (state.heavy_work)
        .run(move || {
            let figures = store.class_figures(id, None, today)?;
            let mut body = Vec::new();
            write_progress_csv(&figures, &mut body).map_err(AppError::internal)?;
            Ok::<_, AppError>(body)
        })
        .await?;
    Ok(attachment(&format!("class-{}-progress.csv", id.0), body))
}

/// `GET /teach/classes/{id}/export/reviews.csv`
pub async fn class_reviews(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    visitor.require_teacher()?;
    let class = class_for(&state, &visitor, &path).await?;
    let scope = LogScope::Class {
        class: class.id,
        only: None,
    };
    let body = review_csv(&state, scope).await?;
    Ok(attachment(
        &format!("class-{}-reviews.csv", class.id.0),
        body,
    ))
}

/// `GET /teach/sets/{set_id}/export/reviews.csv[?class=ID]`
pub async fn set_reviews(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    query: web::Query<ClassQuery>,
) -> Result<HttpResponse, PageError> {
    visitor.require_teacher()?;
    let access = set_for(&state, &visitor, &path, query.class.as_deref()).await?;
    let name = match access.requested {
        Some(class) => format!("{}-class-{}-reviews.csv", access.set.id, class.0),
        None => format!("{}-reviews.csv", access.set.id),
    };
    let scope = LogScope::Set {
        set: access.set.id,
        audience: access.audience,
    };
    Ok(attachment(&name, review_csv(&state, scope).await?))
}

async fn review_csv(state: &AppState, scope: LogScope) -> Result<Vec<u8>, AppError> {
    let store = state.store.clone();
    // A review log may hold a class's whole year: on a slot of its own, or 503 busy.
    (state.heavy_work)
        .run(move || {
            let entries = store.review_log(&scope, None)?;
            let mut body = Vec::new();
            write_review_csv(&entries, &mut body).map_err(AppError::internal)?;
            Ok::<_, AppError>(body)
        })
        .await
}

/// A CSV download named `file_name` (ours: only `[a-z0-9-.]`, so it needs no quoting rules).
fn attachment(file_name: &str, body: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}
