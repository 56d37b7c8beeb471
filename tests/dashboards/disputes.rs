//! Disputed answers: the list, accepting (the card takes the answer, the file says so, the
//! claims count as right) and rejecting (the claimant's card is due again today), once until
//! undone ([`crate::claims`] has who decides, undo and what the student is told).

use serde_json::json;

use studyhall::questions::SetId;
use studyhall::store::Role;

use crate::common::{ESSAY_SET, today};
use crate::support::{
    Answered, Browser, KIM_CARD, NUMBER_CARD, WHO_CARD, answered_class, own_essay_set,
};

/// The admin, signed in: the essay set is loaded by the server, so the admin decides on it.
fn admin(class: &Answered) -> Browser {
    class.room.user("root", Role::Admin);
    class.room.browser("root")
}

fn decide(browser: &Browser, decision: &str, card: i64, answer: &str) -> crate::support::Reply {
    let csrf = browser.csrf();
    let card = card.to_string();
    let fields = [
        ("csrf_token", csrf.as_str()),
        ("card", card.as_str()),
        ("answer", answer),
    ];
    browser.post(&format!("/teach/disputes/{decision}"), &fields)
}

fn file_text(class: &Answered) -> String {
    let set = SetId::parse(ESSAY_SET).unwrap();
    class.room.app.store.set_file_text(&set).unwrap().unwrap()
}

#[test]
fn the_disputes_page_groups_claims_by_card_and_answer_with_the_answers_as_given() {
    let class = answered_class();
    let page = admin(&class).get("/teach/disputes");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("<q>Koba</q>"), "{}", page.body);
    assert!(page.body.contains("<q>Kim Jong Il</q>"));
    assert_eq!(
        page.body
            .matches(r#"action="/teach/disputes/reject""#)
            .count(),
        2
    );
    let mine = class.room.instructor().get("/teach/disputes");
    assert!(
        mine.body.contains("<q>Koba</q>"),
        "cat is in ms-h's class, which has the server's set: {}",
        mine.body
    );
    class.room.user("mr-k", Role::Instructor);
    let other = class.room.browser("mr-k").get("/teach/disputes");
    assert!(
        !other.body.contains("Koba"),
        "mr-k teaches no one: {}",
        other.body
    );
}

