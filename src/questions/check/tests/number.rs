//! Number cards: reading written numbers and grading within the tolerance.

use super::{checked, number_card, text};
use crate::questions::check::Response;
use crate::questions::check::Verdict::{Correct, Unparsed, Wrong};
use crate::questions::check::number::{Unreadable, parse_number};

#[test]
fn numbers_are_read_with_thousands_separators_signs_decimals_and_a_unit() {
    for (written, value) in [
        ("42", 42.0),
        (" 42 ", 42.0),
        ("1,000", 1000.0),
        ("1,000,000.5", 1_000_000.5),
        ("3.5", 3.5),
        (".5", 0.5),
        ("0", 0.0),
        ("007", 7.0),
        ("-3", -3.0),
        ("+3", 3.0),
        ("−3", -3.0),
        ("3.", 3.0),
        ("3 years", 3.0),
        ("3 years.", 3.0),
        ("3 Jahre", 3.0),
        ("42km", 42.0),
        ("12%", 12.0),
        ("-1,234.25 square miles", -1234.25),
    ] {
        assert_eq!(parse_number(written), Ok(value), "{written:?}");
    }
}

#[test]
fn what_is_not_a_number_in_digits_is_sent_back_with_the_reason() {
    for (written, why) in [
        ("three", Unreadable::Shape),
        ("about 3", Unreadable::Shape),
        ("~3", Unreadable::Shape),
        ("1e6", Unreadable::Shape),
        ("inf", Unreadable::Shape),
        ("NaN", Unreadable::Shape),
        ("3-4", Unreadable::Shape),
        ("3 or 4", Unreadable::Shape),
        ("1.2.3", Unreadable::Shape),
        ("--3", Unreadable::Shape),
        ("3-", Unreadable::Shape),
        (".", Unreadable::Shape),
        ("-", Unreadable::Shape),
        ("1,000.5.5", Unreadable::Shape),
        ("1,00.5", Unreadable::Shape),
        ("3,5", Unreadable::DecimalComma),
        ("1,00", Unreadable::DecimalComma),
        (",000", Unreadable::DecimalComma),
        ("1,0000", Unreadable::DecimalComma),
        ("3 million", Unreadable::ScaleWord),
        ("2 Thousand men", Unreadable::ScaleWord),
        (&"9".repeat(400), Unreadable::NotFinite),
    ] {
        assert_eq!(parse_number(written), Err(why), "{written:?}");
    }
}

#[test]
fn unreadable_numbers_are_unparsed_with_a_message_saying_how_to_write_them() {
    let card = number_card(1000.0, 0.0);
    for (written, message) in [
        (
            "a thousand",
            "Write a number in digits, such as “42”, “1,000” or “3.5”.",
        ),
        (
            "1,5",
            "Use a point for decimals (“3.5”) and commas only between thousands (“1,000”).",
        ),
        (
            "1 thousand",
            "Write the whole number in digits, e.g. “3000000” rather than “3 million”.",
        ),
    ] {
        let result = checked(&card, text(written));
        assert_eq!(result.verdict, Unparsed, "{written:?}");
        assert_eq!(result.message.as_deref(), Some(message), "{written:?}");
    }
}

#[test]
fn the_tolerance_is_inclusive_at_both_edges() {
    let card = number_card(100.0, 5.0);
    for (given, expected) in [
        (100.0, Correct),
        (95.0, Correct),
        (105.0, Correct),
        (94.999, Wrong),
        (105.001, Wrong),
        (-100.0, Wrong),
    ] {
        assert_eq!(
            checked(&card, Response::Number(given)).verdict,
            expected,
            "{given}"
        );
        let written = given.to_string();
        assert_eq!(
            checked(&card, text(&written)).verdict,
            expected,
            "{written:?}"
        );
    }
}

#[test]
fn float_noise_does_not_push_an_edge_answer_out_of_tolerance() {
    let card = number_card(0.3, 0.1);
    assert_eq!(checked(&card, text("0.4")).verdict, Correct);
    assert_eq!(checked(&card, text("0.2")).verdict, Correct);
    assert_eq!(checked(&card, text("0.41")).verdict, Wrong);
    let exact = number_card(0.3, 0.0);
    assert_eq!(
        checked(&exact, Response::Number(0.1 + 0.2)).verdict,
        Correct
    );
    assert_eq!(checked(&exact, Response::Number(0.300001)).verdict, Wrong);
    let large = number_card(1_000_000_000.0, 0.0);
    assert_eq!(checked(&large, text("1,000,000,001")).verdict, Wrong);
}

#[test]
fn no_tolerance_means_exact_and_a_negative_one_counts_as_none() {
    assert_eq!(
        checked(&number_card(1950.0, 0.0), text("1950")).verdict,
        Correct
    );
    assert_eq!(
        checked(&number_card(1950.0, 0.0), text("1951")).verdict,
        Wrong
    );
    assert_eq!(checked(&number_card(5.0, -1.0), text("5")).verdict, Correct);
    assert_eq!(checked(&number_card(5.0, -1.0), text("6")).verdict, Wrong);
}

#[test]
fn a_number_that_is_not_finite_is_unparsed() {
    let card = number_card(3.0, 0.0);
    for given in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let result = checked(&card, Response::Number(given));
        assert_eq!(result.verdict, Unparsed, "{given}");
        assert_eq!(result.message.as_deref(), Some("Give a finite number."));
    }
}

#[test]
fn numbers_are_grouped_by_value_and_keep_what_was_written() {
    let card = number_card(1000.0, 0.0);
    let result = checked(&card, text(" 1,000 men "));
    assert_eq!(result.verdict, Correct);
    assert_eq!(result.normalized, "1000");
    assert_eq!(result.given_text, "1,000 men");
    assert_eq!(checked(&card, Response::Number(-0.0)).normalized, "0");
    let typed = checked(&card, Response::Number(2.5));
    assert_eq!(
        (typed.normalized.as_str(), typed.given_text.as_str()),
        ("2.5", "2.5")
    );
}

#[test]
fn a_blank_number_is_wrong_and_flagged_blank() {
    let result = checked(&number_card(3.0, 0.0), text(" "));
    assert_eq!((result.verdict, result.blank), (Wrong, true));
}
