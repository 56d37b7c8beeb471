//! The study pages in a real browser (headless Chromium through chromedriver), used with the
//! keyboard alone, with a PNG of every page under `target/screenshots/` to look at.
//!
//! Run with `cargo test --features browser --test browser`; it needs Debian's `chromium` and
//! `chromium-driver`, and fails (never skips) without them.

#[path = "../common/mod.rs"]
mod common;
mod driver;
// The keyboard help from a text field: Esc, then ?; the study bar's help button.
mod help;
// The instructor's scenario: upload, fix, publish, a class, a student, the dashboards.
mod instructor;

use fantoccini::key::Key;
use studyhall::questions::{CardKind, PartialDate};
use tokio::task::block_in_place;

use common::{ESSAY_SET, TestApp, spawn_app, today};
use driver::{Browser, Chromedriver, key};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The card the test answers wrong on purpose, to see the wrong verdict and its relearning.
const MISSED: &str = "responsible-for-outbreak";

/// A date as a student writes it: "12 January 1950", "January 1950" or "1950".
fn written(date: PartialDate) -> String {
    let month = date
        .month_part()
        .map(|month| MONTHS[usize::from(month) - 1]);
    match (date.day_part(), month) {
        (Some(day), Some(month)) => format!("{day} {month} {}", date.year_part()),
        (None, Some(month)) => format!("{month} {}", date.year_part()),
        _ => date.year_part().to_string(),
    }
}

/// The choices as the page lists them, in its (shuffled) order.
async fn shown_choices(browser: &Browser) -> Vec<String> {
    let shown = browser
        .js("return Array.from(document.querySelectorAll('[data-choice-key]')).map(e => e.value);")
        .await;
    serde_json::from_value(shown).expect("a list of choices")
}

/// The digit keys that pick the right options among `choices` as shown (1 for the first).
fn digits_for(choices: &[String], right: &[&String]) -> String {
    choices
        .iter()
        .enumerate()
        .filter(|(_, choice)| right.contains(choice))
        .map(|(index, _)| char::from_digit(index as u32 + 1, 10).expect("at most 9 choices"))
        .collect()
}

/// Saves numbered screenshots, so the files sort in the order the student saw the pages.
struct Album {
    taken: usize,
    /// Put before each name, e.g. "dark-".
    prefix: &'static str,
}

impl Album {
    async fn take(&mut self, browser: &Browser, name: &str) {
        browser.screenshot(&self.next_name(name)).await;
    }

    /// For pages longer than the screen: the whole page.
    async fn take_whole(&mut self, browser: &Browser, name: &str) {
        browser.screenshot_whole_page(&self.next_name(name)).await;
    }

    fn next_name(&mut self, name: &str) -> String {
        self.taken += 1;
        format!("{:02}-{}{name}", self.taken, self.prefix)
    }
}

