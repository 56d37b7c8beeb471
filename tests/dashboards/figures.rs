//! One definition of "right", through the real server: a claim, pending, rejected or accepted
//! for everyone, counts the same on the class dashboard, the class's progress export, the set's
//! review log, the student's progress (page and API, overall and per tag) and their done page.

use serde_json::{Value, json};

use studyhall::store::Role;

use crate::common::{ESSAY_SET, today};
use crate::support::{Answered, Browser, WHO_CARD, answered_class};

/// What the server shows of one student's day, everywhere it shows it.
#[derive(Debug, PartialEq)]
struct Everywhere {
    /// The student's 30-day retention: API, progress page, class dashboard, progress export.
    api: Option<f64>,
    page: String,
    dashboard: String,
    export: String,
    /// The API's retention of the `stalin` tag (the who card has it).
    stalin: Option<f64>,
    /// The done page's "Right".
    done: String,
}

fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round())
}

/// `student`'s figures (with API token `token`), as `teacher` and the student see them. To
/// reach the done page, the student's daily limit is set to what they did and their cards
/// are put off to tomorrow: that changes no count.
fn everywhere(class: &Answered, teacher: &Browser, student: &str, token: &str) -> Everywhere {
    let room = &class.room;
    let progress: Value = room.progress(token);
    let stalin = progress["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .find(|tag| tag["tag"] == "stalin")
        .and_then(|tag| tag["retention_30d"].as_f64());
    let own = room.browser(student);
    let page = own.get("/progress").body;
    let page = between(&page, "Retention, last 30 days</dt>", "</dd>");
    let csrf = own.csrf();
    let limited = own.post(
        "/settings/new-cards",
        &[("csrf_token", csrf.as_str()), ("new_cards_per_day", "1")],
    );
    assert_eq!(limited.status, 303, "{}", limited.body);
    // Nothing due before tomorrow either (a miss comes back today): the done page it is.
    let db = rusqlite::Connection::open(&room.app.db_path).expect("the database");
    let tomorrow = today().date().tomorrow().expect("a day").to_string();
    db.execute(
        "UPDATE card_states SET due_day = max(due_day, ?1)
         WHERE user_id = (SELECT id FROM users WHERE username = ?2)",
        (&tomorrow, student),
    )
    .expect("the cards are put off");
    let done = own.get(&format!("/study/{ESSAY_SET}")).body;
    assert!(done.contains("Done for today"), "{done}");
    let done = between(&done, "<dt>Right</dt>", "</dd>");
    let board = teacher
        .get(&format!("{}?sort=name", room.path("dashboard")))
        .body;
    let row = between(&board, &format!(">{student}</a>"), "</tr>");
    let dashboard = row
        .split(r#"<td class="number">"#)
        .map(|cell| cell.split('<').next().unwrap_or_default().to_string())
        .find(|cell| cell.ends_with('%') || cell == "—")
        .unwrap_or_default();
    let csv = teacher.get(&room.path("export/progress.csv")).body;
    let export = csv
        .lines()
        .find(|line| line.starts_with(&format!("{student},")))
        .and_then(|line| line.split(',').nth(5))
        .unwrap_or_default()
        .to_string();
    Everywhere {
        api: progress["retention_30d"].as_f64(),
        page: page.trim().trim_start_matches("<dd>").to_string(),
        dashboard,
        export,
        stalin,
        done: done.trim().trim_start_matches("<dd>").to_string(),
    }
}

/// The text of `page` after `start` up to `end`.
fn between<'p>(page: &'p str, start: &str, end: &str) -> &'p str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} in {page}"))
        + start.len();
    let rest = &page[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// The figures of [`summary`]: what they show for a student whose first reviews today have
/// the share `right` right (`stalin` of those with the tag), and all their reviews today, same-day
/// repeats included, the share `done`.
fn counted(right: f64, stalin: f64, done: f64) -> Summary {
    (
        Some(right),
        percent(right),
        percent(right),
        Some(stalin),
        percent(done),
    )
}

/// API retention, progress page, dashboard, API retention of the `stalin` tag, done page.
type Summary = (Option<f64>, String, String, Option<f64>, String);

fn summary(figures: &Everywhere) -> Summary {
    (
        figures.api,
        figures.page.clone(),
        figures.dashboard.clone(),
        figures.stalin,
        figures.done.clone(),
    )
}

#[test]
fn a_rejected_claim_counts_as_a_miss_on_every_figure_and_page() {
    let class = answered_class();
    let teacher = class.room.instructor();
    // cat claimed both her answers, "Koba" on the who card and "Kim Jong Il": pending, both
    // count as right.
    let before = everywhere(&class, &teacher, "cat", &class.cat_token);
    assert_eq!(summary(&before), counted(1.0, 1.0, 1.0), "{before:?}");

    let who = class.room.card(WHO_CARD).0.to_string();
    let csrf = teacher.csrf();
    let fields = [
        ("csrf_token", csrf.as_str()),
        ("card", who.as_str()),
        ("answer", "koba"),
    ];
    assert_eq!(teacher.post("/teach/disputes/reject", &fields).status, 303);

    let after = everywhere(&class, &teacher, "cat", &class.cat_token);
    // One of her two reviews is now a miss; of the stalin-tagged ones (both), one.
    assert_eq!(summary(&after), counted(0.5, 0.5, 0.5), "{after:?}");
    assert_eq!(after.export.parse::<f64>().ok(), Some(0.5), "{after:?}");
    let log = teacher
        .get(&format!("/teach/sets/{ESSAY_SET}/export/reviews.csv"))
        .body;
    let cats: Vec<&str> = log.lines().filter(|line| line.contains(",cat,")).collect();
    assert!(
        cats.iter()
            .any(|line| line.contains(",koba,") && line.ends_with(",rejected")),
        "{cats:?}"
    );
}

#[test]
fn an_answer_accepted_for_everyone_counts_as_right_for_a_student_who_did_not_claim_it() {
    let class = answered_class();
    let room = &class.room;
    room.user("root", Role::Admin);
    let admin = room.browser("root");
    let teacher = room.instructor();
    // eve typed "Koba" too but did not claim it: a miss, until the card takes the answer;
    // she then gave the card's answer when it came back the same day.
    let (_, eve_token) = room.student("eve");
    room.answer(&eve_token, WHO_CARD, json!("Koba"), false);
    room.answer(&eve_token, WHO_CARD, json!("Stalin"), false);
    let before = everywhere(&class, &teacher, "eve", &eve_token);
    assert_eq!(summary(&before), counted(0.0, 0.0, 0.5), "{before:?}");

    let who = room.card(WHO_CARD).0.to_string();
    let csrf = admin.csrf();
    let fields = [
        ("csrf_token", csrf.as_str()),
        ("card", who.as_str()),
        ("answer", "koba"),
    ];
    assert_eq!(admin.post("/teach/disputes/accept", &fields).status, 303);

    let after = everywhere(&class, &teacher, "eve", &eve_token);
    assert_eq!(summary(&after), counted(1.0, 1.0, 1.0), "{after:?}");
    assert_eq!(after.export.parse::<f64>().ok(), Some(1.0), "{after:?}");
}
