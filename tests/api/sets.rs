//! Listing the sets and asking for the next card: the figures, the review token, 204 at the
//! end of the day's work, 404 for an unknown set, and never the answer.

use serde_json::{Value, json};
use studyhall::questions::CardKind;

use crate::helpers::{Api, SET, assert_error};

#[test]
fn the_set_list_shows_each_set_with_its_cards_due_and_new_counts() {
    let api = Api::start();
    let ada = api.student("ada");
    let reply = api.get("/sets", &ada);
    assert_eq!(reply.status, 200, "{}", reply.text);
    let sets = reply.body["sets"].as_array().expect("a list of sets");
    assert_eq!(sets.len(), 1);
    assert_eq!(sets[0]["id"], SET);
    assert_eq!(sets[0]["title"], "Stalin, Mao and the Korean War");
    assert_eq!(sets[0]["cards"], 84);
    assert_eq!(sets[0]["due"], 0);
    assert_eq!(sets[0]["new"], 20, "the default daily limit");
}

#[test]
fn the_set_list_counts_started_cards_and_same_day_repeats() {
    let api = Api::start();
    let ada = api.student("ada");
    let first = api.next(&ada).expect("a card");
    api.answer_wrong(&ada, &first);
    let sets = api.get("/sets", &ada).body;
    assert_eq!(sets["sets"][0]["new"], 19);
    assert_eq!(
        sets["sets"][0]["due"], 1,
        "the missed card comes back today"
    );
}

#[test]
fn next_gives_the_first_new_card_with_a_fresh_review_token() {
    let api = Api::start();
    let ada = api.student("ada");
    let next = api.next(&ada).expect("a card");
    assert_eq!(next["set"], SET);
    assert_eq!(next["queue"], "new");
    assert_eq!(next["card"]["id"], "essay-anniversary", "file order");
    assert_eq!(next["card"]["kind"], "number");
    assert!(
        next["card"]["prompt"]
            .as_str()
            .unwrap()
            .contains("anniversary")
    );
    let token = next["review_token"].as_str().expect("a token");
    assert!(
        token.len() > 40 && token.chars().all(|c| c.is_ascii_hexdigit() || c == '-'),
        "{token}"
    );
    let again = api.next(&ada).expect("the same card");
    assert_eq!(again["card"]["id"], "essay-anniversary");
    assert_ne!(
        again["review_token"], next["review_token"],
        "each ask gets its own token"
    );
}

#[test]
fn next_never_includes_the_answer_and_gives_choices_only_to_choice_cards() {
    let api = Api::start();
    let ada = api.student("ada");
    let mut kinds_seen = Vec::new();
    while let Some(next) = api.next(&ada) {
        let card = next["card"].as_object().expect("a card object");
        for key in card.keys() {
            assert!(
                ["id", "kind", "prompt", "choices"].contains(&key.as_str()),
                "{key}"
            );
        }
        let kind = api.kind_of(&next);
        assert_eq!(
            card.contains_key("choices"),
            kind.choices().is_some(),
            "{next}"
        );
        if let CardKind::Text { answer, .. } | CardKind::Recall { answer } = &kind {
            assert!(
                !Value::Object(card.clone())
                    .to_string()
                    .contains(answer.as_str())
            );
        }
        kinds_seen.push(kind.name());
        api.answer_right(&ada, &next);
    }
    assert_eq!(kinds_seen.len(), 20, "the day's new cards");
    for kind in [
        "text",
        "choice",
        "multi",
        "truefalse",
        "date",
        "number",
        "recall",
    ] {
        assert!(kinds_seen.contains(&kind), "{kind} in {kinds_seen:?}");
    }
}

#[test]
fn next_returns_204_when_nothing_is_left_for_today() {
    let api = Api::start();
    let ada = api.student("ada");
    api.set_daily_new_limit(&ada, 0);
    let reply = api.get(&format!("/sets/{SET}/next"), &ada);
    assert_eq!(reply.status, 204, "{}", reply.text);
    assert!(reply.text.is_empty());
}

#[test]
fn an_unknown_set_returns_404_for_next_and_for_answers() {
    let api = Api::start();
    let ada = api.student("ada");
    for set in ["no-such-set", "Not%20A%20Set"] {
        assert_error(
            &api.get(&format!("/sets/{set}/next"), &ada),
            404,
            "not_found",
        );
        let answer = json!({
            "card_id": "essay-anniversary",
            "review_token": uuid::Uuid::new_v4().to_string(),
            "answer": 70,
        });
        let reply = api.post(&format!("/sets/{set}/answers"), &ada, &answer);
        assert_error(&reply, 404, "not_found");
    }
}