/// Studies the card on screen with the keyboard: types the answer (or presses the choice's
/// digits, or Space on a recall card) and Enter, checks the verdict and where the focus is,
/// and grades with `grade_key` (Enter takes the suggested grade). Returns the card's id.
async fn study_one(
    app: &TestApp,
    browser: &Browser,
    album: &mut Album,
    wrong: bool,
    grade_key: char,
) -> String {
    let card_id = browser
        .js("return document.querySelector('input[name=card_id]').value;")
        .await
        .as_str()
        .expect("a card on the page")
        .to_string();
    let card = app.essay_card(&card_id).card;
    album.take(browser, &format!("card-{card_id}")).await;
    let focus = browser.focus().await;
    let enter = key(Key::Enter);

    match &card.kind {
        CardKind::Recall { .. } => {
            assert!(
                focus.grade_key.is_none(),
                "no grade before the answer is shown: {focus:?}"
            );
            browser.press(" ").await;
            browser
                .wait_for_focus("Space shows the answer and focuses a grade", |f| {
                    f.grade_key.is_some()
                })
                .await;
            let open = browser
                .js("return document.querySelector('details.reveal').open;")
                .await;
            assert_eq!(open, serde_json::Value::Bool(true));
            album.take(browser, &format!("card-{card_id}-shown")).await;
            browser.press_and_wait(&grade_key.to_string()).await;
            return card_id;
        }
        CardKind::Choice { answer, .. } => {
            assert_eq!(
                focus.tag, "input",
                "the first choice has the focus: {focus:?}"
            );
            let shown = shown_choices(browser).await;
            browser.press(&digits_for(&shown, &[answer])).await;
        }
        CardKind::Multi { answers, .. } => {
            assert_eq!(
                focus.tag, "input",
                "the first choice has the focus: {focus:?}"
            );
            let shown = shown_choices(browser).await;
            browser
                .press(&digits_for(&shown, &answers.iter().collect::<Vec<_>>()))
                .await;
        }
        CardKind::TrueFalse { answer } => {
            assert_eq!(focus.tag, "input", "True has the focus: {focus:?}");
            browser.press(if *answer { "1" } else { "2" }).await;
        }
        CardKind::Text { answer, .. } => {
            assert_eq!(
                focus.id, "answer",
                "the answer field has the focus: {focus:?}"
            );
            browser.press(if wrong { "Zzyzx" } else { answer }).await;
        }
        CardKind::Cloze { .. } => {
            assert_eq!(
                focus.id, "answer",
                "the answer field has the focus: {focus:?}"
            );
            let answer = card.kind.expected_text();
            browser.press(if wrong { "Zzyzx" } else { &answer }).await;
        }
        CardKind::Number { answer, .. } => {
            assert_eq!(
                focus.id, "answer",
                "the answer field has the focus: {focus:?}"
            );
            browser.press(&answer.to_string()).await;
        }
        CardKind::Date { answer } => {
            assert_eq!(
                focus.id, "answer",
                "the answer field has the focus: {focus:?}"
            );
            browser.press(&written(*answer)).await;
        }
    }
    browser.press_and_wait(&enter.to_string()).await;

    let verdict = browser
        .js("const live = document.querySelector('[aria-live]');
             return live && { role: live.getAttribute('role'), text: live.innerText };")
        .await;
    let verdict_text = verdict["text"]
        .as_str()
        .unwrap_or_else(|| panic!("an aria-live verdict on {card_id}"));
    let expected = if wrong { "Not quite" } else { "Right" };
    assert!(
        verdict_text.contains(expected),
        "{card_id}: {verdict_text:?}"
    );
    assert_eq!(verdict["role"], "status");
    let focus = browser
        .wait_for_focus("the suggested grade has the focus", |focus| {
            focus.default_grade
        })
        .await;
    assert_eq!(focus.tag, "button");
    let rows = browser
        .js("const tops = Array.from(document.querySelectorAll('.grades button'), b => b.offsetTop);
             return new Set(tops).size;")
        .await;
    assert_eq!(rows, 1, "{card_id}: the grade buttons share one row");
    album.take(browser, &format!("verdict-{card_id}")).await;
    browser.press_and_wait(&grade_key.to_string()).await;
    card_id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_student_registers_and_studies_five_cards_with_the_keyboard_alone() {
    // The store's blocking calls must not run on an async worker: step aside for them.
    let app = block_in_place(spawn_app);
    let driver = Chromedriver::start();
    let browser = driver.open().await;
    let mut album = Album {
        taken: 0,
        prefix: "",
    };
    let (enter, tab) = (key(Key::Enter), key(Key::Tab));

    // Register: the username field has the focus; Tab to the password, Enter to send.
    browser.goto(&format!("{}/register", app.address)).await;
    album.take(&browser, "register").await;
    assert_eq!(browser.focus().await.id, "username");
    browser.press("ada").await;
    browser.press(&tab.to_string()).await;
    assert_eq!(browser.focus().await.id, "password");
    browser.press("correct horse battery staple").await;
    browser.press_and_wait(&enter.to_string()).await;
    assert_eq!(browser.path().await, "/", "registered and signed in");

    // Two cards due today (a choice card and a recall card), then three new ones.
    let user = app.user_id("ada");
    block_in_place(|| {
        app.make_due_today(user, "evidence-for-stalin-role");
        app.make_due_today(user, "puzzles-left-open");
    });
    app.store
        .set_daily_new_limit(user, 3)
        .await
        .expect("the limit is saved");
    browser.goto(&app.address).await;
    album.take(&browser, "home").await;

    browser
        .goto(&format!("{}/study/{ESSAY_SET}", app.address))
        .await;
    let mut studied = Vec::new();
    // (answer wrong on purpose, grade key): Enter takes the suggested grade; on a recall card
    // 3 is Good; after a right answer 2 is Good; after a wrong one 1 is Continue.
    let plan = [
        (false, enter),
        (false, '3'),
        (false, '2'),
        (true, '1'),
        (false, enter),
    ];
    for (wrong, grade_key) in plan {
        studied.push(study_one(&app, &browser, &mut album, wrong, grade_key).await);
    }
    assert_eq!(
        studied,
        [
            "evidence-for-stalin-role",
            "puzzles-left-open",
            "essay-anniversary",
            MISSED,
            "green-light-recipient"
        ],
        "due cards first, then new ones in file order"
    );
    let again = study_one(&app, &browser, &mut album, false, '2').await;
    assert_eq!(again, MISSED, "the missed card comes back the same day");

    let done = browser.text().await;
    assert!(done.contains("Done for today"), "{done}");
    album.take(&browser, "done").await;
    for _ in 0..30 {
        if browser.focus().await.href.as_deref() == Some("/progress") {
            break;
        }
        browser.press(&tab.to_string()).await;
    }
    browser.press_and_wait(&enter.to_string()).await;
    assert_eq!(
        browser.path().await,
        "/progress",
        "Tab reaches a link to the progress page"
    );
    let progress = browser.text().await;
    assert!(
        progress.contains("Reviews today\n6") || progress.contains("Reviews today 6"),
        "{progress}"
    );
    let reviews = app
        .store
        .progress(user, today())
        .expect("the figures")
        .reviews_today;
    assert_eq!(reviews, 6, "five cards and the missed one again");
    album.take_whole(&browser, "progress").await;

    // The same pages on a phone: a date card, an answer it cannot read, the verdict.
    browser.phone().await;
    album.prefix = "phone-";
    app.store
        .set_daily_new_limit(user, 4)
        .await
        .expect("the limit is saved");
    browser
        .goto(&format!("{}/study/{ESSAY_SET}", app.address))
        .await;
    album.take(&browser, "card").await;
    let header = browser
        .js("return document.querySelector('.site-header').offsetHeight;")
        .await;
    assert!(
        header.as_f64().is_some_and(|height| height < 100.0),
        "the phone header in one or two rows: {header} px"
    );
    let scrolls = browser
        .js("return document.documentElement.scrollWidth > window.innerWidth;")
        .await;
    assert_eq!(scrolls, false, "no horizontal scroll at phone width");
    assert_eq!(browser.focus().await.id, "answer");
    browser.press("1950").await;
    browser.press_and_wait(&enter.to_string()).await;
    let message = browser.text().await;
    assert!(message.contains("Give the month too"), "{message}");
    assert_eq!(
        browser.focus().await.value.as_deref(),
        Some("1950"),
        "the answer is kept, focused"
    );
    album.take(&browser, "card-message").await;
    browser.press(&key(Key::Home).to_string()).await;
    browser.press("January ").await;
    browser.press_and_wait(&enter.to_string()).await;
    album.take(&browser, "verdict").await;
    browser.press_and_wait(&enter.to_string()).await;
    album.take(&browser, "done").await;
    browser.goto(&format!("{}/progress", app.address)).await;
    album.take_whole(&browser, "progress").await;
    // The forecast's axis labels: 12 px or more on the screen, none past the page's edges.
    let labels = browser
        .js(
            "return [...document.querySelectorAll('.chart text')].map(text => { \
               const chart = text.ownerSVGElement; \
               const scale = chart.getBoundingClientRect().width / chart.viewBox.baseVal.width; \
               const box = text.getBoundingClientRect(); \
               return [parseFloat(getComputedStyle(text).fontSize) * scale, box.left, box.right]; \
             });",
        )
        .await;
    let labels = labels.as_array().expect("a list of labels");
    assert!(labels.len() >= 5, "gridline and day labels: {labels:?}");
    for label in labels {
        let [size, left, right] = [0, 1, 2].map(|n| label[n].as_f64().expect("a number"));
        assert!(
            size >= 12.0,
            "an axis label drawn at {size:.1} px: {labels:?}"
        );
        assert!(
            left >= 0.0 && right <= 390.0,
            "a label off the screen: {labels:?}"
        );
    }

    // And in the dark: a true/false card, its verdict, the done and progress pages.
    browser.desktop().await;
    browser.color_scheme("dark").await;
    album.prefix = "dark-";
    app.store
        .set_daily_new_limit(user, 5)
        .await
        .expect("the limit is saved");
    browser
        .goto(&format!("{}/study/{ESSAY_SET}", app.address))
        .await;
    let card = study_one(&app, &browser, &mut album, false, '\u{E007}').await;
    assert_eq!(card, "scholars-agree-truefalse");
    album.take(&browser, "done").await;
    browser.goto(&format!("{}/progress", app.address)).await;
    album.take_whole(&browser, "progress").await;
    browser.goto(&app.address).await;
    album.take(&browser, "home").await;
    browser.press("?").await;
    album.take(&browser, "keyboard-help").await;

    browser.close().await;
}

/// The study loop instructors rely on: choices in a fresh order at each showing (the keys
/// follow it), and the check as the attempt: Back after a check shows the recorded verdict
/// when the form is sent again, and Back after grading shows the verdict page, a plain GET,
/// with no resubmission.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn choices_are_shuffled_and_back_never_grades_again() {
    let app = block_in_place(spawn_app);
    let driver = Chromedriver::start();
    let browser = driver.open().await;
    let mut album = Album {
        taken: 0,
        prefix: "loop-",
    };
    let enter = key(Key::Enter);
    browser.goto(&format!("{}/register", app.address)).await;
    browser.press("bea").await;
    browser.press(&key(Key::Tab).to_string()).await;
    browser.press("correct horse battery staple").await;
    browser.press_and_wait(&enter.to_string()).await;
    let user = app.user_id("bea");
    block_in_place(|| app.make_due_today(user, "evidence-for-stalin-role"));
    app.store
        .set_daily_new_limit(user, 1)
        .await
        .expect("the limit is saved");
    let study = format!("{}/study/{ESSAY_SET}", app.address);

    // The same choice card shown six times: the order changes, the options stay.
    let written = match app.essay_card("evidence-for-stalin-role").card.kind {
        CardKind::Choice { choices, .. } => choices,
        other => panic!("a choice card, not {other:?}"),
    };
    let mut orders = Vec::new();
    for _ in 0..6 {
        browser.goto(&study).await;
        let shown = shown_choices(&browser).await;
        let mut sorted = shown.clone();
        sorted.sort();
        let mut expected = written.clone();
        expected.sort();
        assert_eq!(sorted, expected, "the same options");
        orders.push(shown);
    }
    assert!(
        orders.iter().any(|order| *order != written) && orders.windows(2).any(|w| w[0] != w[1]),
        "a fresh order at each showing: {orders:?}"
    );
    album.take(&browser, "shuffled").await;

    // A wrong pick, checked: recorded at once.
    let shown = shown_choices(&browser).await;
    let answer = match app.essay_card("evidence-for-stalin-role").card.kind {
        CardKind::Choice { answer, .. } => answer,
        _ => unreachable!(),
    };
    let wrong_digit = digits_for(&shown, &[shown.iter().find(|c| **c != answer).unwrap()]);
    browser.press(&wrong_digit).await;
    browser.press_and_wait(&enter.to_string()).await;
    let verdict_path = browser.path().await;
    assert!(verdict_path.contains("/answers/"), "{verdict_path}");
    assert!(browser.text().await.contains("Not quite"));
    album.take(&browser, "checked").await;

    // Back to the card. A browser may show the form it left (bfcache: the same token), or load
    // the study page again (a new showing). Either way the miss stays the first try: the old
    // token sent again shows the recorded verdict; a new showing is a new attempt.
    let token_before = browser
        .js("return document.querySelector('input[name=review_token]')?.value ?? null;")
        .await;
    browser.back().await;
    let token_after = browser
        .js("return document.querySelector('input[name=review_token]')?.value ?? null;")
        .await;
    if token_after == token_before {
        let right_digit = digits_for(&shown_choices(&browser).await, &[&answer]);
        browser.press(&right_digit).await;
        browser.press_and_wait(&enter.to_string()).await;
        assert_eq!(browser.path().await, verdict_path, "the recorded verdict");
        assert!(browser.text().await.contains("Not quite"));
    } else {
        assert_eq!(browser.path().await, format!("/study/{ESSAY_SET}"));
        browser
            .goto(&format!("{}{verdict_path}", app.address))
            .await;
    }
    let reviews = block_in_place(|| app.store.progress(user, today()))
        .expect("the figures")
        .reviews_today;
    assert_eq!(reviews, 1, "one attempt, the miss");

    // Grade (Continue), then Back: the verdict page again, with no resubmission warning.
    browser.press_and_wait(&enter.to_string()).await;
    assert_eq!(browser.path().await, format!("/study/{ESSAY_SET}"));
    browser.back().await;
    assert_eq!(browser.path().await, verdict_path);
    let text = browser.text().await;
    assert!(text.contains("Not quite"), "{text}");
    assert!(!text.contains("Confirm Form Resubmission"), "{text}");
    album.take(&browser, "back-after-grading").await;

    // "I was right" on a text card; the instructor rejects it; the student is told on the home
    // page and on the card's next verdict, and the card is due again today.
    app.store
        .set_daily_new_limit(user, 0)
        .await
        .expect("the limit is saved");
    block_in_place(|| app.make_due_today(user, MISSED));
    browser.goto(&study).await;
    browser
        .wait_for_focus("the answer field", |focus| focus.id == "answer")
        .await;
    browser.press("Trotsky").await;
    browser.press_and_wait(&enter.to_string()).await;
    assert!(browser.text().await.contains("Not quite"));
    let claim = browser
        .js("return document.querySelector('button[name=claim]').getAttribute('data-grade-key');")
        .await;
    let claim_key = claim.as_str().expect("an I was right button").to_string();
    browser.press_and_wait(&claim_key).await;
    let next = browser
        .js("return document.querySelector('input[name=card_id]')?.value ?? null;")
        .await;
    assert_eq!(
        next.as_str(),
        Some("evidence-for-stalin-role"),
        "the morning's miss comes back; the claimed card does not: a claim ends its day"
    );
    let admin = block_in_place(|| {
        let hash = studyhall::accounts::hash_password("an admin's password").expect("a hash");
        app.store
            .create_user("root", &hash, studyhall::store::Role::Admin)
            .wait()
            .expect("the admin")
    });
    let card_row = app.essay_card(MISSED).row;
    block_in_place(|| {
        app.store
            .reject_claim(
                card_row,
                "trotsky".into(),
                studyhall::store::Decider {
                    user: admin,
                    is_admin: true,
                },
                today(),
                jiff::Timestamp::now().as_millisecond(),
            )
            .wait()
            .expect("the store writes")
            .expect("the claim is rejected");
    });
    browser.goto(&app.address).await;
    let home = browser.text().await;
    assert!(
        home.contains("Your instructor rejected “Trotsky”") && home.contains("due today"),
        "{home}"
    );
    album.take(&browser, "claim-notice-home").await;
    browser.goto(&study).await;
    browser
        .wait_for_focus("the answer field", |focus| focus.id == "answer")
        .await;
    browser.press("Trotsky").await;
    browser.press_and_wait(&enter.to_string()).await;
    let verdict = browser.text().await;
    assert!(
        verdict.contains("Your instructor rejected “Trotsky”") && verdict.contains("Not quite"),
        "{verdict}"
    );
    assert!(
        !verdict.contains("I was right"),
        "a rejected answer is not offered as a claim again: {verdict}"
    );
    album.take(&browser, "claim-notice-verdict").await;
    browser.close().await;
}
