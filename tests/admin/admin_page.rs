//! `/admin`: the users and their roles, the registration mode, deleting an account, the audit
//! log; each change a CSRF-checked form, each refusal a clear error that changes nothing.

use studyhall::store::{RegistrationMode, Role};

use crate::common::spawn_app;
use crate::site::{Browser, with_people};

#[test]
fn the_admin_page_lists_every_user_with_their_role_and_the_registration_mode() {
    let app = spawn_app();
    with_people(&app);
    let page = Browser::signed_in(&app, "root").get("/admin");
    page.assert_status(200);
    for name in ["root", "teacher", "ada"] {
        assert!(
            page.text.contains(&format!("<th scope=\"row\">{name}")),
            "{name} is listed"
        );
    }
    assert!(
        page.text
            .contains(r#"<option value="instructor" selected>"#),
        "teacher's role is selected"
    );
    assert!(
        page.text.contains(r#"value="open" checked"#),
        "open registration is checked"
    );
    assert!(page.text.contains(r#"aria-current="page">Admin</a>"#));
}

#[test]
fn the_admin_changes_a_role_with_the_form_and_the_change_is_logged() {
    let app = spawn_app();
    let (_, _, ada) = with_people(&app);
    let root = Browser::signed_in(&app, "root");
    let changed = root.submit(
        "/admin",
        &format!("/admin/users/{}/role", ada.0),
        &[("role", "instructor")],
    );
    assert_eq!(
        (changed.status, changed.location()),
        (303, "/admin?done=role")
    );
    assert_eq!(
        app.store.user_by_id(ada).unwrap().unwrap().role,
        Role::Instructor
    );
    assert!(root.get("/admin?done=role").text.contains("Role changed."));
    let latest = &app.store.audit_log(1).unwrap()[0];
    assert_eq!(
        (latest.actor.as_deref(), latest.detail.as_str()),
        (Some("root"), "ada: student -> instructor")
    );
    let teaches = Browser::signed_in(&app, "ada").get("/");
    assert!(
        teaches.text.contains(r#"href="/teach""#),
        "the new role applies at once"
    );
}

#[test]
fn a_role_change_without_the_csrf_token_or_with_a_bad_role_changes_nothing() {
    let app = spawn_app();
    let (root_id, _, ada) = with_people(&app);
    let root = Browser::signed_in(&app, "root");
    let path = format!("/admin/users/{}/role", ada.0);
    root.post(&path, &[("role", "admin")]).assert_status(403);
    root.post(&path, &[("role", "admin"), ("csrf_token", "forged")])
        .assert_status(403);
    let bad = root.submit("/admin", &path, &[("role", "overlord")]);
    bad.assert_status(422);
    assert!(bad.text.contains("Nothing was changed."), "{}", bad.text);
    root.submit("/admin", "/admin/users/999/role", &[("role", "admin")])
        .assert_status(404);
    let last = root.submit(
        "/admin",
        &format!("/admin/users/{}/role", root_id.0),
        &[("role", "student")],
    );
    last.assert_status(409);
    assert!(last.text.contains("only admin"), "{}", last.text);
    assert_eq!(
        app.store.user_by_id(ada).unwrap().unwrap().role,
        Role::Student
    );
    assert_eq!(
        app.store.user_by_id(root_id).unwrap().unwrap().role,
        Role::Admin
    );
}

#[test]
fn an_admin_who_hands_over_the_role_is_sent_home() {
    let app = spawn_app();
    let (root_id, teacher, _) = with_people(&app);
    let root = Browser::signed_in(&app, "root");
    root.submit(
        "/admin",
        &format!("/admin/users/{}/role", teacher.0),
        &[("role", "admin")],
    );
    let handed = root.submit(
        "/admin",
        &format!("/admin/users/{}/role", root_id.0),
        &[("role", "instructor")],
    );
    assert_eq!((handed.status, handed.location()), (303, "/"));
    root.get("/admin").assert_status(403);
}

#[test]
fn the_admin_sets_the_registration_mode_with_the_form() {
    let app = spawn_app();
    with_people(&app);
    let root = Browser::signed_in(&app, "root");
    let saved = root.submit(
        "/admin",
        "/admin/registration",
        &[("registration", "closed")],
    );
    assert_eq!(
        (saved.status, saved.location()),
        (303, "/admin?done=registration")
    );
    assert_eq!(
        app.store.registration_mode().unwrap(),
        RegistrationMode::Closed
    );
    assert!(
        Browser::new(&app)
            .get("/register")
            .text
            .contains("Registration is closed")
    );
    let bad = root.submit(
        "/admin",
        "/admin/registration",
        &[("registration", "sometimes")],
    );
    bad.assert_status(422);
    assert_eq!(
        app.store.registration_mode().unwrap(),
        RegistrationMode::Closed
    );
    let page = root.get("/admin");
    assert!(
        page.text
            .contains(r#"<td data-action="settings.registration">Changed who may register</td>"#),
        "the change is in the log, in words: {}",
        page.text
    );
    assert!(
        page.text
            .contains("from Open (anyone may register) to Closed (only the admin adds accounts)"),
        "{}",
        page.text
    );
    assert!(!page.text.contains("open -&gt; closed"), "no raw codes");
}

#[test]
fn deleting_an_account_needs_its_username_typed_and_removes_its_reviews() {
    let app = spawn_app();
    let (_, _, ada) = with_people(&app);
    app.make_due_today(ada, "essay-anniversary");
    let root = Browser::signed_in(&app, "root");
    let path = format!("/admin/users/{}/delete", ada.0);
    let refused = root.submit("/admin", &path, &[("confirm_username", "teacher")]);
    refused.assert_status(422);
    assert!(
        refused.text.contains("type its username, ada"),
        "{}",
        refused.text
    );
    assert_eq!(
        app.store.user_review_count(ada).unwrap(),
        1,
        "nothing was deleted"
    );

    let deleted = root.submit("/admin", &path, &[("confirm_username", "ADA")]);
    assert_eq!(
        (deleted.status, deleted.location()),
        (303, "/admin?done=deleted")
    );
    assert!(app.store.user_by_id(ada).unwrap().is_none());
    assert_eq!(app.store.user_review_count(ada).unwrap(), 0);
    let sign_in = [("username", "ada"), ("password", crate::site::PASSWORD)];
    Browser::new(&app)
        .submit("/login", "/login", &sign_in)
        .assert_status(401);
    root.submit("/admin", &path, &[("confirm_username", "ada")])
        .assert_status(404);
}

#[test]
fn the_admin_downloads_any_users_data() {
    let app = spawn_app();
    let (_, _, ada) = with_people(&app);
    app.make_due_today(ada, "essay-anniversary");
    let download =
        Browser::signed_in(&app, "root").get(&format!("/admin/users/{}/data.json", ada.0));
    download.assert_status(200);
    let disposition = download.headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.contains("attachment") && disposition.contains("studyhall-ada.json"),
        "{disposition}"
    );
    let data: serde_json::Value = serde_json::from_str(&download.text).unwrap();
    assert_eq!(data["account"]["username"], "ada");
    assert_eq!(data["reviews"].as_array().unwrap().len(), 1);
}
