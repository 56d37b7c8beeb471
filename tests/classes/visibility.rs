//! Open and restricted sets: a restricted set exists only for the students of its classes, on
//! the pages and in the API alike; an open one for everyone, class or not.

use serde_json::json;

use crate::common::ESSAY_SET;
use crate::helpers::{
    ApiClient, assign_essay_set, create_class, instructor, join, restrict_essay_set,
};
use crate::site::{Site, study_path};

#[test]
fn an_open_set_is_studied_by_everyone_with_or_without_a_class() {
    let site = Site::start();
    let sam = site.student("sam");
    assert!(
        sam.get("/")
            .text()
            .contains("Stalin, Mao and the Korean War")
    );
    assert_eq!(sam.get(&study_path()).status, 200);
    assert_eq!(ApiClient::sign_in(&site, "sam").set_ids(), [ESSAY_SET]);
}

#[test]
fn a_restricted_set_is_seen_only_by_the_students_of_its_classes() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    assert_eq!(assign_essay_set(&ada, &class, "", "").status, 303);
    restrict_essay_set(&site);
    let (sam, kim) = (site.student("sam"), site.student("kim"));
    join(&sam, &class.code);

    let title = "Stalin, Mao and the Korean War";
    assert!(sam.get("/").text().contains(title));
    assert!(!kim.get("/").text().contains(title), "not on kim's list");
    assert_eq!(sam.get(&study_path()).status, 200);
    assert_eq!(kim.get(&study_path()).status, 404, "as if it did not exist");

    let (sam_api, kim_api) = (
        ApiClient::sign_in(&site, "sam"),
        ApiClient::sign_in(&site, "kim"),
    );
    assert_eq!(sam_api.set_ids(), [ESSAY_SET]);
    assert!(kim_api.set_ids().is_empty());
    let next = format!("/sets/{ESSAY_SET}/next");
    assert_eq!(sam_api.get(&next).status, 200);
    let hidden = kim_api.get(&next);
    assert_eq!(
        (hidden.status, hidden.body["error"]["code"].as_str()),
        (404, Some("not_found"))
    );

    let card = sam_api.get(&next).body;
    let answer =
        json!({"card_id": card["card"]["id"], "review_token": card["review_token"], "answer": "x"});
    let refused = kim_api.post(&format!("/sets/{ESSAY_SET}/answers"), &answer);
    assert_eq!(refused.status, 404, "kim cannot answer its cards either");
    let home = kim.get("/");
    let token = crate::html::forms(&home.html)[0]
        .value("csrf_token")
        .expect("a token")
        .to_string();
    let card_id = card["card"]["id"].as_str().expect("a card id").to_string();
    let fields = [
        ("csrf_token".to_string(), token),
        ("card_id".to_string(), card_id),
        ("answer".to_string(), "x".to_string()),
    ];
    assert_eq!(
        kim.post(&format!("{}/answer", study_path()), &fields)
            .status,
        404,
        "nor on the page"
    );
}

#[test]
fn only_the_admin_changes_who_sees_a_server_loaded_set() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let action = format!("/teach/sets/{ESSAY_SET}/visibility");
    let teach = ada.get("/teach");
    assert!(
        teach.text().contains("Stalin, Mao and the Korean War"),
        "listed, since ada may assign it"
    );
    assert!(
        crate::html::forms(&teach.html)
            .iter()
            .all(|form| form.action != action),
        "no form for ada"
    );

    let token = crate::html::forms(&teach.html)[0]
        .value("csrf_token")
        .expect("a token")
        .to_string();
    let fields = [
        ("csrf_token".to_string(), token),
        ("visibility".to_string(), "restricted".to_string()),
    ];
    let refused = ada.post(&action, &fields);
    assert_eq!(refused.status, 403, "{}", refused.text());
    assert_eq!(
        site.student("sam").get(&study_path()).status,
        200,
        "still open"
    );
}
