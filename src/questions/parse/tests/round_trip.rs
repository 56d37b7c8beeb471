//! Writing sets back out: `to_toml` gives the documented layout, and its output parses back
//! to the same set, for the essay set, for awkward strings and numbers, and for generated sets.

use proptest::prelude::*;

use super::{parsed, valid_essay};
use crate::questions::model::{Card, CardId, CardKind, PartialDate, QuestionSet, SetId};
use crate::questions::parse::{parse_set, to_toml};

/// A file in the layout `to_toml` writes: keys in the documented order, one blank line
/// before each card, optional keys left out when empty.
const CANONICAL: &str = r#"[set]
id = "canonical"
title = "Canonical"
source = "An essay, \"quoted\""

[[cards]]
id = "t"
kind = "text"
prompt = "Which port?"
answer = "Lüshun"
accept = ["Port Arthur", "Lushun"]
tags = ["place"]
explanation = "Also called Port Arthur."
source = "paragraph 5"

[[cards]]
id = "m"
kind = "multi"
prompt = "Which?"
choices = ["a", "b", "c"]
answers = ["a", "c"]

[[cards]]
id = "n"
kind = "number"
prompt = "How many years?"
answer = 10
tolerance = 1.5

[[cards]]
id = "tf"
kind = "truefalse"
prompt = "True?"
answer = true

[[cards]]
id = "d"
kind = "date"
prompt = "When?"
answer = "1950-01-30"

[[cards]]
id = "c"
kind = "choice"
prompt = "Who?"
choices = ["Mao", "Stalin", "Both of them"]
answer = "Both of them"
shuffle = false
"#;

#[test]
fn a_file_in_the_documented_layout_is_written_back_byte_for_byte() {
    assert_eq!(to_toml(&parsed(CANONICAL)), CANONICAL);
}

#[test]
fn shuffle_is_written_only_when_a_card_keeps_its_written_order() {
    let mut set = parsed(CANONICAL);
    assert!(!set.cards[5].kind.shuffles_choices());
    assert!(set.cards[1].kind.shuffles_choices());
    if let CardKind::Choice { shuffle, .. } = &mut set.cards[5].kind {
        *shuffle = true;
    }
    let written = to_toml(&set);
    assert!(!written.contains("shuffle"), "{written}");
    assert_eq!(parse_set(&written), Ok(set));

    let said = CANONICAL.replace(
        "answers = [\"a\", \"c\"]\n",
        "answers = [\"a\", \"c\"]\nshuffle = true\n",
    );
    let written = to_toml(&parsed(&said));
    assert_eq!(
        written.matches("shuffle").count(),
        1,
        "only the choice card's false: {written}"
    );
}

#[test]
fn the_essay_set_round_trips() {
    let set = valid_essay();
    assert_eq!(parse_set(&to_toml(&set)), Ok(set));
}

#[test]
fn awkward_strings_are_escaped_and_read_back_unchanged() {
    let awkward = [
        "quote \" and backslash \\ and C:\\path",
        "two\nlines\r\nand a\ttab",
        "control \u{0} \u{1b} \u{7f} \u{85} characters",
        "'''literal''' and \"\"\"basic\"\"\" fences",
        "unicode: 港口 Lüshun 🚂",
        "# not a comment = [not, a, list]",
    ];
    for text in awkward {
        let mut set = parsed(CANONICAL);
        set.title = text.to_string();
        set.cards[0].prompt = text.to_string();
        set.cards[0].tags = vec![text.to_string()];
        let written = to_toml(&set);
        assert_eq!(parse_set(&written), Ok(set), "{written}");
    }
}

#[test]
fn numbers_are_written_so_they_read_back_exactly() {
    let numbers = [
        0.0,
        -0.0,
        0.1,
        -2.5,
        1e-7,
        1e300,
        5e-324,
        9_007_199_254_740_992.0,
        123456789.0,
    ];
    for number in numbers {
        let mut set = parsed(CANONICAL);
        set.cards[2].kind = CardKind::Number {
            answer: number,
            tolerance: number.abs(),
        };
        let written = to_toml(&set);
        assert_eq!(parse_set(&written), Ok(set), "{written}");
    }
}

