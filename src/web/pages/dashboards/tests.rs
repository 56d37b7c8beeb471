//! The dashboards' templates rendered with sample view models: the figures, the sort links and
//! flags, the CSRF token on every form, and escaping.

use crate::web::templates::Templates;
use crate::web::views::*;

fn render<T: serde::Serialize>(name: &str, view: &T) -> String {
    Templates::new().unwrap().render(name, view).unwrap()
}

fn layout() -> LayoutView {
    LayoutView::signed_in("Page", "ms-h", "csrf-123", Section::Teach).with_role("instructor")
}

fn class() -> ClassLine {
    ClassLine {
        id: 4,
        name: "History <7B>".into(),
        archived: false,
    }
}

fn student(name: &str, behind: &[&str]) -> StudentRow {
    StudentRow {
        user_id: 9,
        username: name.into(),
        studied: 12,
        due: 11,
        overdue: 10,
        retention_percent: Some(75),
        last_active: "4 days ago".into(),
        last_active_ms: Some(1),
        behind: behind.iter().map(|reason| reason.to_string()).collect(),
    }
}

#[test]
fn the_dashboard_links_each_student_sorts_by_its_headers_and_flags_who_falls_behind() {
    let view = ClassDashboardView {
        layout: layout(),
        class: class(),
        sets: vec![("korean-war-1950".into(), "Korean War".into())],
        headers: sort_headers(SortKey::Overdue, true),
        students: vec![
            student("ada", &["10 cards overdue"]),
            student("<b>bo</b>", &[]),
        ],
        behind: 1,
        rule: "the rule".into(),
        tags: vec![TagRow::new("date", [4, 6, 3, 10, 7], 2)],
    };
    let html = render("class_dashboard.html", &view);
    assert!(
        html.contains(r#"<a href="/teach/classes/4/students/9">ada</a>"#),
        "{html}"
    );
    assert!(html.contains(r#"aria-sort="descending""#));
    assert!(
        html.contains(r#"<a href="?sort=overdue&amp;dir=asc">"#),
        "{html}"
    );
    assert_eq!(html.matches(r#"<span class="flag" title="#).count(), 1);
    assert!(html.contains("History &lt;7B&gt;") && html.contains("&lt;b&gt;bo"));
    assert!(!html.contains("<b>bo"));
    assert!(html.contains("/teach/classes/4/export/progress.csv"));
    assert!(html.contains("/teach/classes/4/export/reviews.csv"));
    assert!(
        html.contains(r#"<rect x="0" y="0" width="70" height="6"/>"#),
        "the tag's bar"
    );
}

#[test]
fn the_student_page_shows_sets_tags_and_a_paged_history() {
    let view = StudentReportView {
        layout: layout(),
        class: class(),
        username: "ada".into(),
        sets: vec![SetProgressRow {
            set_id: "s".into(),
            title: "Set".into(),
            cards: 10,
            studied: 5,
            studied_percent: 50,
            due: 2,
            overdue: 1,
            mature: 0,
            retention_percent: None,
        }],
        tags: vec![TagRow::new("date", [4, 2, 1, 0, 0], 1)],
        history: vec![HistoryRow {
            when: "2026-03-10 09:30 UTC".into(),
            set_id: "s".into(),
            card_id: "c1".into(),
            prompt: "Who?".into(),
            answer: "<script>".into(),
            verdict: "wrong".into(),
            quality: 3,
            claim: Some("pending".into()),
        }],
        reviews: 120,
        pager: Pager::new(2, 50, 120),
    };
    let html = render("class_student.html", &view);
    assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"));
    assert!(html.contains("claimed · pending"));
    assert!(html.contains(r#"<a href="?page=1" rel="prev">"#), "{html}");
    assert!(html.contains("Page 2 of 3"));
}

#[test]
fn the_item_analysis_lists_cards_with_their_wrong_answers() {
    let view = AnalysisView {
        layout: layout(),
        set_id: "s".into(),
        set_title: "Set".into(),
        audience: "every student".into(),
        scopes: vec![
            ScopeLink {
                label: "All".into(),
                class_id: None,
                current: false,
            },
            ScopeLink {
                label: "7B".into(),
                class_id: Some(4),
                current: true,
            },
        ],
        cards: vec![ItemRow {
            card_id: "capital".into(),
            kind: "text".into(),
            prompt: "Capital?".into(),
            students: 3,
            attempts: 5,
            first_try_percent: Some(33),
            lapse_percent: None,
            mean_ef: "2.36".into(),
            wrong_answers: vec![("seoul".into(), 2)],
        }],
        untried: vec![UntriedCard {
            card_id: "river".into(),
            prompt: "Longest river?".into(),
        }],
        class_id: Some(4),
    };
    let html = render("set_analysis.html", &view);
    assert!(
        html.contains("<q>seoul</q> <span class=\"muted\">×2</span>"),
        "{html}"
    );
    assert!(html.contains("33% <span class=\"muted\">of 3</span>"));
    assert!(
        html.contains(r#"<a href="/teach/sets/s/analysis?class=4" aria-current="page">7B</a>"#),
        "{html}"
    );
    assert!(html.contains(r#"href="/teach/sets/s/export/reviews.csv?class=4""#));
    assert!(
        html.contains("<summary>1 card not tried yet</summary>"),
        "{html}"
    );
}

#[test]
fn every_dispute_form_posts_the_card_the_answer_and_the_csrf_token() {
    let dispute = |kind_text: bool| DisputeRow {
        card_row: 17,
        set_id: "s".into(),
        set_title: "Set".into(),
        card_id: "capital".into(),
        prompt: "Capital?".into(),
        expected: "Pyongyang".into(),
        normalized: "pyong yang".into(),
        given: vec![("Pyong Yang".into(), 2)],
        students: 2,
        last_claim: "2026-03-10 09:30 UTC".into(),
        can_accept: kind_text,
    };
    let decided = DecidedRow {
        card_row: 18,
        set_title: "Set".into(),
        card_id: "leader".into(),
        prompt: "Leader?".into(),
        normalized: "kim".into(),
        shown: "Kim".into(),
        summary: "accepted for 2 students".into(),
        last_decided: "2026-03-10 10:30 UTC".into(),
    };
    let view = DisputesView {
        layout: layout(),
        disputes: vec![dispute(true), dispute(false)],
        decided: vec![decided],
        notice: Some("Accepted".into()),
        is_admin: false,
    };
    let html = render("disputes.html", &view);
    let forms = html.matches(r#"method="post""#).count();
    assert_eq!(forms, 3, "accept, undo and sign out");
    assert_eq!(
        html.matches(r#"name="csrf_token" value="csrf-123""#)
            .count(),
        forms
    );
    assert_eq!(
        html.matches(r#"action="/teach/disputes/accept""#).count(),
        1
    );
    assert_eq!(
        html.matches(r#"<form method="get" action="/teach/disputes/reject">"#)
            .count(),
        2,
        "Reject asks for confirmation first"
    );
    assert_eq!(
        html.matches(r#"<input type="hidden" name="answer" value="pyong yang">"#)
            .count(),
        3
    );
    assert!(html.contains(r#"<form method="post" action="/teach/disputes/undo">"#));
    assert!(html.contains(r#"<input type="hidden" name="answer" value="kim">"#));
    assert!(html.contains("accepted for 2 students"));
    assert!(html.contains("Only a text card can take another accepted answer"));
}

#[test]
fn the_rejection_is_confirmed_by_a_form_that_posts_it() {
    let dispute = DisputeRow {
        card_row: 17,
        set_id: "s".into(),
        set_title: "Set".into(),
        card_id: "capital".into(),
        prompt: "Capital?".into(),
        expected: "Pyongyang".into(),
        normalized: "seoul".into(),
        given: vec![("Seoul".into(), 3)],
        students: 3,
        last_claim: "2026-03-10 09:30 UTC".into(),
        can_accept: true,
    };
    let view = RejectView {
        layout: layout(),
        dispute,
        whom: "for your classes' students who claimed it".into(),
    };
    let html = render("dispute_reject.html", &view);
    assert!(html.contains(r#"<form method="post" action="/teach/disputes/reject">"#));
    assert!(html.contains(r#"<input type="hidden" name="card" value="17">"#));
    assert!(html.contains(r#"<input type="hidden" name="answer" value="seoul">"#));
    assert!(html.contains("Reject for 3 students"));
    assert!(
        html.contains("for your classes&#x27; students who claimed it"),
        "{html}"
    );
    assert!(html.contains(r#"href="/teach/disputes""#), "a way back");
}
