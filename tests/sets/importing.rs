//! Cards from other tools and the cloze kind, through the real server: uploaded, previewed,
//! published, studied and downloaded again.

use serde_json::{Value, json};

use crate::html;
use crate::site::Site;
use crate::support::{Student, file_text, instructor};

/// A set with a cloze card of two deletion numbers and a plain card.
const CLOZE_SET: &str = r#"[set]
id = "treaty"
title = "The treaty"

[[cards]]
id = "treaty"
kind = "cloze"
text = "The {{c1::Sino-Soviet}} treaty was signed in {{c2::February 1950::month and year}}."
explanation = "Mao stayed two months in Moscow."

[[cards]]
id = "who"
kind = "text"
prompt = "Who signed for China?"
answer = "Mao Zedong"
"#;

#[test]
fn a_cloze_card_is_studied_one_gap_at_a_time_and_checked_like_typed_text() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let preview = ada.upload_file("treaty.toml", CLOZE_SET.as_bytes());
    assert_eq!(preview.status, 200, "{}", preview.text());
    assert!(
        preview
            .text()
            .contains("The Sino-Soviet treaty was signed in [month and year]."),
        "{}",
        preview.text()
    );
    ada.publish(&preview, Some("open"));
    assert_eq!(file_text(&site, "treaty").as_deref(), Some(CLOZE_SET));

    let kim = Student::register(&site, "kim");
    let mut seen = Vec::new();
    for _ in 0..3 {
        let (status, next) = kim.get("/sets/treaty/next");
        assert_eq!(status, 200, "{next}");
        let id = next["card"]["id"].as_str().unwrap().to_string();
        let prompt = next["card"]["prompt"].as_str().unwrap().to_string();
        let answer: Value = match id.as_str() {
            "treaty-c1" => {
                assert_eq!(prompt, "The […] treaty was signed in February 1950.");
                json!("sino soviet")
            }
            "treaty-c2" => {
                assert_eq!(
                    prompt,
                    "The Sino-Soviet treaty was signed in [month and year]."
                );
                assert!(!next.to_string().contains("February"), "{next}");
                json!("Febuary 1950")
            }
            "who" => json!("Mao"),
            other => panic!("an unexpected card {other}"),
        };
        let (status, checked) = kim.answer("treaty", &next, answer);
        assert_eq!(status, 200, "{checked}");
        if id.starts_with("treaty-") {
            let verdict = checked["verdict"].as_str().unwrap_or_default();
            assert!(
                verdict == "correct" || verdict == "almost",
                "{id}: {checked}"
            );
        }
        seen.push(id);
    }
    seen.sort();
    assert_eq!(seen, ["treaty-c1", "treaty-c2", "who"]);
}

#[test]
fn a_wrong_cloze_answer_is_wrong_and_shows_the_hidden_words() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    ada.publish_file("treaty.toml", CLOZE_SET, Some("open"));
    let kim = Student::register(&site, "kim");
    for _ in 0..10 {
        let (_, next) = kim.get("/sets/treaty/next");
        if next["card"]["id"] != "treaty-c2" {
            kim.answer("treaty", &next, json!("x"));
            continue;
        }
        let (status, checked) = kim.answer("treaty", &next, json!("March 1949"));
        assert_eq!(status, 200, "{checked}");
        assert_eq!(checked["verdict"], "wrong", "{checked}");
        assert!(checked.to_string().contains("February 1950"), "{checked}");
        return;
    }
    panic!("the second deletion was never shown");
}

const GIFT: &str = include_str!("../fixtures/formats/korean-war.gift");

