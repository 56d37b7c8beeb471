//! `/account`: a signed-in user's own account. They download everything studyhall holds about
//! them as JSON, change their password ([`super::change_password`]), or delete the account
//! (with their password, so a borrowed session cannot).
//!
//! Deleting removes their sessions, progress, reviews and class memberships (the schema
//! cascades), so they vanish from every dashboard and export; the admin does the same from
//! `/admin` for any account.

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::accounts::MIN_PASSWORD_CHARS;
use crate::store::UserId;
use crate::web::auth::{SignedIn, expired_session_cookie};
use crate::web::blocking;
use crate::web::client::ClientAddress;
use crate::web::error::{AppError, PageError};
use crate::web::sign_in;
use crate::web::state::AppState;
use crate::web::views::{AccountDeletedView, AccountView, LayoutView, Section};

use super::{FormFields, Visitor, layout, redirect, render};

#[derive(Debug, Deserialize)]
pub struct AccountQuery {
    /// `password` after a password change.
    done: Option<String>,
}

pub async fn show(
    state: web::Data<AppState>,
    visitor: Visitor,
    query: web::Query<AccountQuery>,
) -> Result<HttpResponse, PageError> {
    let notice = (query.done.as_deref() == Some("password")).then(|| {
        "Your password was changed. Your other browsers and devices were signed out.".to_string()
    });
    account_page(
        &state,
        &visitor,
        Messages {
            notice,
            ..Messages::default()
        },
    )
}

/// What the account page says above its panels.
#[derive(Debug, Default)]
struct Messages {
    notice: Option<String>,
    delete_error: Option<String>,
    password_error: Option<String>,
}

pub async fn data(state: web::Data<AppState>, visitor: Visitor) -> Result<HttpResponse, PageError> {
    data_download(&state, visitor.user.id).await
}

pub async fn delete(
    state: web::Data<AppState>,
    visitor: Visitor,
    client: ClientAddress,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    visitor.verify_csrf(form.get("csrf_token"))?;
    let password = form.get("password").to_string();
    // The same check as signing in, throttle included: a session alone cannot guess it.
    let username = &visitor.user.username;
    let checked = sign_in::check_credentials(&state, client.0, username, password).await;
    let refusal = match checked {
        Ok(_) => {
            let me = visitor.user.id;
            state
                .store
                .delete_user(me, Some(me))
                .await
                .map_err(AppError::from)?
                .err()
        }
        Err(AppError::SignInFailed) => {
            return refused(
                &state,
                &visitor,
                &AppError::Forbidden("that is not your password".into()),
            );
        }
        Err(error) => return refused(&state, &visitor, &error),
    };
    if let Some(refusal) = refusal {
        let error = AppError::Conflict {
            code: "last_admin",
            message: refusal.to_string(),
        };
        return refused(&state, &visitor, &error);
    }
    tracing::info!(user = %visitor.user.id, "an account was deleted by its owner");
    let mut response = redirect("/account/deleted");
    response
        .add_cookie(&expired_session_cookie())
        .map_err(AppError::internal)?;
    Ok(response)
}

/// Where a deleted account's owner lands, signed out.
pub async fn deleted(state: web::Data<AppState>) -> Result<HttpResponse, PageError> {
    let view = AccountDeletedView {
        layout: LayoutView::signed_out("Account deleted", ""),
    };
    render(&state, "account_deleted.html", &view)
}

/// Everything about `user` as a JSON attachment, `studyhall-USERNAME.json`; 404 if there is no
/// such user. The admin's download of any account uses it too.
pub(super) async fn data_download(
    state: &AppState,
    user: UserId,
) -> Result<HttpResponse, PageError> {
    let store = state.store.clone();
    let data = blocking(move || store.user_data(user)).await?;
    let data = data.ok_or_else(|| AppError::NotFound(format!("there is no user {user}")))?;
    let body = serde_json::to_vec_pretty(&data).map_err(AppError::internal)?;
    // Usernames are letters, digits, '.', '_' and '-': safe in a file name as they are.
    let file_name = format!("studyhall-{}.json", data.account.username);
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(file_name)],
        })
        .body(body))
}

fn account_page(
    state: &AppState,
    visitor: &SignedIn,
    messages: Messages,
) -> Result<HttpResponse, PageError> {
    let view = AccountView {
        layout: layout(visitor, "Your account", Section::Account),
        username: visitor.user.username.clone(),
        role: visitor.user.role.as_str().to_string(),
        error: messages.delete_error,
        password_error: messages.password_error,
        notice: messages.notice,
        min_password_chars: MIN_PASSWORD_CHARS,
    };
    render(state, "account.html", &view)
}

/// The account page again, saying why nothing was deleted, with the refusal's status.
fn refused(
    state: &AppState,
    visitor: &SignedIn,
    error: &AppError,
) -> Result<HttpResponse, PageError> {
    let message = format!("Your account was not deleted: {error}.");
    let messages = Messages {
        delete_error: Some(message),
        ..Messages::default()
    };
    with_refusal_status(account_page(state, visitor, messages)?, error)
}

/// The account page again, saying why the password was not changed, with the refusal's status.
pub(super) fn password_refused(
    state: &AppState,
    visitor: &SignedIn,
    error: &AppError,
) -> Result<HttpResponse, PageError> {
    let message = format!("Your password was not changed: {error}.");
    let messages = Messages {
        password_error: Some(message),
        ..Messages::default()
    };
    with_refusal_status(account_page(state, visitor, messages)?, error)
}

fn with_refusal_status(
    mut response: HttpResponse,
    error: &AppError,
) -> Result<HttpResponse, PageError> {
    *response.status_mut() = error.status();
    if let AppError::TooManyAttempts { seconds } = error {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, (*seconds).into());
    }
    Ok(response)
}
