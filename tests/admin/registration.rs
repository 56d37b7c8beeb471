//! The registration mode: open (the default), only with a class join code, or closed; on the
//! register page and in the API alike.

use serde_json::json;
use studyhall::store::{ClassName, JoinCode, RegistrationMode, Role, Teacher};

use crate::common::{TestApp, spawn_app};
use crate::site::{Browser, PASSWORD, add_user};

fn in_mode(mode: RegistrationMode) -> TestApp {
    let app = spawn_app();
    app.store.set_registration_mode(mode, None).wait().unwrap();
    app
}

fn register_page(browser: &Browser, username: &str, join_code: Option<&str>) -> crate::site::Page {
    let mut fields = vec![("username", username), ("password", PASSWORD)];
    fields.extend(join_code.map(|code| ("join_code", code)));
    browser.submit("/register", "/register", &fields)
}

fn register_api(app: &TestApp, body: serde_json::Value) -> (u16, serde_json::Value) {
    let reply = reqwest::blocking::Client::new()
        .post(format!("{}/api/v1/register", app.address))
        .json(&body)
        .send()
        .expect("the server answers");
    let status = reply.status().as_u16();
    (status, reply.json().unwrap_or(serde_json::Value::Null))
}

fn exists(app: &TestApp, username: &str) -> bool {
    app.store.user_by_name(username).unwrap().is_some()
}

#[test]
fn open_registration_is_the_default_and_asks_for_no_join_code() {
    let app = spawn_app();
    let browser = Browser::new(&app);
    let form = browser.get("/register");
    form.assert_status(200);
    assert!(
        !form.text.contains("join_code"),
        "no join code field when open"
    );
    assert_eq!(register_page(&browser, "ada", None).status, 303);
    let (status, _) = register_api(&app, json!({"username": "bob", "password": PASSWORD}));
    assert_eq!(status, 201);
    assert!(exists(&app, "ada") && exists(&app, "bob"));
}

