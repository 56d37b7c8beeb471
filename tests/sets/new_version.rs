//! A new version of a set: the diff before it is confirmed, students' progress kept on kept
//! cards, and the file downloaded.

use serde_json::json;

use crate::site::Site;
use crate::support::{COLD_WAR, Student, file_text, instructor};

/// COLD_WAR with c1's prompt changed, c2 removed and c4 added.
fn second_version() -> String {
    let without_c2 = COLD_WAR.replace(
        "[[cards]]\nid = \"c2\"\nkind = \"truefalse\"\nprompt = \"The Korean War began in 1953.\"\nanswer = false\n\n",
        "",
    );
    assert_ne!(without_c2, COLD_WAR);
    without_c2.replace(
        "The Berlin Wall fell in 1989.",
        "The Berlin Wall fell in November 1989.",
    ) + "\n[[cards]]\nid = \"c4\"\nkind = \"truefalse\"\nprompt = \"NATO was founded in 1949.\"\nanswer = true\n"
}

fn card_row(site: &Site, card: &str) -> (i64, bool) {
    let db = rusqlite::Connection::open(&site.app.db_path).unwrap();
    db.query_row(
        "SELECT cards.id, cards.retired FROM cards JOIN sets ON sets.id = cards.set_id
         WHERE sets.slug = 'cold-war' AND cards.slug = ?1",
        [card],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .unwrap()
}

fn states_of(site: &Site, username: &str, card_row: i64) -> i64 {
    let db = rusqlite::Connection::open(&site.app.db_path).unwrap();
    db.query_row(
        "SELECT count(*) FROM card_states JOIN users ON users.id = card_states.user_id
         WHERE users.username = ?1 AND card_states.card_id = ?2",
        (username, card_row),
        |row| row.get(0),
    )
    .unwrap()
}

#[test]
fn a_new_version_shows_what_changes_and_keeps_a_students_progress_on_kept_cards() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    ada.publish_file("cold-war.toml", COLD_WAR, Some("open"));
    let kim = Student::register(&site, "kim");
    assert_eq!(
        kim.answer_next("cold-war", json!(true)),
        "c1",
        "the first card is c1"
    );
    let (c1, _) = card_row(&site, "c1");
    assert_eq!(states_of(&site, "kim", c1), 1);

    let form = ada.get("/teach/sets/cold-war").form("/teach/sets/preview");
    let preview = ada.submit_upload(
        &form,
        Some(("cold-war.toml", second_version().as_bytes())),
        "",
    );
    assert_eq!(preview.status, 200, "{}", preview.text());
    let text = preview.text();
    for shown in [
        "What publishing changes",
        "Added 1 c4",
        "Changed 1 c1",
        "Retired 1 c2",
        "Unchanged 1",
    ] {
        assert!(text.contains(shown), "{shown:?} in {text}");
    }
    assert_eq!(
        file_text(&site, "cold-war").as_deref(),
        Some(COLD_WAR),
        "not yet published"
    );

    let published = ada.publish(&preview, None);
    assert_eq!(published.status, 303, "{}", published.text());
    assert_eq!(card_row(&site, "c1"), (c1, false), "c1 keeps its row");
    assert_eq!(states_of(&site, "kim", c1), 1, "and kim's progress on it");
    assert!(card_row(&site, "c2").1, "c2 is retired");
    assert_eq!(file_text(&site, "cold-war"), Some(second_version()));
}

#[test]
fn a_file_for_another_set_is_not_taken_as_a_new_version() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    ada.publish_file("cold-war.toml", COLD_WAR, None);
    let form = ada.get("/teach/sets/cold-war").form("/teach/sets/preview");
    let other = COLD_WAR.replace("id = \"cold-war\"", "id = \"korea\"");
    let page = ada.submit_upload(&form, Some(("korea.toml", other.as_bytes())), "");
    assert_eq!(page.status, 422);
    assert!(
        page.text()
            .contains("This file is the set “korea”, not “cold-war”"),
        "{}",
        page.text()
    );
}

#[test]
fn the_set_page_prefills_the_editor_with_the_current_file() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    ada.publish_file("cold-war.toml", COLD_WAR, None);
    let page = ada.get("/teach/sets/new?from=cold-war");
    assert_eq!(page.status, 200);
    assert!(
        page.html.contains("The Berlin Wall fell in 1989.</")
            || page.html.contains("The Berlin Wall fell in 1989."),
        "{}",
        page.text()
    );
    assert_eq!(
        page.form("/teach/sets/preview").value("replaces"),
        Some("cold-war")
    );
}

#[test]
fn the_file_downloads_as_the_stored_toml_and_as_csv() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    ada.publish_file("cold-war.toml", COLD_WAR, None);
    let http = reqwest::blocking::Client::new();
    let session = ada.visitor.cookie("studyhall_session").unwrap();
    let fetch = |path: &str| {
        http.get(format!("{}{path}", site.app.address))
            .header("Cookie", format!("studyhall_session={session}"))
            .send()
            .unwrap()
    };
    let toml = fetch("/teach/sets/cold-war/file");
    assert_eq!(toml.status().as_u16(), 200);
    assert_eq!(
        toml.headers()["content-disposition"],
        "attachment; filename=\"cold-war.toml\""
    );
    assert_eq!(toml.text().unwrap(), COLD_WAR);
    let csv = fetch("/teach/sets/cold-war/file?format=csv");
    assert_eq!(
        csv.headers()["content-disposition"],
        "attachment; filename=\"cold-war.csv\""
    );
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = csv.text().unwrap();
    assert!(text.starts_with("id,kind,prompt,answer,"), "{text}");
    assert!(
        text.contains("c3,choice,Which city was divided by a wall?,Berlin,,Berlin|Vienna"),
        "{text}"
    );
}
