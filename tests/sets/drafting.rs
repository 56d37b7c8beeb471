//! Teach → New set → Draft from a text: a reading in, every draft listed under its sentence,
//! the kept ones (edited or not) through the upload's own preview to Publish.

use crate::html;
use crate::site::Site;
use crate::support::{Part, instructor, multipart, ownership};

const READING: &str = "# The Berlin airlift\n\n\
    1. On 24 June 1948, Soviet forces cut the last rail and road links into West Berlin. \
    General Lucius Clay ordered the first flights two days later.\n\n\
    2. Ernest Bevin backed the airlift because he feared that Berlin would fall. \
    The Soviets lifted the blockade on 12 May 1949.\n";

#[test]
fn drafts_are_kept_edited_or_dropped_then_previewed_and_published() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let form = ada.get("/teach/sets/draft").form("/teach/sets/draft");
    let csrf = form.value("csrf_token").expect("a CSRF token").to_string();
    let drafted = ada.post_multipart(
        "/teach/sets/draft",
        multipart(&[
            Part::Field("csrf_token", &csrf),
            Part::File("berlin-airlift.md", READING.as_bytes()),
            Part::Field("text", ""),
        ]),
    );
    assert_eq!(drafted.status, 200, "{}", drafted.text());
    let text = drafted.text();
    assert!(
        text.contains("Ernest Bevin backed the airlift because he feared"),
        "{text}"
    );
    let drafts = drafted.form("/teach/sets/draft/preview");
    assert_eq!(drafts.value("set_id"), Some("berlin-airlift"));
    assert_eq!(drafts.value("set_title"), Some("The Berlin airlift"));
    let kept: Vec<&(String, String)> = drafts
        .fields
        .iter()
        .filter(|(name, _)| name == "keep")
        .collect();
    assert!(kept.len() >= 5, "every draft is kept at first: {kept:?}");

    // Find the date of the blockade's end and the question about Clay.
    let index_of = |answer: &str| {
        drafts
            .fields
            .iter()
            .find(|(name, value)| name.starts_with("answer_") && value == answer)
            .map(|(name, _)| name.trim_start_matches("answer_").to_string())
            .unwrap_or_else(|| panic!("a draft answered {answer}: {:?}", drafts.fields))
    };
    let lifted = index_of("1949-05-12");
    let clay = index_of("General Lucius Clay");
    let mut fields: Vec<(String, String)> = drafts
        .fields
        .iter()
        .filter(|(name, value)| !(name == "keep" && *value == clay))
        .cloned()
        .collect();
    for (name, value) in &mut fields {
        if *name == format!("prompt_{lifted}") {
            *value = "When did the Soviet Union lift the Berlin blockade?".to_string();
        }
    }
    let preview = ada.visitor.post("/teach/sets/draft/preview", &fields);
    assert_eq!(preview.status, 200, "{}", preview.text());
    let text = preview.text();
    assert!(text.contains("Preview: The Berlin airlift"), "{text}");
    assert!(
        text.contains("When did the Soviet Union lift the Berlin blockade?"),
        "{text}"
    );
    assert!(
        !text.contains("Who ordered the first flights"),
        "the dropped draft is gone: {text}"
    );
    assert_eq!(
        ownership(&site, "berlin-airlift"),
        None,
        "nothing saved yet"
    );

    let published = ada.publish(&preview, Some("open"));
    assert_eq!(published.status, 303, "{}", published.text());
    let file = crate::support::file_text(&site, "berlin-airlift").expect("published");
    assert!(file.contains("answer = \"1949-05-12\""), "{file}");
    assert!(file.contains("source = \"paragraph 2\""), "{file}");
}

#[test]
fn a_draft_edited_into_a_bad_answer_comes_back_at_its_line_and_nothing_kept_is_refused() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let csrf = ada
        .get("/teach/sets/draft")
        .form("/teach/sets/draft")
        .value("csrf_token")
        .expect("a token")
        .to_string();
    let fields = |keep: bool, answer: &str| {
        let mut fields = vec![
            ("csrf_token".to_string(), csrf.clone()),
            ("set_id".to_string(), "drafted".to_string()),
            ("set_title".to_string(), "Drafted".to_string()),
            ("kind_0".to_string(), "date".to_string()),
            ("prompt_0".to_string(), "When?".to_string()),
            ("answer_0".to_string(), answer.to_string()),
            ("paragraph_0".to_string(), "3".to_string()),
        ];
        if keep {
            fields.push(("keep".to_string(), "0".to_string()));
        }
        fields
    };
    let refused = ada
        .visitor
        .post("/teach/sets/draft/preview", &fields(true, "the summer"));
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert!(refused.text().contains("the summer"), "{}", refused.text());
    let none = ada
        .visitor
        .post("/teach/sets/draft/preview", &fields(false, "1950"));
    assert_eq!(none.status, 422);
    assert!(none.text().contains("No draft was kept"), "{}", none.text());

    let form = ada.get("/teach/sets/draft").form("/teach/sets/draft");
    let nothing = ada.post_multipart(
        "/teach/sets/draft",
        multipart(&[
            Part::Field("csrf_token", form.value("csrf_token").unwrap()),
            Part::File("", b""),
            Part::Field("text", "nothing here at all."),
        ]),
    );
    assert_eq!(nothing.status, 422);
    assert!(
        nothing.text().contains("Nothing to draft"),
        "{}",
        nothing.text()
    );
    assert!(
        html::forms(&nothing.html)
            .iter()
            .any(|form| form.action == "/teach/sets/draft"),
        "the form again"
    );
}
