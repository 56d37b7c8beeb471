//! The forms of a class's manage page: a new join code, removing a student, archiving and
//! restoring, assigning a set (with a daily limit and an exam day) and taking one off. Each is
//! a POST with the CSRF token that redirects back to the class's page with a confirmation.

use actix_web::{HttpResponse, web};

use crate::questions::SetId;
use crate::scheduler::StudyDay;
use crate::store::{Assignment, StoreError, UserId};
use crate::web::error::{AppError, PageError};
use crate::web::state::AppState;
use crate::web::views::{AssignFields, study_day_label};

use super::super::{FormFields, Visitor, redirect};
use super::class_page::{Messages, page};
use super::{capitalised, class_in_path, posted_by_teacher};

/// The largest daily limit of new cards a class may set for a set.
const MAX_CLASS_DAILY_LIMIT: u32 = 999;

/// Gives the class a new join code.
pub async fn new_code(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    let teacher = posted_by_teacher(&visitor, &form)?;
    let class = class_in_path(&path)?;
    state
        .store
        .regenerate_join_code(teacher, class)
        .await
        .map_err(AppError::from)?;
    Ok(redirect(&format!("/teach/classes/{}?done=code", class.0)))
}

/// Takes a student out of the class.
pub async fn remove_member(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<(String, String)>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    let teacher = posted_by_teacher(&visitor, &form)?;
    let (class, member) = path.into_inner();
    let class = class_in_path(&class)?;
    let not_member = || AppError::NotFound("That student is not in this class.".into());
    let member = UserId(member.parse().map_err(|_| not_member())?);
    let removed = state
        .store
        .remove_member(teacher, class, member)
        .await
        .map_err(AppError::from)?;
    if !removed {
        return Err(not_member().into());
    }
    Ok(redirect(&format!(
        "/teach/classes/{}?done=removed",
        class.0
    )))
}

/// Archives the class: see [`crate::store::classes`] for what that does.
pub async fn archive(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    set_archived(&state, visitor, &path, &form, true).await
}

/// Brings an archived class back.
pub async fn restore(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    set_archived(&state, visitor, &path, &form, false).await
}

async fn set_archived(
    state: &AppState,
    visitor: Visitor,
    path: &str,
    form: &FormFields,
    archived: bool,
) -> Result<HttpResponse, PageError> {
    let teacher = posted_by_teacher(&visitor, form)?;
    let class = class_in_path(path)?;
    state
        .store
        .set_class_archived(teacher, class, archived)
        .await
        .map_err(AppError::from)?;
    let done = if archived { "archived" } else { "restored" };
    Ok(redirect(&format!("/teach/classes/{}?done={done}", class.0)))
}

/// Assigns a set (or changes its limit and exam day); a refusal shows the class's page again
/// with the reason next to the form and the fields as sent.
pub async fn assign_set(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    let teacher = posted_by_teacher(&visitor, &form)?;
    let class = class_in_path(&path)?;
    let fields = AssignFields {
        set_id: form.get("set_id").to_string(),
        daily_new_limit: form.get("daily_new_limit").to_string(),
        exam_day: form.get("exam_day").to_string(),
    };
    let refusal = match parse_assignment(&fields, state.today()) {
        Ok((set, assignment)) => match state
            .store
            .assign_set(teacher, class, &set, assignment)
            .await
        {
            Ok(()) => {
                return Ok(redirect(&format!(
                    "/teach/classes/{}?done=assigned",
                    class.0
                )));
            }
            Err(error @ StoreError::UnknownClass(_)) => return Err(AppError::from(error).into()),
            Err(error) => AppError::from(error),
        },
        Err(message) => AppError::Invalid(message),
    };
    let messages = Messages {
        error: Some(capitalised(&refusal.to_string())),
        assign: fields,
        status: Some(refusal.status()),
        ..Messages::default()
    };
    page(&state, &visitor, teacher, class, messages).await
}

