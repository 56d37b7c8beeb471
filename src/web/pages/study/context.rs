//! What every study handler reads first: the set in the path, the card in the form, and the
//! set's figures for the study bar.

use crate::questions::{CardId, SetId};
use crate::scheduler::StudyDay;
use crate::store::{SetSummary, StoredCard};
use crate::study;
use crate::web::auth::SignedIn;
use crate::web::error::AppError;
use crate::web::state::AppState;

/// The set's title and today's counts, for the bar above every card, and the exam day a class
/// of the student's gives the set, for the grade buttons' intervals.
pub(super) struct StudyContext {
    pub(super) set: SetId,
    pub(super) title: String,
    pub(super) due: u32,
    pub(super) new_left: u32,
    pub(super) exam: Option<StudyDay>,
}

impl StudyContext {
    pub(super) fn new(set: SetId, summary: SetSummary, exam: Option<StudyDay>) -> StudyContext {
        StudyContext {
            set,
            title: summary.title,
            due: summary.due,
            new_left: summary.new_left,
            exam,
        }
    }

    /// Inline, for the reason given in [`super::next_card`].
    pub(super) fn load(
        state: &AppState,
        visitor: &SignedIn,
        set: &SetId,
    ) -> Result<StudyContext, AppError> {
        let (summary, exam) = state
            .store
            .set_summary_and_exam(visitor.user.id, set, state.today())?
            .ok_or_else(|| unknown_set(set))?;
        Ok(StudyContext::new(set.clone(), summary, exam))
    }
}

pub(super) fn unknown_set(set: &impl std::fmt::Display) -> AppError {
    AppError::NotFound(format!("There is no set “{set}”."))
}

pub(super) fn set_in_path(path: &str) -> Result<SetId, AppError> {
    SetId::parse(path).map_err(|_| unknown_set(&path))
}

/// Inline, for the reason given in [`super::next_card`].
pub(super) fn find_card(
    state: &AppState,
    visitor: &SignedIn,
    set: &SetId,
    card: &str,
) -> Result<StoredCard, AppError> {
    let card = CardId::parse(card)
        .map_err(|_| AppError::NotFound(format!("There is no card “{card}”.")))?;
    Ok(study::find_card(&state.store, visitor.user.id, set, &card)?)
}
