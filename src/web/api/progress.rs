//! `GET /api/v1/me/progress`: the figures of the progress page, for the caller.

use actix_web::web;

use crate::web::error::ApiError;
use crate::web::state::AppState;

use super::blocking;
use super::caller::Caller;
use super::dto::ProgressBody;

/// Reviews today, the streak, the learning stages, retention, per-tag mastery and the forecast.
pub async fn show(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<ProgressBody>, ApiError> {
    let store = state.store.clone();
    let today = state.today();
    let user = caller.user();
    let report = blocking(move || store.progress(user, today)).await?;
    Ok(web::Json(ProgressBody::new(today, report)))
}
