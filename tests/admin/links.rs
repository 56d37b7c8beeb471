//! Absolute links the server shows (a class's join link, the admin's one-time password links)
//! come from the public URL it was given, or its listening address: never from the request's
//! Host or X-Forwarded-* headers, which any client may craft.

use crate::common::{spawn_app, spawn_app_at};
use crate::site::{Browser, with_people};

/// Headers a client could send to turn a link into script: actix reads the scheme and host
/// of a request from them.
const CRAFTED: &[(&str, &str)] = &[
    ("X-Forwarded-Proto", "javascript"),
    ("X-Forwarded-Host", "alert(document.cookie)//"),
    ("Forwarded", "proto=javascript;host=evil.example"),
];

/// The text after `marker` up to the next quote or tag.
fn after<'a>(text: &'a str, marker: &str) -> &'a str {
    let start = text
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker:?} in {text}"));
    let rest = &text[start + marker.len()..];
    &rest[..rest.find(['"', '<']).expect("an end")]
}

#[test]
fn a_join_link_ignores_crafted_forwarded_headers_and_uses_the_servers_own_address() {
    let app = spawn_app();
    with_people(&app);
    let teacher = Browser::signed_in(&app, "teacher");
    let created = teacher.submit("/teach", "/teach/classes", &[("name", "History 9B")]);
    assert_eq!(created.status, 303, "{}", created.text);
    let class_page = created.location().split('?').next().unwrap().to_string();
    let page = teacher.get_with(&class_page, CRAFTED);
    page.assert_status(200);
    assert!(!page.text.contains("javascript"), "{}", page.text);
    assert!(!page.text.contains("evil.example"), "{}", page.text);
    let link = after(&page.text, r#"<p class="join-link"><a href=""#).replace("&#x2f;", "/");
    let link = link.trim();
    assert!(
        link.starts_with(&format!("{}/join/", app.address)),
        "{link}"
    );
}

#[test]
fn the_admins_one_time_password_link_ignores_crafted_forwarded_headers() {
    let app = spawn_app();
    with_people(&app);
    let root = Browser::signed_in(&app, "root");
    let added = root.submit_with(
        "/admin",
        "/admin/users",
        &[("username", "grace"), ("role", "student")],
        CRAFTED,
    );
    added.assert_status(200);
    let link = after(&added.text, r#"id="added-link" value=""#).replace("&#x2f;", "/");
    assert!(
        link.starts_with(&format!("{}/password/", app.address)),
        "{link}"
    );
    assert!(!added.text.contains("javascript"), "{}", added.text);
}

#[test]
fn with_a_public_url_join_and_password_links_start_with_it() {
    let app = spawn_app_at("http://study.example.org:8080");
    with_people(&app);
    let teacher = Browser::signed_in(&app, "teacher");
    let created = teacher.submit("/teach", "/teach/classes", &[("name", "History 9B")]);
    let class_page = created.location().split('?').next().unwrap().to_string();
    let page = teacher.get(&class_page);
    let link = after(&page.text, r#"<p class="join-link"><a href=""#).replace("&#x2f;", "/");
    assert!(
        link.starts_with("http://study.example.org:8080/join/"),
        "{link}"
    );

    let root = Browser::signed_in(&app, "root");
    let added = root.submit(
        "/admin",
        "/admin/users",
        &[("username", "grace"), ("role", "student")],
    );
    let link = after(&added.text, r#"id="added-link" value=""#).replace("&#x2f;", "/");
    assert!(
        link.starts_with("http://study.example.org:8080/password/"),
        "{link}"
    );
}
