//! A class's manage page: its join code and link, its students, its sets with their limits and
//! exam days, and the forms that change them ([`super::class_forms`] handles those; a refused
//! form shows this page again with the reason).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use jiff::Timestamp;
use serde::Deserialize;

use crate::scheduler::{StudyClock, StudyDay};
use crate::store::{ClassDetail, ClassId, StoreError, TeachableSet, Teacher};
use crate::web::auth::SignedIn;
use crate::web::blocking;
use crate::web::error::{AppError, PageError};
use crate::web::state::AppState;
use crate::web::views::{
    AssignFields, AssignedSetRow, ClassPageView, LayoutView, MemberRow, Section, SetOption,
    study_day_label,
};

use super::super::{Visitor, layout, render};
use super::{class_in_path, teacher_of};

#[derive(Debug, Deserialize)]
pub struct PageQuery {
    /// Set after a change, to confirm it: see [`notice_for`].
    done: Option<String>,
}

pub async fn show(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, PageError> {
    let teacher = teacher_of(&visitor)?;
    let class = class_in_path(&path)?;
    let messages = Messages {
        notice: query
            .done
            .as_deref()
            .and_then(notice_for)
            .map(str::to_string),
        ..Messages::default()
    };
    page(&state, &visitor, teacher, class, messages).await
}

/// What the page says above its panels, and the assign form as last sent.
#[derive(Debug, Default)]
pub(super) struct Messages {
    pub notice: Option<String>,
    pub error: Option<String>,
    pub assign: AssignFields,
    /// The status to answer with; 200 when `None`.
    pub status: Option<StatusCode>,
}

/// Renders the page of `class`; 404 if `teacher` may not see it.
pub(super) async fn page(
    state: &AppState,
    visitor: &SignedIn,
    teacher: Teacher,
    class: ClassId,
    messages: Messages,
) -> Result<HttpResponse, PageError> {
    let store = state.store.clone();
    let (detail, sets) = blocking(move || {
        Ok::<_, StoreError>((
            store.class_detail(teacher, class)?,
            store.teachable_sets(teacher)?,
        ))
    })
    .await?;
    let detail = detail.ok_or_else(|| AppError::NotFound(format!("There is no class {class}.")))?;
    let join_link = state
        .public_url
        .link(&format!("/join/{}", detail.summary.join_code));
    let layout = layout(visitor, &detail.summary.name, Section::Teach);
    let status = messages.status.unwrap_or(StatusCode::OK);
    let view = class_view(
        layout,
        detail,
        &sets,
        join_link,
        &state.clock,
        state.today(),
        messages,
    );
    let mut response = render(state, "teach_class.html", &view)?;
    *response.status_mut() = status;
    Ok(response)
}

/// The confirmation for `?done=...` after a change; `None` for anything else.
pub(super) fn notice_for(done: &str) -> Option<&'static str> {
    Some(match done {
        "created" => "Class created. Give your students the join code or the join link.",
        "code" => "New join code made: the old one no longer works.",
        "removed" => "Student removed from the class. Their own progress is kept.",
        "archived" => "Class archived: its code no longer works and its students no longer see it.",
        "restored" => "Class restored.",
        "assigned" => "Saved: the set is assigned to the class.",
        "unassigned" => "Set taken off the class. Students keep their progress.",
        _ => return None,
    })
}

fn class_view(
    layout: LayoutView,
    detail: ClassDetail,
    teachable: &[TeachableSet],
    join_link: String,
    clock: &StudyClock,
    today: StudyDay,
    messages: Messages,
) -> ClassPageView {
    let assigned = |set: &TeachableSet| detail.sets.iter().any(|have| have.set == set.set);
    let assignable = teachable
        .iter()
        .filter(|set| set.may_assign())
        .map(|set| SetOption {
            set_id: set.set.to_string(),
            title: set.title.clone(),
            assigned: assigned(set),
        })
        .collect();
    let summary = detail.summary;
    ClassPageView {
        layout,
        class_id: summary.id.0,
        name: summary.name,
        owner: summary.owner_name,
        archived: summary.archived,
        code: summary.join_code.grouped(),
        join_link,
        members: detail
            .members
            .into_iter()
            .map(|member| MemberRow {
                user_id: member.user.0,
                username: member.username,
                joined: joined_day(clock, member.joined_at_ms),
            })
            .collect(),
        sets: detail
            .sets
            .into_iter()
            .map(|set| AssignedSetRow {
                set_id: set.set.to_string(),
                title: set.title,
                restricted: set.visibility == crate::store::Visibility::Restricted,
                daily_new_limit: set.daily_new_limit,
                exam: set.exam_day.map(exam_label),
            })
            .collect(),
        assignable,
        today: today.to_string(),
        assign: messages.assign,
        notice: messages.notice,
        error: messages.error,
    }
}

/// The study day an instant belongs to, e.g. "3 Dec 2026" ("—" for an impossible instant).
fn joined_day(clock: &StudyClock, at_ms: i64) -> String {
    Timestamp::from_millisecond(at_ms)
        .map(|at| study_day_label(clock.study_day(at)))
        .unwrap_or_else(|_| "—".to_string())
}

/// An exam day as the pages write it: "12 Jun 2026".
fn exam_label(day: StudyDay) -> String {
    study_day_label(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::TimeZone;

    #[test]
    fn every_change_has_a_confirmation_and_other_words_have_none() {
        for done in [
            "created",
            "code",
            "removed",
            "archived",
            "restored",
            "assigned",
            "unassigned",
        ] {
            assert!(notice_for(done).is_some(), "{done}");
        }
        assert_eq!(notice_for("<script>"), None);
    }

    #[test]
    fn joining_days_and_exam_days_are_written_as_every_page_writes_days() {
        let clock = StudyClock::new(4, TimeZone::UTC).unwrap();
        assert_eq!(joined_day(&clock, 1_772_330_400_000), "28 Feb 2026"); // 2026-03-01 02:00 UTC
        assert_eq!(joined_day(&clock, i64::MAX), "—");
        assert_eq!(exam_label("2026-06-12".parse().unwrap()), "12 Jun 2026");
    }
}
