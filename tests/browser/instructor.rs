//! The instructor's side in a real browser, with the mouse: upload a set file with a mistake,
//! see the problem right under its line, fix it in the text box, preview and publish; create a
//! class and assign the set; a student registers, joins with the code and studies three cards;
//! the instructor then reads the class dashboard, the student's reviews and the set's item
//! analysis. Every page is saved as `target/screenshots/instructor-NN-NAME.png`.

use serde_json::Value;
use studyhall::accounts::hash_password;
use studyhall::store::Role;
use tokio::task::block_in_place;

use crate::common::{TestApp, spawn_app};
use crate::driver::{Browser, Chromedriver};

const PASSWORD: &str = "correct horse battery staple";
const SET_ID: &str = "berlin-wall";
/// The date that does not exist, and the one that replaces it.
const BAD_DATE: &str = "1961-02-30";
const GOOD_DATE: &str = "1961-08-13";

/// The set the instructor uploads: six cards, the third with an impossible date.
const SET_FILE: &str = r#"[set]
id = "berlin-wall"
title = "The Berlin Wall"
description = "Why it was built, and how it fell."

[[cards]]
id = "divided-city"
kind = "text"
prompt = "Which city did the wall divide?"
answer = "Berlin"

[[cards]]
id = "wall-fell-1989"
kind = "truefalse"
prompt = "True or false: the wall fell in 1989."
answer = true

[[cards]]
id = "building-began"
kind = "date"
prompt = "On what day did building the wall begin?"
answer = "1961-02-30"
explanation = "The border was closed overnight, on a Sunday."

[[cards]]
id = "leader-who-built"
kind = "choice"
prompt = "Who led East Germany when the wall was built?"
choices = ["Walter Ulbricht", "Erich Honecker", "Egon Krenz"]
answer = "Walter Ulbricht"

[[cards]]
id = "years-standing"
kind = "number"
prompt = "For how many years did the wall stand?"
answer = 28

[[cards]]
id = "why-built"
kind = "recall"
prompt = "Why did East Germany build the wall?"
answer = "To stop its people leaving for the West through Berlin."
"#;

/// The line of the impossible date, counted from 1.
fn bad_line() -> usize {
    let index = SET_FILE.lines().position(|line| line.contains(BAD_DATE));
    index.expect("the file has the bad date") + 1
}

/// Numbered screenshots, in the order the pages were seen.
struct Shots {
    taken: usize,
}

impl Shots {
    fn next_name(&mut self, name: &str) -> String {
        self.taken += 1;
        format!("instructor-{:02}-{name}", self.taken)
    }

    async fn take(&mut self, browser: &Browser, name: &str) {
        browser.screenshot(&self.next_name(name)).await;
    }

    async fn take_whole(&mut self, browser: &Browser, name: &str) {
        browser.screenshot_whole_page(&self.next_name(name)).await;
    }
}

/// Signs in with the sign-in form; lands on the home page.
async fn sign_in(browser: &Browser, app: &TestApp, username: &str) {
    browser.goto(&format!("{}/login", app.address)).await;
    browser.fill("#username", username).await;
    browser.fill("#password", PASSWORD).await;
    browser
        .click_and_wait("form[action='/login'] button[type=submit]")
        .await;
    assert_eq!(browser.path().await, "/", "{username} is signed in");
}

async fn sign_out(browser: &Browser) {
    browser
        .click_and_wait("form[action='/logout'] button")
        .await;
    assert_eq!(browser.path().await, "/login");
}

