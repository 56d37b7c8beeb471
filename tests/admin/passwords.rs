//! Changing one's own password on `/account`, and the admin's reset on `/admin` (a one-time
//! link, as for an added user).

use crate::common::spawn_app;
use crate::site::{Browser, PASSWORD, Page, with_people};

const NEW_PASSWORD: &str = "a brand new passphrase";

fn change(browser: &Browser, current: &str, new: &str, again: &str) -> Page {
    browser.submit(
        "/account",
        "/account/password",
        &[
            ("current_password", current),
            ("password", new),
            ("password_again", again),
        ],
    )
}

fn signs_in(app: &crate::common::TestApp, username: &str, password: &str) -> bool {
    Browser::new(app)
        .submit(
            "/login",
            "/login",
            &[("username", username), ("password", password)],
        )
        .status
        == 303
}

#[test]
fn changing_a_password_asks_the_current_one_and_signs_out_the_other_browsers_only() {
    let app = spawn_app();
    with_people(&app);
    let here = Browser::signed_in(&app, "ada");
    let phone = Browser::signed_in(&app, "ada");

    let wrong = change(&here, "not my password", NEW_PASSWORD, NEW_PASSWORD);
    wrong.assert_status(403);
    assert!(
        wrong.text.contains("not your current password"),
        "{}",
        wrong.text
    );
    change(&here, PASSWORD, NEW_PASSWORD, "something else").assert_status(422);
    change(&here, PASSWORD, "short", "short").assert_status(422);
    here.post(
        "/account/password",
        &[
            ("current_password", PASSWORD),
            ("password", NEW_PASSWORD),
            ("password_again", NEW_PASSWORD),
        ],
    )
    .assert_status(403); // no CSRF token
    assert!(signs_in(&app, "ada", PASSWORD), "nothing changed yet");

    let changed = change(&here, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
    assert_eq!(
        (changed.status, changed.location()),
        (303, "/account?done=password"),
        "{}",
        changed.text
    );
    let account = here.get("/account?done=password");
    account.assert_status(200);
    assert!(
        account.text.contains("Your password was changed"),
        "{}",
        account.text
    );
    assert_ne!(
        phone.get("/account").status,
        200,
        "the other browser is signed out"
    );
    assert!(!signs_in(&app, "ada", PASSWORD));
    assert!(signs_in(&app, "ada", NEW_PASSWORD));
    let logged = app
        .store
        .audit_log(5)
        .unwrap()
        .into_iter()
        .find(|entry| entry.action == "user.password_change")
        .expect("the change is in the audit log");
    assert_eq!(logged.actor.as_deref(), Some("ada"));
}

#[test]
fn the_admins_reset_ends_the_password_and_sessions_and_gives_a_one_time_link() {
    let app = spawn_app();
    let (root_id, _, ada_id) = with_people(&app);
    let ada = Browser::signed_in(&app, "ada");
    let root = Browser::signed_in(&app, "root");
    let reset_path = format!("/admin/users/{}/password", ada_id.0);

    Browser::signed_in(&app, "teacher")
        .submit("/", &reset_path, &[])
        .assert_status(403);
    root.post(&reset_path, &[]).assert_status(403); // no CSRF token
    assert!(signs_in(&app, "ada", PASSWORD), "nothing changed yet");
    root.submit(
        "/admin",
        &format!("/admin/users/{}/password", root_id.0),
        &[],
    )
    .assert_status(422); // their own: the account page changes it

    let reset = root.submit("/admin", &reset_path, &[]);
    reset.assert_status(200);
    assert!(
        reset.text.contains("Password reset for ada"),
        "{}",
        reset.text
    );
    let marker = r#"id="added-link" value=""#;
    let start = reset.text.find(marker).expect("the link") + marker.len();
    let link = reset.text[start..]
        .split('"')
        .next()
        .unwrap()
        .replace("&#x2f;", "/");
    let path = link
        .strip_prefix(&app.address)
        .unwrap_or_else(|| panic!("{link} on this server"))
        .to_string();
    assert!(path.starts_with("/password/"), "{path}");
    assert_ne!(ada.get("/account").status, 200, "ada's sessions ended");
    assert!(
        !signs_in(&app, "ada", PASSWORD),
        "the old password no longer works"
    );
    let latest = &app.store.audit_log(1).unwrap()[0];
    assert_eq!(
        (latest.actor.as_deref(), latest.action.as_str()),
        (Some("root"), "user.password_reset")
    );

    let set = Browser::new(&app).submit(
        &path,
        &path,
        &[("password", NEW_PASSWORD), ("password_again", NEW_PASSWORD)],
    );
    assert_eq!((set.status, set.location()), (303, "/"), "{}", set.text);
    assert!(signs_in(&app, "ada", NEW_PASSWORD));
    Browser::new(&app).get(&path).assert_status(404);
}