#[test]
fn a_gift_file_previews_with_what_was_not_imported_publishes_and_downloads_again() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let preview = ada.upload_file("korean-war.gift", GIFT.as_bytes());
    assert_eq!(preview.status, 200, "{}", preview.text());
    let text = preview.text();
    for shown in [
        "Preview: korean-war",
        "10 cards",
        "Not imported",
        "line 47: essay question skipped",
        "line 53: matching question skipped",
    ] {
        assert!(text.contains(shown), "{shown:?} in {text}");
    }
    ada.publish(&preview, Some("open"));
    let kept = file_text(&site, "korean-war").expect("the set exists");
    assert!(kept.starts_with("# Not imported:\n# - line 47"), "{kept}");

    let (status, content_type, disposition, body) =
        ada.download("/teach/sets/korean-war/file?format=gift");
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/plain"), "{content_type}");
    assert!(disposition.contains("korean-war.gift"), "{disposition}");
    let written = String::from_utf8(body).unwrap();
    let again = studyhall::questions::formats::gift::read(&written).expect("it reads back");
    let set = studyhall::questions::parse::parse_set(&kept).unwrap();
    assert_eq!(again.cards, set.cards, "GIFT holds every card the set has");

    let (status, _, _, _) = ada.download("/teach/sets/korean-war/file?format=docx");
    assert_eq!(status, 400);
}

#[test]
fn a_gift_file_with_errors_comes_back_with_each_under_its_line() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let broken = "::a:: Who led the North? {=Kim ~Rhee}\n\n::b:: Who? {~x ~y}\n";
    let page = ada.upload_file("broken.gift", broken.as_bytes());
    assert_eq!(page.status, 422, "{}", page.text());
    let problems = crate::support::problems_under_lines(&page);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].0, 3, "{problems:?}");
}

#[test]
fn pasted_aiken_text_is_recognised_and_a_chosen_format_is_kept() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let aiken = "Who led North Korea in 1950?\nA. Kim Il Sung\nB. Syngman Rhee\nANSWER: A\n";
    let form = ada.get("/teach/sets/new").form("/teach/sets/preview");
    let form = form.fill("set_id", "aiken-quiz");
    let preview = ada.submit_upload(&form, None, aiken);
    assert_eq!(preview.status, 200, "{}", preview.text());
    assert!(
        preview.text().contains("Who led North Korea in 1950?"),
        "{}",
        preview.text()
    );
    let published = ada.publish(&preview, Some("open"));
    assert_eq!(published.status, 303, "{}", published.text());
    assert!(file_text(&site, "aiken-quiz").is_some());

    let quizlet = ada.paste(
        "Kim Il Sung\tleader of North Korea\nInchon\tport of the landing\n",
        "quizlet",
    );
    // A pasted file has no name: the set id is asked for.
    assert_eq!(quizlet.status, 422, "{}", quizlet.text());
    assert!(
        quizlet.text().contains("Give the set an id"),
        "{}",
        quizlet.text()
    );
}

const DECK: &[u8] = include_bytes!("../fixtures/anki/korean-war.apkg");

#[test]
fn an_anki_deck_previews_as_the_toml_it_gives_publishes_and_downloads_for_anki_again() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let preview = ada.upload_file("Korean War.apkg", DECK);
    assert_eq!(preview.status, 200, "{}", preview.text());
    let text = preview.text();
    for shown in [
        "12 cards",
        "Not imported",
        "media not imported: seoul.jpg, x.mp3",
    ] {
        assert!(text.contains(shown), "{shown:?} in {text}");
    }
    // The package went on as the TOML it gives: Publish posts that text, hidden.
    let fields = preview.form("/teach/sets/publish").fields;
    let posted = |name: &str| {
        fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    };
    assert_eq!(posted("format"), "toml");
    assert!(
        posted("text").contains("id = \"korean-war\""),
        "{}",
        posted("text")
    );
    ada.publish(&preview, Some("open"));
    let kept = file_text(&site, "korean-war").expect("the set exists");
    let set = studyhall::questions::parse::parse_set(&kept).unwrap();
    assert_eq!(set.cards.len(), 12);
    assert!(
        set.cards
            .iter()
            .any(|card| matches!(card.kind, studyhall::questions::CardKind::Cloze { .. })),
        "Anki's cloze notes are cloze cards"
    );

    let (status, content_type, disposition, body) =
        ada.download("/teach/sets/korean-war/file?format=apkg");
    assert_eq!(status, 200);
    assert_eq!(content_type, "application/octet-stream");
    assert!(disposition.contains("korean-war.apkg"), "{disposition}");
    let back = studyhall::questions::formats::apkg::read(&body).expect("our package reads");
    assert_eq!(back.cards.len(), set.cards.len());

    // Uploading the same deck again changes no card: ids come from the notes' GUIDs.
    let again = ada.upload_file("Korean War.apkg", DECK);
    assert!(
        again.text().contains("This is the set as it stands"),
        "{}",
        again.text()
    );
}