/// Uploads the file with its mistake and checks the problem stands right under its line.
async fn upload_with_a_mistake(browser: &Browser, shots: &mut Shots, file: &std::path::Path) {
    browser.click_and_wait("a[href='/teach/sets/new']").await;
    shots.take(browser, "upload-form").await;
    // A Quizlet export's options are folded away until asked for, Quizlet's defaults in them.
    let options = browser.element(".quizlet-fields summary").await;
    options.click().await.expect("the options open");
    let separator = browser.element("#quizlet-separator").await;
    assert!(separator.is_displayed().await.expect("a visibility"));
    let written = separator.prop("value").await.expect("a value");
    assert_eq!(
        written.as_deref(),
        Some("\\t"),
        "a tab, as the CLI writes it"
    );
    browser
        .screenshot_whole_page("instructor-upload-form-whole")
        .await;
    browser.choose_file("#set-file", file).await;
    browser
        .click_and_wait("form.set-upload button[type=submit]")
        .await;
    let heading = browser.element("#problems-title").await.text().await;
    assert_eq!(
        heading.expect("a heading").trim(),
        "1 problem in berlin-wall.toml"
    );
    let problem = browser
        .js("const problem = document.querySelector('.listing-problem');
             let line = problem.previousElementSibling;
             while (!line.classList.contains('listing-line')) line = line.previousElementSibling;
             const gap = problem.getBoundingClientRect().top - line.getBoundingClientRect().bottom;
             problem.scrollIntoView({block: 'center'});
             return { text: problem.innerText, line: line.querySelector('.line-number').innerText,
                      code: line.querySelector('.line-text').innerText, gap: gap,
                      shown: problem.offsetHeight > 0 && line.offsetHeight > 0 };")
        .await;
    let line = bad_line();
    assert_eq!(
        problem["line"],
        Value::from(line.to_string()),
        "the problem is under line {line}: {problem}"
    );
    assert_eq!(problem["code"], format!("answer = \"{BAD_DATE}\""));
    let text = problem["text"].as_str().unwrap_or_default();
    assert!(
        text.contains(&format!("{line}:10"))
            && text.contains("impossible date \"1961-02-30\": 1961-02 has no day 30"),
        "{text}"
    );
    let gap = problem["gap"].as_f64().unwrap_or(f64::MAX);
    assert!(
        problem["shown"] == Value::Bool(true) && (-1.0..16.0).contains(&gap),
        "the problem shows right under its line: {problem}"
    );
    shots.take(browser, "upload-problem-at-its-line").await;
    shots.take_whole(browser, "upload-problem-whole-page").await;
}

/// Fixes the date in the text box (the file's text is kept there), previews and publishes.
async fn fix_preview_and_publish(browser: &Browser, shots: &mut Shots) {
    let selected = browser
        .js(&format!(
            "const box = document.getElementById('set-text');
             const at = box.value.indexOf('{BAD_DATE}');
             box.scrollIntoView({{block: 'center'}});
             box.focus();
             box.setSelectionRange(at, at + {});
             return at;",
            BAD_DATE.len()
        ))
        .await;
    assert!(
        selected.as_i64().unwrap_or(-1) > 0,
        "the text box holds the file"
    );
    browser.press(GOOD_DATE).await;
    shots.take(browser, "upload-fixed-in-the-box").await;
    browser
        .click_and_wait("form.set-upload button[type=submit]")
        .await;
    let preview = browser.text().await;
    assert!(
        preview.contains("Preview: The Berlin Wall") && preview.contains("6 cards, no problems"),
        "{preview}"
    );
    assert!(
        preview.contains("13 August 1961") || preview.contains(GOOD_DATE),
        "{preview}"
    );
    shots.take_whole(browser, "preview").await;
    try_it_as_a_student(browser, shots).await;
    let restricted = browser
        .js("return document.querySelector('input[name=visibility][value=restricted]').checked;")
        .await;
    assert_eq!(
        restricted,
        Value::Bool(true),
        "an instructor's set is for their classes"
    );
    browser
        .click_and_wait("form[action='/teach/sets/publish'] button[type=submit]")
        .await;
    assert_eq!(browser.path().await, format!("/teach/sets/{SET_ID}"));
    let page = browser.text().await;
    assert!(page.contains("The Berlin Wall"), "{page}");
    shots.take(browser, "published").await;
}

/// From the preview, "Try it as a student": the first card as a student sees it, answered with
/// the keyboard, its verdict, then back to the preview (nothing saved).
async fn try_it_as_a_student(browser: &Browser, shots: &mut Shots) {
    browser
        .click_and_wait("button[formaction='/teach/sets/try']")
        .await;
    let card = browser.text().await;
    assert!(
        card.contains("Card 1 of 6 · nothing is saved")
            && card.contains("Which city did the wall divide?"),
        "{card}"
    );
    shots.take(browser, "try-card").await;
    assert_eq!(browser.focus().await.id, "answer");
    browser.press("Berln").await;
    browser.press_and_wait("\u{E007}").await;
    let verdict = browser.text().await;
    assert!(verdict.contains("Almost"), "a typo is forgiven: {verdict}");
    shots.take(browser, "try-verdict").await;
    browser.press_and_wait("\u{E007}").await;
    assert!(
        browser.text().await.contains("Card 2 of 6"),
        "Enter goes on to the next card"
    );
    browser.press("1").await;
    browser.press_and_wait("\u{E007}").await;
    assert!(browser.text().await.contains("Right"), "True is right");
    browser
        .click_and_wait("button[formaction='/teach/sets/preview']")
        .await;
    assert!(browser.text().await.contains("Preview: The Berlin Wall"));
}

/// Creates the class on `/teach`, assigns the set; the class's page and its join code.
async fn create_a_class(browser: &Browser, app: &TestApp, shots: &mut Shots) -> (String, String) {
    browser.goto(&format!("{}/teach", app.address)).await;
    browser.fill("#class-name", "History 7B").await;
    shots.take(browser, "teach-home").await;
    browser
        .click_and_wait("form.create-class button[type=submit]")
        .await;
    let class_path = browser.path().await;
    assert!(class_path.starts_with("/teach/classes/"), "{class_path}");
    browser.select("#assign-set", SET_ID).await;
    browser
        .click_and_wait("form.assign-form button[type=submit]")
        .await;
    let page = browser.text().await;
    assert!(page.contains("The Berlin Wall"), "assigned: {page}");
    let code = browser.element("p.join-code").await.text().await;
    let code = code.expect("the join code").trim().to_string();
    assert!(code.len() >= 6, "a join code: {code:?}");
    let whole_row = browser
        .js("const menu = document.querySelector('#assign-set');
             return menu.offsetWidth >= menu.closest('.assign-fields').clientWidth - 1;")
        .await;
    assert_eq!(
        whole_row, true,
        "the set menu takes the whole row, so titles show whole"
    );
    shots.take_whole(browser, "class-page").await;
    (class_path, code)
}

/// Answers the card on screen (`wrong` for a wrong answer) with the mouse, then takes the
/// suggested grade. Returns the card's id.
async fn study_one(browser: &Browser, shots: &mut Shots, wrong: bool) -> String {
    let card = browser
        .js("return document.querySelector('input[name=card_id]').value;")
        .await;
    let card = card.as_str().expect("a card on the page").to_string();
    shots.take(browser, &format!("student-card-{card}")).await;
    match card.as_str() {
        "divided-city" => {
            let answer = if wrong { "Bonn" } else { "Berlin" };
            browser.fill("#answer", answer).await;
        }
        "wall-fell-1989" => {
            let value = if wrong { "false" } else { "true" };
            browser
                .element(&format!("input[name=answer][value={value}]"))
                .await
                .click()
                .await
                .expect("the option is picked");
        }
        "building-began" => browser.fill("#answer", "13 August 1961").await,
        other => panic!("the plan studies three cards, not {other}"),
    }
    browser.click_and_wait("button.submit").await;
    let verdict = browser.text().await;
    let expected = if wrong { "Not quite" } else { "Right" };
    assert!(verdict.contains(expected), "{card}: {verdict}");
    shots
        .take(browser, &format!("student-verdict-{card}"))
        .await;
    browser.click_and_wait("button[data-default-grade]").await;
    card
}

/// A student registers, joins the class with its code and studies three cards (the first one
/// wrong); the cards studied.
async fn a_student_studies(
    browser: &Browser,
    app: &TestApp,
    shots: &mut Shots,
    code: &str,
) -> Vec<String> {
    browser.goto(&format!("{}/register", app.address)).await;
    browser.fill("#username", "lena").await;
    browser.fill("#password", PASSWORD).await;
    shots.take(browser, "student-register").await;
    browser
        .click_and_wait("form[action='/register'] button[type=submit]")
        .await;
    assert_eq!(browser.path().await, "/", "registered");
    browser.fill("#join-code", code).await;
    browser
        .click_and_wait("form[action='/join'] button[type=submit]")
        .await;
    let home = browser.text().await;
    assert!(
        home.contains("You joined History 7B") && home.contains("The Berlin Wall"),
        "{home}"
    );
    shots.take_whole(browser, "student-joined").await;
    browser
        .click_and_wait(&format!("a.button[href='/study/{SET_ID}']"))
        .await;
    let mut studied = Vec::new();
    for wrong in [true, false, false] {
        studied.push(study_one(browser, shots, wrong).await);
    }
    shots.take(browser, "student-after-three").await;
    studied
}

/// The instructor's view of the class: the dashboard, the student's reviews, the item analysis.
async fn read_the_dashboards(
    browser: &Browser,
    app: &TestApp,
    shots: &mut Shots,
    class: &str,
    studied: &[String],
) {
    browser
        .goto(&format!("{}{class}/dashboard", app.address))
        .await;
    let row = browser
        .js(
            "const row = document.querySelector('table.sortable tbody tr');
             return row && [...row.children].map(cell => cell.innerText.trim());",
        )
        .await;
    assert_eq!(row[0], "lena", "the student's row: {row}");
    assert_eq!(row[1], "3", "three cards studied: {row}");
    shots.take_whole(browser, "dashboard").await;

    browser
        .click_and_wait("table.sortable tbody a[href*='/students/']")
        .await;
    let history = browser.element("#history-title").await.text().await;
    assert_eq!(history.expect("a heading").trim(), "Review history (3)");
    let cards = browser
        .js(
            "return [...document.querySelectorAll('table.history tbody tr')]
                 .map(row => row.querySelector('.prompt-line').title.split(': ')[0]);",
        )
        .await;
    let mut listed: Vec<String> = serde_json::from_value(cards).expect("card ids");
    let mut expected: Vec<String> = studied
        .iter()
        .map(|card| format!("{SET_ID}/{card}"))
        .collect();
    listed.sort();
    expected.sort();
    assert_eq!(listed, expected, "the student's reviews");
    let page = browser.text().await;
    assert!(page.contains("Bonn"), "the wrong answer as given: {page}");
    shots.take_whole(browser, "student-reviews").await;

    browser
        .goto(&format!("{}{class}/dashboard", app.address))
        .await;
    browser
        .click_and_wait(&format!("a[href^='/teach/sets/{SET_ID}/analysis']"))
        .await;
    let rows = browser
        .js(
            "return [...document.querySelectorAll('table.analysis tbody tr')].map(row => ({
                 card: row.querySelector('th .muted').innerText.split(' · ')[0].trim(),
                 attempts: row.children[4].innerText.trim(),
                 wrong: row.children[5].innerText.trim() }));",
        )
        .await;
    let rows = rows.as_array().expect("the analysis rows").clone();
    assert_eq!(rows.len(), studied.len(), "a row per card tried: {rows:?}");
    for row in &rows {
        let card = row["card"].as_str().unwrap_or_default().to_string();
        assert!(studied.contains(&card), "{card}: {row}");
        assert_eq!(row["attempts"], "1", "{card}: {row}");
    }
    let untried = browser
        .element("details.untried summary")
        .await
        .text()
        .await;
    assert_eq!(
        untried.expect("the fold's summary").trim(),
        "3 cards not tried yet",
        "the other three, folded under their count"
    );
    let missed = rows.iter().find(|row| row["card"] == "divided-city");
    let missed = missed.expect("the text card's row");
    assert!(
        missed["wrong"]
            .as_str()
            .unwrap_or_default()
            .contains("bonn"),
        "{missed}"
    );
    shots.take_whole(browser, "item-analysis").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instructor_fixes_a_set_at_its_line_teaches_a_class_and_reads_a_students_reviews() {
    // The store's blocking calls must not run on an async worker: step aside for them.
    let app = block_in_place(spawn_app);
    block_in_place(|| {
        let hash = hash_password(PASSWORD).expect("the password hashes");
        let added = app.store.create_user("ms-h", &hash, Role::Instructor);
        added.wait().expect("the instructor is added");
    });
    let folder = tempfile::tempdir().expect("a folder for the file");
    let file = folder.path().join("berlin-wall.toml");
    std::fs::write(&file, SET_FILE).expect("the set file is written");
    let driver = Chromedriver::start();
    let browser = driver.open().await;
    let mut shots = Shots { taken: 0 };

    sign_in(&browser, &app, "ms-h").await;
    browser.goto(&format!("{}/teach", app.address)).await;
    shots.take(&browser, "teach-empty").await;
    upload_with_a_mistake(&browser, &mut shots, &file).await;
    fix_preview_and_publish(&browser, &mut shots).await;
    let (class, code) = create_a_class(&browser, &app, &mut shots).await;
    sign_out(&browser).await;

    let studied = a_student_studies(&browser, &app, &mut shots, &code).await;
    assert_eq!(studied[0], "divided-city", "new cards come in file order");
    sign_out(&browser).await;

    sign_in(&browser, &app, "ms-h").await;
    read_the_dashboards(&browser, &app, &mut shots, &class, &studied).await;
    draft_from_a_text(&browser, &app, &mut shots).await;
    import_an_anki_deck(&browser, &app, &mut shots).await;
    browser.close().await;
}

