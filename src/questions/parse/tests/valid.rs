//! Valid files: every kind parses to the right `CardKind`, and the real essay set parses.

use super::{SET, card, parsed, valid_essay};
use crate::questions::model::{Card, CardId, CardKind, PartialDate, QuestionSet, SetId};

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(ToString::to_string).collect()
}

fn date(text: &str) -> PartialDate {
    PartialDate::parse_iso(text).expect("a valid date in the test")
}

#[test]
fn a_file_with_every_kind_parses_to_the_right_card_kinds() {
    let text = r#"
# Comments and blank lines are fine anywhere.
[set]
id = "every-kind"
title = "Every kind"
description = "One card of each kind."
source = "The format's README"

[[cards]]
id = "r"
kind = "recall"
prompt = "Why did Stalin approve the war?"
answer = "Access to the Pacific."
tags = ["motive", "stalin"]
explanation = "Lüshun and the CER."
source = "paragraph 5"

[[cards]]
id = "t"
kind = "text"
prompt = "Who?"
answer = "Stalin"
accept = ["Joseph Stalin"]

[[cards]]
id = "c"
kind = "choice"
prompt = "Which?"
choices = ["Mao", "Zhou"]
answer = "Zhou"

[[cards]]
id = "m"
kind = "multi"
prompt = "Which ones?"
choices = ["a", "b", "c"]
answers = ["c", "a"]

[[cards]]
id = "tf"
kind = "truefalse"
prompt = "True?"
answer = false

[[cards]]
id = "d"
kind = "date"
prompt = "When?"
answer = "1950-01"

[[cards]]
prompt = "How many?"
answer = 10
tolerance = 1
kind = "number"
id = "n"
"#;
    let card = |id: &str, prompt: &str, kind: CardKind| Card {
        id: CardId::parse(id).expect("a valid id in the test"),
        prompt: prompt.to_string(),
        kind,
        tags: Vec::new(),
        explanation: None,
        source: None,
    };
    let expected = QuestionSet {
        id: SetId::parse("every-kind").expect("a valid id in the test"),
        title: "Every kind".to_string(),
        description: Some("One card of each kind.".to_string()),
        source: Some("The format's README".to_string()),
        cards: vec![
            Card {
                tags: strings(&["motive", "stalin"]),
                explanation: Some("Lüshun and the CER.".to_string()),
                source: Some("paragraph 5".to_string()),
                ..card(
                    "r",
                    "Why did Stalin approve the war?",
                    CardKind::Recall {
                        answer: "Access to the Pacific.".to_string(),
                    },
                )
            },
            card(
                "t",
                "Who?",
                CardKind::Text {
                    answer: "Stalin".to_string(),
                    accept: strings(&["Joseph Stalin"]),
                },
            ),
            card(
                "c",
                "Which?",
                CardKind::Choice {
                    choices: strings(&["Mao", "Zhou"]),
                    answer: "Zhou".to_string(),
                    shuffle: true,
                },
            ),
            card(
                "m",
                "Which ones?",
                CardKind::Multi {
                    choices: strings(&["a", "b", "c"]),
                    answers: strings(&["c", "a"]),
                    shuffle: true,
                },
            ),
            card("tf", "True?", CardKind::TrueFalse { answer: false }),
            card(
                "d",
                "When?",
                CardKind::Date {
                    answer: date("1950-01"),
                },
            ),
            card(
                "n",
                "How many?",
                CardKind::Number {
                    answer: 10.0,
                    tolerance: 1.0,
                },
            ),
        ],
    };
    assert_eq!(parsed(text), expected);
}

#[test]
fn optional_fields_left_out_are_absent_or_empty() {
    let set = parsed(&card(
        "id = \"t\"\nkind = \"text\"\nprompt = \"Q?\"\nanswer = \"A\"\n",
    ));
    assert_eq!((set.description, set.source), (None, None));
    let card = &set.cards[0];
    assert_eq!(
        (card.explanation.as_deref(), card.source.as_deref()),
        (None, None)
    );
    assert!(card.tags.is_empty());
    let accept_none = CardKind::Text {
        answer: "A".to_string(),
        accept: Vec::new(),
    };
    assert_eq!(card.kind, accept_none);
}

#[test]
fn numbers_may_be_written_in_any_toml_form_and_tolerance_defaults_to_zero() {
    let cases = [
        ("70", 70.0),
        ("-3", -3.0),
        ("+5", 5.0),
        ("2.5", 2.5),
        ("1_000", 1000.0),
        ("0x10", 16.0),
        ("0b101", 5.0),
        ("6.02e23", 6.02e23),
    ];
    for (written, expected) in cases {
        let fields =
            format!("id = \"n\"\nkind = \"number\"\nprompt = \"Q?\"\nanswer = {written}\n");
        let set = parsed(&card(&fields));
        let number = CardKind::Number {
            answer: expected,
            tolerance: 0.0,
        };
        assert_eq!(set.cards[0].kind, number, "{written}");
    }
}

#[test]
fn dates_keep_the_precision_they_are_written_at() {
    for written in ["1950", "1950-06", "1950-06-25"] {
        let fields =
            format!("id = \"d\"\nkind = \"date\"\nprompt = \"Q?\"\nanswer = \"{written}\"\n");
        let set = parsed(&card(&fields));
        let expected = CardKind::Date {
            answer: date(written),
        };
        assert_eq!(set.cards[0].kind, expected);
        assert_eq!(set.cards[0].kind.expected_text(), written);
    }
}

#[test]
fn cards_may_also_be_written_as_inline_tables() {
    let text = format!(
        "cards = [{{ id = \"a\", kind = \"truefalse\", prompt = \"Q?\", answer = true }}]\n{SET}"
    );
    let set = parsed(&text);
    assert_eq!(set.cards.len(), 1);
    assert_eq!(set.cards[0].kind, CardKind::TrueFalse { answer: true });
}

#[test]
fn the_essay_set_parses_without_a_single_problem() {
    let set = valid_essay();
    assert_eq!(set.id.as_str(), "korean-war-1950");
    assert_eq!(set.title, "Stalin, Mao and the Korean War");
    assert!(
        set.cards.len() >= 50,
        "the essay set has {} cards",
        set.cards.len()
    );
    let kinds: std::collections::BTreeSet<&str> =
        set.cards.iter().map(|card| card.kind.name()).collect();
    let every_kind = [
        "choice",
        "date",
        "multi",
        "number",
        "recall",
        "text",
        "truefalse",
    ];
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), every_kind);
    let acheson = set
        .cards
        .iter()
        .find(|card| card.id.as_str() == "acheson-speech-date")
        .expect("the essay set has the Acheson speech card");
    let speech_day = CardKind::Date {
        answer: date("1950-01-12"),
    };
    assert_eq!(acheson.kind, speech_day);
}

#[test]
fn a_date_written_as_a_student_writes_it_is_kept_and_written_back_in_iso() {
    for (written, iso) in [
        ("June 25, 1950", "1950-06-25"),
        ("25 June 1950", "1950-06-25"),
        ("January 1950", "1950-01"),
    ] {
        let fields =
            format!("id = \"d\"\nkind = \"date\"\nprompt = \"Q?\"\nanswer = \"{written}\"\n");
        let set = parsed(&card(&fields));
        let expected = CardKind::Date { answer: date(iso) };
        assert_eq!(set.cards[0].kind, expected, "{written}");
        let rewritten = crate::questions::parse::to_toml(&set);
        assert!(
            rewritten.contains(&format!("answer = \"{iso}\"\n")),
            "{rewritten}"
        );
    }
}
