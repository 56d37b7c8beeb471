//! `GET /api/v1/me/progress`: the figures of the progress page, for the caller; over all sets,
//! or over one with `?set=ID` (404 for a set the caller may not study).

use actix_web::web;

use crate::web::error::ApiError;
use crate::web::progress::{self, ProgressQuery};
use crate::web::state::AppState;

use super::caller::Caller;
use super::dto::ProgressBody;

/// Reviews today, the streak, the learning stages, retention, per-tag mastery and the forecast.
pub async fn show(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ProgressQuery>,
) -> Result<web::Json<ProgressBody>, ApiError> {
    let (report, one_set) = progress::figures(&state, caller.user(), query.set()?).await?;
    let set = one_set.map(|set| set.id);
    Ok(web::Json(ProgressBody::new(state.today(), set, report)))
}
