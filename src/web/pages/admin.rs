//! `/admin`, for the admin only (403 for anyone else): the users with their roles, adding a
//! user ([`add_user`]), resetting a password ([`reset_password`]), each user's data download and
//! deletion, the registration mode and the
//! latest lines of the audit log.
//!
//! Every change is a POST form with the session's CSRF token, then a 303 back to `/admin` with
//! a notice; a refused change shows the page again with why, and changes nothing.

use actix_web::{HttpResponse, web};
use jiff::Timestamp;
use serde::Deserialize;

use crate::store::{AccountRefusal, RegistrationMode, Role, User, UserId, UserListing};
use crate::web::auth::{SignedIn, expired_session_cookie};
use crate::web::blocking;
use crate::web::error::{AppError, PageError};
use crate::web::state::AppState;
use crate::web::views::{
    AddedUserView, AdminView, AuditRow, Section, UserRow, actor_label, audit_action_label,
    audit_detail, day_label, instant_label, mode_options,
};

use super::account::data_download;

mod add_user;
mod reset_password;
use super::{FormFields, Visitor, layout, redirect, render};
pub use add_user::add_user;
pub use reset_password::reset_password;

/// How many lines of the audit log the page shows.
const AUDIT_LINES: u32 = 20;

#[derive(Debug, Deserialize)]
pub struct AdminQuery {
    /// What was just done: `role`, `registration` or `deleted`.
    done: Option<String>,
}

pub async fn show(
    state: web::Data<AppState>,
    visitor: Visitor,
    query: web::Query<AdminQuery>,
) -> Result<HttpResponse, PageError> {
    visitor.require_admin()?;
    let notice = query
        .done
        .as_deref()
        .and_then(notice_for)
        .map(str::to_string);
    admin_page(&state, &visitor, notice, None, None).await
}

pub async fn change_role(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<String>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    visitor.require_admin()?;
    visitor.verify_csrf(form.get("csrf_token"))?;
    let target = user_in_path(&state, &id).await?;
    let role = match form.get("role").parse::<Role>() {
        Ok(role) => role,
        Err(error) => {
            return refused(&state, &visitor, &AppError::Invalid(error.to_string())).await;
        }
    };
    let changed = state
        .store
        .change_role(target.id, role, Some(visitor.user.id))
        .await;
    if let Err(refusal) = changed.map_err(AppError::from)? {
        return refused(&state, &visitor, &refusal_error(refusal)).await;
    }
    // An admin who gave up their own role may no longer see this page.
    let demoted_myself = target.id == visitor.user.id && role != Role::Admin;
    Ok(redirect(if demoted_myself {
        "/"
    } else {
        "/admin?done=role"
    }))
}

pub async fn set_registration(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    visitor.require_admin()?;
    visitor.verify_csrf(form.get("csrf_token"))?;
    let mode = match form.get("registration").parse::<RegistrationMode>() {
        Ok(mode) => mode,
        Err(error) => {
            return refused(&state, &visitor, &AppError::Invalid(error.to_string())).await;
        }
    };
    let by = Some(visitor.user.id);
    state
        .store
        .set_registration_mode(mode, by)
        .await
        .map_err(AppError::from)?;
    Ok(redirect("/admin?done=registration"))
}

pub async fn user_data(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    visitor.require_admin()?;
    data_download(&state, user_id(&id)?).await
}

pub async fn delete_user(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<String>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    visitor.require_admin()?;
    visitor.verify_csrf(form.get("csrf_token"))?;
    let target = user_in_path(&state, &id).await?;
    if let Err(error) = confirmed(&target.username, form.get("confirm_username")) {
        return refused(&state, &visitor, &error).await;
    }
    let deleted = state
        .store
        .delete_user(target.id, Some(visitor.user.id))
        .await;
    if let Err(refusal) = deleted.map_err(AppError::from)? {
        return refused(&state, &visitor, &refusal_error(refusal)).await;
    }
    tracing::info!(user = %target.id, "an account was deleted by the admin");
    if target.id != visitor.user.id {
        return Ok(redirect("/admin?done=deleted"));
    }
    let mut response = redirect("/account/deleted");
    response
        .add_cookie(&expired_session_cookie())
        .map_err(AppError::internal)?;
    Ok(response)
}

