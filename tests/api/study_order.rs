//! The order a day's study follows: cards due first, then new cards up to the daily limit, then
//! the cards missed earlier today, which come back until they are recalled well.

use serde_json::json;

use crate::helpers::{Api, right_answer};

fn card_id(next: &serde_json::Value) -> &str {
    next["card"]["id"].as_str().expect("a card id")
}

#[test]
fn due_cards_come_first_then_new_ones_up_to_the_daily_limit_then_todays_misses() {
    let api = Api::start();
    let ada = api.student("ada");
    let today = api.today(&ada);
    api.set_daily_new_limit(&ada, 2);
    api.make_due_today(&ada, "green-light-month", today);

    let due = api.next(&ada).expect("the due card");
    assert_eq!(
        (card_id(&due), due["queue"].as_str()),
        ("green-light-month", Some("due"))
    );
    let reviewed = api.answer_right(&ada, &due);
    assert_eq!(reviewed["repetitions"], 2);
    assert_eq!(reviewed["interval"], 6, "SM-2's second interval");

    let first_new = api.next(&ada).expect("a new card");
    assert_eq!(
        (card_id(&first_new), first_new["queue"].as_str()),
        ("essay-anniversary", Some("new"))
    );
    api.answer_wrong(&ada, &first_new);

    let second_new = api.next(&ada).expect("a new card");
    assert_eq!(
        card_id(&second_new),
        "responsible-for-outbreak",
        "new cards go in file order"
    );
    assert_eq!(second_new["queue"], "new");
    api.answer_right(&ada, &second_new);

    let relearn = api.next(&ada).expect("the missed card, after the new ones");
    assert_eq!(
        (card_id(&relearn), relearn["queue"].as_str()),
        ("essay-anniversary", Some("relearn"))
    );
    let relearned = api.answer_right(&ada, &relearn);
    assert_eq!(relearned["again_today"], false);

    assert_eq!(api.next(&ada), None, "the day's work is done");
}

#[test]
fn a_missed_card_comes_back_the_same_day_until_it_is_graded_4() {
    let api = Api::start();
    let ada = api.student("ada");
    api.set_daily_new_limit(&ada, 1);
    let first = api.next(&ada).expect("a new card");
    let missed = api.answer_wrong(&ada, &first);
    assert_eq!(missed["quality"], 1);
    assert_eq!(missed["again_today"], true);
    assert_eq!(missed["repetitions"], 0);

    let again = api.next(&ada).expect("the missed card again");
    assert_eq!(card_id(&again), card_id(&first));
    assert_eq!(again["queue"], "relearn");
    let kind = api.card_kind(card_id(&again));
    let hard = api.answer(&ada, &again, right_answer(&kind), Some(3));
    assert_eq!(hard.status, 200, "{}", hard.text);
    assert_eq!(
        hard.body["again_today"], true,
        "Hard is not enough to stop today's repeats"
    );
    assert_eq!(
        hard.body["repetitions"], 0,
        "a same-day repeat does not move SM-2"
    );
    assert_eq!(hard.body["interval"], 1);

    let once_more = api.next(&ada).expect("the card still comes back");
    assert_eq!(card_id(&once_more), card_id(&first));
    let good = api.answer(&ada, &once_more, right_answer(&kind), Some(4));
    assert_eq!(good.body["again_today"], false, "{}", good.text);
    assert_eq!(api.next(&ada), None, "recalled well: not again today");
    assert_eq!(
        api.progress(&ada)["reviews_today"],
        3,
        "every repeat is logged"
    );
}

#[test]
fn the_default_daily_limit_is_20_new_cards() {
    let api = Api::start();
    let ada = api.student("ada");
    let mut answered = 0;
    while let Some(next) = api.next(&ada) {
        assert_eq!(next["queue"], "new");
        api.answer_right(&ada, &next);
        answered += 1;
        assert!(answered <= 20, "more than the daily limit");
    }
    assert_eq!(answered, 20);
    let sets = api.get("/sets", &ada).body;
    assert_eq!(sets["sets"][0]["new"], 0);
    assert_eq!(sets["sets"][0]["due"], 0);
    assert_eq!(
        api.progress(&ada)["stages"],
        json!({"new": 64, "learning": 20, "young": 0, "mature": 0})
    );
}
