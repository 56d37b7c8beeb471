//! Registering in the server's registration mode, for the register page and the API alike:
//! open to anyone, only with a class join code (the new student joins that class), or closed.
//!
//! The mode is read from the store at each request, so the admin's change applies at once.

use crate::accounts::{Username, validate_new_password};
use crate::store::{JoinCode, RegistrationMode, UserId};
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
/// error when the mode needs one and `sent` is blank, or when `sent` cannot be a code.
pub(crate) fn join_code(
    mode: RegistrationMode,
    sent: Option<&str>,
) -> Result<Option<JoinCode>, AppError> {
    let sent = sent.map(str::trim).filter(|code| !code.is_empty());
    match (mode, sent) {
        (RegistrationMode::Closed, _) => Err(AppError::Forbidden(CLOSED.into())),
        (RegistrationMode::Code, None) => Err(AppError::Invalid(
            "this server registers students with a class join code: ask your instructor for it"
                .into(),
        )),
        (_, None) => Ok(None),
        (_, Some(code)) => JoinCode::parse(code)
            .map(Some)
            .map_err(|error| AppError::Invalid(error.to_string())),
    }
}

/// Creates a student account if the registration mode allows it. With a join code (required in
/// `code` mode, optional when open) the student joins that class in the same write: an unknown
/// code makes no account.
pub(crate) async fn register(
    state: &AppState,
    mode: RegistrationMode,
    username: &str,
    password: String,
    sent_code: Option<&str>,
) -> Result<(UserId, Username), AppError> {
    let Some(code) = join_code(mode, sent_code)? else {
        return sign_in::register(state, username, password).await;
    };
    // As sign_in::register, with the class joined in the write that creates the account.
    let username = Username::parse(username)?;
    validate_new_password(&password)?;
    let hash = sign_in::hashed(state, password).await?;
    let store = &state.store;
    let user = store
        .add_student_to_class(username.as_str(), &hash, code)
        .await?;
    Ok((user, username))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_mode_asks_for_what_it_needs() {
        use RegistrationMode::*;
        let code = JoinCode::parse("K7MQ2X").unwrap();
        assert_eq!(join_code(Open, None), Ok(None));
        assert_eq!(join_code(Open, Some(" k7m-q2x ")), Ok(Some(code.clone())));
        assert_eq!(join_code(Code, Some("K7MQ2X")), Ok(Some(code)));
        assert!(matches!(
            join_code(Code, Some("  ")),
            Err(AppError::Invalid(_))
        ));
        assert!(matches!(join_code(Code, None), Err(AppError::Invalid(_))));
        assert!(matches!(
            join_code(Code, Some("O0O0O0")),
            Err(AppError::Invalid(_))
        ));
        assert!(matches!(
            join_code(Closed, Some("K7MQ2X")),
            Err(AppError::Forbidden(_))
        ));
    }
}
