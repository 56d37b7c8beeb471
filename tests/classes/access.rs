//! Who may use the class pages: students never reach them (403), an instructor reaches only
//! their own classes (another's is 404, as if it did not exist), the admin every class;
//! signed-out visitors are sent to sign in; a form without its CSRF token changes nothing.

use studyhall::store::Role;

use crate::helpers::{Class, create_class, instructor, join, join_code, post_form, signed_in_as};
use crate::site::{Site, Visitor};

/// The session's CSRF token, read from the sign-out form every page has.
fn token(visitor: &Visitor) -> (String, String) {
    let page = visitor.get("/");
    let form = page.form("/logout");
    (
        "csrf_token".to_string(),
        form.value("csrf_token").expect("a token").to_string(),
    )
}

/// Every class route, as (method, path).
fn class_routes(class: &Class, member: i64) -> Vec<(&'static str, String)> {
    vec![
        ("GET", class.path.clone()),
        ("POST", class.at("code")),
        ("POST", class.at(&format!("members/{member}/remove"))),
        ("POST", class.at("archive")),
        ("POST", class.at("restore")),
        ("POST", class.at("sets")),
        ("POST", class.at("sets/korean-war-1950/remove")),
    ]
}

fn status(visitor: &Visitor, method: &str, path: &str, fields: &[(String, String)]) -> u16 {
    match method {
        "GET" => visitor.get(path).status,
        _ => visitor.post(path, fields).status,
    }
}

#[test]
fn a_student_gets_403_on_every_teach_page_even_with_a_good_token() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    let sam = site.student("sam");
    join(&sam, &class.code);
    let fields = vec![token(&sam), ("name".to_string(), "Mine".to_string())];
    let sam_id = site.app.user_id("sam").0;
    let mut routes = class_routes(&class, sam_id);
    routes.push(("GET", "/teach".into()));
    routes.push(("POST", "/teach/classes".into()));
    routes.push(("POST", "/teach/sets/korean-war-1950/visibility".into()));
    for (method, path) in routes {
        assert_eq!(status(&sam, method, &path, &fields), 403, "{method} {path}");
    }
    assert!(
        !sam.get("/").html.contains(r#"href="/teach""#),
        "no Teach link for a student"
    );
}

#[test]
fn another_instructor_can_neither_see_nor_change_my_class() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    let sam = site.student("sam");
    join(&sam, &class.code);
    let bob = instructor(&site, "bob");
    let fields = vec![
        token(&bob),
        ("set_id".to_string(), "korean-war-1950".to_string()),
    ];
    for (method, path) in class_routes(&class, site.app.user_id("sam").0) {
        assert_eq!(status(&bob, method, &path, &fields), 404, "{method} {path}");
    }
    assert!(!bob.get("/teach").text().contains("History 9B"));
    let page = ada.get(&class.path);
    assert_eq!(join_code(&page), class.code, "the code is unchanged");
    assert!(page.text().contains("sam") && !page.text().contains("archived"));
}

#[test]
fn the_admin_sees_and_manages_every_class() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    let root = signed_in_as(&site, "root", Role::Admin);
    let teach = root.get("/teach").text();
    assert!(
        teach.contains("History 9B") && teach.contains("ada"),
        "{teach}"
    );
    let renewed = post_form(&root, &class.path, &class.at("code"), &[]);
    assert_eq!(renewed.status, 303);
    assert_ne!(join_code(&ada.get(&class.path)), class.code);
}

#[test]
fn a_form_without_its_csrf_token_is_refused_and_changes_nothing() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    let sam = site.student("sam");
    let no_token = [
        ("name".to_string(), "Sneaky".to_string()),
        ("code".to_string(), class.code.clone()),
    ];
    let wrong_token = [
        ("csrf_token".to_string(), "0".repeat(64)),
        ("code".to_string(), class.code.clone()),
    ];
    assert_eq!(ada.post("/teach/classes", &no_token).status, 403);
    assert_eq!(ada.post(&class.at("code"), &no_token).status, 403);
    assert_eq!(ada.post(&class.at("archive"), &wrong_token).status, 403);
    assert_eq!(sam.post("/join", &no_token).status, 403);
    assert_eq!(sam.post("/join", &wrong_token).status, 403);

    let page = ada.get(&class.path);
    assert_eq!(join_code(&page), class.code);
    assert!(page.text().contains("No students yet") && !page.text().contains("archived"));
    assert!(!ada.get("/teach").text().contains("Sneaky"));
}

#[test]
fn signed_out_visitors_are_sent_to_sign_in() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    let stranger = site.visitor();
    for (method, path) in [
        ("GET", "/teach"),
        ("GET", class.path.as_str()),
        ("POST", "/teach/classes"),
        ("POST", "/join"),
    ] {
        let page = match method {
            "GET" => stranger.get(path),
            _ => stranger.post(path, &[]),
        };
        assert_eq!(
            (page.status, page.location.as_deref()),
            (303, Some("/login")),
            "{method} {path}"
        );
    }
}
