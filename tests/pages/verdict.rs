//! The verdict page after an answer: what it shows, "I was right", a grade form posted twice,
//! and the check as the attempt: Back, reload and a second try never grade again.

use crate::html;
use crate::site::{Page, Site, Visitor, study_path};

/// Answers the essay set's first card, new, with `answer`: it asks for the anniversary the
/// essay marks, 70, and its source is paragraph 1.
fn verdict_on(site: &Site, answer: &str) -> (Visitor, Page) {
    let ada = site.student_with_limit("ada", 1);
    let form = ada.card().answer_form().fill("answer", answer);
    let verdict = ada.check(&form, &form.submit());
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
            ("4", "2 Good — 1 day, ease 2.50"),
            ("5", "3 Easy — 1 day, ease 2.60")
        ],
        "a card graded below Good comes back the same day; a new one known well, the next; \
         when two grades give the same interval, they say what differs"
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
        ["1 Continue — later today", "2 I was right — 1 day"],
        "a claim counts as Hard and ends the card for the day"
    );
    assert_eq!(
        site.reviews_today("ada"),
        [(
            "essay-anniversary".to_string(),
            1,
            "wrong".to_string(),
            false
        )],
        "the check recorded the miss"
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
fn a_grade_form_posted_twice_is_counted_once() {
    let site = Site::start();
    let ada = site.student_with_limit("ada", 0);
    let user = site.app.user_id("ada");
    site.app.make_due_today(user, "essay-anniversary");
    site.app.make_due_today(user, "responsible-for-outbreak");

    let form = ada.card().answer_form().fill("answer", "70");
    let verdict = ada.check(&form, &form.submit());
    let grade = verdict.grade_form();
    let first = ada.submit(&grade, &grade.press("quality", "4"));
    let second = ada.submit(&grade, &grade.press("quality", "4"));
    for reply in [&first, &second] {
        assert_eq!(reply.location.as_deref(), Some(study_path().as_str()));
    }
    assert_eq!(
        site.reviews_today("ada"),
        [(
            "essay-anniversary".to_string(),
            4,
            "correct".to_string(),
            false
        )],
        "counted once"
    );
    assert_eq!(ada.follow(&second).card_id(), "responsible-for-outbreak");
}

#[test]
fn a_recall_card_graded_twice_is_one_review_with_the_last_grade() {
    let site = Site::start();
    let ada = site.student_with_limit("ada", 0);
    let user = site.app.user_id("ada");
    site.app.make_due_today(user, "puzzles-left-open");
    site.app.make_due_today(user, "essay-anniversary");

    let page = ada.card();
    assert_eq!(page.card_id(), "essay-anniversary");
    let form = page.answer_form().fill("answer", "70");
    ada.check(&form, &form.submit());
    let recall = ada.get(&study_path());
    assert_eq!(recall.card_id(), "puzzles-left-open");
    let grade = recall.grade_form();
    ada.submit(&grade, &grade.press("quality", "4"));
    let again = ada.submit(&grade, &grade.press("quality", "5"));
    assert_eq!(again.location.as_deref(), Some(study_path().as_str()));
    let reviews = site.reviews_today("ada");
    assert_eq!(reviews.len(), 2, "{reviews:?}");
    assert!(
        reviews.contains(&(
            "puzzles-left-open".to_string(),
            5,
            "self-graded".to_string(),
            false
        )),
        "{reviews:?}"
    );
}

#[test]
fn a_wrong_check_then_back_and_the_right_answer_shows_the_recorded_miss() {
    let site = Site::start();
    let ada = site.student_with_limit("ada", 1);
    let form = ada.card().answer_form();
    let wrong = ada.check(
        &form.clone().fill("answer", "69"),
        &form.clone().fill("answer", "69").submit(),
    );
    assert!(wrong.text().contains("Not quite"), "{}", wrong.text());
    assert!(wrong.text().contains("Expected 70"), "{}", wrong.text());

    // Back to the card, which still holds the same token, and the answer just read.
    let right = form.fill("answer", "70");
    let again = ada.check(&right, &right.submit());
    assert_eq!(again.location, wrong.location, "the same recorded verdict");
    assert!(again.text().contains("Not quite"), "{}", again.text());
    assert!(again.text().contains("Your answer 69"), "{}", again.text());
    assert_eq!(
        site.reviews_today("ada"),
        [(
            "essay-anniversary".to_string(),
            1,
            "wrong".to_string(),
            false
        )],
        "the log keeps the wrong first try, once"
    );
}

#[test]
fn the_verdict_page_reloads_without_grading_again_and_back_after_grading_shows_it() {
    let site = Site::start();
    let (ada, verdict) = verdict_on(&site, "70");
    let path = verdict.location.clone().expect("the verdict's address");
    let reloaded = ada.get(&path);
    assert_eq!(reloaded.status, 200);
    assert_eq!(
        reloaded.text(),
        verdict.text(),
        "a reload shows the same verdict"
    );
    let grade = verdict.grade_form();
    ada.submit(&grade, &grade.press("quality", "3"));
    // Back after grading: a plain GET, with the grade just given as the default.
    let back = ada.get(&path);
    assert_eq!(back.status, 200);
    let (hard, _) = back
        .element("button", "value", "3")
        .expect("the Hard button");
    assert!(hard.has("data-default-grade"), "{hard:?}");
    assert_eq!(site.reviews_today("ada").len(), 1);
}

#[test]
fn a_verdict_page_is_its_students_alone_and_a_made_up_token_is_refused() {
    let site = Site::start();
    let (_, verdict) = verdict_on(&site, "70");
    let path = verdict.location.clone().expect("the verdict's address");
    let bob = site.student("bob");
    assert_eq!(bob.get(&path).status, 404, "another student's answer");

    let form = bob.card().answer_form().fill("answer", "70");
    let mut forged = form.submit();
    for (name, value) in &mut forged {
        if name == "review_token" {
            *value = uuid::Uuid::nil().to_string();
        }
    }
    let refused = bob.submit(&form, &forged);
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert!(site.reviews_today("bob").is_empty());
}

#[test]
fn after_a_claim_the_card_does_not_come_back_the_same_day() {
    let site = Site::start();
    let (ada, verdict) = verdict_on(&site, "69");
    let grade = verdict.grade_form();
    ada.submit(&grade, &grade.press("claim", "right"));
    let next = ada.get(&study_path());
    assert!(!next.has_card(), "done for today: {}", next.text());
    // A claim on the verdict page once more is refused: the claim stands once.
    let again = ada.submit(&grade, &grade.press("claim", "right"));
    assert_eq!(again.status, 422, "{}", again.text());
}
