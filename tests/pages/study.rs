//! Studying through the pages, one test per kind of card the essay set has: the card's form,
//! the check (which records the review and answers 303 to its verdict page) and the grade
//! (which changes that review and moves on). Also an answer that cannot be read, and the done
//! page.

use crate::html::Form;
use crate::site::{Page, Site, Visitor, study_path};

/// A student whose next card is `card` of the essay set (due today, and no new cards).
fn studying(site: &Site, card: &str) -> Visitor {
    let student = site.student_with_limit("ada", 0);
    site.app.make_due_today(site.app.user_id("ada"), card);
    student
}

/// Answers the card shown with `fill`: the check records it as right (Good, the default) and
/// shows the verdict; grading it Easy changes that same review, and nothing else is recorded.
#[track_caller]
fn answer_and_grade_easy(
    site: &Site,
    student: &Visitor,
    card: &str,
    fill: impl FnOnce(Form) -> Form,
) -> Page {
    let page = student.card();
    assert_eq!(page.card_id(), card);
    let form = fill(page.answer_form());
    let verdict = student.check(&form, &form.submit());
    assert!(
        verdict.text().contains("Right"),
        "the verdict: {}",
        verdict.text()
    );
    assert_eq!(
        site.reviews_today("ada"),
        [(card.to_string(), 4, "correct".to_string(), false)],
        "the check is the attempt: recorded with the default grade"
    );

    let grade = verdict.grade_form();
    assert_eq!(
        grade.value("review_token"),
        form.value("review_token"),
        "the same showing"
    );
    let graded = student.submit(&grade, &grade.press("quality", "5"));
    assert_eq!(
        (graded.status, graded.location.as_deref()),
        (303, Some(study_path().as_str()))
    );
    assert_eq!(
        site.reviews_today("ada"),
        [(card.to_string(), 5, "correct".to_string(), false)],
        "the grade changed the same review"
    );
    verdict
}

#[test]
fn a_text_card_takes_a_typed_answer_and_accepts_its_alternatives() {
    let site = Site::start();
    let ada = studying(&site, "responsible-for-outbreak");
    let page = ada.card();
    let field = page
        .answer_form()
        .inputs
        .into_iter()
        .find(|input| input.attr("name") == Some("answer"));
    let field = field.expect("an answer field");
    assert_eq!(field.attr("type"), Some("text"));
    assert!(field.has("autofocus"), "the field has the focus: {field:?}");
    let label = page
        .element("label", "for", "answer")
        .expect("the prompt labels the field");
    assert!(crate::html::text(label.1).contains("final responsibility"));

    let verdict = answer_and_grade_easy(&site, &ada, "responsible-for-outbreak", |form| {
        form.fill("answer", "joseph stalin")
    });
    assert!(
        verdict.text().contains("joseph stalin"),
        "{}",
        verdict.text()
    );
}

#[test]
fn a_date_card_takes_a_written_date() {
    let site = Site::start();
    let ada = studying(&site, "acheson-speech-date");
    let hint = ada
        .card()
        .element("span", "id", "answer-hint")
        .map(|(_, hint)| crate::html::text(hint));
    assert!(
        hint.is_some_and(|hint| hint.starts_with("e.g.")),
        "a date card shows a format hint"
    );
    let verdict = answer_and_grade_easy(&site, &ada, "acheson-speech-date", |form| {
        form.fill("answer", "12th January 1950")
    });
    assert!(
        verdict.text().contains("Answer 12 January 1950"),
        "a date in words: {}",
        verdict.text()
    );
}

#[test]
fn a_month_card_takes_a_month_and_year() {
    let site = Site::start();
    let ada = studying(&site, "green-light-month");
    let hint = ada
        .card()
        .element("span", "id", "answer-hint")
        .map(|(_, hint)| crate::html::text(hint));
    assert_eq!(
        hint.as_deref(),
        Some("e.g. July 1789"),
        "the example is at the card's precision"
    );
    let verdict = answer_and_grade_easy(&site, &ada, "green-light-month", |form| {
        form.fill("answer", "Jan. 1950")
    });
    assert!(
        verdict
            .text()
            .contains("Your answer Jan. 1950 Answer January 1950"),
        "{}",
        verdict.text()
    );
}

#[test]
fn a_number_card_takes_a_number_with_a_decimal_keypad() {
    let site = Site::start();
    let ada = studying(&site, "essay-anniversary");
    let form = ada.card().answer_form();
    let field = form
        .inputs
        .iter()
        .find(|input| input.attr("name") == Some("answer"))
        .expect("a field");
    assert_eq!(field.attr("inputmode"), Some("decimal"));
    answer_and_grade_easy(&site, &ada, "essay-anniversary", |form| {
        form.fill("answer", "70")
    });
}

