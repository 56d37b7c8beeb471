//! `/password/{token}`: the one-time link the admin passes on to a user they added. Its form
//! sets the user's password, uses the link up, signs the user in and opens the home page.
//!
//! A wrong, used or expired link is a plain 404: the page does not say which, so it tells
//! nothing to someone guessing links.

use actix_web::{HttpRequest, HttpResponse, web};

use crate::accounts::MIN_PASSWORD_CHARS;
use crate::store::User;
use crate::web::auth::{anonymous_csrf_token, verify_anonymous_csrf};
use crate::web::blocking;
use crate::web::error::{AppError, PageError};
use crate::web::sign_in;
use crate::web::state::{AppState, now_ms};
use crate::web::views::{LayoutView, PasswordLinkView};

use super::accounts::with_csrf_cookie;
use super::new_password::{check_new_password, signed_in_to};
use super::teach::capitalised;
use super::{FormFields, render};

fn invalid_link() -> PageError {
    AppError::NotFound(
        "This link does not work: it was used or it expired. Ask the admin for a new one.".into(),
    )
    .into()
}

pub async fn show(
    state: web::Data<AppState>,
    request: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let token = token.into_inner();
    let user = link_owner(&state, &token).await?;
    password_form(&state, &request, token, user.username, None)
}

pub async fn set_password(
    state: web::Data<AppState>,
    request: HttpRequest,
    token: web::Path<String>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    verify_anonymous_csrf(&request, form.get("csrf_token"))?;
    let token = token.into_inner();
    let user = link_owner(&state, &token).await?;
    let password = match check_new_password(form.get("password"), form.get("password_again")) {
        Ok(password) => password,
        Err(error) => {
            let mut response = password_form(
                &state,
                &request,
                token,
                user.username,
                Some(capitalised(&error.to_string())),
            )?;
            *response.status_mut() = error.status();
            return Ok(response);
        }
    };
    let hash = sign_in::hashed(&state, password).await?;
    let set = state
        .store
        .set_password_with_link(&token, now_ms(), &hash)
        .await
        .map_err(AppError::from)?;
    let Some(user) = set else {
        return Err(invalid_link()); // used in another tab meanwhile
    };
    signed_in_to(&state, user, "/").await
}

async fn link_owner(state: &AppState, token: &str) -> Result<User, PageError> {
    let (store, token) = (state.store.clone(), token.to_string());
    let owner = blocking(move || store.password_link_owner(&token, now_ms())).await?;
    owner.ok_or_else(invalid_link)
}

fn password_form(
    state: &AppState,
    request: &HttpRequest,
    token: String,
    username: String,
    error: Option<String>,
) -> Result<HttpResponse, PageError> {
    let (csrf_token, is_new) = anonymous_csrf_token(request);
    let view = PasswordLinkView {
        layout: LayoutView::signed_out("Set your password", &csrf_token),
        token,
        username,
        error,
        min_password_chars: MIN_PASSWORD_CHARS,
    };
    with_csrf_cookie(render(state, "password.html", &view)?, &csrf_token, is_new)
}
