//! `/setup/{token}`: the one-time link printed at start-up while the server has no admin. Its
//! form creates the admin account, uses the link up, signs the new admin in and opens `/admin`.
//!
//! A wrong, used or expired link, or one opened once an admin exists, is a plain 404: the page
//! does not say which, so it tells nothing to someone guessing links.

use actix_web::{HttpRequest, HttpResponse, web};

use crate::accounts::{MIN_PASSWORD_CHARS, Username};
use crate::web::auth::{anonymous_csrf_token, verify_anonymous_csrf};
use crate::web::blocking;
use crate::web::error::{AppError, PageError};
use crate::web::sign_in;
use crate::web::state::{AppState, now_ms};
use crate::web::views::{LayoutView, SetupView};

use super::accounts::with_csrf_cookie;
use super::new_password::{check_new_password, signed_in_to};
use super::teach::capitalised;
use super::{FormFields, render};

fn invalid_link() -> PageError {
    AppError::NotFound(
        "This set-up link does not work: it was used, it expired, or the server has an admin \
         already. While there is no admin, each start of studyhall prints a new one."
            .into(),
    )
    .into()
}

pub async fn show(
    state: web::Data<AppState>,
    request: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    if !link_works(&state, &token).await? {
        return Err(invalid_link());
    }
    setup_form(&state, &request, token, String::new(), None)
}

pub async fn create_admin(
    state: web::Data<AppState>,
    request: HttpRequest,
    token: web::Path<String>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    verify_anonymous_csrf(&request, form.get("csrf_token"))?;
    let token = token.into_inner();
    if !link_works(&state, &token).await? {
        return Err(invalid_link());
    }
    let username = form.get("username").trim().to_string();
    let checked = check_form(&username, form.get("password"), form.get("password_again"));
    let (name, password) = match checked {
        Ok(valid) => valid,
        Err((field, error)) => return refused(&state, &request, token, username, field, &error),
    };
    let hash = sign_in::hashed(&state, password).await?;
    let created = state
        .store
        .finish_setup(&token, now_ms(), name.as_str(), &hash)
        .await;
    let admin = match created.map_err(AppError::from) {
        Ok(Ok(admin)) => admin,
        Ok(Err(_used_meanwhile)) => return Err(invalid_link()),
        Err(error @ AppError::Conflict { .. }) => {
            return refused(&state, &request, token, username, Field::Username, &error);
        }
        Err(error) => return Err(error.into()),
    };
    tracing::info!(
        admin = name.as_str(),
        "the admin account was created with the set-up link"
    );
    signed_in_to(&state, admin, "/admin").await
}

async fn link_works(state: &AppState, token: &str) -> Result<bool, AppError> {
    let (store, token) = (state.store.clone(), token.to_string());
    blocking(move || store.setup_token_is_valid(&token, now_ms())).await
}

/// The field of the form a refusal is about: it gets the focus when the form comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Username,
    Password,
}

/// The username and password, if the form is acceptable; else the field at fault and why.
fn check_form(
    username: &str,
    password: &str,
    again: &str,
) -> Result<(Username, String), (Field, AppError)> {
    let username = Username::parse(username).map_err(|error| (Field::Username, error.into()))?;
    let password = check_new_password(password, again).map_err(|error| (Field::Password, error))?;
    Ok((username, password))
}

/// The form again, with what was wrong, and the refusal's status.
fn refused(
    state: &AppState,
    request: &HttpRequest,
    token: String,
    username: String,
    field: Field,
    error: &AppError,
) -> Result<HttpResponse, PageError> {
    let message = capitalised(&error.to_string());
    let wrong = match field {
        Field::Username => "username",
        Field::Password => "password",
    };
    let mut response = setup_form(state, request, token, username, Some((message, wrong)))?;
    *response.status_mut() = error.status();
    Ok(response)
}

fn setup_form(
    state: &AppState,
    request: &HttpRequest,
    token: String,
    username: String,
    error: Option<(String, &'static str)>,
) -> Result<HttpResponse, PageError> {
    let (csrf_token, is_new) = anonymous_csrf_token(request);
    let (error, wrong_field) =
        error.map_or((None, None), |(error, field)| (Some(error), Some(field)));
    let view = SetupView {
        layout: LayoutView::signed_out("Set up", &csrf_token),
        token,
        username,
        error,
        wrong_field,
        min_password_chars: MIN_PASSWORD_CHARS,
    };
    with_csrf_cookie(render(state, "setup.html", &view)?, &csrf_token, is_new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_needs_a_valid_username_and_the_same_long_password_twice() {
        let good = "correct horse battery";
        assert!(check_form("root", good, good).is_ok());
        assert!(matches!(
            check_form("r", good, good),
            Err((Field::Username, AppError::Invalid(_)))
        ));
        assert!(matches!(
            check_form("root", "short", "short"),
            Err((Field::Password, AppError::Invalid(_)))
        ));
        let (field, differ) = check_form("root", good, "correct horse battery!").unwrap_err();
        assert_eq!(field, Field::Password, "the field to fix gets the focus");
        assert!(differ.to_string().contains("differ"), "{differ}");
    }
}