#[test]
fn a_choice_card_offers_one_radio_button_per_choice() {
    let site = Site::start();
    let ada = studying(&site, "evidence-for-stalin-role");
    let form = ada.card().answer_form();
    let choices: Vec<&str> = form
        .options
        .iter()
        .map(|(_, value)| value.as_str())
        .collect();
    assert_eq!(choices.len(), 4, "{choices:?}");
    assert!(
        form.inputs
            .iter()
            .filter(|i| i.attr("type") == Some("radio"))
            .count()
            == 4
    );
    answer_and_grade_easy(&site, &ada, "evidence-for-stalin-role", |form| {
        form.tick("answer", "Declassified Russian archives")
    });
}

#[test]
fn a_multi_card_sends_every_ticked_box_as_its_own_answer_field() {
    let site = Site::start();
    let ada = studying(&site, "common-explanations-questioned");
    let form = ada.card().answer_form();
    assert_eq!(
        form.inputs
            .iter()
            .filter(|i| i.attr("type") == Some("checkbox"))
            .count(),
        5
    );
    let verdict = answer_and_grade_easy(&site, &ada, "common-explanations-questioned", |form| {
        form.tick("answer", "The speech that left Korea outside the US defense perimeter")
            .tick("answer", "A wish to bog the United States down in an East Asian war")
            .tick("answer", "Spreading the Chinese Communist model of taking power by armed struggle across East Asia")
    });
    let sent_back = verdict
        .grade_form()
        .fields
        .iter()
        .filter(|(name, _)| name == "answer")
        .count();
    assert_eq!(
        sent_back, 0,
        "the grade form sends no answer: the review was recorded at the check"
    );
}

#[test]
fn a_multi_card_verdict_marks_each_choice_picked_right_picked_wrong_or_missed_in_words() {
    let site = Site::start();
    let ada = studying(&site, "common-explanations-questioned");
    let form = ada
        .card()
        .answer_form()
        .tick("answer", "Pressure from the Soviet military")
        .tick(
            "answer",
            "A wish to bog the United States down in an East Asian war",
        );
    let verdict = ada.check(&form, &form.submit());
    assert!(verdict.text().contains("Not quite"), "{}", verdict.text());

    let marks: Vec<(String, String)> = crate::html::tags(&verdict.html, "li")
        .into_iter()
        .filter_map(|li| {
            let mark = li.attr("data-mark")?.to_string();
            Some((
                crate::html::text(crate::html::inner(&verdict.html, &li)),
                mark,
            ))
        })
        .collect();
    let expect = |text: &str, words: &str, mark: &str| {
        (
            format!("{text} {words}").trim().to_string(),
            mark.to_string(),
        )
    };
    assert_eq!(
        marks,
        [
            expect(
                "The speech that left Korea outside the US defense perimeter",
                "Missed: an answer",
                "missed"
            ),
            expect(
                "A wish to bog the United States down in an East Asian war",
                "Picked: right",
                "picked-right"
            ),
            expect(
                "Spreading the Chinese Communist model of taking power by armed struggle across East Asia",
                "Missed: an answer",
                "missed"
            ),
            expect(
                "Pressure from the Soviet military",
                "Picked: not an answer",
                "picked-wrong"
            ),
            expect("Fear that Japan would rearm", "", "left-out"),
        ],
        "every choice in written order, its mark said in words as well as shown"
    );
    assert!(
        !verdict.text().contains("Expected"),
        "no comma-joined lists to diff by eye: {}",
        verdict.text()
    );
}

#[test]
fn a_true_false_card_offers_true_and_false() {
    let site = Site::start();
    let ada = studying(&site, "scholars-agree-truefalse");
    let form = ada.card().answer_form();
    assert_eq!(
        form.options,
        [
            ("answer".to_string(), "true".to_string()),
            ("answer".into(), "false".into())
        ]
    );
    let verdict = answer_and_grade_easy(&site, &ada, "scholars-agree-truefalse", |form| {
        form.tick("answer", "false")
    });
    assert!(
        verdict.text().contains("Your answer False Answer False"),
        "{}",
        verdict.text()
    );
}

#[test]
fn a_recall_card_is_graded_directly_from_the_answer_behind_show_answer() {
    let site = Site::start();
    let ada = studying(&site, "puzzles-left-open");
    let page = ada.card();
    assert!(
        crate::html::forms(&page.html)
            .iter()
            .all(|form| !form.action.ends_with("/answer")),
        "nothing to type on a recall card"
    );
    let (_, reveal) = page
        .element("details", "class", "reveal")
        .expect("a Show answer box");
    assert!(crate::html::text(reveal).contains("Show answer"));
    assert!(
        crate::html::text(reveal).contains("suddenly abandoned his support"),
        "the model answer"
    );
    let grade = page.grade_form();
    let labels: Vec<&str> = grade
        .buttons
        .iter()
        .map(|(_, _, text)| text.as_str())
        .collect();
    assert_eq!(labels.len(), 4, "{labels:?}");
    for (label, name) in labels.iter().zip(["Again", "Hard", "Good", "Easy"]) {
        assert!(label.contains(name), "{labels:?}");
    }

    let graded = ada.submit(&grade, &grade.press("quality", "4"));
    assert_eq!(
        (graded.status, graded.location.as_deref()),
        (303, Some(study_path().as_str()))
    );
    assert_eq!(
        site.reviews_today("ada"),
        [(
            "puzzles-left-open".to_string(),
            4,
            "self-graded".to_string(),
            false
        )]
    );
}

