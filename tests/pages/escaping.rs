//! The templates escape what they show. Usernames cannot carry HTML, so the test imports a set
//! whose title, prompts, choices and explanation do, and studies it.

use studyhall::questions::parse::parse_set;

use crate::html;
use crate::site::Site;

const HOSTILE_SET: &str = r#"
[set]
id = "escape-test"
title = "Tags <b>in the title</b> & more"

[[cards]]
id = "script-prompt"
kind = "text"
prompt = "Is 1 < 2? <script>alert('prompt')</script>"
answer = "yes"
explanation = "<img src=x onerror=alert('explanation')> because \"1 < 2\""
source = "<i>paragraph</i> 1"

[[cards]]
id = "tag-choices"
kind = "choice"
prompt = "Which is <em>bold</em>?"
choices = ["<b>this</b>", "\"><script>alert('choice')</script>"]
answer = "<b>this</b>"
"#;

#[test]
fn titles_prompts_choices_answers_and_explanations_are_escaped_on_every_page() {
    let site = Site::start();
    let set = parse_set(HOSTILE_SET).expect("the set parses");
    let imported = site
        .app
        .store
        .import_sets(vec![(set, HOSTILE_SET.to_string())])
        .wait();
    imported.expect("the set imports");
    let ada = site.student("ada");

    let home = ada.get("/");
    assert!(
        home.text().contains("Tags <b>in the title</b> & more"),
        "{}",
        home.text()
    );
    assert!(
        !home.html.contains("<b>in the title"),
        "the title is escaped"
    );

    let card = ada.get("/study/escape-test");
    assert_eq!(card.status, 200, "{}", card.text());
    assert!(
        card.text()
            .contains("Is 1 < 2? <script>alert('prompt')</script>"),
        "{}",
        card.text()
    );
    assert!(
        !card.html.contains("<script>alert"),
        "the prompt is escaped"
    );

    let form = card
        .form("/study/escape-test/answer")
        .fill("answer", "<u>yes</u>");
    let verdict = ada.follow(&ada.submit(&form, &form.submit()));
    assert_eq!(verdict.status, 200, "{}", verdict.text());
    let text = verdict.text();
    assert!(text.contains("Your answer <u>yes</u>"), "{text}");
    assert!(
        text.contains("<img src=x onerror=alert('explanation')> because \"1 < 2\""),
        "{text}"
    );
    assert!(text.contains("Source: <i>paragraph</i> 1"), "{text}");
    for raw in ["<script>alert", "<img src=x", "<u>yes", "<i>paragraph"] {
        assert!(!verdict.html.contains(raw), "{raw} is escaped");
    }
    let sent_back = verdict.form("/study/escape-test/grade");
    let graded = ada.submit(&sent_back, &sent_back.press("quality", "1"));
    assert_eq!(graded.status, 303);

    let choice = ada.get("/study/escape-test");
    assert_eq!(choice.card_id(), "tag-choices", "{}", choice.text());
    let mut offered: Vec<String> = choice
        .form("/study/escape-test/answer")
        .options
        .into_iter()
        .map(|(_, value)| value)
        .collect();
    offered.sort();
    assert_eq!(
        offered,
        ["\"><script>alert('choice')</script>", "<b>this</b>"]
    );
    assert!(!choice.html.contains("<script>alert") && !choice.html.contains("<b>this"));
    assert!(html::text(&choice.html).contains("Which is <em>bold</em>?"));
}
