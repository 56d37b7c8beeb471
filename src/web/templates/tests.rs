//! Every page template rendered with a sample view model: the key elements are there, every
//! POST form carries the CSRF token, and values are escaped.

use super::*;
use crate::web::views::*;

mod samples;
mod study_bar;
use samples::*;

fn render<T: Serialize>(name: &str, view: &T) -> String {
    Templates::new().unwrap().render(name, view).unwrap()
}

/// Every sample page, for the checks that apply to all of them.
/// The page's text with the tags taken out, e.g. a grade button's "Good — 6 days", which
/// its markup splits into spans.
fn without_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

fn every_page() -> Vec<(&'static str, String)> {
    let set = SetSummary {
        set_id: "korean-war-1950".into(),
        title: "Stalin, Mao and the Korean War".into(),
        description: None,
        card_count: 76,
        due: 12,
        new_left: 5,
        exam: None,
    };
    let sign_in = SignInView {
        layout: LayoutView::signed_out("Sign in", "csrf-123"),
        username: String::new(),
        error: None,
        next: String::new(),
        register_href: "/register".into(),
    };
    let register = RegisterView {
        layout: LayoutView::signed_out("Register", "csrf-123"),
        username: String::new(),
        error: None,
        min_password_chars: 10,
        next: String::new(),
        sign_in_href: "/login".into(),
    };
    let mut pages = vec![
        ("login.html", render("login.html", &sign_in)),
        ("register.html", render("register.html", &register)),
        ("home.html", render("home.html", &home(vec![set]))),
        (
            "answer.html",
            render("answer.html", &answered(Verdict::Right)),
        ),
        ("done.html", render("done.html", &done())),
        (
            "progress.html",
            render("progress.html", &progress(Some(87))),
        ),
        ("error.html", render("error.html", &error_view())),
    ];
    for kind in [
        AnswerForm::Recall,
        AnswerForm::Text,
        AnswerForm::Multi,
        AnswerForm::TrueFalse,
    ] {
        pages.push(("study.html", render("study.html", &card(kind, "Who?"))));
    }
    pages
}

#[test]
fn every_template_file_is_embedded_and_compiles() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".html"))
        .collect();
    on_disk.sort();
    let mut embedded: Vec<String> = TEMPLATES.iter().map(|(name, _)| name.to_string()).collect();
    embedded.sort();
    assert_eq!(on_disk, embedded);
    Templates::new().unwrap();
}

