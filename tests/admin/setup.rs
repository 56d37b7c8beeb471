//! The one-time set-up link that creates the admin account in the browser.

use studyhall::store::Role;
use studyhall::web::state::now_ms;

use crate::common::{TestApp, spawn_app};
use crate::site::{Browser, PASSWORD, add_user};

const TOKEN: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

fn app_with_setup_link() -> TestApp {
    let app = spawn_app();
    let stored = app
        .store
        .begin_setup(TOKEN, now_ms() + 60_000)
        .wait()
        .unwrap();
    assert!(stored, "a new server has no admin");
    app
}

fn create_admin(browser: &Browser, username: &str, again: &str) -> crate::site::Page {
    let path = format!("/setup/{TOKEN}");
    let fields = [
        ("username", username),
        ("password", PASSWORD),
        ("password_again", again),
    ];
    browser.submit(&path, &path, &fields)
}

#[test]
fn the_setup_link_creates_the_admin_signs_them_in_and_opens_the_admin_page() {
    let app = app_with_setup_link();
    let browser = Browser::new(&app);
    let form = browser.get(&format!("/setup/{TOKEN}"));
    form.assert_status(200);
    assert!(
        form.text.contains("Create the admin account"),
        "{}",
        form.text
    );

    let created = create_admin(&browser, "root", PASSWORD);
    assert_eq!(
        (created.status, created.location()),
        (303, "/admin"),
        "{}",
        created.text
    );
    let root = app
        .store
        .user_by_name("root")
        .unwrap()
        .expect("the admin exists");
    assert_eq!(root.role, Role::Admin);
    let admin_page = browser.get("/admin");
    admin_page.assert_status(200);
    assert!(admin_page.text.contains("root"));
    let log = app.store.audit_log(5).unwrap();
    assert_eq!(log[0].action, "setup.admin");
}

#[test]
fn the_setup_link_works_once_even_from_two_tabs() {
    let app = app_with_setup_link();
    let (first_tab, second_tab) = (Browser::new(&app), Browser::new(&app));
    let path = format!("/setup/{TOKEN}");
    let second_csrf = second_tab.get(&path).csrf();
    assert_eq!(create_admin(&first_tab, "root", PASSWORD).status, 303);
    let fields = [
        ("csrf_token", second_csrf.as_str()),
        ("username", "intruder"),
        ("password", PASSWORD),
        ("password_again", PASSWORD),
    ];
    second_tab.post(&path, &fields).assert_status(404);
    second_tab.get(&path).assert_status(404);
    assert!(app.store.user_by_name("intruder").unwrap().is_none());
}

#[test]
fn a_wrong_or_expired_link_or_one_opened_once_there_is_an_admin_is_404() {
    let app = spawn_app();
    let browser = Browser::new(&app);
    app.store.begin_setup(TOKEN, now_ms() - 1).wait().unwrap();
    let expired = browser.get(&format!("/setup/{TOKEN}"));
    expired.assert_status(404);
    assert!(expired.text.contains("set-up link"), "{}", expired.text);
    app.store
        .begin_setup(TOKEN, now_ms() + 60_000)
        .wait()
        .unwrap();
    browser.get("/setup/not-the-token").assert_status(404);
    add_user(&app, "root", Role::Admin);
    browser.get(&format!("/setup/{TOKEN}")).assert_status(404);
}

/// The `id` of the one input with `autofocus` on `page`.
fn focused_field(page: &crate::site::Page) -> String {
    let inputs: Vec<&str> = page
        .text
        .split("<input")
        .skip(1)
        .filter(|input| input[..input.find('>').unwrap_or(input.len())].contains(" autofocus"))
        .collect();
    assert_eq!(inputs.len(), 1, "one field has the focus: {}", page.text);
    let id = inputs[0].split("id=\"").nth(1).expect("an id");
    id[..id.find('"').unwrap()].to_string()
}

#[test]
fn a_refused_setup_form_says_why_creates_nothing_and_keeps_the_link() {
    let app = app_with_setup_link();
    let browser = Browser::new(&app);
    let differ = create_admin(&browser, "root", "another password entirely");
    differ.assert_status(422);
    assert!(differ.text.contains("differ"), "{}", differ.text);
    assert_eq!(
        focused_field(&differ),
        "password",
        "the field to fix has the focus"
    );
    let bad_name = create_admin(&browser, "no spaces allowed", PASSWORD);
    bad_name.assert_status(422);
    assert_eq!(focused_field(&bad_name), "username");
    add_user(&app, "ada", Role::Student);
    let taken = create_admin(&browser, "ADA", PASSWORD);
    taken.assert_status(409);
    assert_eq!(focused_field(&taken), "username");
    let path = format!("/setup/{TOKEN}");
    let no_csrf = [
        ("username", "root"),
        ("password", PASSWORD),
        ("password_again", PASSWORD),
    ];
    browser.post(&path, &no_csrf).assert_status(403);
    assert!(!app.store.has_admin().unwrap(), "nothing was created");
    assert_eq!(
        create_admin(&browser, "root", PASSWORD).status,
        303,
        "the link still works"
    );
}
