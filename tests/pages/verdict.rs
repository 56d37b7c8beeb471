//! The verdict page after an answer: what it shows, "I was right", and a grade form posted
//! twice.

use crate::html;
use crate::site::{Page, Site, Visitor, study_path};

/// Answers the essay set's first card, new, with `answer`: it asks for the anniversary the
/// essay marks, 70, and its source is paragraph 1.
fn verdict_on(site: &Site, answer: &str) -> (Visitor, Page) {
    let ada = site.student_with_limit("ada", 1);
    let form = ada.card().answer_form().fill("answer", answer);
    let verdict = ada.submit(&form, &form.submit());
    assert_eq!(verdict.status, 200, "{}", verdict.text());
    (ada, verdict)
}

#[test]
fn the_verdict_shows_both_answers_the_explanation_the_source_and_grades_with_intervals() {
    let site = Site::start();
    let (_, verdict) = verdict_on(&site, "70");

    let (live, inside) = verdict
        .element("div", "aria-live", "polite")
        .expect("an ARIA live region");
    assert_eq!(live.attr("role"), Some("status"));
    assert!(
        html::text(inside).contains("Right"),
        "{}",
        html::text(inside)
    );
    let text = verdict.text();
    for expected in [
        "Your answer 70",
        "Answer 70",
        "The opening paragraph ties the essay to the 70th anniversary",
        "Source: paragraph 1",
        "How well did you know it?",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }

    let grade = verdict.grade_form();
    let buttons: Vec<(&str, &str)> = grade
        .buttons
        .iter()
        .map(|(_, value, text)| (value.as_str(), text.as_str()))
        .collect();
    assert_eq!(
        buttons,
        [
            ("3", "1 Hard — later today"),
            ("4", "2 Good — 1 day"),
            ("5", "3 Easy — 1 day")
        ],
        "a card graded below Good comes back the same day; a new one known well, the next"
    );
    let (good, _) = verdict
        .element("button", "value", "4")
        .expect("the Good button");
    assert!(
        good.has("autofocus") && good.has("data-default-grade"),
        "Good is focused: {good:?}"
    );
    assert_eq!(good.attr("aria-keyshortcuts"), Some("2"));
}

#[test]
fn after_a_wrong_answer_i_was_right_records_quality_3_marked_as_overridden() {
    let site = Site::start();
    let (ada, verdict) = verdict_on(&site, "69");
    let text = verdict.text();
    for expected in [
        "Not quite",
        "Your answer 69",
        "Expected 70",
        "Source: paragraph 1",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    let grade = verdict.grade_form();
    let labels: Vec<&str> = grade
        .buttons
        .iter()
        .map(|(_, _, label)| label.as_str())
        .collect();
    assert_eq!(
        labels,
        ["1 Continue — later today", "2 I was right — later today"],
        "as Hard"
    );
    assert!(
        site.reviews_today("ada").is_empty(),
        "the verdict page records nothing"
    );

    let claimed = ada.submit(&grade, &grade.press("claim", "right"));
    assert_eq!(
        (claimed.status, claimed.location.as_deref()),
        (303, Some(study_path().as_str()))
    );
    assert_eq!(
        site.reviews_today("ada"),
        [(
            "essay-anniversary".to_string(),
            3,
            "wrong".to_string(),
            true
        )]
    );
    let progress: serde_json::Value =
        serde_json::from_str(&ada.get("/api/v1/me/progress").html).expect("JSON");
    assert_eq!(progress["reviews_today"], 1, "{progress}");
    assert_eq!(
        progress["retention_30d"], 1.0,
        "a claimed answer counts as a pass: {progress}"
    );
}

#[test]
fn a_grade_form_posted_twice_is_counted_once_and_the_next_page_says_so() {
    let site = Site::start();
    let ada = site.student_with_limit("ada", 0);
    let user = site.app.user_id("ada");
    site.app.make_due_today(user, "essay-anniversary");
    site.app.make_due_today(user, "responsible-for-outbreak");

    let form = ada.card().answer_form().fill("answer", "70");
    let verdict = ada.submit(&form, &form.submit());
    let grade = verdict.grade_form();
    let first = ada.submit(&grade, &grade.press("quality", "4"));
    let second = ada.submit(&grade, &grade.press("quality", "4"));
    assert_eq!(first.location.as_deref(), Some(study_path().as_str()));
    let notice_path = format!("{}?notice=already-recorded", study_path());
    assert_eq!(
        (second.status, second.location.as_deref()),
        (303, Some(notice_path.as_str()))
    );
    assert_eq!(site.reviews_today("ada").len(), 1, "counted once");

    let next = ada.follow(&second);
    assert_eq!(next.card_id(), "responsible-for-outbreak");
    assert!(
        next.text()
            .contains("already recorded, so it was not counted twice"),
        "{}",
        next.text()
    );
}

#[test]
fn the_already_recorded_notice_shows_on_a_recall_card_too() {
    let site = Site::start();
    let ada = site.student_with_limit("ada", 0);
    let user = site.app.user_id("ada");
    site.app.make_due_today(user, "essay-anniversary");
    site.app.make_due_today(user, "puzzles-left-open");

    let form = ada.card().answer_form().fill("answer", "70");
    let grade = ada.submit(&form, &form.submit()).grade_form();
    ada.submit(&grade, &grade.press("quality", "4"));
    let next = ada.follow(&ada.submit(&grade, &grade.press("quality", "4")));
    assert_eq!(next.card_id(), "puzzles-left-open");
    let (notice, _) = next.element("p", "role", "status").expect("the notice");
    assert!(
        next.text()
            .contains("already recorded, so it was not counted twice"),
        "{notice:?}: {}",
        next.text()
    );
}
