//! Adding a user on `/admin`: a username and a role. The account starts with no password and
//! a one-time link (see [`crate::store::accounts::password_links`]) that the page shows once,
//! for the admin to pass on; the added user opens it and sets their own password.

use actix_web::{HttpResponse, web};

use crate::accounts::{Username, random_token};
use crate::store::Role;
use crate::web::error::{AppError, PageError};
use crate::web::state::{AppState, now_ms};
use crate::web::views::AddedUserView;

use super::super::{FormFields, Visitor};
use super::{admin_page, refused};

/// How long a link to set a password works.
pub const LINK_DAYS: i64 = 7;

pub(super) const DAY_MS: i64 = 24 * 60 * 60 * 1000;

pub async fn add_user(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    visitor.require_admin()?;
    visitor.verify_csrf(form.get("csrf_token"))?;
    let (username, role) = match check_form(form.get("username"), form.get("role")) {
        Ok(valid) => valid,
        Err(error) => return refused(&state, &visitor, &error).await,
    };
    let token = random_token();
    let added = state
        .store
        .add_user_with_password_link(
            username.as_str(),
            role,
            &token,
            now_ms() + LINK_DAYS * DAY_MS,
            visitor.user.id,
        )
        .await;
    match added.map_err(AppError::from) {
        Ok(_) => {}
        Err(error @ AppError::Conflict { .. }) => return refused(&state, &visitor, &error).await,
        Err(error) => return Err(error.into()),
    }
    tracing::info!(user = username.as_str(), "the admin added an account");
    let link = state.public_url.link(&format!("/password/{token}"));
    let added = AddedUserView {
        username: username.as_str().to_string(),
        role: role.as_str().to_string(),
        link,
        valid_for: format!("{LINK_DAYS} days"),
        reset: false,
    };
    // Shown now, not after a redirect: the link is not kept, so it cannot be shown again.
    admin_page(&state, &visitor, None, None, Some(added)).await
}

/// The username and role, if the form is acceptable.
fn check_form(username: &str, role: &str) -> Result<(Username, Role), AppError> {
    let username = Username::parse(username.trim())?;
    let role = role
        .parse::<Role>()
        .map_err(|error| AppError::Invalid(error.to_string()))?;
    Ok((username, role))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_needs_a_valid_username_and_a_known_role() {
        let (name, role) = check_form(" ada ", "instructor").unwrap();
        assert_eq!((name.as_str(), role), ("ada", Role::Instructor));
        assert!(check_form("a b", "student").is_err());
        assert!(check_form("ada", "owner").is_err());
    }
}