#[test]
fn every_post_form_carries_the_csrf_token() {
    for (name, html) in every_page() {
        let forms = html.matches(r#"method="post""#).count();
        let tokens = html
            .matches(r#"name="csrf_token" value="csrf-123""#)
            .count();
        assert_eq!(forms, tokens, "{name}");
    }
}

#[test]
fn every_page_has_the_layout_skip_link_and_hashed_assets() {
    for (name, html) in every_page() {
        assert!(
            html.contains(r##"<a class="skip-link" href="#main">"##),
            "{name}"
        );
        assert!(html.contains(r#"<main id="main""#), "{name}");
        assert!(html.contains(assets::url("style.css").unwrap()), "{name}");
        assert!(html.contains(assets::url("study.js").unwrap()), "{name}");
    }
}

#[test]
fn the_signed_in_layout_shows_the_nav_the_username_and_a_sign_out_form() {
    let html = render("progress.html", &progress(None));
    assert!(html.contains("<span>studyhall</span>"));
    assert!(html.contains(r#"<a href="/progress" aria-current="page">Progress</a>"#));
    assert!(html.contains(">ada</span>"));
    assert!(html.contains(r#"<form method="post" action="/logout">"#));
    assert!(html.contains("Sign out</button>"));
}

#[test]
fn the_sign_in_page_labels_its_fields_and_shows_the_error() {
    let view = SignInView {
        layout: LayoutView::signed_out("Sign in", "csrf-123"),
        username: "ada".into(),
        error: Some("Wrong username or password".into()),
        next: String::new(),
        register_href: "/register".into(),
    };
    let html = render("login.html", &view);
    assert!(html.contains(r#"<label for="username">Username</label>"#));
    assert!(html.contains(r#"<label for="password">Password</label>"#));
    assert!(html.contains(r#"role="alert" id="sign-in-error">Wrong username or password<"#));
    assert!(html.contains(r#"value="ada""#));
    assert!(html.contains(r#"href="/register""#));
    assert!(!html.contains("Sign out"));
}

#[test]
fn the_sign_in_page_carries_where_to_go_next_and_says_so() {
    let view = SignInView {
        layout: LayoutView::signed_out("Sign in", "csrf-123"),
        username: String::new(),
        error: None,
        next: "/join/K7MQ2X".into(),
        register_href: "/register?next=%2Fjoin%2FK7MQ2X".into(),
    };
    let html = render("login.html", &view);
    assert!(html.contains(r#"<input type="hidden" name="next" value="&#x2f;join&#x2f;K7MQ2X">"#));
    assert!(html.contains("Sign in to go on where you were."));
    assert!(html.contains(r#"href="&#x2f;register?next=%2Fjoin%2FK7MQ2X""#));
    let home = render(
        "login.html",
        &SignInView {
            next: String::new(),
            ..view
        },
    );
    assert!(!home.contains(r#"name="next""#) && !home.contains("go on where you were"));
}

#[test]
fn the_register_page_says_how_long_a_password_must_be() {
    let view = RegisterView {
        layout: LayoutView::signed_out("Register", "csrf-123"),
        username: String::new(),
        error: Some("a password is at least 10 characters long".into()),
        min_password_chars: 10,
        next: String::new(),
        sign_in_href: "/login".into(),
    };
    let html = render("register.html", &view);
    assert!(html.contains("At least 10 characters."));
    assert!(html.contains(r#"minlength="10""#));
    assert!(html.contains(r#"<label for="password">Password</label>"#));
    assert!(html.contains(r#"role="alert""#));
    assert!(html.contains(r#"href="/login""#));
}

#[test]
fn the_home_page_lists_each_set_with_its_counts_and_a_study_link() {
    let html = every_page()
        .into_iter()
        .find(|(n, _)| *n == "home.html")
        .unwrap()
        .1;
    assert!(html.contains("Stalin, Mao and the Korean War"));
    assert!(html.contains(">12 due<") && html.contains(">5 new today<"));
    assert!(html.contains(r#"href="/study/korean-war-1950""#));
    assert!(html.contains(r#"action="/settings/new-cards""#));
    assert!(html.contains(
        r#"<input type="number" id="new-cards-per-day" name="new_cards_per_day" value="20""#
    ));
    assert!(html.contains(r#"<label for="new-cards-per-day">"#));
}

#[test]
fn the_home_page_without_sets_shows_the_empty_state() {
    let html = render("home.html", &home(vec![]));
    assert!(html.contains("No question sets yet"));
    assert!(!html.contains("/study/"));
}

#[test]
fn the_home_page_tells_what_became_of_the_students_claims() {
    let notice = |accepted: bool, due_today: bool| ClaimNoticeView {
        accepted,
        answer: "Gen. Douglas <MacArthur>".into(),
        prompt: "Who led the UN forces?".into(),
        set_title: "Korea".into(),
        due_today,
    };
    let mut view = home(vec![]);
    view.claim_notices = vec![
        notice(true, false),
        notice(false, true),
        notice(false, false),
    ];
    let html = render("home.html", &view);
    assert!(html.contains(
        "Your instructor accepted “Gen. Douglas &lt;MacArthur&gt;” on <q>Who led the UN forces?</q> (Korea): it counts as right."
    ), "{html}");
    assert!(html.contains(
        "Your instructor rejected “Gen. Douglas &lt;MacArthur&gt;” on <q>Who led the UN forces?</q> (Korea): the card is due today."
    ));
    assert!(html.contains("on <q>Who led the UN forces?</q> (Korea).</p>"));
    assert_eq!(html.matches(r#"class="notice claim-notice""#).count(), 3);
}

#[test]
fn a_text_card_is_a_field_labelled_by_its_prompt_with_the_hidden_fields() {
    let html = render("study.html", &card(AnswerForm::Text, "Which leader?"));
    assert!(html.contains(r#"<h1 class="prompt"><label for="answer">Which leader?</label></h1>"#));
    assert!(html.contains(r#"name="answer" value="" autofocus"#));
    for field in [
        r#"name="card_id" value="green-light-month""#,
        r#"name="review_token" value="token-9""#,
        r#"name="started_at" value="2025-03-04T10:00:00Z""#,
        r#"action="/study/korean-war-1950/answer""#,
    ] {
        assert!(html.contains(field), "{field}");
    }
    assert!(html.contains("12 due · 5 new left"));
}

#[test]
fn a_date_card_hints_at_the_format_and_a_number_card_asks_for_a_decimal_keypad() {
    let date = render("study.html", &card(AnswerForm::Date, "When?"));
    assert!(
        date.contains("e.g. 14 July 1789"),
        "an example far from any answer in the set"
    );
    assert!(date.contains(r#"aria-describedby="answer-hint""#));
    let number = render("study.html", &card(AnswerForm::Number, "How many?"));
    assert!(number.contains(r#"inputmode="decimal""#));
}

#[test]
fn choice_cards_are_radio_buttons_multi_cards_checkboxes_and_true_false_two_radios() {
    let choice = render("study.html", &card(AnswerForm::Choice, "What evidence?"));
    assert!(choice.contains("<legend><h1 class=\"prompt\">What evidence?</h1></legend>"));
    assert_eq!(choice.matches(r#"type="radio" name="answer""#).count(), 2);
    let multi = render("study.html", &card(AnswerForm::Multi, "Which?"));
    assert_eq!(multi.matches(r#"type="checkbox" name="answer""#).count(), 2);
    let truefalse = render("study.html", &card(AnswerForm::TrueFalse, "True?"));
    assert!(truefalse.contains(r#"value="true""#) && truefalse.contains(r#"value="false""#));
    assert!(truefalse.contains("True <kbd") && truefalse.contains("False <kbd"));
}

#[test]
fn a_recall_card_shows_its_answer_and_grades_behind_show_answer() {
    let html = render(
        "study.html",
        &card(AnswerForm::Recall, "Who led the North?"),
    );
    assert!(html.contains(r#"<details class="reveal">"#));
    assert!(html.contains("Show answer"));
    assert!(html.contains("Kim Il Sung") && html.contains("Source: paragraph 2"));
    let text = without_tags(&html);
    assert!(text.contains("Good — 6 days") && text.contains("Again — today"));
    assert!(html.contains(r#"action="/study/korean-war-1950/grade""#));
    assert!(
        !html.contains("autofocus"),
        "a hidden button cannot take focus"
    );
}

#[test]
fn an_unreadable_answer_shows_why_and_keeps_the_answer_in_the_field() {
    let mut view = card(AnswerForm::Date, "When?");
    view.message = Some("Write the month as a word, e.g. 5 June 1950".into());
    view.kept_answer = "5/6/1950".into();
    let html = render("study.html", &view);
    assert!(html.contains(
        r#"role="alert" id="answer-message">Write the month as a word, e.g. 5 June 1950<"#
    ));
    assert!(html.contains(r#"value="5&#x2f;6&#x2f;1950""#), "{html}");
    assert!(html.contains(r#"aria-describedby="answer-message answer-hint""#));
}

#[test]
fn the_answered_page_announces_the_verdict_and_offers_grades_with_intervals() {
    let html = render("answer.html", &answered(Verdict::Right));
    assert!(html.contains(r#"role="status" aria-live="polite""#));
    assert!(html.contains(r#"<p id="verdict-label">Right</p>"#));
    assert!(
        html.contains("<svg class=\"icon\""),
        "an icon beside the words"
    );
    assert!(html.contains("Your answer") && html.contains(">Stalin</dd>"));
    assert!(html.contains("Source: paragraph 9"));
    for label in [
        "Again — today",
        "Hard — 1 day",
        "Good — 6 days",
        "Easy — 8 days",
    ] {
        assert!(without_tags(&html).contains(label), "{label}");
    }
    assert!(html.contains(r#"value="4" data-grade-key="3""#));
    assert!(html.contains(r#"class="primary" data-default-grade autofocus>"#));
    assert!(!html.contains("I was right"));
}

#[test]
fn a_wrong_answer_offers_continue_and_i_was_right() {
    let html = render("answer.html", &answered(Verdict::Wrong));
    assert!(html.contains("verdict-wrong") && html.contains("Not quite"));
    assert!(html.contains(r#"name="quality" value="1" data-grade-key="1""#));
    assert!(html.contains("<span>Continue</span>"));
    assert!(html.contains(r#"name="claim" value="right""#));
    assert!(without_tags(&html).contains("I was right — 1 day"));
}

#[test]
fn the_done_page_sums_up_the_day_and_says_when_cards_are_next_due() {
    let html = render("done.html", &done());
    assert!(html.contains("Done for today"));
    assert!(html.contains("<dd>24</dd>") && html.contains("<dd>83%</dd>"));
    assert!(html.contains("Next: 3 cards tomorrow"));
    assert!(html.contains(r#"href="/""#));
}

#[test]
fn the_progress_page_draws_the_forecast_with_a_title_and_a_table() {
    let html = render("progress.html", &progress(Some(87)));
    assert!(html.contains("<dd>87%</dd>") && html.contains("6 <span class=\"unit\">days"));
    assert!(html.contains(r#"<title id="forecast-svg-title">"#) && html.contains("<desc"));
    assert_eq!(html.matches(r#"<rect class="bar""#).count(), 30);
    assert!(html.contains("<td>1 Mar 2025</td>"));
    assert!(html.contains("Learning <strong>8</strong>"));
    assert!(html.contains(">date</th>") && html.contains("75%"));
}

#[test]
fn the_progress_page_shows_a_dash_when_there_is_no_retention_yet() {
    let html = render("progress.html", &progress(None));
    assert!(html.contains("<dd>—</dd>"));
}

#[test]
fn the_error_page_shows_the_status_a_message_and_a_way_home() {
    let html = render("error.html", &error_view());
    assert!(html.contains("Error 404") && html.contains("Page not found"));
    assert!(html.contains("That set does not exist (any more)."));
    assert!(html.contains(r#"href="/">Go home</a>"#));
}

#[test]
fn a_prompt_containing_a_script_tag_is_escaped() {
    let html = render(
        "study.html",
        &card(AnswerForm::Text, "<script>alert(1)</script>"),
    );
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
}

#[test]
fn a_missing_field_is_an_error_not_an_empty_string() {
    let templates = Templates::new().unwrap();
    let error = templates.render(
        "error.html",
        &serde_json::json!({ "layout": layout(Section::Other) }),
    );
    let error = error.unwrap_err();
    assert_eq!(error.template, "error.html");
    let source = std::error::Error::source(&error).unwrap().to_string();
    assert!(source.contains("undefined"), "{source}");
}

#[test]
fn an_unknown_template_or_asset_is_an_error() {
    let templates = Templates::new().unwrap();
    assert!(templates.render("nope.html", &()).is_err());
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_global("assets", asset_urls());
    let html = env.render_str(r#"{{ assets["style.css"] }}"#, ()).unwrap();
    assert_eq!(html, assets::url("style.css").unwrap());
    assert!(env.render_str(r#"{{ assets["nope.css"] }}"#, ()).is_err());
}

#[test]
fn counts_of_one_are_singular() {
    let mut view = done();
    view.next = Some(NextDue {
        cards: 1,
        when: "tomorrow".into(),
    });
    assert!(render("done.html", &view).contains("Next: 1 card tomorrow"));
    let mut view = progress(None);
    (view.streak_days, view.total_cards) = (1, 1);
    let html = render("progress.html", &view);
    assert!(html.contains(r#"1 <span class="unit">day</span>"#) && html.contains("of 1 card<"));
}