/// The admin page, with a notice or an error, and the user just added.
async fn admin_page(
    state: &AppState,
    visitor: &SignedIn,
    notice: Option<String>,
    error: Option<String>,
    added: Option<AddedUserView>,
) -> Result<HttpResponse, PageError> {
    let store = state.store.clone();
    let (users, mode, audit) = blocking(move || {
        Ok::<_, crate::store::StoreError>((
            store.user_listing()?,
            store.registration_mode()?,
            store.audit_log(AUDIT_LINES)?,
        ))
    })
    .await?;
    let view = AdminView {
        layout: layout(visitor, "Admin", Section::Admin),
        users: users
            .iter()
            .map(|user| user_row(state, user, visitor.user.id))
            .collect(),
        modes: mode_options(mode.as_str()),
        audit: audit
            .into_iter()
            .map(|entry| AuditRow {
                at: instant_label(entry.at_ms),
                actor: actor_label(entry.actor.as_deref()),
                what: audit_action_label(&entry.action),
                detail: audit_detail(&entry.action, &entry.detail),
                action: entry.action,
            })
            .collect(),
        notice,
        error,
        added,
    };
    render(state, "admin.html", &view)
}

/// The admin page again, saying why a change was refused, with the refusal's status.
async fn refused(
    state: &AppState,
    visitor: &SignedIn,
    error: &AppError,
) -> Result<HttpResponse, PageError> {
    let message = format!("{} Nothing was changed.", sentence(&error.to_string()));
    let mut response = admin_page(state, visitor, None, Some(message), None).await?;
    *response.status_mut() = error.status();
    Ok(response)
}

fn user_row(state: &AppState, user: &UserListing, me: UserId) -> UserRow {
    let created = Timestamp::from_millisecond(user.created_at_ms).map_or_else(
        |_| "—".to_string(),
        |at| day_label(state.clock.study_day(at).date()),
    );
    UserRow {
        id: user.id.0,
        username: user.username.clone(),
        role: user.role.as_str().to_string(),
        created,
        last_studied: user
            .last_studied
            .map_or_else(|| "never".into(), |day| day_label(day.date())),
        is_me: user.id == me,
    }
}

fn notice_for(done: &str) -> Option<&'static str> {
    match done {
        "role" => Some("Role changed."),
        "registration" => Some("Registration mode saved."),
        "deleted" => Some("The account and all its data were deleted."),
        _ => None,
    }
}

/// Deleting needs the username typed out (in any case), so a slip of the mouse deletes nothing.
fn confirmed(username: &str, typed: &str) -> Result<(), AppError> {
    if typed.trim().eq_ignore_ascii_case(username) {
        Ok(())
    } else {
        Err(AppError::Invalid(format!(
            "to delete the account, type its username, {username}, in the confirmation field."
        )))
    }
}

fn refusal_error(refusal: AccountRefusal) -> AppError {
    match refusal {
        AccountRefusal::UnknownUser(_) => AppError::NotFound(refusal.to_string()),
        AccountRefusal::LastAdmin(_) => AppError::Conflict {
            code: "last_admin",
            message: refusal.to_string(),
        },
    }
}

/// "the name is taken" -> "The name is taken." (a message as a sentence of the page).
fn sentence(message: &str) -> String {
    let mut sentence = message.trim_end_matches('.').to_string();
    if let Some(first) = sentence.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    sentence.push('.');
    sentence
}

/// The user id in the path; anything else names no user (404).
fn user_id(text: &str) -> Result<UserId, AppError> {
    text.parse::<i64>()
        .map(UserId)
        .map_err(|_| AppError::NotFound(format!("there is no user {text:?}")))
}

async fn user_in_path(state: &AppState, text: &str) -> Result<User, AppError> {
    let (store, id) = (state.store.clone(), user_id(text)?);
    let user = blocking(move || store.user_by_id(id)).await?;
    user.ok_or_else(|| AppError::NotFound(format!("there is no user {id}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::StatusCode;

    #[test]
    fn deleting_needs_the_username_typed_in_any_case() {
        assert!(confirmed("Ada", " ada ").is_ok());
        let refused = confirmed("Ada", "bob").unwrap_err();
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.to_string().contains("Ada"), "{refused}");
        assert!(confirmed("Ada", "").is_err());
    }

    #[test]
    fn only_known_notices_are_shown() {
        assert_eq!(notice_for("role"), Some("Role changed."));
        assert_eq!(notice_for("<script>"), None);
    }

    #[test]
    fn messages_become_sentences_and_ids_must_be_numbers() {
        assert_eq!(sentence("the name is taken"), "The name is taken.");
        assert_eq!(sentence("done."), "Done.");
        assert_eq!(user_id("12"), Ok(UserId(12)));
        assert!(matches!(user_id("12abc"), Err(AppError::NotFound(_))));
    }

    #[test]
    fn the_last_admin_refusal_is_a_conflict_and_an_unknown_user_not_found() {
        let last = refusal_error(AccountRefusal::LastAdmin("root".into()));
        assert_eq!(last.status(), StatusCode::CONFLICT);
        let unknown = refusal_error(AccountRefusal::UnknownUser(UserId(9)));
        assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    }
}
