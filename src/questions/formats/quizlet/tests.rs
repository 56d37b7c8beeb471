use proptest::prelude::*;

use super::read;
use crate::questions::formats::{Ask, QuizletOptions};
use crate::questions::model::CardKind;

const TABS: &str = include_str!("../../../../tests/fixtures/formats/korean-war.quizlet.tsv");
const CUSTOM: &str =
    include_str!("../../../../tests/fixtures/formats/korean-war.quizlet-custom.txt");

fn text_card(answer: &str) -> CardKind {
    CardKind::Text {
        answer: answer.into(),
        accept: Vec::new(),
    }
}

#[test]
fn a_tab_export_asks_for_the_term_by_default() {
    let imported = read(TABS, &QuizletOptions::default()).unwrap();
    let expected = [
        (
            "kim-il-sung",
            "Leader of North Korea who asked Stalin to approve an attack on the South",
            "Kim Il Sung",
        ),
        (
            "38th-parallel",
            "The line dividing North and South Korea in 1950",
            "38th parallel",
        ),
        (
            "inchon",
            "Port where UN forces landed on 15 September 1950",
            "Inchon",
        ),
        (
            "sino-soviet-treaty",
            "Alliance signed in Moscow in February 1950",
            "Sino-Soviet treaty",
        ),
        (
            "inchon-2",
            "Korean port west of Seoul, also written Incheon",
            "Inchon",
        ),
    ];
    assert_eq!(imported.cards.len(), expected.len());
    for (card, (id, prompt, answer)) in imported.cards.iter().zip(expected) {
        assert_eq!(card.id.as_str(), id);
        assert_eq!(card.prompt, prompt);
        assert_eq!(card.kind, text_card(answer));
        assert!(card.tags.is_empty() && card.explanation.is_none());
    }
}

#[test]
fn custom_separators_and_asking_for_the_definition() {
    let options = QuizletOptions {
        separator: ";".into(),
        row_separator: ";;".into(),
        ask: Ask::Definition,
    };
    let imported = read(CUSTOM, &options).unwrap();
    let expected = [
        (
            "kim-il-sung",
            "Kim Il Sung",
            "Leader of North Korea; he asked Stalin for approval",
        ),
        ("38th-parallel", "38th parallel", "Dividing line of 1950"),
        ("inchon", "Inchon", "Landing of 15 September 1950"),
    ];
    assert_eq!(imported.cards.len(), expected.len());
    for (card, (id, prompt, answer)) in imported.cards.iter().zip(expected) {
        assert_eq!(card.id.as_str(), id);
        assert_eq!(card.prompt, prompt);
        assert_eq!(card.kind, text_card(answer));
    }
}

#[test]
fn a_term_without_letters_a_to_z_gets_a_hashed_stable_id() {
    let cards = read("한국전쟁\tThe Korean War\n", &QuizletOptions::default())
        .unwrap()
        .cards;
    let again = read(
        "x\ty\n한국전쟁\tThe Korean War, 1950-53\n",
        &QuizletOptions::default(),
    )
    .unwrap()
    .cards;
    assert!(cards[0].id.as_str().starts_with("t-"));
    assert_eq!(cards[0].id, again[1].id);
}

#[test]
fn rows_without_a_separator_or_with_an_empty_side_are_reported_at_their_line() {
    let text = "Kim Il Sung\tNorth Korea's leader\n  Inchon landing\n\tno term\nMao\t \n";
    let errors = read(text, &QuizletOptions::default()).unwrap_err();
    let found: Vec<(usize, usize, &str)> = errors
        .iter()
        .map(|e| (e.line, e.column, e.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                2,
                3,
                "this row has no separator between a term and its definition"
            ),
            (3, 1, "this row's term is empty"),
            (4, 1, "this row's definition is empty"),
        ]
    );
    assert!(
        errors[0]
            .fix
            .starts_with("write the term, a tab, then the definition")
    );
}

#[test]
fn empty_separators_are_refused() {
    let options = QuizletOptions {
        separator: String::new(),
        ..QuizletOptions::default()
    };
    let errors = read("a\tb", &options).unwrap_err();
    assert_eq!(
        errors[0].message,
        "the separator between a term and its definition is empty"
    );
}

proptest! {
    #[test]
    fn any_text_is_read_without_panicking(
        text in "\\PC*",
        separator in "(\t|;|,|-|\\PC{0,2})",
        row_separator in "(\n|;;|\n\n|\\PC{0,2})",
    ) {
        let options = QuizletOptions { separator, row_separator, ask: Ask::Term };
        let _ = read(&text, &options);
    }
}
