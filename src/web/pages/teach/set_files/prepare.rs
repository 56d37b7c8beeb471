//! Checking an upload before it is previewed or published: its text, the set it gives, that it
//! is the set it says it replaces, and that the teacher may publish that set id.

use crate::questions::QuestionSet;
use crate::store::Teacher;
use crate::web::blocking;
use crate::web::error::AppError;
use crate::web::state::AppState;
use crate::web::views::{ProblemRow, SetFormFields};

use super::form::SetUpload;
use super::submission::{Checked, check, submission};

/// Why an upload goes back to the form, with what the form keeps.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub form: SetFormFields,
    pub form_errors: Vec<String>,
    pub problems: Vec<ProblemRow>,
}

impl Refusal {
    pub fn blank(form: SetFormFields) -> Refusal {
        Refusal {
            form,
            form_errors: Vec::new(),
            problems: Vec::new(),
        }
    }

    pub fn saying(form: SetFormFields, error: String) -> Refusal {
        Refusal {
            form,
            form_errors: vec![error],
            problems: Vec::new(),
        }
    }
}

pub enum Prepared {
    Refused(Refusal),
    Ready {
        set: QuestionSet,
        file_text: String,
        form: SetFormFields,
    },
}

/// Checks an upload (its file and text are taken from it): its text, the set it gives, that it is the set it says it replaces, and
/// that `teacher` may publish it (a set id someone else's set has is refused).
pub async fn prepare(
    state: &AppState,
    teacher: Teacher,
    upload: &mut SetUpload,
) -> Result<Prepared, AppError> {
    // Reading an Anki package and checking a megabyte of set take a moment: off the async
    // workers, or 503 busy.
    // The file and the text (up to 16 MB of package) move to the work slot; the form's small
    // fields are copied, the caller still reads them.
    let file = std::mem::take(&mut upload.file);
    let text = std::mem::take(&mut upload.text);
    let owned = SetUpload {
        file,
        text,
        ..upload.clone()
    };
    let read = (state.heavy_work)
        .run(move || {
            Ok::<_, AppError>(submission(&owned).map(|submission| {
                let checked = check(&submission);
                (submission.form, checked)
            }))
        })
        .await?;
    let (form, checked) = match read {
        Ok(read) => read,
        Err(error) => {
            return Ok(Prepared::Refused(Refusal::saying(
                kept_fields(upload),
                error,
            )));
        }
    };
    let (set, file_text) = match checked {
        Err(error) => return Ok(Prepared::Refused(Refusal::saying(form, error))),
        Ok(Checked::Invalid(problems)) => {
            return Ok(Prepared::Refused(Refusal {
                form,
                form_errors: Vec::new(),
                problems,
            }));
        }
        Ok(Checked::Valid { set, file_text }) => (set, file_text),
    };
    if !form.replaces.is_empty() && form.replaces != set.id.as_str() {
        let error = format!(
            "This file is the set “{}”, not “{}”: change its id to “{}” to make it a new version, or upload it as a new set.",
            set.id, form.replaces, form.replaces
        );
        return Ok(Prepared::Refused(Refusal::saying(form, error)));
    }
    let (store, id) = (state.store.clone(), set.id.clone());
    let ownership = blocking(move || store.set_ownership(&id)).await?;
    if let Some(ownership) = ownership.filter(|ownership| !ownership.may_manage(teacher)) {
        let whose = ownership.owner_name.map_or_else(
            || "a set the server loads".to_string(),
            |name| format!("{name}’s set"),
        );
        let error = format!(
            "The set id “{}” is taken by {whose}: give your set another id.",
            set.id
        );
        return Ok(Prepared::Refused(Refusal::saying(form, error)));
    }
    Ok(Prepared::Ready {
        set,
        file_text,
        form,
    })
}

/// The form's fields when its text could not be read: all but the text.
fn kept_fields(upload: &SetUpload) -> SetFormFields {
    SetFormFields {
        format: upload.format.clone(),
        set_id: upload.set_id.clone(),
        set_title: upload.set_title.clone(),
        replaces: upload.replaces.clone(),
        quizlet_separator: upload.quizlet_separator.clone(),
        quizlet_row_separator: upload.quizlet_row_separator.clone(),
        quizlet_ask: upload.quizlet_ask.clone(),
        ..SetFormFields::default()
    }
}
