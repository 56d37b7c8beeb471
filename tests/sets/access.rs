//! Who reaches which set page: the owner and the admin; another instructor and students get
//! 403, visitors signed out go to sign in, and a form without its CSRF token changes nothing.

use studyhall::store::Role;

use crate::common::ESSAY_SET;
use crate::site::Site;
use crate::support::{COLD_WAR, Part, file_text, instructor, multipart, ownership, signed_in};

/// The GET pages of the set `cold-war`.
const PAGES: [&str; 4] = [
    "/teach/sets/cold-war",
    "/teach/sets/cold-war/file",
    "/teach/sets/cold-war/file?format=csv",
    "/teach/sets/new?from=cold-war",
];

#[test]
fn another_instructor_gets_403_on_my_sets_pages_and_cannot_take_its_id() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    ada.publish_file("cold-war.toml", COLD_WAR, None);
    let bob = instructor(&site, "bob");
    for path in PAGES {
        assert_eq!(bob.get(path).status, 403, "{path}");
        assert_eq!(ada.get(path).status, 200, "{path}");
    }
    let mine = COLD_WAR.replace("The Cold War", "Bob's Cold War");
    let page = bob.upload_file("cold-war.toml", mine.as_bytes());
    assert_eq!(page.status, 422);
    assert!(
        page.text()
            .contains("The set id “cold-war” is taken by ada’s set"),
        "{}",
        page.text()
    );
    let csrf = bob
        .get("/teach/sets/new")
        .form("/teach/sets/preview")
        .value("csrf_token")
        .unwrap()
        .to_string();
    let body = multipart(&[Part::Field("csrf_token", &csrf), Part::Field("text", &mine)]);
    assert_eq!(bob.post_multipart("/teach/sets/publish", body).status, 422);
    assert_eq!(
        file_text(&site, "cold-war").as_deref(),
        Some(COLD_WAR),
        "unchanged"
    );
}

#[test]
fn a_student_gets_403_on_every_set_page_and_form() {
    let site = Site::start();
    instructor(&site, "ada").publish_file("cold-war.toml", COLD_WAR, Some("open"));
    let kim = signed_in(&site, "kim", Role::Student);
    for path in PAGES.iter().copied().chain(["/teach/sets/new"]) {
        assert_eq!(kim.get(path).status, 403, "{path}");
    }
    let csrf = kim
        .visitor
        .get("/")
        .form("/logout")
        .value("csrf_token")
        .unwrap()
        .to_string();
    for action in ["/teach/sets/preview", "/teach/sets/publish"] {
        let body = multipart(&[
            Part::Field("csrf_token", &csrf),
            Part::Field("text", COLD_WAR),
        ]);
        assert_eq!(kim.post_multipart(action, body).status, 403, "{action}");
    }
    assert_eq!(file_text(&site, "cold-war").as_deref(), Some(COLD_WAR));
}

#[test]
fn signed_out_visitors_are_sent_to_sign_in() {
    let site = Site::start();
    let visitor = site.visitor();
    for path in [
        "/teach/sets/new",
        "/teach/sets/korean-war-1950",
        "/teach/sets/korean-war-1950/file",
    ] {
        let page = visitor.get(path);
        assert_eq!(
            (page.status, page.location.as_deref()),
            (303, Some("/login")),
            "{path}"
        );
    }
}

#[test]
fn a_missing_or_wrong_csrf_token_is_refused_with_403_and_changes_nothing() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    for action in ["/teach/sets/preview", "/teach/sets/publish"] {
        for token in [None, Some("not-the-token")] {
            let mut parts = vec![Part::Field("format", "toml"), Part::Field("text", COLD_WAR)];
            if let Some(token) = token {
                parts.push(Part::Field("csrf_token", token));
            }
            assert_eq!(
                ada.post_multipart(action, multipart(&parts)).status,
                403,
                "{action} {token:?}"
            );
        }
    }
    assert_eq!(ownership(&site, "cold-war"), None);
}

#[test]
fn a_set_the_server_loads_is_the_admins_to_replace_not_an_instructors() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    assert_eq!(ada.get(&format!("/teach/sets/{ESSAY_SET}")).status, 403);
    let essay = file_text(&site, ESSAY_SET).unwrap();
    let changed = essay.replacen("title = ", "title = \"Changed\"\n# was: ", 1);
    let refused = ada.upload_file("essay.toml", changed.as_bytes());
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .text()
            .contains("is taken by a set the server loads"),
        "{}",
        refused.text()
    );

    let root = signed_in(&site, "root", Role::Admin);
    let page = root.get(&format!("/teach/sets/{ESSAY_SET}"));
    assert_eq!(page.status, 200);
    assert!(
        page.text().contains("owned by the server"),
        "{}",
        page.text()
    );
    let preview = root.upload_file("essay.toml", changed.as_bytes());
    assert!(
        preview.text().contains("publishing changes no card"),
        "{}",
        preview.text()
    );
    let published = root.publish(&preview, None);
    assert_eq!(published.status, 303);
    assert_eq!(
        ownership(&site, ESSAY_SET).unwrap().owner,
        None,
        "still the server's"
    );
}

#[test]
fn the_admin_manages_any_instructors_set() {
    let site = Site::start();
    instructor(&site, "ada").publish_file("cold-war.toml", COLD_WAR, None);
    let root = signed_in(&site, "root", Role::Admin);
    for path in PAGES {
        assert_eq!(root.get(path).status, 200, "{path}");
    }
}

#[test]
fn an_unknown_set_is_404() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    for path in [
        "/teach/sets/no-such-set",
        "/teach/sets/no-such-set/file",
        "/teach/sets/Not%20an%20id",
    ] {
        assert_eq!(ada.get(path).status, 404, "{path}");
    }
}
