//! The view models of the account pages: the set-up page that creates the admin, the admin page
//! (users, roles, the registration mode, the audit log), a user's own account page, and the
//! register page's registration mode.

use serde::Serialize;

use super::{LayoutView, RegisterView};

/// The set-up page (`setup.html`), which posts `username`, `password`, `password_again` and
/// `csrf_token` to `/setup/{token}`.
#[derive(Debug, Clone, Serialize)]
pub struct SetupView {
    pub layout: LayoutView,
    /// The token of the link, for the form's action.
    pub token: String,
    /// The username as typed last time; empty at first.
    pub username: String,
    /// Why the last attempt was refused.
    pub error: Option<String>,
    /// The field the refusal is about, `username` or `password`: it gets the focus.
    pub wrong_field: Option<&'static str>,
    pub min_password_chars: usize,
}

/// The register page (`register.html`) in the current registration mode; without `registration`
/// the template reads a plain [`RegisterView`] as open registration.
#[derive(Debug, Clone, Serialize)]
pub struct RegisterPage {
    #[serde(flatten)]
    pub form: RegisterView,
    /// `open` or `code`: `code` asks for a class join code (a closed server shows
    /// `register_closed.html` instead).
    pub registration: &'static str,
    /// The join code as typed last time, or from the join link; sent as `join_code`.
    pub join_code: String,
}

/// The page shown instead of the register form while registration is closed
/// (`register_closed.html`).
#[derive(Debug, Clone, Serialize)]
pub struct RegistrationClosedView {
    pub layout: LayoutView,
}

/// One user on the admin page. Its forms post `role`, or `confirm_username`, with `csrf_token`
/// to `/admin/users/{id}/role` and `/admin/users/{id}/delete`.
#[derive(Debug, Clone, Serialize)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    /// `admin`, `instructor` or `student`.
    pub role: String,
    /// The day the account was made, e.g. "3 Mar 2025".
    pub created: String,
    /// The last day with a review, e.g. "3 Mar 2025", or "never".
    pub last_studied: String,
    /// The row of the admin looking at the page.
    pub is_me: bool,
}

/// A registration mode offered on the admin page, as a radio button posting `registration`.
#[derive(Debug, Clone, Serialize)]
pub struct ModeOption {
    /// `open`, `code` or `closed`.
    pub value: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub checked: bool,
}

/// One line of the audit log on the admin page.
#[derive(Debug, Clone, Serialize)]
pub struct AuditRow {
    /// e.g. "3 Mar 2025, 14:05 UTC".
    pub at: String,
    /// Who did it: a username, or "—" (the command line, or an account since deleted).
    pub actor: String,
    /// The action's code as recorded, e.g. `settings.registration`.
    pub action: String,
    /// What was done, in words: "Changed who may register".
    pub what: String,
    /// The detail in words: "from Closed (…) to Open (…)".
    pub detail: String,
}

/// The admin page (`admin.html`). The registration form posts `registration` and `csrf_token`
/// to `/admin/registration`.
#[derive(Debug, Clone, Serialize)]
pub struct AdminView {
    pub layout: LayoutView,
    pub users: Vec<UserRow>,
    pub modes: Vec<ModeOption>,
    /// The latest lines of the audit log, newest first.
    pub audit: Vec<AuditRow>,
    /// A confirmation of the last change, e.g. "Role changed".
    pub notice: Option<String>,
    /// Why the last change was refused; nothing was changed.
    pub error: Option<String>,
    /// The user just added, with their one-time link; shown once, as only its hash is kept.
    pub added: Option<AddedUserView>,
}

/// A user the admin just added (the form posts `username`, `role` and `csrf_token` to
/// `/admin/users`), and the link that lets them set their password.
#[derive(Debug, Clone, Serialize)]
pub struct AddedUserView {
    pub username: String,
    /// `admin`, `instructor` or `student`.
    pub role: String,
    /// The whole link to pass on, e.g. "http://quiz.example.org/password/3f9a…".
    pub link: String,
    /// How long the link works, e.g. "7 days".
    pub valid_for: String,
    /// The link comes from a password reset, not from adding the user.
    pub reset: bool,
}

/// The page an added user opens with their link (`password.html`), which posts `password`,
/// `password_again` and `csrf_token` to `/password/{token}`.
#[derive(Debug, Clone, Serialize)]
pub struct PasswordLinkView {
    pub layout: LayoutView,
    /// The token of the link, for the form's action.
    pub token: String,
    /// Whose password it sets.
    pub username: String,
    /// Why the last attempt was refused.
    pub error: Option<String>,
    pub min_password_chars: usize,
}

/// A user's own account page (`account.html`): the data download link, the change-password
/// form (posting `current_password`, `password`, `password_again` and `csrf_token` to
/// `/account/password`) and the delete form, which posts `password` and `csrf_token` to
/// `/account/delete`.
#[derive(Debug, Clone, Serialize)]
pub struct AccountView {
    pub layout: LayoutView,
    pub username: String,
    pub role: String,
    /// Why the last deletion was refused; nothing was deleted.
    pub error: Option<String>,
    /// Why the last password change was refused; the password is unchanged.
    pub password_error: Option<String>,
    /// "Your password was changed...", after a change.
    pub notice: Option<String>,
    /// The password rules, for the change form's hint.
    pub min_password_chars: usize,
}

/// The page after an account was deleted (`account_deleted.html`).
#[derive(Debug, Clone, Serialize)]
pub struct AccountDeletedView {
    pub layout: LayoutView,
}

/// The registration modes for the admin page's form, `current` checked.
pub fn mode_options(current: &str) -> Vec<ModeOption> {
    [
        (
            "open",
            "Open",
            "Anyone who reaches this server can create a student account.",
        ),
        (
            "code",
            "Class code",
            "Only with a class join code; the new student joins that class.",
        ),
        (
            "closed",
            "Closed",
            "Nobody can register: you add the accounts (or studyhall user add does).",
        ),
    ]
    .into_iter()
    .map(|(value, label, hint)| ModeOption {
        value,
        label,
        hint,
        checked: value == current,
    })
    .collect()
}

/// Who did a logged action, for a person: the username, or "—" when no account is known (the
/// command line, or an account since deleted: the log cannot tell them apart).
pub fn actor_label(actor: Option<&str>) -> String {
    actor.unwrap_or("—").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_the_current_mode_is_checked() {
        let options = mode_options("code");
        let checked: Vec<&str> = options
            .iter()
            .filter(|o| o.checked)
            .map(|o| o.value)
            .collect();
        assert_eq!(checked, ["code"]);
        assert_eq!(options.len(), 3);
    }

    #[test]
    fn an_action_without_a_known_account_shows_a_dash() {
        assert_eq!(actor_label(Some("root")), "root");
        assert_eq!(actor_label(None), "—");
    }
}
