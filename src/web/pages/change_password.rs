//! `POST /account/password`: a signed-in user changes their password. They type the current
//! one (checked like a sign-in, throttle included, so a borrowed session cannot take over the
//! account) and the new one twice; their other sessions end, this one stays.

use actix_web::{HttpResponse, web};

use crate::web::client::ClientAddress;
use crate::web::error::{AppError, PageError};
use crate::web::sign_in;
use crate::web::state::AppState;

use super::account::password_refused;
use super::new_password::check_new_password;
use super::{FormFields, Visitor, redirect};

pub async fn change(
    state: web::Data<AppState>,
    visitor: Visitor,
    client: ClientAddress,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    visitor.verify_csrf(form.get("csrf_token"))?;
    let password = match check_new_password(form.get("password"), form.get("password_again")) {
        Ok(password) => password,
        Err(error) => return password_refused(&state, &visitor, &error),
    };
    let current = form.get("current_password").to_string();
    match sign_in::check_credentials(&state, client.0, &visitor.user.username, current).await {
        Ok(_) => {}
        Err(AppError::SignInFailed) => {
            let error = AppError::Forbidden("that is not your current password".into());
            return password_refused(&state, &visitor, &error);
        }
        Err(error) => return password_refused(&state, &visitor, &error),
    }
    let hash = sign_in::hashed(&state, password).await?;
    state
        .store
        .change_password(visitor.user.id, &hash, &visitor.token)
        .await
        .map_err(AppError::from)?;
    tracing::info!(user = %visitor.user.id, "a user changed their password");
    Ok(redirect("/account?done=password"))
}
