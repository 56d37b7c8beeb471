//! The home page: the set with what is due and new today, and the daily new-card limit form.

use crate::common::ESSAY_SET;
use crate::site::{Site, study_path};

#[test]
fn home_lists_the_essay_set_with_its_due_and_new_counts_and_a_study_link() {
    let site = Site::start();
    let ada = site.student("ada");

    let home = ada.get("/");
    assert_eq!(home.status, 200);
    let text = home.text();
    for expected in [
        "Stalin, Mao and the Korean War",
        "0 due",
        "20 new today",
        "84 cards",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    let (link, label) = home
        .element("a", "href", &study_path())
        .expect("a link to study the set");
    assert!(
        link.attr("class").unwrap_or("").contains("primary"),
        "{link:?}"
    );
    assert_eq!(crate::html::text(label), "Study");

    site.app
        .make_due_today(site.app.user_id("ada"), "green-light-month");
    let text = ada.get("/").text();
    assert!(text.contains("1 due"), "{text}");
}

#[test]
fn the_daily_limit_form_saves_and_the_home_page_confirms_it() {
    let site = Site::start();
    let ada = site.student("ada");

    let form = ada.get("/").form("/settings/new-cards");
    assert_eq!(form.value("new_cards_per_day"), Some("20"));
    let form = form.fill("new_cards_per_day", " 7 ");
    let saved = ada.submit(&form, &form.submit());
    assert_eq!(
        (saved.status, saved.location.as_deref()),
        (303, Some("/?saved=7"))
    );
    assert_eq!(site.daily_limit("ada"), 7);

    let home = ada.follow(&saved);
    let text = home.text();
    assert!(text.contains("Saved: 7 new cards a day"), "{text}");
    assert!(text.contains("7 new today"), "{text}");
    assert_eq!(
        home.form("/settings/new-cards").value("new_cards_per_day"),
        Some("7")
    );

    let form = home
        .form("/settings/new-cards")
        .fill("new_cards_per_day", "0");
    let home = ada.follow(&ada.submit(&form, &form.submit()));
    let (_, label) = home
        .element("a", "href", &format!("/study/{ESSAY_SET}"))
        .expect("a link");
    assert_eq!(
        crate::html::text(label),
        "All done today",
        "{}",
        home.text()
    );
}

#[test]
fn the_daily_limit_form_refuses_5000_and_words_with_a_clear_error_and_keeps_the_limit() {
    let site = Site::start();
    let ada = site.student("ada");
    let form = ada.get("/").form("/settings/new-cards");

    for refused in ["5000", "abc", "-1", "", "2.5"] {
        let page = ada.submit(
            &form,
            &form.clone().fill("new_cards_per_day", refused).submit(),
        );
        assert_eq!(page.status, 422, "{refused:?}: {}", page.text());
        assert!(
            page.text()
                .contains("New cards per day is a whole number from 0 to 999"),
            "{refused:?}: {}",
            page.text()
        );
        assert_eq!(site.daily_limit("ada"), 20, "{refused:?} changed nothing");
    }
}
