//! studyhall → .apkg → the real Anki → .apkg → studyhall: a set written with `apkg::write` is
//! imported by Anki (twice: the second import must update, not add), exported by Anki in its
//! current layout, and read back with `apkg::read` with the same ids, kinds, prompts and
//! answers.
//!
//! Anki is a Python package (AGPL; a test tool here, never linked): the test runs
//! `import_check.py` with the Python that `STUDYHALL_ANKI_PYTHON` names, a venv with
//! `pip install anki==26.9.3` (.ci/run makes one). Without the variable the test says so and
//! passes, so `cargo test` works on a machine without Anki.

use std::process::Command;

use studyhall::questions::formats::apkg;
use studyhall::questions::parse::parse_set;
use studyhall::questions::{Card, CardId, QuestionSet, cloze};

const SET: &str = r#"
[set]
id = "korean-war-anki"
title = "Korean War::1950"

[[cards]]
id = "naktong"
kind = "recall"
prompt = "Which river line did the Pusan Perimeter hold?"
answer = "The Naktong"
tags = ["pusan", "rivers & lines"]

[[cards]]
id = "invasion-month"
kind = "text"
prompt = "In which month of 1950 did the North cross the 38th parallel?"
answer = "June"
accept = ["Jun"]

[[cards]]
id = "inchon-commander"
kind = "choice"
prompt = "Who commanded the landing at Inchon?"
choices = ["Douglas MacArthur", "Matthew Ridgway", "Walton Walker"]
answer = "Douglas MacArthur"
explanation = "MacArthur led UN Command; Ridgway took over in 1951."

[[cards]]
id = "chinese-entry"
kind = "date"
prompt = "When did Chinese troops first fight UN forces? (month)"
answer = "1950-10"

[[cards]]
id = "seoul-twice"
kind = "truefalse"
prompt = "Seoul changed hands twice in 1950."
answer = true
"#;

fn the_set() -> QuestionSet {
    let mut set = parse_set(SET).expect("the test's set file is valid");
    let base = CardId::parse("seoul").expect("a valid id");
    let clozes = cloze::cards(
        &base,
        "Seoul fell on {{c1::28 June}} and was retaken in {{c2::September::month}}, \
         {{c1::three days}} after the war began.",
        &["seoul".into()],
        Some("Retaken after the Inchon landing."),
        None,
    )
    .expect("a valid cloze text");
    set.cards.extend(clozes);
    set
}

/// What a card must keep through Anki: its id, kind, prompt and answer.
fn kept(card: &Card) -> (String, &'static str, String, String) {
    (
        card.id.to_string(),
        card.kind.name(),
        card.prompt.clone(),
        card.kind.expected_text(),
    )
}

#[test]
fn a_written_deck_goes_through_the_real_anki_and_back_with_the_same_cards() {
    let Some(python) = std::env::var_os("STUDYHALL_ANKI_PYTHON") else {
        println!(
            "skipped: set STUDYHALL_ANKI_PYTHON to a Python with `anki` installed \
             (python3 -m venv /tmp/anki && /tmp/anki/bin/pip install anki==26.9.3)"
        );
        return;
    };
    let set = the_set();
    let written = apkg::write(&set).expect("the set is written");
    let ours = apkg::read(&written).expect("our own package reads back");

    let dir = tempfile::tempdir().expect("a temporary folder");
    let package = dir.path().join("korean-war.apkg");
    let exported = dir.path().join("from-anki.apkg");
    std::fs::write(&package, &written).expect("the package is saved");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/anki/import_check.py");
    let output = Command::new(&python)
        .arg(script)
        .arg(&package)
        .arg(&exported)
        .current_dir(dir.path())
        .output()
        .expect("the Python of STUDYHALL_ANKI_PYTHON runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "Anki refused the package:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    println!("Anki: {stdout}");
    let report: serde_json::Value =
        serde_json::from_str(stdout.trim()).expect("import_check.py prints one JSON line");
    // One note per card, a cloze entry's cards in one note.
    assert_eq!(report["notes"], 6, "{report}");
    assert_eq!(report["cards"], 7, "{report}");
    assert_eq!(report["first_new"], 6, "{report}");
    assert_eq!(report["second_new"], 0, "{report}");
    assert_eq!(report["per_note_type"]["Basic"], 4, "{report}");
    assert_eq!(
        report["per_note_type"]["Basic (type in the answer)"], 1,
        "{report}"
    );
    assert_eq!(report["per_note_type"]["Cloze"], 1, "{report}");

    let from_anki = std::fs::read(&exported).expect("Anki exported the collection");
    let back = apkg::read(&from_anki).expect("Anki's package reads");
    let ours: Vec<_> = ours.cards.iter().map(kept).collect();
    let back_cards: Vec<_> = back.cards.iter().map(kept).collect();
    assert_eq!(back_cards, ours);
    assert_eq!(back.title.as_deref(), Some("Korean War / 1950"));
    assert_eq!(
        back.cards[0].tags,
        ["pusan", "rivers_&_lines"],
        "a tag's spaces become underscores"
    );
    let seoul = back
        .cards
        .iter()
        .find(|card| card.id.as_str() == "seoul-c2");
    assert_eq!(
        seoul.and_then(|card| card.explanation.as_deref()),
        Some("Retaken after the Inchon landing.")
    );
}
