//! The keyboard help, reached from a text field: `?` typed in the answer field is just text,
//! Esc leaves the field and `?` then opens the help, and closing it puts the student back in
//! the field with what they typed. The study bar's help button opens it too.

use fantoccini::key::Key;
use tokio::task::block_in_place;

use crate::common::{ESSAY_SET, spawn_app};
use crate::driver::{Browser, Chromedriver, key};

async fn help_is_open(browser: &Browser) -> bool {
    let open = browser
        .js("return document.getElementById('keyboard-help').open;")
        .await;
    open.as_bool().expect("a boolean")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn esc_then_question_mark_opens_the_help_from_the_answer_field_and_the_bar_has_a_button() {
    let app = block_in_place(spawn_app);
    let driver = Chromedriver::start();
    let browser = driver.open().await;
    let (enter, tab, escape) = (key(Key::Enter), key(Key::Tab), key(Key::Escape));

    browser.goto(&format!("{}/register", app.address)).await;
    browser.press("ada").await;
    browser.press(&tab.to_string()).await;
    browser.press("correct horse battery staple").await;
    browser.press_and_wait(&enter.to_string()).await;
    assert_eq!(browser.path().await, "/", "registered and signed in");

    // The first new card of the essay set asks for a number: a text field, focused.
    browser
        .goto(&format!("{}/study/{ESSAY_SET}", app.address))
        .await;
    assert_eq!(browser.focus().await.id, "answer");
    browser.press("7?").await;
    assert_eq!(browser.focus().await.value.as_deref(), Some("7?"));
    assert!(!help_is_open(&browser).await, "? in a text field is text");

    browser.press(&escape.to_string()).await;
    assert_eq!(browser.focus().await.tag, "body", "Esc leaves the field");
    browser.press("?").await;
    assert!(help_is_open(&browser).await, "Esc then ? opens the help");
    assert!(browser.text().await.contains("Leave a text field"));
    browser.press(&escape.to_string()).await;
    assert!(!help_is_open(&browser).await, "Esc closes it");
    // The dialog's close event, which puts the focus back, comes a moment after the key.
    let focus = browser
        .wait_for_focus("back in the field", |focus| focus.id == "answer")
        .await;
    assert_eq!(focus.value.as_deref(), Some("7?"), "the answer kept");

    let button = browser.element(".study-bar [data-keyboard-help]").await;
    assert!(
        button.is_displayed().await.expect("a visibility"),
        "the study bar shows its help button"
    );
    let name = button.text().await.expect("a text");
    assert!(name.contains("Keyboard shortcuts"), "{name}");
    button.click().await.expect("the button is clicked");
    assert!(
        help_is_open(&browser).await,
        "the bar's button opens the help"
    );
    browser.press(&escape.to_string()).await;

    browser.close().await;
}
