//! One student can neither see nor change another's study: the next card, the figures and the
//! reviews are each student's own, whatever review token is sent.

use serde_json::json;

use crate::helpers::{Api, SET, assert_error, right_answer};

#[test]
fn one_students_reviews_leave_anothers_next_card_and_progress_alone() {
    let api = Api::start();
    let ada = api.student("ada");
    let bob = api.student("bob");
    for _ in 0..3 {
        let next = api.next(&ada).expect("a card");
        api.answer_wrong(&ada, &next);
    }
    assert_eq!(api.progress(&ada)["reviews_today"], 3);

    let bobs = api.next(&bob).expect("a card");
    assert_eq!(bobs["card"]["id"], "essay-anniversary");
    assert_eq!(bobs["queue"], "new");
    let progress = api.progress(&bob);
    assert_eq!(progress["reviews_today"], 0);
    assert_eq!(progress["streak_days"], 0);
    assert_eq!(progress["stages"]["new"], 84);
    let sets = api.get("/sets", &bob).body;
    assert_eq!(sets["sets"][0]["new"], 20);
    assert_eq!(sets["sets"][0]["due"], 0);
}

#[test]
fn a_review_posted_with_another_students_token_is_refused_and_blocks_nobody() {
    let api = Api::start();
    let ada = api.student("ada");
    let bob = api.student("bob");
    let adas = api.next(&ada).expect("a card");

    let kind = api.kind_of(&adas);
    let bobs_answer = api.answer(&bob, &adas, right_answer(&kind), None);
    assert_error(&bobs_answer, 422, "review_token_invalid");
    assert_eq!(api.progress(&bob)["reviews_today"], 0);

    // Ada's token is still hers to use: Bob's attempt did not use it up.
    let adas_answer = api.answer(&ada, &adas, right_answer(&kind), None);
    assert_eq!(adas_answer.status, 200, "{}", adas_answer.text);
    assert_eq!(api.progress(&ada)["reviews_today"], 1);
}

#[test]
fn a_students_review_leaves_another_students_card_new() {
    let api = Api::start();
    let ada = api.student("ada");
    let bob = api.student("bob");
    let adas = api.next(&ada).expect("a card");
    let kind = api.kind_of(&adas);
    let bobs_next = api.next(&bob).expect("a card");
    assert_eq!(bobs_next["card"]["id"], adas["card"]["id"]);
    let bobs_answer = api.answer(&bob, &bobs_next, right_answer(&kind), None);
    assert_eq!(bobs_answer.status, 200, "{}", bobs_answer.text);
    assert_eq!(api.progress(&bob)["reviews_today"], 1);
    let ada_progress = api.progress(&ada);
    assert_eq!(ada_progress["reviews_today"], 0);
    assert_eq!(ada_progress["stages"]["new"], 84);
    let still = api.next(&ada).expect("a card");
    assert_eq!(
        still["card"]["id"], adas["card"]["id"],
        "Ada's card is still new for her"
    );
    assert_eq!(still["queue"], "new");
    assert_ne!(
        api.next(&bob).expect("a card")["card"]["id"],
        adas["card"]["id"]
    );
}

#[test]
fn a_students_figures_count_only_their_own_reviews() {
    let api = Api::start();
    let ada = api.student("ada");
    let bob = api.student("bob");
    let path = format!("/sets/{SET}/answers");
    for (student, answer) in [(&ada, "Stalin"), (&bob, "Mao"), (&bob, "Truman")] {
        let card = "responsible-for-outbreak";
        let body = json!({
            "card_id": card,
            "review_token": api.app.token_for_name(&student.username, SET, card),
            "answer": answer,
        });
        assert_eq!(api.post(&path, student, &body).status, 200);
    }
    let adas = api.progress(&ada);
    assert_eq!(adas["reviews_today"], 1);
    assert_eq!(adas["retention_30d"], 1.0);
    let bobs = api.progress(&bob);
    assert_eq!(bobs["reviews_today"], 2, "a miss and its same-day repeat");
    assert_eq!(
        bobs["retention_30d"], 0.0,
        "only the first review of the day counts"
    );
}
