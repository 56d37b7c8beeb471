//! Claims instructors can trust: a class's instructor decides their own students' claims on
//! the server's set, rejecting asks first, every decision can be undone by whoever may take it,
//! all of it is in the audit log, the student is told on their home page, and every figure
//! counts the claim as decided.

use serde_json::{Value, json};

use studyhall::questions::SetId;
use studyhall::store::{Role, UserId};

use crate::common::{ESSAY_SET, today};
use crate::support::{
    Answered, Browser, KIM_CARD, Reply, WHO_CARD, answered_class, own_essay_set, pending_part,
};

const DISPUTES: &str = "/teach/disputes";
const ANALYSIS: &str = "/teach/sets/korean-war-1950/analysis";

fn post(browser: &Browser, action: &str, card: i64, answer: &str) -> Reply {
    let csrf = browser.csrf();
    let card = card.to_string();
    let fields = [
        ("csrf_token", csrf.as_str()),
        ("card", card.as_str()),
        ("answer", answer),
    ];
    browser.post(&format!("{DISPUTES}/{action}"), &fields)
}

/// mr-k, an instructor whose class "History 7C" has the essay set, with dan, who claims
/// "Koba" was right on the who card too.
fn second_class(class: &Answered) -> (Browser, UserId) {
    let room = &class.room;
    room.user("mr-k", Role::Instructor);
    let app = &room.app;
    let teacher =
        studyhall::store::Teacher::of(&app.store.user_by_id(app.user_id("mr-k")).unwrap().unwrap())
            .unwrap();
    let name = studyhall::store::ClassName::parse("History 7C").unwrap();
    let seven_c = app.store.create_class(teacher, &name).wait().unwrap();
    let essay = SetId::parse(ESSAY_SET).unwrap();
    let assigned = app
        .store
        .assign_set(teacher, seven_c.id, &essay, Default::default());
    assigned.wait().unwrap();
    let (dan, token) = room.outsider("dan");
    let code = seven_c.join_code.to_string();
    app.store.join_class(dan, &code).wait().unwrap();
    room.answer(&token, WHO_CARD, json!("Koba"), true);
    (room.browser("mr-k"), dan)
}

fn file_text(class: &Answered) -> String {
    let set = SetId::parse(ESSAY_SET).unwrap();
    class.room.app.store.set_file_text(&set).unwrap().unwrap()
}

fn audit_lines(class: &Answered) -> Vec<(String, String)> {
    let log = class.room.app.store.audit_log(20).unwrap();
    log.into_iter()
        .filter(|entry| entry.action.starts_with("claim."))
        .map(|entry| (entry.action, entry.detail))
        .collect()
}

#[test]
fn a_class_instructor_decides_their_students_claims_on_the_servers_set_and_no_others() {
    let class = answered_class();
    let (mr_k, _) = second_class(&class);
    let ms_h = class.room.instructor();
    let who = class.room.card(WHO_CARD).0;
    for (browser, whose) in [(&ms_h, "cat"), (&mr_k, "dan")] {
        let page = browser.get(DISPUTES).body;
        assert!(page.contains("<q>Koba</q>"), "{whose}'s claim: {page}");
        assert!(page.contains("1 student,"), "only {whose}'s: {page}");
    }
    class.room.user("root", Role::Admin);
    let admin = class.room.browser("root");
    assert!(admin.get(DISPUTES).body.contains("2 students,"));

    let accepted = post(&ms_h, "accept", who, "koba");
    assert_eq!(accepted.status, 303, "{}", accepted.body);
    let notice = ms_h.get(accepted.location.as_deref().unwrap()).body;
    assert!(
        notice.contains("for your students: 1 student regraded as right. The card is unchanged"),
        "{notice}"
    );
    assert!(
        !file_text(&class).contains("Koba"),
        "the card stays the admin's"
    );
    assert!(!pending_part(&ms_h.get(DISPUTES).body).contains("<q>Koba</q>"));
    assert!(
        pending_part(&mr_k.get(DISPUTES).body).contains("<q>Koba</q>"),
        "dan's waits"
    );
    assert!(pending_part(&admin.get(DISPUTES).body).contains("1 student,"));

    let refused = post(&mr_k, "undo", who, "koba");
    assert_eq!(
        refused.status, 403,
        "ms-h's ruling is not mr-k's: {}",
        refused.body
    );
    let outsider = post(&mr_k, "reject", class.room.card(KIM_CARD).0, "kim jong il");
    assert_eq!(
        outsider.status, 403,
        "cat is not mr-k's student: {}",
        outsider.body
    );
}

