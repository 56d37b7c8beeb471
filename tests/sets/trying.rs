//! "Try it as a student" on the preview: the uploaded set studied card by card as a student sees
//! it, checked by the same rules, with nothing saved: no set, no review.

use studyhall::store::Role;

use crate::html;
use crate::site::{Page, Site};
use crate::support::{COLD_WAR, Teacher, instructor, ownership, signed_in};

/// The fields of the preview's Publish form, sent to "Try it as a student" instead.
fn try_from_preview(ada: &Teacher, preview: &Page) -> Page {
    assert_eq!(preview.status, 200, "a preview: {}", preview.text());
    let buttons = html::tags(&preview.html, "button");
    assert!(
        buttons
            .iter()
            .any(|button| button.attr("formaction") == Some("/teach/sets/try")),
        "the preview offers Try it as a student"
    );
    let fields = preview.form("/teach/sets/publish").fields;
    ada.post_fields("/teach/sets/try", &fields)
}

/// Answers the card on `page` with `answer` (a field to fill, or an option to tick).
fn answer(ada: &Teacher, page: &Page, answer: &str) -> Page {
    let form = page.form("/teach/sets/try");
    let form = if form.options.is_empty() {
        form.fill("answer", answer)
    } else {
        form.tick("answer", answer)
    };
    ada.post_fields("/teach/sets/try", &form.submit())
}

/// Presses "Next card" (or "Start again") on a verdict.
fn next_card(ada: &Teacher, verdict: &Page) -> Page {
    let form = verdict.form("/teach/sets/try");
    let (name, value, _) = form
        .buttons
        .iter()
        .find(|(name, _, _)| name == "card")
        .expect("a next-card button")
        .clone();
    ada.post_fields("/teach/sets/try", &form.press(&name, &value))
}

fn reviews_in_database(site: &Site) -> i64 {
    let db = rusqlite::Connection::open(&site.app.db_path).expect("the database opens");
    db.query_row("SELECT count(*) FROM reviews", [], |row| row.get(0))
        .expect("the reviews count")
}

#[test]
fn an_instructor_tries_every_card_of_a_previewed_set_and_nothing_is_saved() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let preview = ada.upload_file("cold-war.toml", COLD_WAR.as_bytes());
    let first = try_from_preview(&ada, &preview);
    assert_eq!(first.status, 200, "{}", first.text());
    let text = first.text();
    assert!(text.contains("Trying The Cold War as a student"), "{text}");
    assert!(text.contains("Card 1 of 3 · nothing is saved"), "{text}");
    assert!(text.contains("The Berlin Wall fell in 1989."), "{text}");

    let verdict = answer(&ada, &first, "true");
    assert_eq!(verdict.status, 200, "{}", verdict.text());
    assert!(verdict.text().contains("Right"), "{}", verdict.text());
    assert!(
        !verdict.text().contains("How well did you know it?"),
        "no grades"
    );

    let second = next_card(&ada, &verdict);
    assert!(second.text().contains("Card 2 of 3"), "{}", second.text());
    let verdict = answer(&ada, &second, "true");
    let text = verdict.text();
    assert!(text.contains("Not quite"), "{text}");
    assert!(
        !text.contains("I was right"),
        "no claims in a trial: {text}"
    );

    let third = next_card(&ada, &verdict);
    assert!(third.text().contains("Which city was divided by a wall?"));
    let verdict = answer(&ada, &third, "Berlin");
    let text = verdict.text();
    assert!(
        text.contains("Right") && text.contains("From 1961 to 1989."),
        "{text}"
    );
    assert!(
        text.contains("That was the last card. Nothing was saved."),
        "{text}"
    );
    let again = next_card(&ada, &verdict);
    assert!(
        again.text().contains("Card 1 of 3"),
        "Start again: {}",
        again.text()
    );

    // Back to the preview: the same Publish form, and still nothing written.
    let fields = verdict.form("/teach/sets/try").submit();
    let back = ada.post_fields("/teach/sets/preview", &fields);
    assert!(
        back.text().contains("Preview: The Cold War"),
        "{}",
        back.text()
    );
    assert_eq!(
        ownership(&site, "cold-war"),
        None,
        "trying publishes nothing"
    );
    assert_eq!(reviews_in_database(&site), 0, "trying records no review");
}

#[test]
fn an_answer_the_card_cannot_read_is_kept_with_why_and_a_forged_token_shows_the_card_again() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let dated = "[set]\nid = \"dates\"\ntitle = \"Dates\"\n\n[[cards]]\nid = \"d1\"\n\
                 kind = \"date\"\nprompt = \"When did the Korean War begin?\"\n\
                 answer = \"1950-06-25\"\n";
    let preview = ada.upload_file("dates.toml", dated.as_bytes());
    let card = try_from_preview(&ada, &preview);
    let unread = answer(&ada, &card, "the summer");
    assert_eq!(unread.status, 200);
    let form = unread.form("/teach/sets/try");
    assert_eq!(
        form.value("answer"),
        Some("the summer"),
        "the answer is kept"
    );
    assert!(unread.text().contains("Card 1 of 1"), "{}", unread.text());

    let forged = form
        .fill("answer", "25 June 1950")
        .fill("review_token", "0-0-0");
    let again = ada.post_fields("/teach/sets/try", &forged.submit());
    assert_eq!(again.status, 200);
    assert!(again.text().contains("out of date"), "{}", again.text());
    let right = answer(&ada, &again, "25 June 1950");
    assert!(right.text().contains("Right"), "{}", right.text());
}

#[test]
fn only_a_teacher_with_a_csrf_token_may_try_and_a_bad_file_comes_back_with_its_problems() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let preview = ada.upload_file("cold-war.toml", COLD_WAR.as_bytes());
    let fields = preview.form("/teach/sets/publish").fields;

    let kim = signed_in(&site, "kim", Role::Student);
    let kims_token = html::forms(&kim.get("/").html)
        .iter()
        .find_map(|form| form.value("csrf_token").map(str::to_string))
        .expect("a form with kim's CSRF token");
    let kims: Vec<(String, String)> = fields
        .iter()
        .map(|(name, value)| match name.as_str() {
            "csrf_token" => (name.clone(), kims_token.clone()),
            _ => (name.clone(), value.clone()),
        })
        .collect();
    assert_eq!(
        kim.post_fields("/teach/sets/try", &kims).status,
        403,
        "students may not"
    );

    let without_token: Vec<(String, String)> = fields
        .iter()
        .filter(|(name, _)| name != "csrf_token")
        .cloned()
        .collect();
    assert_eq!(
        ada.post_fields("/teach/sets/try", &without_token).status,
        403
    );

    let broken: Vec<(String, String)> = fields
        .iter()
        .map(|(name, value)| match name.as_str() {
            "text" => (
                name.clone(),
                value.replace("kind = \"choice\"", "kind = \"quiz\""),
            ),
            _ => (name.clone(), value.clone()),
        })
        .collect();
    let refused = ada.post_fields("/teach/sets/try", &broken);
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert!(refused.text().contains("quiz"), "{}", refused.text());
}
