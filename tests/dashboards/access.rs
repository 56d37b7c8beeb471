//! Every dashboard route tried by every role, and signed out: signed out goes to the sign-in
//! page, a student gets 403, another instructor 404 (a class or set they do not teach with is
//! not theirs to know about), the class's instructor and the admin 200.

use crate::support::{Browser, Classroom, answered_class};
use studyhall::store::Role;

fn routes(room: &Classroom, student: i64) -> Vec<String> {
    let class = |page: &str| room.path(page);
    vec![
        class("dashboard"),
        class("dashboard?sort=due&dir=desc"),
        class(&format!("students/{student}")),
        class("export/progress.csv"),
        class("export/reviews.csv"),
        "/teach/sets/korean-war-1950/analysis".into(),
        "/teach/sets/korean-war-1950/export/reviews.csv".into(),
    ]
}

#[test]
fn every_dashboard_route_answers_each_role_with_the_right_status() {
    let class = answered_class();
    let room = &class.room;
    room.user("root", Role::Admin);
    room.user("mr-k", Role::Instructor);
    let (_, _) = room.outsider("sam");
    let visitors: [(&str, Browser, u16); 4] = [
        ("the class's instructor", room.instructor(), 200),
        ("the admin", room.browser("root"), 200),
        ("another instructor", room.browser("mr-k"), 404),
        ("a student", room.browser("sam"), 403),
    ];
    for path in routes(room, class.ann.0) {
        for (who, browser, status) in &visitors {
            assert_eq!(browser.get(&path).status, *status, "{who} GET {path}");
        }
        let signed_out = Browser::new(&room.app.address).get(&path);
        assert_eq!(
            (signed_out.status, signed_out.location.as_deref()),
            (303, Some("/login")),
            "{path}"
        );
    }
}

#[test]
fn the_disputes_pages_are_for_teachers_only() {
    let class = answered_class();
    let room = &class.room;
    room.user("mr-k", Role::Instructor);
    let (_, _) = room.outsider("sam");
    assert_eq!(
        room.browser("mr-k").get("/teach/disputes").status,
        200,
        "an instructor sees their own (none)"
    );
    let student = room.browser("sam");
    assert_eq!(student.get("/teach/disputes").status, 403);
    let csrf = student.csrf();
    for decision in ["accept", "reject"] {
        let card = room.card(crate::support::WHO_CARD).0.to_string();
        let fields = [
            ("csrf_token", csrf.as_str()),
            ("card", card.as_str()),
            ("answer", "koba"),
        ];
        assert_eq!(
            student
                .post(&format!("/teach/disputes/{decision}"), &fields)
                .status,
            403
        );
        let signed_out =
            Browser::new(&room.app.address).post(&format!("/teach/disputes/{decision}"), &fields);
        assert_eq!(signed_out.status, 303);
    }
    assert_eq!(
        Browser::new(&room.app.address)
            .get("/teach/disputes")
            .status,
        303
    );
}

#[test]
fn nonsense_ids_in_the_address_are_not_found() {
    let class = answered_class();
    let teacher = class.room.instructor();
    for path in [
        "/teach/classes/abc/dashboard",
        "/teach/classes/999999/dashboard",
        "/teach/sets/NOT_A_SET/analysis",
        "/teach/sets/no-such-set/analysis",
        "/teach/sets/korean-war-1950/analysis?class=abc",
        "/teach/sets/korean-war-1950/analysis?class=999999",
    ] {
        assert_eq!(teacher.get(path).status, 404, "{path}");
    }
}
