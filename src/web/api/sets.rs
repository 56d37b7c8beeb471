//! `GET /api/v1/sets` and `GET /api/v1/sets/{set_id}/next`: what there is to study today.

use actix_web::{HttpResponse, web};

use crate::study;
use crate::web::error::{ApiError, AppError};
use crate::web::state::{AppState, now_ms};

use super::caller::Caller;
use super::dto::{NextCardBody, SetEntry, SetList};
use super::{blocking, set_in_path};

/// Every set, with the caller's cards due and new cards left today.
pub async fn list(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<SetList>, ApiError> {
    let store = state.store.clone();
    let today = state.today();
    let user = caller.user();
    let sets = blocking(move || store.list_sets(user, today)).await?;
    Ok(web::Json(SetList {
        sets: sets.into_iter().map(SetEntry::from).collect(),
    }))
}

/// The card to study next in the set, with a fresh review token; 204 when nothing is left today.
pub async fn next(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let set = set_in_path(&path)?;
    // A few index lookups: inline, like the session lookup (see web::auth).
    let next = state
        .store
        .next_card(caller.user(), &set, state.today())
        .map_err(AppError::from)?;
    Ok(match next {
        Some(next) => {
            let token =
                study::issue_token(&state.tokens, caller.user(), &set, &next.card.id, now_ms());
            HttpResponse::Ok().json(NextCardBody::new(set, next, &token))
        }
        None => HttpResponse::NoContent().finish(),
    })
}