/// Takes a set off the class.
pub async fn unassign_set(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<(String, String)>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    let teacher = posted_by_teacher(&visitor, &form)?;
    let (class, set) = path.into_inner();
    let class = class_in_path(&class)?;
    let not_assigned =
        || AppError::NotFound(format!("The set “{set}” is not assigned to this class."));
    let set_id = SetId::parse(&set).map_err(|_| not_assigned())?;
    let removed = state
        .store
        .unassign_set(teacher, class, &set_id)
        .await
        .map_err(AppError::from)?;
    if !removed {
        return Err(not_assigned().into());
    }
    Ok(redirect(&format!(
        "/teach/classes/{}?done=unassigned",
        class.0
    )))
}

/// The assign form's fields as the set and what the class asks of it, or what is wrong, in
/// words for the page. Empty limit and exam fields mean none; an exam day must not have passed.
fn parse_assignment(fields: &AssignFields, today: StudyDay) -> Result<(SetId, Assignment), String> {
    let set = SetId::parse(fields.set_id.trim()).map_err(|_| "pick a set to assign".to_string())?;
    let daily_new_limit = match fields.daily_new_limit.trim() {
        "" => None,
        text => Some(text.parse::<u32>().ok().filter(|limit| *limit <= MAX_CLASS_DAILY_LIMIT).ok_or_else(|| {
            format!(
                "the daily limit of new cards is a whole number from 0 to {MAX_CLASS_DAILY_LIMIT}, \
                 or empty for no class limit"
            )
        })?),
    };
    let exam_day = match fields.exam_day.trim() {
        "" => None,
        text => {
            let day: StudyDay = text.parse().map_err(|_| {
                format!("{text:?} is not a date: pick the exam day in the date field")
            })?;
            if day < today {
                return Err(format!(
                    "the exam date, {}, has passed: pick today or a later day",
                    study_day_label(day)
                ));
            }
            Some(day)
        }
    };
    Ok((
        set,
        Assignment {
            daily_new_limit,
            exam_day,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(set: &str, limit: &str, exam: &str) -> AssignFields {
        AssignFields {
            set_id: set.into(),
            daily_new_limit: limit.into(),
            exam_day: exam.into(),
        }
    }

    fn today() -> StudyDay {
        "2026-03-01".parse().unwrap()
    }

    #[test]
    fn empty_limit_and_exam_fields_mean_none() {
        let (set, assignment) = parse_assignment(&fields("history", " ", ""), today()).unwrap();
        assert_eq!(set.as_str(), "history");
        assert_eq!(assignment, Assignment::default());
    }

    #[test]
    fn a_limit_and_an_exam_day_are_read() {
        let (_, assignment) =
            parse_assignment(&fields("history", "5", "2026-06-12"), today()).unwrap();
        assert_eq!(assignment.daily_new_limit, Some(5));
        assert_eq!(assignment.exam_day, Some("2026-06-12".parse().unwrap()));
        let (_, today_exam) =
            parse_assignment(&fields("history", "0", "2026-03-01"), today()).unwrap();
        assert_eq!(
            today_exam.exam_day,
            Some(today()),
            "an exam today is allowed"
        );
    }

    #[test]
    fn bad_fields_are_refused_with_what_to_write() {
        let cases = [
            (fields("", "", ""), "pick a set"),
            (fields("history", "-1", ""), "whole number from 0 to 999"),
            (fields("history", "1000", ""), "whole number from 0 to 999"),
            (fields("history", "five", ""), "whole number"),
            (
                fields("history", "", "12/06/2026"),
                "pick the exam day in the date field",
            ),
            (fields("history", "", "2026-02-30"), "is not a date"),
            (
                fields("history", "", "2026-02-28"),
                "the exam date, 28 Feb 2026, has passed",
            ),
        ];
        for (sent, expected) in cases {
            let message = parse_assignment(&sent, today()).unwrap_err();
            assert!(message.contains(expected), "{sent:?}: {message}");
        }
    }
}
