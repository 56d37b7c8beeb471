//! The progress figures a request asks for, shared by the progress page and the JSON API:
//! over all the student's sets, or over one with `?set=ID`. A set the student may not study is,
//! to them, a set that does not exist: 404, on the page and in the API alike.

use serde::Deserialize;

use crate::questions::SetId;
use crate::store::{ProgressReport, SetProgress, UserId};
use crate::web::blocking;
use crate::web::error::AppError;
use crate::web::state::AppState;

/// `?set=ID`: one set's figures; without it (or with it empty), all sets'.
#[derive(Debug, Deserialize)]
pub struct ProgressQuery {
    set: Option<String>,
}

impl ProgressQuery {
    /// The set asked for, if any; 404 for an id no set can have.
    pub fn set(&self) -> Result<Option<SetId>, AppError> {
        match self.set.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(text) => SetId::parse(text).map(Some).map_err(|_| unknown_set(text)),
        }
    }
}

/// The figures of `user` as of today: all sets' (with no title), or the one set's with its
/// title.
pub async fn figures(
    state: &AppState,
    user: UserId,
    set: Option<SetId>,
) -> Result<(ProgressReport, Option<OneSet>), AppError> {
    let (store, today) = (state.store.clone(), state.today());
    let Some(set) = set else {
        let report = blocking(move || store.progress(user, today)).await?;
        return Ok((report, None));
    };
    let found = set.clone();
    let SetProgress { title, report } = blocking(move || store.set_progress(user, &found, today))
        .await?
        .ok_or_else(|| unknown_set(set.as_str()))?;
    Ok((report, Some(OneSet { id: set, title })))
}

/// The set one set's figures are of.
#[derive(Debug, Clone)]
pub struct OneSet {
    pub id: SetId,
    pub title: String,
}

fn unknown_set(set: &str) -> AppError {
    AppError::NotFound(format!("There is no set “{set}”."))
}
