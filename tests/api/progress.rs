//! `GET /me/progress`: the progress page's figures as JSON.

use serde_json::json;

use crate::helpers::Api;

#[test]
fn a_new_student_has_every_card_new_and_no_history() {
    let api = Api::start();
    let ada = api.student("ada");
    let progress = api.progress(&ada);
    assert_eq!(progress["reviews_today"], 0);
    assert_eq!(progress["streak_days"], 0);
    assert_eq!(
        progress["stages"],
        json!({"new": 84, "learning": 0, "young": 0, "mature": 0})
    );
    assert_eq!(progress["retention_30d"], serde_json::Value::Null);
    let forecast = progress["forecast"].as_array().expect("a forecast");
    assert_eq!(forecast.len(), 30);
    assert_eq!(forecast[0]["day"], progress["today"]);
    assert!(forecast.iter().all(|day| day["due"] == 0));
    let tags = progress["tags"].as_array().expect("tags");
    assert!(
        tags.iter()
            .any(|tag| tag["tag"] == "stalin" && tag["studied"] == 0)
    );
}

#[test]
fn progress_shows_todays_reviews_streak_stages_retention_tags_and_forecast() {
    let api = Api::start();
    let ada = api.student("ada");
    let today = api.today(&ada);
    let first = api.next(&ada).expect("a card");
    api.answer_right(&ada, &first);
    let second = api.next(&ada).expect("a card");
    api.answer_wrong(&ada, &second);

    let progress = api.progress(&ada);
    assert_eq!(progress["today"], today.to_string());
    assert_eq!(progress["reviews_today"], 2);
    assert_eq!(progress["streak_days"], 1);
    assert_eq!(
        progress["stages"],
        json!({"new": 82, "learning": 2, "young": 0, "mature": 0})
    );
    assert_eq!(progress["retention_30d"], 0.5);
    let forecast = progress["forecast"].as_array().expect("a forecast");
    assert_eq!(forecast[1]["day"], today.plus_days(1).to_string());
    assert_eq!(forecast[1]["due"], 2, "both cards are due tomorrow");
    let actor = progress["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .find(|tag| tag["tag"] == "actor")
        .expect("the actor tag");
    assert_eq!(
        actor["studied"], 1,
        "responsible-for-outbreak is tagged actor"
    );
}
