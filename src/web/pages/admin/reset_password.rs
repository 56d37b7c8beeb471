//! Resetting a user's password on `/admin`, for someone who lost theirs (or whose password
//! leaked): their password stops working and their sessions end at once, and the page shows,
//! once, a one-time link (the same kind as for an added user) with which they choose a new one.

use actix_web::{HttpResponse, web};

use crate::accounts::random_token;
use crate::web::error::{AppError, PageError};
use crate::web::state::{AppState, now_ms};
use crate::web::views::AddedUserView;

use super::super::{FormFields, Visitor};
use super::add_user::{DAY_MS, LINK_DAYS};
use super::{admin_page, refused, user_in_path};

pub async fn reset_password(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: web::Path<String>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    visitor.require_admin()?;
    visitor.verify_csrf(form.get("csrf_token"))?;
    let target = user_in_path(&state, &id).await?;
    if target.id == visitor.user.id {
        // A reset would sign the admin out with no password: their account page changes it.
        let error = AppError::Invalid(
            "change your own password on your account page (it asks for the current one)".into(),
        );
        return refused(&state, &visitor, &error).await;
    }
    let token = random_token();
    let expires_at_ms = now_ms() + LINK_DAYS * DAY_MS;
    let reset = state
        .store
        .reset_password_with_link(target.id, &token, expires_at_ms, visitor.user.id)
        .await
        .map_err(AppError::from)?;
    let Some(username) = reset else {
        return Err(AppError::NotFound(format!("there is no user {}", target.id)).into());
    };
    tracing::info!(user = %target.id, "the admin reset a password");
    let reset = AddedUserView {
        username,
        role: target.role.as_str().to_string(),
        link: state.public_url.link(&format!("/password/{token}")),
        valid_for: format!("{LINK_DAYS} days"),
        reset: true,
    };
    // Shown now, not after a redirect: the link is not kept, so it cannot be shown again.
    admin_page(&state, &visitor, None, None, Some(reset)).await
}
