//! Choosing a new password, as the set-up link, a one-time password link and the account page
//! do it: the password rules and the typed-twice check, and, for the links, signing the user
//! in once the password is stored.

use actix_web::HttpResponse;

use crate::accounts::validate_new_password;
use crate::store::UserId;
use crate::web::auth::session_cookie;
use crate::web::error::{AppError, PageError};
use crate::web::sign_in;
use crate::web::state::AppState;

use super::redirect;

/// The password, if it follows the rules (see `validate_new_password`) and was typed the same
/// twice.
pub(super) fn check_new_password(password: &str, again: &str) -> Result<String, AppError> {
    validate_new_password(password)?;
    if password != again {
        return Err(AppError::Invalid(
            "the two passwords differ: type the same one twice".into(),
        ));
    }
    Ok(password.to_string())
}

/// Opens a session for `user`, who just chose their password, and goes on to `to`.
pub(super) async fn signed_in_to(
    state: &AppState,
    user: UserId,
    to: &str,
) -> Result<HttpResponse, PageError> {
    let session = sign_in::open_session(state, user).await?;
    let mut response = redirect(to);
    response
        .add_cookie(&session_cookie(&session.token))
        .map_err(AppError::internal)?;
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_password_follows_the_rules_and_is_typed_the_same_twice() {
        let good = "correct horse battery";
        assert_eq!(check_new_password(good, good).unwrap(), good);
        let differ = check_new_password(good, "correct horse battery!").unwrap_err();
        assert!(differ.to_string().contains("differ"), "{differ}");
        assert!(check_new_password("short", "short").is_err());
    }
}