#[test]
fn rejecting_asks_for_confirmation_and_the_confirmed_form_rejects() {
    let class = answered_class();
    let ms_h = class.room.instructor();
    let kim = class.room.card(KIM_CARD);
    let page = ms_h.get(DISPUTES).body;
    assert!(page.contains(r#"<form method="get" action="/teach/disputes/reject">"#));
    let path = format!("{DISPUTES}/reject?card={}&answer=kim+jong+il", kim.0);
    let confirm = ms_h.get(&path);
    assert_eq!(confirm.status, 200, "{}", confirm.body);
    assert!(confirm.body.contains("Reject this claim?"));
    assert!(confirm.body.contains("Reject for 1 student"));
    assert!(
        confirm
            .body
            .contains(r#"<form method="post" action="/teach/disputes/reject">"#)
    );
    let store = &class.room.app.store;
    let before = store.progress_of(class.cat, kim).unwrap().unwrap();
    assert!(
        before.due > today(),
        "showing the confirmation changes nothing"
    );

    class.room.user("mr-k", Role::Instructor);
    let other = class.room.browser("mr-k").get(&path);
    assert_eq!(other.status, 403, "{}", other.body);

    let rejected = post(&ms_h, "reject", kim.0, "kim jong il");
    assert_eq!(rejected.status, 303, "{}", rejected.body);
    assert_eq!(
        store.progress_of(class.cat, kim).unwrap().unwrap().due,
        today()
    );
    let gone = ms_h.get(&path);
    assert_eq!(gone.status, 409, "decided: {}", gone.body);
}

#[test]
fn undo_reopens_the_claim_for_the_owner_and_the_class_instructor_and_no_one_else() {
    let class = answered_class();
    let who = class.room.card(WHO_CARD).0;
    let kim = class.room.card(KIM_CARD);
    let ms_h = class.room.instructor();
    class.room.user("olga", Role::Instructor);
    class.room.user("mr-k", Role::Instructor);
    let (olga, mr_k) = (class.room.browser("olga"), class.room.browser("mr-k"));

    // The class instructor undoes their own rejection: the claim is pending, the card stays due.
    assert_eq!(post(&ms_h, "reject", kim.0, "kim jong il").status, 303);
    assert_eq!(post(&mr_k, "undo", kim.0, "kim jong il").status, 403);
    let undone = post(&ms_h, "undo", kim.0, "kim jong il");
    assert_eq!(undone.status, 303, "{}", undone.body);
    let notice = ms_h.get(undone.location.as_deref().unwrap()).body;
    assert!(
        notice.contains("the claims of 1 student are pending again"),
        "{notice}"
    );
    assert!(pending_part(&notice).contains("<q>Kim Jong Il</q>"));
    let store = &class.room.app.store;
    assert_eq!(
        store.progress_of(class.cat, kim).unwrap().unwrap().due,
        today()
    );
    assert_eq!(
        post(&ms_h, "undo", kim.0, "kim jong il").status,
        404,
        "nothing left"
    );

    // The owner's accept is for everyone: the class instructor cannot undo it, the owner can,
    // and the answer leaves the card again.
    own_essay_set(&class.room.app, class.room.app.user_id("olga"));
    assert_eq!(post(&olga, "accept", who, "koba").status, 303);
    assert!(file_text(&class).contains(r#""Koba""#));
    let page = ms_h.get(DISPUTES).body;
    assert!(
        !page.contains(r#"action="/teach/disputes/undo""#),
        "not ms-h's to undo: {page}"
    );
    assert_eq!(post(&ms_h, "undo", who, "koba").status, 403);
    let undone = post(&olga, "undo", who, "koba");
    assert_eq!(undone.status, 303, "{}", undone.body);
    let notice = olga.get(undone.location.as_deref().unwrap()).body;
    assert!(
        notice.contains("“Koba” is no longer an accepted answer"),
        "{notice}"
    );
    assert!(!file_text(&class).contains("Koba"));
    assert!(pending_part(&notice).contains("<q>Koba</q>"));

    let lines = audit_lines(&class);
    let undo = lines
        .iter()
        .find(|(action, _)| action == "claim.undo")
        .unwrap();
    assert_eq!(
        undo.1,
        "reopened the claims of 1 student on “Koba” on korean-war-1950/responsible-for-outbreak \
         (undid 1 accept and 0 rejections); took “Koba” off the card's accepted answers"
    );
    let actions: Vec<&str> = lines.iter().map(|(action, _)| action.as_str()).collect();
    assert_eq!(
        actions,
        ["claim.undo", "claim.accept", "claim.undo", "claim.reject"],
        "newest first"
    );
    assert!(lines[3].1.starts_with(
        "rejected “Kim Jong Il” on korean-war-1950/green-light-recipient for their class's students"
    ));
}

#[test]
fn the_student_is_told_on_their_home_page_until_they_answer_the_card_again() {
    let class = answered_class();
    let ms_h = class.room.instructor();
    let who = class.room.card(WHO_CARD).0;
    let cat = class.room.browser("cat");
    assert!(!cat.get("/").body.contains("Your instructor"));
    assert_eq!(post(&ms_h, "reject", who, "koba").status, 303);
    assert_eq!(
        post(&ms_h, "accept", class.room.card(KIM_CARD).0, "kim jong il").status,
        303
    );
    let home = cat.get("/").body;
    let prompt = class.room.app.essay_card(WHO_CARD).card.prompt;
    assert!(
        home.contains(&format!(
            "Your instructor rejected “Koba” on <q>{prompt}</q> (Stalin, Mao and the Korean \
             War): the card is due today."
        )),
        "{home}"
    );
    assert!(
        home.contains("Your instructor accepted “Kim Jong Il” on"),
        "{home}"
    );
    assert!(
        !class
            .room
            .browser("ann")
            .get("/")
            .body
            .contains("Your instructor")
    );

    class
        .room
        .answer(&class.cat_token, WHO_CARD, json!("Stalin"), false);
    let home = cat.get("/").body;
    assert!(
        !home.contains("Your instructor rejected"),
        "answered since: {home}"
    );
    assert!(home.contains("Your instructor accepted"));
}

fn first_try(analysis: &str) -> &str {
    let start = analysis.find(&format!("{WHO_CARD} · ")).unwrap();
    &analysis[start..start + analysis[start..].find("</tr>").unwrap()]
}

fn retention(progress: &Value) -> f64 {
    progress["retention_30d"].as_f64().unwrap()
}

#[test]
fn item_analysis_the_dashboard_and_the_students_progress_count_the_claim_as_decided() {
    let class = answered_class();
    let ms_h = class.room.instructor();
    let who = class.room.card(WHO_CARD).0;
    let row = first_try(&ms_h.get(ANALYSIS).body).to_string();
    assert!(
        row.contains("33% <span class=\"muted\">of 3</span>"),
        "pending: right: {row}"
    );
    assert!(!row.contains("<q>koba</q>"), "{row}");
    assert_eq!(retention(&class.room.progress(&class.cat_token)), 1.0);

    assert_eq!(post(&ms_h, "reject", who, "koba").status, 303);
    let row = first_try(&ms_h.get(ANALYSIS).body).to_string();
    assert!(
        row.contains("0% <span class=\"muted\">of 3</span>"),
        "{row}"
    );
    assert!(
        row.contains("<q>koba</q> <span class=\"muted\">×1</span>"),
        "{row}"
    );
    assert_eq!(retention(&class.room.progress(&class.cat_token)), 0.5);
    let body = ms_h
        .get(&format!("{}?sort=name", class.room.path("dashboard")))
        .body;
    let cat = &body[body.find(">cat</a>").unwrap()..];
    assert!(cat.contains(r#"<td class="number">50%</td>"#), "{cat}");

    assert_eq!(post(&ms_h, "undo", who, "koba").status, 303);
    assert_eq!(post(&ms_h, "accept", who, "koba").status, 303);
    let row = first_try(&ms_h.get(ANALYSIS).body).to_string();
    assert!(
        row.contains("33% <span class=\"muted\">of 3</span>"),
        "{row}"
    );
    assert!(!row.contains("<q>koba</q>"), "{row}");
    assert_eq!(retention(&class.room.progress(&class.cat_token)), 1.0);
}