/// Text that is not blank, of any characters, with TOML's awkward ones drawn often:
/// proptest's own `String` strategy draws printable characters only.
fn text() -> impl Strategy<Value = String> {
    let awkward = vec![
        '"', '\\', '\'', '\n', '\r', '\t', '\u{0}', '\u{1b}', '\u{7f}', '#', '=',
    ];
    let character = prop_oneof![3 => any::<char>(), 1 => prop::sample::select(awkward)];
    prop::collection::vec(character, 1..24)
        .prop_map(String::from_iter)
        .prop_filter("a field cannot be blank", |text| !text.trim().is_empty())
}

/// Distinct choices, 2 to 10 of them.
fn choices() -> impl Strategy<Value = Vec<String>> {
    prop::collection::btree_set(text(), 2..=10).prop_map(|choices| choices.into_iter().collect())
}

fn finite() -> impl Strategy<Value = f64> {
    use prop::num::f64::{NEGATIVE, NORMAL, POSITIVE, SUBNORMAL, ZERO};
    prop_oneof![
        (-1000i32..1000).prop_map(f64::from),
        POSITIVE | NEGATIVE | NORMAL | SUBNORMAL | ZERO,
    ]
}

fn date() -> impl Strategy<Value = PartialDate> {
    (0i16..=9999, 0u8..=12, 0u8..=31).prop_filter_map("a real date", |(year, month, day)| {
        match (month, day) {
            (0, _) => Some(PartialDate::year(year)),
            (month, 0) => PartialDate::month(year, month).ok(),
            (month, day) => PartialDate::day(year, month, day).ok(),
        }
    })
}

fn kind() -> impl Strategy<Value = CardKind> {
    prop_oneof![
        text().prop_map(|answer| CardKind::Recall { answer }),
        (text(), prop::collection::vec(text(), 0..4))
            .prop_map(|(answer, accept)| CardKind::Text { answer, accept }),
        (choices(), any::<prop::sample::Index>(), any::<bool>()).prop_map(
            |(choices, pick, shuffle)| {
                let answer = pick.get(&choices).clone();
                CardKind::Choice {
                    choices,
                    answer,
                    shuffle,
                }
            }
        ),
        (choices(), any::<bool>()).prop_flat_map(|(choices, shuffle)| {
            let count = choices.len();
            prop::sample::subsequence(choices.clone(), 1..=count).prop_map(move |answers| {
                CardKind::Multi {
                    choices: choices.clone(),
                    answers,
                    shuffle,
                }
            })
        }),
        any::<bool>().prop_map(|answer| CardKind::TrueFalse { answer }),
        date().prop_map(|answer| CardKind::Date { answer }),
        (finite(), finite()).prop_map(|(answer, tolerance)| CardKind::Number {
            answer,
            tolerance: tolerance.abs(),
        }),
    ]
}

fn id() -> impl Strategy<Value = String> {
    "[a-z0-9-]{1,60}"
}

fn card() -> impl Strategy<Value = Card> {
    let tags = prop::collection::vec(text(), 0..3);
    let optional = || prop::option::of(text());
    (id(), text(), kind(), tags, optional(), optional()).prop_map(
        |(id, prompt, kind, tags, explanation, source)| Card {
            id: CardId::parse(&id).expect("the pattern makes valid ids"),
            prompt,
            kind,
            tags,
            explanation,
            source,
        },
    )
}

fn question_set() -> impl Strategy<Value = QuestionSet> {
    let optional = || prop::option::of(text());
    let cards = prop::collection::vec(card(), 1..6);
    (id(), text(), optional(), optional(), cards).prop_map(
        |(id, title, description, source, mut cards)| {
            // Card ids are unique in a set: number them.
            for (number, card) in cards.iter_mut().enumerate() {
                let unique = format!("{}-{number}", card.id);
                card.id = CardId::parse(&unique).expect("at most 63 characters");
            }
            QuestionSet {
                id: SetId::parse(&id).expect("the pattern makes valid ids"),
                title,
                description,
                source,
                cards,
            }
        },
    )
}

proptest! {
    #[test]
    fn any_valid_set_reads_back_from_what_to_toml_writes(set in question_set()) {
        let written = to_toml(&set);
        prop_assert_eq!(parse_set(&written), Ok(set), "{}", written);
    }
}