/// Posts `answer` to the card shown, which the server cannot read: the same card comes back
/// with `message`, the answer kept in the field and the same review token; nothing is recorded.
#[track_caller]
fn unreadable(card: &str, answer: &str, message: &str) {
    let site = Site::start();
    let ada = studying(&site, card);
    let form = ada.card().answer_form().fill("answer", answer);
    let again = ada.submit(&form, &form.submit());
    assert_eq!(again.status, 200, "{}", again.text());
    let (alert, text) = again
        .element("p", "id", "answer-message")
        .expect("the message");
    assert_eq!(alert.attr("role"), Some("alert"));
    assert!(
        crate::html::text(text).contains(message),
        "{}",
        crate::html::text(text)
    );
    let form_again = again.answer_form();
    assert_eq!(again.card_id(), card);
    assert_eq!(
        form_again.value("answer"),
        Some(answer),
        "the answer is kept"
    );
    assert_eq!(form_again.value("review_token"), form.value("review_token"));
    assert_eq!(form_again.value("started_at"), form.value("started_at"));
    let field = form_again
        .inputs
        .iter()
        .find(|input| input.attr("name") == Some("answer"));
    let described = field
        .and_then(|field| field.attr("aria-describedby"))
        .unwrap_or("");
    assert!(
        described.contains("answer-message"),
        "the field points at the message: {described}"
    );
    assert!(site.reviews_today("ada").is_empty(), "nothing is recorded");
    assert!(
        !again.text().contains("Source:"),
        "no verdict, so no explanation yet"
    );
}

#[test]
fn an_ambiguous_all_numeric_date_comes_back_asking_for_the_month_as_a_word() {
    unreadable(
        "acheson-speech-date",
        "05/06/1950",
        "Write the month as a word",
    );
}

#[test]
fn a_bare_year_on_a_month_card_comes_back_asking_for_the_month() {
    unreadable("green-light-month", "1950", "month");
}

#[test]
fn a_word_on_a_number_card_comes_back_asking_for_a_number() {
    unreadable("essay-anniversary", "seventy-ish", "number");
}

#[test]
fn after_an_unreadable_answer_the_same_showing_can_still_be_answered_and_is_recorded_once() {
    let site = Site::start();
    let ada = studying(&site, "acheson-speech-date");
    let form = ada.card().answer_form().fill("answer", "05/06/1950");
    let again = ada.submit(&form, &form.submit());
    let form = again.answer_form().fill("answer", "January 12, 1950");
    let verdict = ada.check(&form, &form.submit());
    let grade = verdict.grade_form();
    assert_eq!(ada.submit(&grade, &grade.press("quality", "4")).status, 303);
    assert_eq!(site.reviews_today("ada").len(), 1);
}

#[test]
fn the_done_page_comes_when_the_days_cards_are_done_and_says_when_the_next_are_due() {
    let site = Site::start();
    let ada = site.student("ada");
    let limit = ada
        .get("/")
        .form("/settings/new-cards")
        .fill("new_cards_per_day", "2");
    assert_eq!(ada.submit(&limit, &limit.submit()).status, 303);

    for (card, answer) in [
        ("essay-anniversary", "70"),
        ("responsible-for-outbreak", "Stalin"),
    ] {
        answer_new_card_good(&ada, card, answer);
    }
    let done = ada.get(&study_path());
    assert_eq!(done.status, 200);
    assert!(!done.has_card(), "{}", done.text());
    let text = done.text();
    for expected in [
        "Done for today",
        "Reviews today 2",
        "Right 100%",
        "Next: 2 cards tomorrow",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    assert!(
        done.element("a", "href", "/progress").is_some(),
        "a way on to the progress page"
    );
    let home = ada.get("/").text();
    assert!(
        home.contains("0 new today") && home.contains("All done today"),
        "{home}"
    );
}

fn answer_new_card_good(student: &Visitor, card: &str, answer: &str) {
    let page = student.card();
    assert_eq!(page.card_id(), card, "new cards come in file order");
    let form = page.answer_form().fill("answer", answer);
    let verdict = student.check(&form, &form.submit());
    let grade = verdict.grade_form();
    assert_eq!(
        student.submit(&grade, &grade.press("quality", "4")).status,
        303
    );
}

#[test]
fn an_answer_over_1000_characters_is_shown_again_with_why_and_nothing_is_recorded() {
    let site = Site::start();
    let ada = studying(&site, "responsible-for-outbreak");
    let form = ada
        .card()
        .answer_form()
        .fill("answer", &"Stalin ".repeat(200));
    let again = ada.submit(&form, &form.submit());
    assert_eq!(again.status, 200, "{}", again.text());
    assert!(
        again
            .text()
            .contains("an answer is at most 1000 characters long, this one has 1400"),
        "{}",
        again.text()
    );
    assert_eq!(again.card_id(), "responsible-for-outbreak");
    assert!(site.reviews_today("ada").is_empty());
}
