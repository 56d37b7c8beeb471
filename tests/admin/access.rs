//! Who may use each route of this slice: every route tried signed out and as each role.

use crate::common::spawn_app;
use crate::site::{Browser, with_people};

/// (method, path, signed out, student, instructor, admin). Signed-out visitors of a page are
/// sent to sign in (303); POSTs here carry a valid CSRF token, so only the role decides.
const ROUTES: &[(&str, &str, u16, u16, u16, u16)] = &[
    ("GET", "/admin", 303, 403, 403, 200),
    ("POST", "/admin/registration", 303, 403, 403, 303),
    ("POST", "/admin/users/{ada}/role", 303, 403, 403, 303),
    ("GET", "/admin/users/{ada}/data.json", 303, 403, 403, 200),
    ("POST", "/admin/users/{ada}/delete", 303, 403, 403, 303),
    ("GET", "/account", 303, 200, 200, 200),
    ("GET", "/account/data.json", 303, 200, 200, 200),
    ("GET", "/account/deleted", 200, 200, 200, 200),
    ("GET", "/setup/0000", 404, 404, 404, 404),
];

#[test]
fn every_route_answers_each_role_as_the_table_says() {
    for (method, path, signed_out, student, instructor, admin) in ROUTES {
        let expected = [
            ("signed out", *signed_out),
            ("ada", *student),
            ("teacher", *instructor),
            ("root", *admin),
        ];
        for (who, status) in expected {
            // A fresh server each time: a POST that succeeds (a deletion) must not change the next.
            let app = spawn_app();
            let (_, _, ada) = with_people(&app);
            let browser = if who == "signed out" {
                Browser::new(&app)
            } else {
                Browser::signed_in(&app, who)
            };
            let path = path.replace("{ada}", &ada.0.to_string());
            let got = match *method {
                "GET" => browser.get(&path).status,
                _ => {
                    let csrf = browser
                        .get(if who == "signed out" { "/login" } else { "/" })
                        .csrf();
                    let fields = [
                        ("csrf_token", csrf.as_str()),
                        ("role", "instructor"),
                        ("registration", "open"),
                        ("confirm_username", "ada"),
                    ];
                    browser.post(&path, &fields).status
                }
            };
            assert_eq!(got, status, "{method} {path} as {who}");
        }
    }
}
