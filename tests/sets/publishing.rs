//! Good files: previewed as students will see them, then published as the uploader's set.

use studyhall::store::{Role, Visibility};

use crate::site::Site;
use crate::support::{
    COLD_WAR, COLD_WAR_CSV, Student, file_text, instructor, ownership, signed_in,
};

#[test]
fn a_good_toml_file_previews_its_cards_and_changes_nothing_until_published() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let preview = ada.upload_file("cold-war.toml", COLD_WAR.as_bytes());
    assert_eq!(preview.status, 200, "{}", preview.text());
    let text = preview.text();
    for shown in [
        "Preview: The Cold War",
        "The Berlin Wall fell in 1989.",
        "Which city was divided by a wall?",
        "Berlin",
        "Vienna",
        "From 1961 to 1989.",
        "A new set",
    ] {
        assert!(text.contains(shown), "{shown:?} in {text}");
    }
    assert_eq!(
        ownership(&site, "cold-war"),
        None,
        "a preview writes nothing"
    );
}

#[test]
fn publishing_makes_the_set_the_instructors_restricted_by_default_and_keeps_the_file_as_written() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let published = ada.publish_file("cold-war.toml", COLD_WAR, None);
    assert_eq!(
        published.location.as_deref(),
        Some("/teach/sets/cold-war?published=1")
    );
    let owned = ownership(&site, "cold-war").expect("the set exists");
    assert_eq!(owned.owner, Some(site.app.user_id("ada")));
    assert_eq!(owned.visibility, Visibility::Restricted);
    assert_eq!(file_text(&site, "cold-war").as_deref(), Some(COLD_WAR));
    let page = ada.visitor.follow(&published);
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Published."), "{}", page.text());
    let kim = Student::register(&site, "kim");
    assert_eq!(
        kim.get("/sets/cold-war/next").0,
        404,
        "restricted: not for students outside its classes"
    );
}

#[test]
fn a_set_published_for_everyone_is_live_for_students_at_once() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    ada.publish_file("cold-war.toml", COLD_WAR, Some("open"));
    let kim = Student::register(&site, "kim");
    let (status, sets) = kim.get("/sets");
    assert_eq!(status, 200);
    assert!(sets.to_string().contains("\"cold-war\""), "{sets}");
    kim.answer_next("cold-war", serde_json::json!(true));
}

#[test]
fn a_set_the_admin_publishes_is_open_by_default() {
    let site = Site::start();
    let root = signed_in(&site, "root", Role::Admin);
    root.publish_file("cold-war.toml", COLD_WAR, None);
    assert_eq!(
        ownership(&site, "cold-war").unwrap().visibility,
        Visibility::Open
    );
}

#[test]
fn a_csv_file_takes_its_set_id_from_its_name_and_is_kept_as_toml() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let preview = ada.upload_file("cold-war.csv", COLD_WAR_CSV.as_bytes());
    assert_eq!(preview.status, 200, "{}", preview.text());
    assert!(
        preview.text().contains("Preview: cold-war"),
        "{}",
        preview.text()
    );
    let published = ada.publish(&preview, None);
    assert_eq!(published.status, 303, "{}", published.text());
    let kept = file_text(&site, "cold-war").unwrap();
    assert!(
        kept.starts_with("[set]\nid = \"cold-war\"\ntitle = \"cold-war\"\n"),
        "{kept}"
    );
    assert!(
        kept.contains("choices = [\"Berlin\", \"Vienna\"]"),
        "{kept}"
    );
}

#[test]
fn a_pasted_tsv_set_takes_the_id_and_title_typed_on_the_form() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let form = ada.get("/teach/sets/new").form("/teach/sets/preview");
    let form = crate::html::Form {
        fields: form
            .fields
            .into_iter()
            .filter(|(name, _)| name != "format")
            .collect(),
        ..form
    };
    let form = form
        .tick("format", "sheet")
        .fill("set_id", "korea")
        .fill("set_title", "Korea 1950");
    let tsv = COLD_WAR_CSV.replace(',', "\t");
    let preview = ada.submit_upload(&form, None, &tsv);
    assert_eq!(preview.status, 200, "{}", preview.text());
    assert!(
        preview.text().contains("Preview: Korea 1950"),
        "{}",
        preview.text()
    );
    ada.publish(&preview, Some("open"));
    assert_eq!(
        ownership(&site, "korea").unwrap().visibility,
        Visibility::Open
    );
}
