//! The class pages' templates rendered with sample views: their links and forms, the CSRF
//! token in every form, escaping, and what an archived class no longer offers.

use super::*;
use crate::web::templates::Templates;
use crate::web::views::Section;

fn layout() -> LayoutView {
    LayoutView::signed_in("Teach", "ada", "csrf-123", Section::Teach).with_role("instructor")
}

fn render<T: Serialize>(name: &str, view: &T) -> String {
    Templates::new().unwrap().render(name, view).unwrap()
}

/// Every `method="post"` form carries the session's CSRF token.
fn assert_forms_carry_csrf(html: &str) {
    let forms = html.matches(r#"method="post""#).count();
    let tokens = html
        .matches(r#"name="csrf_token" value="csrf-123""#)
        .count();
    assert!(forms > 0, "{html}");
    assert_eq!(forms, tokens, "{html}");
}

fn class_page(archived: bool) -> ClassPageView {
    ClassPageView {
        layout: layout(),
        class_id: 7,
        name: "History <9B>".into(),
        owner: "ada".into(),
        archived,
        code: "K7M-Q2X".into(),
        join_link: "http://localhost:8080/join/K7MQ2X".into(),
        members: vec![MemberRow {
            user_id: 3,
            username: "sam".into(),
            joined: "2026-03-01".into(),
        }],
        sets: vec![AssignedSetRow {
            set_id: "cold-war".into(),
            title: "The Cold War".into(),
            restricted: true,
            daily_new_limit: Some(5),
            exam: Some("12 Jun 2026".into()),
        }],
        assignable: vec![SetOption {
            set_id: "korea".into(),
            title: "Korea".into(),
            assigned: false,
        }],
        today: "2026-03-01".into(),
        assign: AssignFields::default(),
        notice: None,
        error: Some("The exam date has passed".into()),
    }
}

#[test]
fn the_teach_home_lists_classes_and_sets_with_their_forms() {
    let view = TeachHomeView {
        layout: layout(),
        classes: vec![ClassRow {
            id: 7,
            name: "History <9B>".into(),
            owner: "ada".into(),
            code: "K7M-Q2X".into(),
            members: 12,
            sets: 2,
            archived: false,
        }],
        sets: vec![TeachSetRow {
            set_id: "cold-war".into(),
            title: "The Cold War".into(),
            cards: 40,
            visibility: "restricted".into(),
            owner: "ada".into(),
            may_change: true,
        }],
        show_owner: false,
        name: String::new(),
        error: None,
        notice: None,
        max_name_chars: 80,
    };
    let html = render("teach_home.html", &view);
    assert!(html.contains(r#"href="/teach/classes/7""#), "{html}");
    assert!(
        html.contains(r#"href="/teach/classes/7/dashboard""#),
        "{html}"
    );
    assert!(html.contains(r#"href="/teach/sets/cold-war""#), "{html}");
    assert!(
        html.contains("History &lt;9B&gt;"),
        "names are escaped: {html}"
    );
    assert!(html.contains("K7M-Q2X"));
    assert!(html.contains(r#"action="/teach/sets/cold-war/visibility""#));
    assert!(
        html.contains(r#"<option value="restricted" selected>"#),
        "{html}"
    );
    assert_forms_carry_csrf(&html);
}

#[test]
fn a_class_page_shows_the_code_large_and_every_form_of_a_live_class() {
    let html = render("teach_class.html", &class_page(false));
    assert!(html.contains(r#"<p class="join-code""#), "{html}");
    assert!(
        html.contains("localhost:8080&#x2f;join&#x2f;K7MQ2X"),
        "the join link: {html}"
    );
    for action in [
        "code",
        "members/3/remove",
        "sets",
        "sets/cold-war/remove",
        "archive",
    ] {
        assert!(
            html.contains(&format!(r#"action="/teach/classes/7/{action}""#)),
            "{action}: {html}"
        );
    }
    assert!(
        html.contains(r#"type="date" id="assign-exam" name="exam_day" value="" min="2026-03-01""#),
        "{html}"
    );
    assert!(html.contains("12 Jun 2026") && html.contains("The exam date has passed"));
    assert!(html.contains("History &lt;9B&gt;"));
    assert_forms_carry_csrf(&html);
}

#[test]
fn an_archived_class_page_offers_only_removal_and_restore() {
    let html = render("teach_class.html", &class_page(true));
    assert!(
        !html.contains(r#"class="join-code""#),
        "no code for an archived class: {html}"
    );
    assert!(html.contains(r#"action="/teach/classes/7/restore""#));
    for gone in ["code", "sets", "archive", "sets/cold-war/remove"] {
        assert!(
            !html.contains(&format!(r#"action="/teach/classes/7/{gone}""#)),
            "{gone}"
        );
    }
    assert!(html.contains(r#"action="/teach/classes/7/members/3/remove""#));
    assert_forms_carry_csrf(&html);
}

#[test]
fn the_join_page_confirms_with_a_post_or_asks_for_the_code_again() {
    let class = JoinedClassView {
        name: "History <9B>".into(),
        instructor: "ada".into(),
        sets: 2,
    };
    let confirm = JoinView {
        layout: layout(),
        code: "K7MQ2X".into(),
        class: Some(class),
        already_member: false,
        signed_out: false,
        sign_in_href: String::new(),
        register_href: String::new(),
        error: None,
    };
    let html = render("join.html", &confirm);
    assert!(
        html.contains(r#"name="code" value="K7MQ2X""#) && html.contains("Join History &lt;9B&gt;"),
        "{html}"
    );
    assert_forms_carry_csrf(&html);

    let refused = JoinView {
        class: None,
        error: Some("No class has this join code".into()),
        ..confirm.clone()
    };
    let html = render("join.html", &refused);
    assert!(
        html.contains(r#"role="alert""#) && html.contains(r#"id="join-code" name="code""#),
        "{html}"
    );
    assert_forms_carry_csrf(&html);

    let signed_out = JoinView {
        layout: LayoutView::signed_out("Join a class", ""),
        signed_out: true,
        sign_in_href: "/login?next=%2Fjoin%2FK7MQ2X".into(),
        register_href: "/register?code=K7MQ2X&next=%2Fjoin%2FK7MQ2X".into(),
        class: None,
        ..confirm
    };
    let html = render("join.html", &signed_out);
    assert!(
        html.contains(r#"href="&#x2f;register?code=K7MQ2X&amp;next=%2Fjoin%2FK7MQ2X""#)
            && html.contains(r#"href="&#x2f;login?next=%2Fjoin%2FK7MQ2X""#),
        "{html}"
    );
    assert!(!html.contains(r#"method="post" action="/join""#));
}