#[test]
fn closed_registration_says_so_on_the_page_and_refuses_every_registration_with_403() {
    let app = in_mode(RegistrationMode::Closed);
    let browser = Browser::new(&app);
    let page = browser.get("/register");
    page.assert_status(200);
    assert!(
        page.text.contains("Registration is closed"),
        "{}",
        page.text
    );
    assert!(
        !page.text.contains(r#"name="password""#),
        "no form to fill in"
    );

    let csrf = browser.get("/login").csrf();
    let fields = [
        ("csrf_token", csrf.as_str()),
        ("username", "ada"),
        ("password", PASSWORD),
    ];
    let posted = browser.post("/register", &fields);
    posted.assert_status(403);
    assert!(
        posted.text.contains("Registration is closed"),
        "{}",
        posted.text
    );
    let (status, body) = register_api(&app, json!({"username": "bob", "password": PASSWORD}));
    assert_eq!(status, 403, "{body}");
    assert_eq!(body["error"]["code"], "forbidden");
    assert!(
        !exists(&app, "ada") && !exists(&app, "bob"),
        "nobody was registered"
    );
}

#[test]
fn code_registration_asks_for_a_join_code_and_refuses_a_blank_one_with_422() {
    let app = in_mode(RegistrationMode::Code);
    let browser = Browser::new(&app);
    let form = browser.get("/register?code=ABCD2345");
    form.assert_status(200);
    assert!(
        form.text.contains(r#"name="join_code" value="ABCD2345""#),
        "the join link fills it in"
    );

    let refused = register_page(&browser, "ada", Some("  "));
    refused.assert_status(422);
    assert!(refused.text.contains("join code"), "{}", refused.text);
    assert!(
        refused.text.contains(r#"value="ada""#),
        "the username is kept"
    );
    let (status, body) = register_api(&app, json!({"username": "bob", "password": PASSWORD}));
    assert_eq!(status, 422, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("join code"),
        "{body}"
    );
    assert!(
        !exists(&app, "ada") && !exists(&app, "bob"),
        "nobody was registered"
    );
}

#[test]
fn the_mode_applies_at_once_when_the_admin_changes_it() {
    let app = spawn_app();
    let browser = Browser::new(&app);
    assert!(browser.get("/register").text.contains(r#"name="password""#));
    app.store
        .set_registration_mode(RegistrationMode::Closed, None)
        .wait()
        .unwrap();
    assert!(
        browser
            .get("/register")
            .text
            .contains("Registration is closed")
    );
}

/// A class of a new instructor's, with its join code.
fn class(app: &TestApp, name: &str) -> (studyhall::store::ClassId, JoinCode) {
    let teacher = add_user(
        app,
        &format!("teacher-{}", name.to_lowercase()),
        Role::Instructor,
    );
    let teacher = Teacher::of(&app.store.user_by_id(teacher).unwrap().unwrap()).unwrap();
    let name = ClassName::parse(name).unwrap();
    let class = app.store.create_class(teacher, &name).wait().unwrap();
    (class.id, class.join_code)
}

fn classes_of(app: &TestApp, username: &str) -> Vec<String> {
    let user = app
        .store
        .user_by_name(username)
        .unwrap()
        .expect("the user exists")
        .id;
    let joined = app.store.classes_joined(user).unwrap();
    joined.into_iter().map(|class| class.name).collect()
}

#[test]
fn with_a_class_join_code_the_new_student_joins_that_class() {
    let app = in_mode(RegistrationMode::Code);
    let (_, code) = class(&app, "History");
    let typed = code.grouped().to_lowercase();
    let browser = Browser::new(&app);
    let registered = register_page(&browser, "ada", Some(&typed));
    assert_eq!(
        (registered.status, registered.location()),
        (303, "/"),
        "{}",
        registered.text
    );
    assert_eq!(classes_of(&app, "ada"), ["History"]);
    let body = json!({"username": "bob", "password": PASSWORD, "join_code": code.as_str()});
    let (status, body) = register_api(&app, body);
    assert_eq!(status, 201, "{body}");
    assert_eq!(classes_of(&app, "bob"), ["History"]);
}

#[test]
fn an_unknown_malformed_or_archived_join_code_makes_no_account() {
    let app = in_mode(RegistrationMode::Code);
    let (class_id, code) = class(&app, "History");
    let browser = Browser::new(&app);
    for bad in ["K7MQ2X", "OOOOOO"] {
        let refused = register_page(&browser, "ada", Some(bad));
        refused.assert_status(422);
        assert!(
            refused.text.contains("join code"),
            "{bad}: {}",
            refused.text
        );
        let (status, _) = register_api(
            &app,
            json!({"username": "bob", "password": PASSWORD, "join_code": bad}),
        );
        assert_eq!(status, 422, "{bad}");
    }
    let teacher = app.store.user_by_name("teacher-history").unwrap().unwrap();
    let teacher = Teacher::of(&teacher).unwrap();
    app.store
        .set_class_archived(teacher, class_id, true)
        .wait()
        .unwrap();
    register_page(&browser, "ada", Some(code.as_str())).assert_status(422);
    assert!(
        !exists(&app, "ada") && !exists(&app, "bob"),
        "nobody was registered"
    );
}

#[test]
fn open_registration_with_a_join_code_joins_the_class_too() {
    let app = spawn_app();
    let (_, code) = class(&app, "History");
    let browser = Browser::new(&app);
    let form = browser.get(&format!("/register?code={}", code.as_str()));
    let field = format!(r#"name="join_code" value="{}""#, code.as_str());
    let at = form
        .text
        .find(&field)
        .expect("the join link fills in the code");
    let tag_end = at + form.text[at..].find('>').unwrap();
    assert!(
        !form.text[at..tag_end].contains("required"),
        "optional while registration is open"
    );
    assert_eq!(
        register_page(&browser, "ada", Some(code.as_str())).status,
        303
    );
    assert_eq!(classes_of(&app, "ada"), ["History"]);
}
