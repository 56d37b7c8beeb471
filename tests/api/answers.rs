//! Answering a card: typed answers for each kind, the result and the new schedule, recall
//! cards, "I was right", unparsed answers, used tokens and each way a request can be invalid.

use serde_json::{Value, json};

use crate::helpers::{Api, SET, Student, assert_error, right_answer};

/// Posts an answer to `card` with a fresh review token.
fn answer_card(api: &Api, student: &Student, card: &str, body: Value) -> crate::helpers::Reply {
    let mut body = body;
    body["card_id"] = json!(card);
    if body.get("review_token").is_none() {
        // A card id that cannot be one gets a token nobody issued: it is refused first.
        let token = match studyhall::questions::CardId::parse(card) {
            Ok(_) => api.app.token_for_name(&student.username, SET, card),
            Err(_) => "never-issued".to_string(),
        };
        body["review_token"] = json!(token);
    }
    api.post(&format!("/sets/{SET}/answers"), student, &body)
}

#[test]
fn a_right_text_answer_returns_the_result_and_the_new_schedule() {
    let api = Api::start();
    let ada = api.student("ada");
    let today = api.today(&ada);
    let reply = answer_card(
        &api,
        &ada,
        "responsible-for-outbreak",
        json!({"answer": "stalin"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.text);
    let body = &reply.body;
    assert_eq!(body["result"], "correct");
    assert_eq!(body["verdict"], "correct");
    assert_eq!(body["expected"], "Stalin");
    assert!(
        body["explanation"]
            .as_str()
            .unwrap()
            .contains("Russian archives")
    );
    assert_eq!(
        body["quality"], 4,
        "Good is the default after a correct answer"
    );
    assert_eq!(body["repetitions"], 1);
    assert_eq!(body["ef"], 2.5);
    assert_eq!(body["interval"], 1);
    assert_eq!(body["due"], today.plus_days(1).to_string());
    assert_eq!(body["again_today"], false);
}

#[test]
fn each_kind_takes_its_typed_answer() {
    let api = Api::start();
    let ada = api.student("ada");
    let cards = [
        ("essay-anniversary", json!(70)),
        ("essay-anniversary", json!("70 years")),
        ("green-light-month", json!("January 1950")),
        (
            "evidence-for-stalin-role",
            json!("Declassified Russian archives"),
        ),
        ("scholars-agree-truefalse", json!(false)),
        ("scholars-agree-truefalse", json!("false")),
    ];
    for (card, answer) in cards {
        let reply = answer_card(&api, &ada, card, json!({"answer": answer}));
        assert_eq!(reply.status, 200, "{card}: {}", reply.text);
        assert_eq!(
            reply.body["result"], "correct",
            "{card} {answer}: {}",
            reply.text
        );
    }
    let multi = api.card_kind("common-explanations-questioned");
    let reply = answer_card(
        &api,
        &ada,
        "common-explanations-questioned",
        json!({"answer": right_answer(&multi), "quality": 5}),
    );
    assert_eq!(reply.body["result"], "correct", "{}", reply.text);
    assert_eq!(reply.body["quality"], 5);
    assert_eq!(reply.body["ef"], 2.6);
}

#[test]
fn an_almost_right_answer_is_accepted_and_shows_the_exact_form() {
    let api = Api::start();
    let ada = api.student("ada");
    let reply = answer_card(
        &api,
        &ada,
        "responsible-for-outbreak",
        json!({"answer": "Stallin"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.body["result"], "almost");
    assert_eq!(
        reply.body["quality"], 3,
        "Hard is the default after an almost answer"
    );
    assert!(reply.body["message"].as_str().unwrap().contains("Stalin"));
}

#[test]
fn a_recall_card_needs_a_quality_and_counts_as_correct_from_3() {
    let api = Api::start();
    let ada = api.student("ada");
    let missing = answer_card(&api, &ada, "puzzles-left-open", json!({}));
    assert_error(&missing, 422, "invalid");
    assert!(
        missing.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("quality")
    );
    let hard = answer_card(&api, &ada, "puzzles-left-open", json!({"quality": 3}));
    assert_eq!(hard.status, 200, "{}", hard.text);
    assert_eq!(hard.body["result"], "correct");
    assert_eq!(hard.body["verdict"], "self-graded");
    assert!(!hard.body["expected"].as_str().unwrap().is_empty());
    let again = answer_card(
        &api,
        &ada,
        "stalin-guiding-principle",
        json!({"answer": null, "quality": 1}),
    );
    assert_eq!(again.body["result"], "wrong", "{}", again.text);
    assert_eq!(again.body["again_today"], true);
}

#[test]
fn a_quality_out_of_range_or_not_allowed_for_the_verdict_returns_422() {
    let api = Api::start();
    let ada = api.student("ada");
    for quality in [json!(6), json!(-1), json!(2.5), json!("4"), json!(300)] {
        let reply = answer_card(&api, &ada, "puzzles-left-open", json!({"quality": quality}));
        assert_error(&reply, 422, "invalid");
    }
    let wrong_but_easy = answer_card(
        &api,
        &ada,
        "responsible-for-outbreak",
        json!({"answer": "Mao", "quality": 5}),
    );
    assert_error(&wrong_but_easy, 422, "invalid");
    let right_but_again = answer_card(
        &api,
        &ada,
        "responsible-for-outbreak",
        json!({"answer": "Stalin", "quality": 1}),
    );
    assert_error(&right_but_again, 422, "invalid");
    assert_eq!(
        api.progress(&ada)["reviews_today"],
        0,
        "nothing was recorded"
    );
}

#[test]
fn an_answer_of_the_wrong_shape_returns_422() {
    let api = Api::start();
    let ada = api.student("ada");
    let cases = [
        ("responsible-for-outbreak", json!({"text": "Stalin"})),
        ("responsible-for-outbreak", json!(true)),
        ("responsible-for-outbreak", json!(["Stalin"])),
        ("responsible-for-outbreak", Value::Null),
        ("common-explanations-questioned", json!([1, 2])),
        ("common-explanations-questioned", json!("one choice")),
        ("evidence-for-stalin-role", json!(3)),
        ("green-light-month", json!(1950)),
    ];
    for (card, answer) in cases {
        let reply = answer_card(&api, &ada, card, json!({"answer": answer}));
        assert_error(&reply, 422, "invalid");
    }
    assert_eq!(api.progress(&ada)["reviews_today"], 0);
}

#[test]
fn an_unparsed_answer_records_nothing_and_leaves_the_token_valid() {
    let api = Api::start();
    let ada = api.student("ada");
    let token = api.app.token_for_name("ada", SET, "green-light-month");
    let vague = json!({"answer": "1950", "review_token": token});
    let reply = answer_card(&api, &ada, "green-light-month", vague);
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.body["result"], "unparsed");
    assert!(
        reply.body["message"].as_str().unwrap().contains("month"),
        "{}",
        reply.text
    );
    assert!(
        reply.body.get("expected").is_none(),
        "the answer is not given away"
    );
    assert_eq!(api.progress(&ada)["reviews_today"], 0);
    let precise = json!({"answer": "1950-01", "review_token": token});
    let retry = answer_card(&api, &ada, "green-light-month", precise);
    assert_eq!(retry.status, 200, "{}", retry.text);
    assert_eq!(retry.body["result"], "correct");
}

#[test]
fn the_same_review_token_twice_returns_409_and_counts_once() {
    let api = Api::start();
    let ada = api.student("ada");
    let next = api.next(&ada).expect("a card");
    let first = api.answer(&ada, &next, json!(70), None);
    assert_eq!(first.status, 200, "{}", first.text);
    let second = api.answer(&ada, &next, json!(70), None);
    assert_error(&second, 409, "review_token_used");
    let wrong_now = api.answer(&ada, &next, json!(12), None);
    assert_error(&wrong_now, 409, "review_token_used");
    let progress = api.progress(&ada);
    assert_eq!(progress["reviews_today"], 1);
    assert_eq!(progress["stages"]["learning"], 1);
    assert_ne!(
        api.next(&ada).expect("a card")["card"]["id"],
        next["card"]["id"]
    );
}

#[test]
fn claiming_i_was_right_after_a_wrong_verdict_records_quality_3() {
    let api = Api::start();
    let ada = api.student("ada");
    let claim = json!({"answer": "Uncle Joe", "claim_right": true, "duration_ms": 4200});
    let reply = answer_card(&api, &ada, "responsible-for-outbreak", claim);
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.body["result"], "correct");
    assert_eq!(reply.body["verdict"], "wrong");
    assert_eq!(reply.body["overridden"], true);
    assert_eq!(reply.body["quality"], 3);
    assert_eq!(reply.body["interval"], 1);
    assert_eq!(
        reply.body["again_today"], false,
        "a claim ends the card for the day"
    );
    let on_a_right_answer = json!({"answer": "Kim Il Sung", "claim_right": true});
    let refused = answer_card(&api, &ada, "green-light-recipient", on_a_right_answer);
    assert_error(&refused, 422, "invalid");
}

#[test]
fn an_unknown_card_returns_404_and_a_malformed_card_id_422() {
    let api = Api::start();
    let ada = api.student("ada");
    let unknown = answer_card(&api, &ada, "no-such-card", json!({"answer": "x"}));
    assert_error(&unknown, 404, "not_found");
    let malformed = answer_card(&api, &ada, "No Such Card", json!({"answer": "x"}));
    assert_error(&malformed, 422, "invalid");
}

#[test]
fn a_review_token_the_server_did_not_issue_returns_422() {
    let api = Api::start();
    let ada = api.student("ada");
    let card = "responsible-for-outbreak";
    for token in [
        "not-a-uuid".to_string(),
        String::new(),
        uuid::Uuid::nil().to_string(),
        uuid::Uuid::new_v4().to_string(),
    ] {
        let body = json!({"answer": "Stalin", "review_token": token});
        let reply = answer_card(&api, &ada, card, body);
        assert_error(&reply, 422, "review_token_invalid");
    }
    let number = answer_card(
        &api,
        &ada,
        card,
        json!({"answer": "Stalin", "review_token": 42}),
    );
    assert_error(&number, 422, "invalid");
    let missing = api.post(
        &format!("/sets/{SET}/answers"),
        &ada,
        &json!({"card_id": "responsible-for-outbreak", "answer": "Stalin"}),
    );
    assert_error(&missing, 422, "invalid");
}

#[test]
fn the_same_answer_while_a_claim_is_pending_counts_as_claimed_never_as_a_new_miss() {
    let api = Api::start();
    let ada = api.student("ada");
    let card = "responsible-for-outbreak";
    // Two tabs showing the card: each with its own token.
    let second_tab = api.app.token_for_name("ada", SET, card);
    let claimed = answer_card(
        &api,
        &ada,
        card,
        json!({"answer": "Uncle Joe", "claim_right": true}),
    );
    assert_eq!(claimed.body["overridden"], true, "{}", claimed.text);
    let again = answer_card(
        &api,
        &ada,
        card,
        json!({"answer": "uncle  joe!", "review_token": second_tab}),
    );
    assert_eq!(again.status, 200, "{}", again.text);
    assert_eq!(again.body["verdict"], "wrong");
    assert_eq!(again.body["result"], "correct", "{}", again.text);
    assert_eq!(again.body["overridden"], true);
    assert_eq!(again.body["again_today"], false);
    // Another wrong answer is still a miss.
    let third_tab = api.app.token_for_name("ada", SET, card);
    let other = answer_card(
        &api,
        &ada,
        card,
        json!({"answer": "Trotsky", "review_token": third_tab}),
    );
    assert_eq!(other.body["result"], "wrong", "{}", other.text);
    assert_eq!(other.body["overridden"], false);
}

#[test]
fn no_claim_on_a_blank_answer() {
    let api = Api::start();
    let ada = api.student("ada");
    let blank = json!({"answer": "  ", "claim_right": true});
    let refused = answer_card(&api, &ada, "responsible-for-outbreak", blank);
    assert_error(&refused, 422, "invalid");
    assert_eq!(api.progress(&ada)["reviews_today"], 0);
}

#[test]
fn an_answer_over_1000_characters_returns_422_answer_too_long_and_records_nothing() {
    let api = Api::start();
    let ada = api.student("ada");
    let next = api.next(&ada).expect("a card");
    let long = api.answer(&ada, &next, json!("x".repeat(1001)), None);
    assert_error(&long, 422, "answer_too_long");
    let message = long.body["error"]["message"].as_str().unwrap();
    assert!(message.contains("at most 1000 characters"), "{message}");
    let too_many = api.answer(&ada, &next, json!(vec!["a"; 11]), None);
    assert_error(&too_many, 422, "answer_too_long");
    // Nothing was recorded: the same review token still takes an answer.
    api.answer_right(&ada, &next);
}

#[test]
fn claims_past_20_on_a_set_in_a_day_return_429_too_many_claims() {
    let api = Api::start();
    let ada = api.student("ada");
    for n in 1..=20 {
        let claim = json!({"answer": format!("Uncle Joe {n}"), "claim_right": true});
        let reply = answer_card(&api, &ada, "responsible-for-outbreak", claim);
        assert_eq!(reply.status, 200, "claim {n}: {}", reply.text);
    }
    let claim = json!({"answer": "Uncle Joe 21", "claim_right": true});
    let refused = answer_card(&api, &ada, "responsible-for-outbreak", claim);
    assert_error(&refused, 429, "too_many_claims");
    let message = refused.body["error"]["message"].as_str().unwrap();
    assert!(message.contains("20 times on this set today"), "{message}");
    let grade = json!({"answer": "Uncle Joe 21"});
    let graded = answer_card(&api, &ada, "responsible-for-outbreak", grade);
    assert_eq!(
        graded.status, 200,
        "answers without a claim go on: {}",
        graded.text
    );
}

#[test]
fn an_absurd_duration_returns_422_and_a_day_is_the_most() {
    let api = Api::start();
    let ada = api.student("ada");
    for duration in [-1, 86_400_001, i64::MAX] {
        let body = json!({"answer": "Stalin", "duration_ms": duration});
        let reply = answer_card(&api, &ada, "responsible-for-outbreak", body);
        assert_error(&reply, 422, "invalid");
    }
    let body = json!({"answer": "Stalin", "duration_ms": 86_400_000});
    let reply = answer_card(&api, &ada, "responsible-for-outbreak", body);
    assert_eq!(reply.status, 200, "{}", reply.text);
}
