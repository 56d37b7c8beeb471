//! The done page and the progress page of one set: a student who studies two sets is told
//! each set's own day and figures; the progress page keeps its all-sets view; a set the
//! student may not study is 404 there, on the page and in the API.

use studyhall::questions::parse::parse_set;
use studyhall::questions::{CardId, SetId};
use studyhall::scheduler::Quality;
use studyhall::store::{NewReview, Teacher, Visibility};

use crate::common::{ESSAY_SET, today};
use crate::site::{Site, Visitor, study_path};

const GEOGRAPHY: &str = r#"
[set]
id = "geography"
title = "Capitals"

[[cards]]
id = "capital-of-korea"
kind = "text"
prompt = "What is the capital of South Korea?"
answer = "Seoul"

[[cards]]
id = "capital-of-china"
kind = "text"
prompt = "What is the capital of China?"
answer = "Beijing"
"#;

/// A review of `card` of `set` by `username` today, graded `quality`, straight in the store.
fn review_today(site: &Site, username: &str, set: &str, card: &str, quality: Quality) {
    let set = SetId::parse(set).expect("a set id");
    let card = CardId::parse(card).expect("a card id");
    let stored = site.app.store.card(&set, &card).expect("a read");
    let review = NewReview {
        user: site.app.user_id(username),
        card: stored.expect("the card").row,
        review_token: uuid::Uuid::new_v4().to_string(),
        quality,
        today: today(),
        reviewed_at_ms: 0,
        answer: None,
        verdict: "self-graded".to_string(),
        normalized_answer: String::new(),
        duration_ms: None,
        overridden: false,
    };
    site.app
        .store
        .record_review(review)
        .wait()
        .expect("the review is recorded");
}

/// A site with the essay set and the geography set; ada (no new cards left) reviewed one
/// essay card right today and both geography cards, one of them wrong.
fn two_sets_studied() -> (Site, Visitor) {
    let site = Site::start();
    let geography = parse_set(GEOGRAPHY).expect("the set parses");
    site.app
        .store
        .import_sets(vec![(geography, GEOGRAPHY.to_string())])
        .wait()
        .expect("the set imports");
    let ada = site.student_with_limit("ada", 0);
    review_today(&site, "ada", ESSAY_SET, "essay-anniversary", Quality::GOOD);
    review_today(&site, "ada", "geography", "capital-of-korea", Quality::GOOD);
    review_today(
        &site,
        "ada",
        "geography",
        "capital-of-china",
        Quality::AGAIN,
    );
    (site, ada)
}

#[test]
fn the_done_page_tells_the_day_of_the_set_just_studied_and_links_to_its_progress() {
    let (_site, ada) = two_sets_studied();

    let done = ada.get(&study_path());
    assert_eq!(done.status, 200);
    assert!(!done.has_card(), "{}", done.text());
    let text = done.text();
    for expected in [
        "Done for today",
        "Reviews today 1",
        "Right 100%",
        "Next: 1 card tomorrow",
    ] {
        assert!(
            text.contains(expected),
            "the essay set's day alone: {expected:?} in {text}"
        );
    }
    let progress = format!("/progress?set={ESSAY_SET}");
    assert!(
        done.element("a", "href", &progress).is_some(),
        "a link to the set's progress: {}",
        done.html
    );
}

#[test]
fn the_progress_page_shows_one_sets_figures_and_keeps_the_all_sets_view() {
    let (_site, ada) = two_sets_studied();

    let essay = ada.get(&format!("/progress?set={ESSAY_SET}"));
    assert_eq!(essay.status, 200, "{}", essay.text());
    let text = essay.text();
    for expected in [
        "Progress in Stalin, Mao and the Korean War",
        "Reviews today 1",
        "of 84 cards",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    assert!(essay.element("a", "href", &study_path()).is_some());
    assert!(essay.element("a", "href", "/progress").is_some());

    let geography = ada.get("/progress?set=geography").text();
    for expected in [
        "Progress in Capitals",
        "Reviews today 2",
        "Retention, last 30 days 50%",
        "of 2 cards",
    ] {
        assert!(geography.contains(expected), "{expected:?} in {geography}");
    }

    let all = ada.get("/progress").text();
    for expected in ["Reviews today 3", "of 86 cards"] {
        assert!(all.contains(expected), "{expected:?} in {all}");
    }

    let api = |query: &str| -> serde_json::Value {
        let page = ada.get(&format!("/api/v1/me/progress{query}"));
        assert_eq!(page.status, 200, "{query}: {}", page.html);
        serde_json::from_str(&page.html).expect("JSON")
    };
    let one = api("?set=geography");
    assert_eq!(
        (one["set"].as_str(), one["reviews_today"].as_u64()),
        (Some("geography"), Some(2))
    );
    assert_eq!(one["stages"]["new"], 0);
    let every = api("");
    assert_eq!(every["set"], serde_json::Value::Null);
    assert_eq!(every["reviews_today"], 3);
}

#[test]
fn a_set_the_student_may_not_study_has_no_progress_page_for_them() {
    let (site, ada) = two_sets_studied();
    let geography = SetId::parse("geography").expect("a set id");
    site.app
        .store
        .set_visibility(Teacher::console(), &geography, Visibility::Restricted)
        .wait()
        .expect("the set is restricted");

    for path in [
        "/progress?set=geography",
        "/progress?set=no-such-set",
        "/progress?set=Not%20an%20id",
    ] {
        let page = ada.get(path);
        assert_eq!(page.status, 404, "{path}: {}", page.text());
    }
    let api = ada.get("/api/v1/me/progress?set=geography");
    assert_eq!(api.status, 404, "{}", api.html);
    assert!(api.html.contains("not_found"), "{}", api.html);
    assert_eq!(ada.get("/progress").status, 200);
}
