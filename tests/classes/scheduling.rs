//! What an assignment does to a student's study: the class's daily limit of new cards, and the
//! exam date no card is scheduled past.

use serde_json::json;

use studyhall::scheduler::{Quality, StudyDay};

use crate::common::{ESSAY_SET, today};
use crate::helpers::{ApiClient, assign_essay_set, create_class, instructor, join, past_review};
use crate::site::Site;

/// The figure before "new today" on the essay set's panel of the home page.
fn new_today(site: &Site, username: &str) -> String {
    let home = site
        .app
        .store
        .list_sets(site.app.user_id(username), today())
        .expect("a read");
    home.iter()
        .find(|set| set.id.as_str() == ESSAY_SET)
        .map_or("none".into(), |set| set.new_left.to_string())
}

#[test]
fn a_class_daily_limit_caps_the_new_cards_of_its_set_for_its_students_only() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    assert_eq!(assign_essay_set(&ada, &class, "2", "").status, 303);
    let (sam, _kim) = (site.student("sam"), site.student("kim"));
    join(&sam, &class.code);
    assert!(
        sam.get("/").text().contains("2 new today"),
        "{}",
        sam.get("/").text()
    );
    assert!(
        ada.get(&class.path)
            .text()
            .contains("Stalin, Mao and the Korean War Everyone 2")
    );

    for student in ["sam", "kim"] {
        for card in ["essay-anniversary", "responsible-for-outbreak"] {
            past_review(&site, student, card, Quality::GOOD, today());
        }
    }
    let next = format!("/sets/{ESSAY_SET}/next");
    assert_eq!(
        ApiClient::sign_in(&site, "sam").get(&next).status,
        204,
        "the class's 2 are used up"
    );
    assert_eq!(new_today(&site, "sam"), "0");
    assert_eq!(
        ApiClient::sign_in(&site, "kim").get(&next).status,
        200,
        "kim has no class limit"
    );
    assert_eq!(
        new_today(&site, "kim"),
        "18",
        "kim's own 20, less the 2 of today"
    );
}

#[test]
fn an_exam_date_brings_a_long_interval_forward_to_the_day_before_the_exam() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    let exam = today().plus_days(5);
    assert_eq!(
        assign_essay_set(&ada, &class, "", &exam.to_string()).status,
        303
    );
    let (sam, _kim) = (site.student("sam"), site.student("kim"));
    join(&sam, &class.code);

    let mut answered = Vec::new();
    for student in ["sam", "kim"] {
        // Two perfect reviews long ago: the next interval is over two weeks, past the exam.
        let day = |ago: i64| {
            StudyDay::from_date(
                today()
                    .date()
                    .checked_sub(jiff::Span::new().days(ago))
                    .expect("a day"),
            )
        };
        past_review(
            &site,
            student,
            "puzzles-left-open",
            Quality::new(5).expect("5"),
            day(20),
        );
        past_review(
            &site,
            student,
            "puzzles-left-open",
            Quality::new(5).expect("5"),
            day(19),
        );
        site.app
            .store
            .set_daily_new_limit(site.app.user_id(student), 0)
            .wait()
            .expect("saved");
        let api = ApiClient::sign_in(&site, student);
        let next = api.get(&format!("/sets/{ESSAY_SET}/next")).body;
        assert_eq!(next["card"]["id"], "puzzles-left-open", "{next}");
        let answer = json!({"card_id": "puzzles-left-open", "review_token": next["review_token"], "quality": 5});
        let reply = api.post(&format!("/sets/{ESSAY_SET}/answers"), &answer);
        assert_eq!(reply.status, 200, "{}", reply.body);
        answered.push(reply.body);
    }
    let (sam_answer, kim_answer) = (&answered[0], &answered[1]);
    let interval = kim_answer["interval"].as_u64().expect("an interval");
    assert!(interval > 5, "SM-2 alone goes past the exam: {kim_answer}");
    assert_eq!(
        kim_answer["due"],
        today().plus_days(interval as u32).to_string()
    );
    assert_eq!(
        sam_answer["due"],
        today().plus_days(4).to_string(),
        "the day before the exam"
    );
    assert_eq!(
        sam_answer["interval"], kim_answer["interval"],
        "SM-2's interval is kept"
    );
    let label = exam.date().strftime("%-d %b %Y").to_string();
    assert!(
        ada.get(&class.path).text().contains(&label),
        "the class page shows the exam"
    );
}