#[test]
fn accepting_an_answer_adds_it_to_the_card_and_its_file_and_regrades_the_claims() {
    let class = answered_class();
    let admin = admin(&class);
    let decided = decide(&admin, "accept", class.room.card(WHO_CARD).0, "koba");
    assert_eq!(decided.status, 303, "{}", decided.body);
    let notice = admin.get(decided.location.as_deref().unwrap());
    assert!(
        notice.body.contains("“Koba” is now an accepted answer"),
        "{}",
        notice.body
    );
    assert!(
        !crate::support::pending_part(&notice.body).contains("<q>Koba</q>"),
        "decided claims leave the list of pending ones"
    );

    assert!(
        file_text(&class).contains(r#""Koba""#),
        "the set's file takes the answer"
    );
    let (_, fay) = class.room.student("fay");
    let answer = class.room.answer(&fay, WHO_CARD, json!("koba"), false);
    assert_eq!(
        answer["result"], "correct",
        "a new student answering it is right: {answer}"
    );

    let analysis = admin.get("/teach/sets/korean-war-1950/analysis").body;
    assert!(
        !analysis.contains("<q>koba</q>"),
        "no longer a wrong answer"
    );
    let log = admin.get(&class.room.path("export/reviews.csv")).body;
    assert!(
        log.lines()
            .any(|line| line.contains(",Koba,wrong,koba,3,") && line.ends_with(",1,accepted")),
        "{log}"
    );
    let audit = class.room.app.store.audit_log(10).unwrap();
    assert!(
        audit
            .iter()
            .any(|entry| entry.action == "claim.accept" && entry.detail.contains("Koba")),
        "{audit:?}"
    );
}

#[test]
fn rejecting_a_claim_brings_the_card_back_today_as_a_lapse() {
    let class = answered_class();
    let card = class.room.card(KIM_CARD);
    let before = class
        .room
        .app
        .store
        .progress_of(class.cat, card)
        .unwrap()
        .unwrap();
    assert!(before.due > today(), "the claim scheduled it for later");
    let decided = decide(&admin(&class), "reject", card.0, "kim jong il");
    assert_eq!(decided.status, 303, "{}", decided.body);
    let after = class
        .room
        .app
        .store
        .progress_of(class.cat, card)
        .unwrap()
        .unwrap();
    assert_eq!(after.due, today(), "due again today");
    assert_eq!((after.state.repetitions, after.state.interval_days), (0, 1));
    assert_eq!(after.state.lapses, before.state.lapses + 1);
    let body = class
        .room
        .instructor()
        .get(&format!("{}?sort=name", class.room.path("dashboard")))
        .body;
    let cat = &body[body.find(">cat</a>").unwrap()..];
    assert!(
        cat.contains(r#"<td class="number">50%</td>"#),
        "the rejected claim counts as a miss: {cat}"
    );
}

#[test]
fn deciding_twice_is_refused_and_changes_nothing() {
    let class = answered_class();
    let admin = admin(&class);
    assert_eq!(
        decide(&admin, "accept", class.room.card(WHO_CARD).0, "koba").status,
        303
    );
    let file = file_text(&class);
    for decision in ["accept", "reject"] {
        let again = decide(&admin, decision, class.room.card(WHO_CARD).0, "koba");
        assert_eq!(again.status, 409, "{}", again.body);
        assert!(again.body.contains("already accepted"), "{}", again.body);
    }
    assert_eq!(file_text(&class), file);
    let cat = class
        .room
        .app
        .store
        .progress_of(class.cat, class.room.card(WHO_CARD))
        .unwrap()
        .unwrap();
    assert!(
        cat.due > today(),
        "the second reject did not lapse the card"
    );
}

#[test]
fn bad_decisions_get_a_clear_error_and_change_nothing() {
    let class = answered_class();
    let admin = admin(&class);
    let file = file_text(&class);
    let unclaimed = decide(&admin, "accept", class.room.card(WHO_CARD).0, "mao");
    assert_eq!(
        unclaimed.status, 404,
        "nobody claimed \"mao\": {}",
        unclaimed.body
    );
    let nonsense = decide(&admin, "accept", -5, "koba");
    assert_eq!(nonsense.status, 404);
    let garbage = admin.post(
        "/teach/disputes/accept",
        &[("csrf_token", admin.csrf().as_str()), ("card", "x")],
    );
    assert_eq!(garbage.status, 422);
    let forged = admin.post(
        "/teach/disputes/accept",
        &[("csrf_token", "forged"), ("card", "1"), ("answer", "koba")],
    );
    assert_eq!(forged.status, 403);
    assert_eq!(file_text(&class), file);
    assert!(
        admin.get("/teach/disputes").body.contains("<q>Koba</q>"),
        "still undecided"
    );
}

#[test]
fn a_claim_on_a_number_card_can_be_rejected_but_not_accepted() {
    let class = answered_class();
    let (_, token) = class.room.student("gus");
    class.room.answer(&token, NUMBER_CARD, json!(75), true);
    let admin = admin(&class);
    let page = admin.get("/teach/disputes").body;
    assert!(
        page.contains("Only a text card can take another accepted answer"),
        "{page}"
    );
    let refused = decide(&admin, "accept", class.room.card(NUMBER_CARD).0, "75");
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("only text cards have a list of accepted answers"),
        "{}",
        refused.body
    );
    assert_eq!(
        decide(&admin, "reject", class.room.card(NUMBER_CARD).0, "75").status,
        303
    );
}

#[test]
fn the_sets_owner_decides_and_another_instructor_is_refused() {
    let class = answered_class();
    own_essay_set(&class.room.app, class.room.app.user_id("ms-h"));
    class.room.user("mr-k", Role::Instructor);
    let other = class.room.browser("mr-k");
    assert!(!other.get("/teach/disputes").body.contains("Koba"));
    let refused = decide(&other, "accept", class.room.card(WHO_CARD).0, "koba");
    assert_eq!(refused.status, 403, "{}", refused.body);
    let owner = class.room.instructor();
    assert!(owner.get("/teach/disputes").body.contains("<q>Koba</q>"));
    assert_eq!(
        decide(&owner, "accept", class.room.card(WHO_CARD).0, "koba").status,
        303
    );
}
