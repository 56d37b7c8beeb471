//! Adding a user on `/admin`: a username and a role give an account with no password and a
//! one-time link, shown once, with which the new user sets their own password.

use studyhall::store::Role;

use crate::common::spawn_app;
use crate::site::{Browser, PASSWORD, Page, with_people};

/// The link on the admin page after adding a user.
fn link_on(page: &Page) -> String {
    let marker = r#"id="added-link" value=""#;
    let start = page
        .text
        .find(marker)
        .unwrap_or_else(|| panic!("no link in {}", page.text));
    let rest = &page.text[start + marker.len()..];
    // minijinja escapes `/` in attribute values.
    rest[..rest.find('"').expect("a closing quote")].replace("&#x2f;", "/")
}

#[test]
fn the_admin_adds_an_instructor_whose_one_time_link_sets_their_password_and_signs_them_in() {
    let app = spawn_app();
    with_people(&app);
    let root = Browser::signed_in(&app, "root");
    let added = root.submit(
        "/admin",
        "/admin/users",
        &[("username", "grace"), ("role", "instructor")],
    );
    added.assert_status(200);
    assert!(
        added.text.contains("Added grace as instructor"),
        "{}",
        added.text
    );
    let grace = app.store.user_by_name("grace").unwrap().expect("added");
    assert_eq!(grace.role, Role::Instructor);
    let latest = &app.store.audit_log(1).unwrap()[0];
    assert_eq!(
        (latest.actor.as_deref(), latest.action.as_str()),
        (Some("root"), "user.add")
    );

    let link = link_on(&added);
    let path = link
        .strip_prefix(&app.address)
        .unwrap_or_else(|| panic!("{link} on this server"));
    assert!(path.starts_with("/password/"), "{path}");
    let signing_in = Browser::new(&app).submit(
        "/login",
        "/login",
        &[("username", "grace"), ("password", "")],
    );
    assert_ne!(signing_in.status, 303, "no password works before the link");

    let grace_browser = Browser::new(&app);
    let form = grace_browser.get(path);
    form.assert_status(200);
    assert!(form.text.contains("grace"), "{}", form.text);
    let differ = grace_browser.submit(
        path,
        path,
        &[("password", PASSWORD), ("password_again", "something else")],
    );
    differ.assert_status(422);
    assert!(differ.text.contains("differ"), "{}", differ.text);
    let set = grace_browser.submit(
        path,
        path,
        &[("password", PASSWORD), ("password_again", PASSWORD)],
    );
    assert_eq!((set.status, set.location()), (303, "/"), "{}", set.text);
    assert!(
        grace_browser.get("/teach").status == 200,
        "signed in, as an instructor"
    );
    Browser::signed_in(&app, "grace");

    Browser::new(&app).get(path).assert_status(404);
}

#[test]
fn adding_a_taken_name_or_a_bad_one_changes_nothing_and_only_the_admin_may_add() {
    let app = spawn_app();
    with_people(&app);
    let root = Browser::signed_in(&app, "root");
    let taken = root.submit(
        "/admin",
        "/admin/users",
        &[("username", "ADA"), ("role", "student")],
    );
    taken.assert_status(409);
    assert!(
        taken.text.contains("Nothing was changed."),
        "{}",
        taken.text
    );
    root.submit(
        "/admin",
        "/admin/users",
        &[("username", "no spaces"), ("role", "student")],
    )
    .assert_status(422);
    root.submit(
        "/admin",
        "/admin/users",
        &[("username", "ok"), ("role", "overlord")],
    )
    .assert_status(422);
    root.post("/admin/users", &[("username", "forged"), ("role", "admin")])
        .assert_status(403);
    Browser::signed_in(&app, "teacher")
        .submit(
            "/",
            "/admin/users",
            &[("username", "sneaky"), ("role", "admin")],
        )
        .assert_status(403);
    for name in ["ok", "forged", "sneaky"] {
        assert!(app.store.user_by_name(name).unwrap().is_none(), "{name}");
    }
}
