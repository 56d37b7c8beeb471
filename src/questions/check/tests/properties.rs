//! Properties over generated answers: what holds for every input, not just the tables.

use proptest::prelude::*;

use super::{checked, date_card, number_card, strings, text, text_card};
use crate::questions::check::Verdict::{Almost, Correct, SelfGraded, Unparsed, Wrong};
use crate::questions::check::date::{WrittenDate, read_written_date};
use crate::questions::check::{Checked, Response, normalize_text};
use crate::questions::{CardKind, PartialDate};

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

/// The kinds every generated string is checked against.
fn kinds() -> Vec<CardKind> {
    vec![
        CardKind::Recall {
            answer: "x".to_string(),
        },
        text_card("Kim Il-sung", &["Kim Il Sung", "김일성"]),
        text_card(
            "Lüshun (Port Arthur)",
            &["Harry S. Truman", "General Douglas MacArthur"],
        ),
        CardKind::Choice {
            choices: strings(&["Seoul", "Pusan"]),
            answer: "Pusan".to_string(),
            shuffle: true,
        },
        CardKind::TrueFalse { answer: true },
        date_card("1950-06-25"),
        date_card("1950-06"),
        date_card("1950"),
        number_card(38.0, 0.5),
    ]
}

/// What every check promises, whatever it was given.
fn assert_consistent(result: &Checked) {
    assert!(
        !result.blank || result.verdict == Wrong,
        "blank answers are wrong: {result:?}"
    );
    let needs_message = matches!(result.verdict, Unparsed | Almost);
    assert_eq!(result.message.is_some(), needs_message, "{result:?}");
    // What was let pass is said for every almost answer, and only for right ones.
    if result.verdict == Almost {
        assert!(result.forgiven.is_some(), "{result:?}");
    }
    if let Some(forgiven) = &result.forgiven {
        let opening = if result.verdict == Almost {
            "Almost: "
        } else {
            "Accepted: "
        };
        assert!(matches!(result.verdict, Correct | Almost), "{result:?}");
        assert!(forgiven.starts_with(opening), "{result:?}");
    }
    assert_eq!(result.given_text, result.given_text.trim(), "{result:?}");
    assert!(matches!(
        result.verdict,
        Correct | Almost | Wrong | Unparsed | SelfGraded
    ));
}

proptest! {
    #[test]
    fn checking_any_string_never_panics_and_keeps_its_promises(given in any::<String>()) {
        for kind in kinds() {
            assert_consistent(&checked(&kind, text(&given)));
        }
        let multi = CardKind::Multi { choices: strings(&["USA", "UK"]), answers: strings(&["UK"]), shuffle: true };
        assert_consistent(&checked(&multi, Response::Choices(vec![given.clone(), "UK".into()])));
    }

    #[test]
    fn checking_anything_that_looks_like_a_date_or_number_never_panics(
        given in "[0-9a-zA-Z ,./+-]{0,24}",
    ) {
        for kind in kinds() {
            assert_consistent(&checked(&kind, text(&given)));
        }
    }

    #[test]
    fn a_date_card_never_gives_an_example_finer_than_it_asks(
        given in "[0-9a-zA-Z ,./-]{0,24}|(early|late|mid|end of) [A-Za-z]{0,9} ?[0-9]{0,5}",
    ) {
        for (card, finer) in [("1950-06", "14 July"), ("1950", "July 1789")] {
            let result = checked(&date_card(card), text(&given));
            if let Some(message) = result.message {
                prop_assert!(!message.contains(finer), "{} on {}: {}", given, card, message);
            }
        }
    }

    #[test]
    fn normalising_twice_changes_nothing(given in any::<String>()) {
        let once = normalize_text(&given);
        prop_assert_eq!(normalize_text(&once), once.clone());
        prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
    }

    #[test]
    fn an_answer_in_any_case_with_any_spacing_punctuation_and_diacritics_is_correct(
        words in prop::collection::vec("[a-zA-Z0-9]{1,8}", 1..5),
        upper in prop::collection::vec(any::<bool>(), 40),
        marks in prop::collection::vec(prop::sample::select(vec!["", "", "\u{301}", "\u{308}", "\u{30c}"]), 40),
        separators in prop::collection::vec("[ ,.;:!?()\"/–-]{1,3}", 4),
        ends in ("[ (\"¿]{0,2}", "[ .!?\"]{0,2}"),
    ) {
        let answer = words.join(" ");
        let mut given = ends.0.clone();
        for (index, word) in words.iter().enumerate() {
            if index > 0 {
                given += &separators[index - 1];
            }
            for (position, c) in word.chars().enumerate() {
                let slot = (index * 8 + position) % 40;
                given.push(if upper[slot] { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() });
                if c.is_ascii_alphabetic() {
                    given += marks[slot];
                }
            }
        }
        given += &ends.1;
        let result = checked(&text_card(&answer, &[]), text(&given));
        prop_assert_eq!(result.verdict, Correct, "{:?} for {:?}", given, answer);
    }

    #[test]
    fn any_real_day_written_in_any_form_reads_back_as_itself(
        year in 1000i16..=2100,
        month in 1u8..=12,
        day in 1u8..=31,
        form in 0usize..6,
    ) {
        let Ok(date) = PartialDate::day(year, month, day) else { return Ok(()) };
        let name = MONTHS[usize::from(month) - 1];
        let short = &name[..3];
        let written = match form {
            0 => format!("{day} {name} {year}"),
            1 => format!("{name} {day}, {year}"),
            2 => format!("{short} {day} {year}"),
            3 => format!("{day}th {short}. {year}"),
            4 => format!("{}", date),
            _ => format!("{} {day} {year}", name.to_uppercase()),
        };
        prop_assert_eq!(read_written_date(&written), Ok(WrittenDate { date, vague: None }), "{}", written);
        let result = checked(&CardKind::Date { answer: date }, text(&written));
        prop_assert_eq!(result.verdict, Correct);
    }
}
