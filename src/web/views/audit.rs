//! The audit log in words: what each recorded action means to the admin reading `/admin`
//! ("Changed who may register: from Closed to Open") rather than the codes the store keeps
//! (`settings.registration`, "closed -> open"), which stay as they are for scripts.

/// What a logged action did, e.g. "Changed a role"; an action this binary does not know (a
/// newer one, in a shared database) is shown as recorded.
pub fn audit_action_label(action: &str) -> String {
    let label = match action {
        "setup.admin" => "Created the admin account with the set-up link",
        "user.add" => "Added an account",
        "user.role" => "Changed a role",
        "user.delete" => "Deleted an account",
        "user.password" => "Set a password with a one-time link",
        "user.password_change" => "Changed their own password",
        "user.password_reset" => "Reset a password (a one-time link to set a new one)",
        "settings.registration" => "Changed who may register",
        "set.publish" => "Published a question set",
        "set.visibility" => "Changed who may study a set",
        "class.remove_member" => "Took a student out of a class",
        "class.archive" => "Archived a class",
        "class.restore" => "Restored a class",
        "claim.accept" => "Accepted an “I was right” claim",
        "claim.reject" => "Rejected an “I was right” claim",
        "claim.undo" => "Undid a decision on a claim",
        other => other,
    };
    label.to_string()
}

/// The detail of a logged action in words: a change recorded as "before -> after" reads "from
/// before to after", and registration modes by the names the admin page gives them.
pub fn audit_detail(action: &str, detail: &str) -> String {
    let Some((before, after)) = detail.rsplit_once(" -> ") else {
        return detail.to_string();
    };
    // "ada: student -> instructor": the subject stays in front.
    let (subject, before) = match before.rsplit_once(": ") {
        Some((subject, before)) => (format!("{subject}: "), before),
        None => (String::new(), before),
    };
    let name = |value: &str| match (action, value) {
        ("settings.registration", "open") => "Open (anyone may register)".to_string(),
        ("settings.registration", "code") => "Class code (only with a join code)".to_string(),
        ("settings.registration", "closed") => "Closed (only the admin adds accounts)".to_string(),
        _ => value.to_string(),
    };
    format!("{subject}from {} to {}", name(before), name(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_actions_read_as_words_and_unknown_ones_as_recorded() {
        assert_eq!(
            audit_action_label("settings.registration"),
            "Changed who may register"
        );
        assert_eq!(audit_action_label("user.role"), "Changed a role");
        assert_eq!(audit_action_label("future.thing"), "future.thing");
    }

    #[test]
    fn a_change_reads_from_before_to_after() {
        assert_eq!(
            audit_detail("settings.registration", "closed -> open"),
            "from Closed (only the admin adds accounts) to Open (anyone may register)"
        );
        assert_eq!(
            audit_detail("user.role", "ada: student -> instructor"),
            "ada: from student to instructor"
        );
        assert_eq!(
            audit_detail("set.visibility", "korean-war-1950: open -> restricted"),
            "korean-war-1950: from open to restricted"
        );
        assert_eq!(audit_detail("user.add", "ada as student"), "ada as student");
    }
}
