//! The keyboard help is reachable from a text field: the study bar above every card and verdict
//! has a help button with an accessible name (study.js shows it and opens the help dialog), and
//! the dialog says that Esc leaves the field so that `?` works. The keys themselves are tried in
//! the browser test (tests/browser/help.rs).

use crate::html;
use crate::site::{Page, Site};

#[track_caller]
fn assert_help_button_in_the_bar(page: &Page) {
    let (_, bar) = page
        .element("div", "class", "study-bar")
        .expect("the study bar");
    let button = html::tags(bar, "button")
        .into_iter()
        .find(|button| button.has("data-keyboard-help"))
        .unwrap_or_else(|| panic!("no help button in the bar: {bar}"));
    assert_eq!(button.attr("type"), Some("button"), "it submits nothing");
    assert_eq!(button.attr("aria-keyshortcuts"), Some("?"));
    assert!(
        button.has("hidden"),
        "hidden until study.js can open the dialog"
    );
    let name = html::text(html::inner(bar, &button));
    assert!(name.starts_with("Keyboard shortcuts"), "its name: {name:?}");
    let (dialog, help) = page
        .element("dialog", "id", "keyboard-help")
        .expect("the help dialog");
    assert_eq!(dialog.attr("aria-labelledby"), Some("keyboard-help-title"));
    let help = html::text(help);
    assert!(
        help.contains("Esc Leave a text field") && help.contains("Press Esc, then ?"),
        "{help}"
    );
}

#[test]
fn the_study_and_verdict_pages_have_a_help_button_and_the_help_says_how_to_leave_a_field() {
    let site = Site::start();
    let ada = site.student("ada");

    let card = ada.card();
    assert_help_button_in_the_bar(&card);
    let form = card.answer_form().fill("answer", "70");
    let mut verdict = ada.submit(&form, &form.submit());
    if verdict.status == 303 {
        verdict = ada.follow(&verdict);
    }
    assert_eq!(verdict.status, 200, "{}", verdict.text());
    assert_help_button_in_the_bar(&verdict);
}

#[test]
fn only_the_pages_with_shortcuts_offer_their_help_in_the_footer() {
    let site = Site::start();
    let visitor = site.visitor();
    for path in ["/login", "/no-such-page"] {
        let page = visitor.get(path);
        assert!(
            page.element("button", "id", "keyboard-help-button")
                .is_none(),
            "{path}: no shortcuts, no help button"
        );
    }
    let ada = site.student("ada");
    assert!(
        ada.get("/")
            .element("button", "id", "keyboard-help-button")
            .is_none(),
        "the home page has no shortcuts"
    );
    assert!(
        ada.card()
            .element("button", "id", "keyboard-help-button")
            .is_some(),
        "a card has"
    );
}