/// Teach → Draft from a text: a pasted reading, its drafts under their sentences, one dropped,
/// the rest previewed.
async fn draft_from_a_text(browser: &Browser, app: &TestApp, shots: &mut Shots) {
    browser.goto(&format!("{}/teach", app.address)).await;
    browser.click_and_wait("a[href='/teach/sets/draft']").await;
    browser
        .fill(
            "#reading-text",
            "[1] On 13 August 1961, East German troops sealed the border in Berlin. \
             Walter Ulbricht ordered the wall because he feared that the East would empty.",
        )
        .await;
    browser.fill("#reading-set-title", "Drafted wall").await;
    browser
        .click_and_wait("form.draft-reading button[type=submit]")
        .await;
    let prompts = browser
        .js("return [...document.querySelectorAll('input[name^=prompt_]')].map(input => input.value);")
        .await;
    assert!(
        prompts.as_array().is_some_and(|prompts| prompts
            .iter()
            .any(|prompt| prompt == "When did East German troops seal the border in Berlin?")),
        "{prompts}"
    );
    shots.take_whole(browser, "drafts").await;
    let kept = browser
        .js(
            "const boxes = document.querySelectorAll('input[name=keep]'); \
             boxes[boxes.length - 1].click(); \
             return [...boxes].filter(box => box.checked).length;",
        )
        .await;
    let kept = kept.as_u64().expect("a count");
    browser
        .click_and_wait("form.drafts button[type=submit]")
        .await;
    let preview = browser.text().await;
    assert!(
        preview.contains("Preview: Drafted wall") && preview.contains(&format!("{kept} card")),
        "{preview}"
    );
    shots.take(browser, "drafts-preview").await;
}

/// Teach → New set with an Anki deck chosen: the preview shows its cards, a cloze card among
/// them with its gap, and the media left out; published, its page offers the downloads.
async fn import_an_anki_deck(browser: &Browser, app: &TestApp, shots: &mut Shots) {
    let deck = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/anki/korean-war.apkg");
    browser
        .goto(&format!("{}/teach/sets/new", app.address))
        .await;
    browser.choose_file("#set-file", &deck).await;
    browser
        .click_and_wait("form.set-upload button[type=submit]")
        .await;
    let preview = browser.text().await;
    assert!(
        preview.contains("12 cards, no problems")
            && preview.contains("Not imported")
            && preview.contains("seoul.jpg")
            && preview.contains("[…]"),
        "{preview}"
    );
    shots.take_whole(browser, "anki-deck-preview").await;
    browser
        .click_and_wait("form[action='/teach/sets/publish'] button[type=submit]")
        .await;
    assert_eq!(browser.path().await, "/teach/sets/korean-war");
    let page = browser.text().await;
    assert!(
        page.contains("Download for Anki (.apkg)") && page.contains("Download for Moodle (GIFT)"),
        "{page}"
    );
    shots.take(browser, "anki-deck-published").await;
}
