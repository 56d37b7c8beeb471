//! Accounts: what a valid username and password are, password hashing with argon2id, random
//! tokens for sessions and CSRF, and the throttle that slows down repeated failed sign-ins
//! ([`throttle`]).

mod throttle;

pub use throttle::{ClientKey, FREE_FAILURES, Reservation, SignInThrottle};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// Why a username or password was refused, worded for the person typing it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error("a username is 3 to 32 characters long")]
    UsernameLength,
    #[error("a username uses only letters, digits, '.', '_' and '-'")]
    UsernameCharacters,
    #[error("a password is at least {MIN_PASSWORD_CHARS} characters long")]
    PasswordTooShort,
    #[error("a password is at most {MAX_PASSWORD_BYTES} bytes long")]
    PasswordTooLong,
    #[error("the system could not hash the password")]
    Hashing,
}

pub const MIN_PASSWORD_CHARS: usize = 10;
/// Bounds the work one sign-in can ask of argon2.
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// A username, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub fn parse(text: &str) -> Result<Username, AccountError> {
        let text = text.trim();
        if !(3..=32).contains(&text.chars().count()) {
            return Err(AccountError::UsernameLength);
        }
        if !text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        {
            return Err(AccountError::UsernameCharacters);
        }
        Ok(Username(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Checks a new password's length (in characters, so non-ASCII passwords are counted fairly).
pub fn validate_new_password(password: &str) -> Result<(), AccountError> {
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(AccountError::PasswordTooLong);
    }
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AccountError::PasswordTooShort);
    }
    Ok(())
}

/// Hashes a password with argon2id and a fresh random salt, as a PHC string.
pub fn hash_password(password: &str) -> Result<String, AccountError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|_| AccountError::Hashing)?;
    let salt = SaltString::encode_b64(&salt).map_err(|_| AccountError::Hashing)?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|_| AccountError::Hashing)
}

/// Whether `password` matches a PHC hash made by [`hash_password`]. A malformed hash never matches.
pub fn verify_password(hash: &str, password: &str) -> bool {
    if password.len() > MAX_PASSWORD_BYTES {
        return false;
    }
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A random 256-bit token as 64 hex digits, for session cookies, bearer tokens and CSRF.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    // The OS random source failing is not recoverable for a server that must issue sessions.
    getrandom::fill(&mut bytes).expect("the operating system's random number source failed");
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_3_to_32_safe_characters() {
        assert_eq!(
            Username::parse("  ada.l_1-x ").unwrap().as_str(),
            "ada.l_1-x"
        );
        assert_eq!(Username::parse("ab"), Err(AccountError::UsernameLength));
        assert_eq!(
            Username::parse(&"a".repeat(33)),
            Err(AccountError::UsernameLength)
        );
        assert_eq!(
            Username::parse("ada lovelace"),
            Err(AccountError::UsernameCharacters)
        );
        assert_eq!(
            Username::parse("<script>"),
            Err(AccountError::UsernameCharacters)
        );
    }

    #[test]
    fn passwords_need_10_characters_counted_as_characters() {
        assert_eq!(
            validate_new_password("123456789"),
            Err(AccountError::PasswordTooShort)
        );
        assert!(validate_new_password("1234567890").is_ok());
        assert_eq!(
            validate_new_password("ééééé"),
            Err(AccountError::PasswordTooShort)
        );
        assert_eq!(
            validate_new_password(&"x".repeat(1025)),
            Err(AccountError::PasswordTooLong)
        );
    }

    #[test]
    fn a_hash_is_argon2id_salted_and_verifies_only_the_right_password() {
        let first = hash_password("correct horse battery").unwrap();
        let second = hash_password("correct horse battery").unwrap();
        assert!(first.starts_with("$argon2id$"), "{first}");
        assert_ne!(first, second, "each hash has its own salt");
        assert!(verify_password(&first, "correct horse battery"));
        assert!(!verify_password(&first, "correct horse battery!"));
        assert!(!verify_password("not a hash", "anything"));
    }

    #[test]
    fn tokens_are_64_hex_digits_and_differ() {
        let token = random_token();
        assert_eq!(token.len(), 64);
        assert!(token.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(token, random_token());
    }
}