#[test]
fn a_file_that_is_not_a_package_is_refused_with_what_to_do() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let mut fake = b"PK\x03\x04".to_vec();
    fake.extend_from_slice(&[0u8; 64]);
    let page = ada.upload_file("deck.apkg", &fake);
    assert_eq!(page.status, 422, "{}", page.text());
    assert!(
        page.text().contains("“deck.apkg” cannot be imported"),
        "{}",
        page.text()
    );
}

/// Quizlet's Export box lets a teacher choose other separators and what to ask: the upload form
/// takes them (Quizlet's defaults shown), and Preview and Publish read the file the same way.
#[test]
fn a_quizlet_export_with_custom_separators_reads_as_the_form_says_through_publish() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let export = "Inchon;landing of September 1950;;Pusan;perimeter held in August 1950";
    let page = ada.get("/teach/sets/new");
    assert!(
        page.text()
            .contains("cloze card has text instead of prompt: The {{c1::Sino-Soviet}}"),
        "the page's help names every kind: {}",
        page.text()
    );
    let form = page.form("/teach/sets/preview");
    assert_eq!(form.value("quizlet_separator"), Some("\\t"), "{form:?}");
    assert_eq!(form.value("quizlet_row_separator"), Some("\\n"));
    let form = html::Form {
        fields: form
            .fields
            .into_iter()
            .filter(|(name, _)| name != "format" && name != "quizlet_ask")
            .collect(),
        ..form
    }
    .tick("format", "quizlet");

    // Left at Quizlet's defaults, the rows have no tab: a located error, nothing published.
    let refused = ada.submit_upload(&form, Some(("vocab.txt", export.as_bytes())), "");
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert!(
        refused
            .text()
            .contains("no separator between a term and its definition"),
        "{}",
        refused.text()
    );

    let form = form
        .fill("quizlet_separator", ";")
        .fill("quizlet_row_separator", ";;")
        .tick("quizlet_ask", "definition");
    let preview = ada.submit_upload(&form, Some(("vocab.txt", export.as_bytes())), "");
    assert_eq!(preview.status, 200, "{}", preview.text());
    assert!(preview.text().contains("2 cards"), "{}", preview.text());
    ada.publish(&preview, Some("open"));
    let set = studyhall::questions::parse::parse_set(&file_text(&site, "vocab").unwrap()).unwrap();
    let asked: Vec<(&str, String)> = set
        .cards
        .iter()
        .map(|card| (card.prompt.as_str(), card.kind.expected_text()))
        .collect();
    assert_eq!(
        asked,
        [
            ("Inchon", "landing of September 1950".to_string()),
            ("Pusan", "perimeter held in August 1950".to_string())
        ]
    );
}

/// A set downloaded as GIFT and uploaded to another server (under another file name) comes
/// back with its title, its cloze cards and its explanation, card for card.
#[test]
fn a_gift_file_studyhall_wrote_uploads_as_the_same_set_under_its_title() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    ada.publish_file("treaty.toml", CLOZE_SET, Some("open"));
    let (status, _, _, gift) = ada.download("/teach/sets/treaty/file?format=gift");
    assert_eq!(status, 200);

    let preview = ada.upload_file("from-moodle.gift", &gift);
    assert_eq!(preview.status, 200, "{}", preview.text());
    assert!(
        preview.text().contains("Preview: The treaty"),
        "{}",
        preview.text()
    );
    ada.publish(&preview, Some("open"));
    let original = studyhall::questions::parse::parse_set(CLOZE_SET).unwrap();
    let again =
        studyhall::questions::parse::parse_set(&file_text(&site, "from-moodle").unwrap()).unwrap();
    assert_eq!(again.title, "The treaty");
    assert_eq!(again.cards, original.cards);
}
