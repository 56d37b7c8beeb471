//! Date cards: the written forms, and grading at the card's precision.

use super::{checked, date_card, text};
use crate::questions::check::Verdict::{self, Correct, Unparsed, Wrong};
use crate::questions::check::date::read_written_date;
use crate::questions::check::date_hint;

/// What a day card sends gibberish back with: examples of a day, far from any card's answer.
const EXAMPLES: &str = "Write a date such as “14 July 1789”, “July 14, 1789” or “1789-07-14”.";

fn iso(written: &str) -> String {
    match read_written_date(written) {
        Ok(written) => written.date.to_string(),
        Err(why) => panic!("{written:?} did not parse: {why:?}"),
    }
}

fn verdict(card: &str, given: &str) -> Verdict {
    checked(&date_card(card), text(given)).verdict
}

/// The message a written date is sent back with, or a failure if it was graded.
fn unparsed_message(card: &str, given: &str) -> String {
    let result = checked(&date_card(card), text(given));
    assert_eq!(result.verdict, Unparsed, "{given:?}");
    result
        .message
        .expect("an unparsed answer says how to rephrase")
}

#[test]
fn every_written_form_of_a_day_in_the_spec_is_correct() {
    for given in [
        "30 January 1950",
        "January 30, 1950",
        "Jan 30 1950",
        "30 Jan 1950",
        "1950-01-30",
        "30th January 1950",
        "January 30th, 1950",
    ] {
        assert_eq!(verdict("1950-01-30", given), Correct, "{given:?}");
    }
}

#[test]
fn other_common_forms_of_a_day_are_read_too() {
    for given in [
        "30 JANUARY 1950",
        "jan. 30, 1950",
        "30-Jan-1950",
        "the 30th of January, 1950",
        "  January 30 1950. ",
        "Janu 30 1950",
        "30/01/1950",
        "01/30/1950",
        "30.01.1950",
        "1950/01/30",
        "1950-1-30",
    ] {
        assert_eq!(iso(given), "1950-01-30", "{given:?}");
    }
}

#[test]
fn the_month_precision_forms_in_the_spec_are_read() {
    for (given, expected) in [
        ("January 1950", "1950-01"),
        ("Jan 1950", "1950-01"),
        ("Sept 1950", "1950-09"),
        ("1950-01", "1950-01"),
        ("Sep. 1950", "1950-09"),
        ("MAY 1950", "1950-05"),
        ("01/1950", "1950-01"),
        ("1950", "1950"),
        ("1950.", "1950"),
        ("668", "0668"),
    ] {
        assert_eq!(iso(given), expected, "{given:?}");
    }
}

#[test]
fn every_month_reads_by_name_and_abbreviation_with_or_without_a_dot() {
    let names = [
        ("January", "Jan"),
        ("February", "Feb"),
        ("March", "Mar"),
        ("April", "Apr"),
        ("May", "May"),
        ("June", "Jun"),
        ("July", "Jul"),
        ("August", "Aug"),
        ("September", "Sep"),
        ("October", "Oct"),
        ("November", "Nov"),
        ("December", "Dec"),
    ];
    for (number, (name, short)) in (1..).zip(names) {
        let expected = format!("1950-{number:02}");
        for written in [name, short, &format!("{short}."), &name.to_lowercase()] {
            assert_eq!(iso(&format!("{written} 1950")), expected, "{written:?}");
        }
    }
    assert_eq!(iso("Sept. 1950"), "1950-09");
}

#[test]
fn an_ambiguous_all_numeric_date_asks_for_the_month_as_a_word() {
    assert_eq!(
        unparsed_message("1950-06-05", "05/06/1950"),
        "Is that 5 June or 6 May 1950? Write the month as a word, e.g. “5 June 1950”."
    );
    assert_eq!(verdict("1950-05-06", "5/6/1950"), Unparsed);
}

#[test]
fn an_all_numeric_date_with_one_reading_is_read() {
    assert_eq!(iso("05/05/1950"), "1950-05-05");
    assert_eq!(iso("25/06/1950"), "1950-06-25");
    assert_eq!(iso("06/25/1950"), "1950-06-25");
}

#[test]
fn gibberish_is_sent_back_with_example_forms() {
    for given in [
        "sometime in the fifties",
        "banana",
        "30 Janvier 1950",
        "Ja 1950",
        "1950s",
        "19500130",
        "30 01 1950",
        "1950 January 30",
        "30 January 1950 1951",
        "January 1950th",
        "1950--01",
        "/",
        "12345",
    ] {
        assert_eq!(unparsed_message("1950-01-30", given), EXAMPLES, "{given:?}");
    }
}

#[test]
fn a_two_digit_year_is_never_guessed() {
    for given in ["30/01/50", "Jan 50", "30 January 50", "50"] {
        assert_eq!(
            unparsed_message("1950-01-30", given),
            "Write the year in full, e.g. “1789” rather than “89”.",
            "{given:?}"
        );
    }
}

#[test]
fn a_date_without_a_year_asks_for_it() {
    for given in ["January 30", "30th January", "Jan 30th", "January"] {
        assert_eq!(
            unparsed_message("1950-01-30", given),
            "Give the year too, e.g. “14 July 1789”.",
            "{given:?}"
        );
    }
}

#[test]
fn a_date_that_does_not_exist_says_so() {
    for (given, why) in [
        ("30 February 1950", "1950-02 has no day 30"),
        ("1950-02-30", "1950-02 has no day 30"),
        ("31/02/1950", "1950-02 has no day 31"),
        ("02/31/1950", "1950-02 has no day 31"),
        ("0 June 1950", "1950-06 has no day 0"),
        ("1950-13", "there is no month 13"),
        ("13/13/1950", "there is no month 13"),
    ] {
        assert_eq!(
            unparsed_message("1950-01-30", given),
            format!("There is no such date: {why}."),
            "{given:?}"
        );
    }
}

#[test]
fn a_year_card_needs_only_the_year_to_match() {
    for (given, expected) in [
        ("1950", Correct),
        ("1951", Wrong),
        ("June 1950", Correct),
        ("25 June 1950", Correct),
        ("25 June 1951", Wrong),
    ] {
        assert_eq!(verdict("1950", given), expected, "{given:?}");
    }
}

#[test]
fn a_month_card_needs_year_and_month_and_asks_for_a_missing_month() {
    for (given, expected) in [
        ("June 1950", Correct),
        ("25 June 1950", Correct),
        ("July 1950", Wrong),
        ("June 1951", Wrong),
        ("1950", Unparsed),
        ("1951", Unparsed),
    ] {
        assert_eq!(verdict("1950-06", given), expected, "{given:?}");
    }
    assert_eq!(
        unparsed_message("1950-06", "1950"),
        "Give the month too, e.g. “July 1789”."
    );
}

#[test]
fn a_day_card_is_exact_and_asks_for_a_missing_day_even_when_the_rest_is_wrong() {
    for (given, expected) in [
        ("25 June 1950", Correct),
        ("24 June 1950", Wrong),
        ("26 June 1950", Wrong),
        ("25 July 1950", Wrong),
        ("25 June 1951", Wrong),
        ("June 1950", Unparsed),
        ("July 1949", Unparsed),
        ("1950", Unparsed),
    ] {
        assert_eq!(verdict("1950-06-25", given), expected, "{given:?}");
    }
    assert_eq!(
        unparsed_message("1950-06-25", "June 1950"),
        "Give the day too, e.g. “14 July 1789”."
    );
    assert_eq!(
        unparsed_message("1950-06-25", "1950"),
        "Give the month and day too, e.g. “14 July 1789”."
    );
}

#[test]
fn answers_are_grouped_in_iso_at_the_card_precision() {
    for (card, given, normalized) in [
        ("1950", "25 June 1951", "1951"),
        ("1950-06", "25 June 1950", "1950-06"),
        ("1950-06", "jul 1950", "1950-07"),
        ("1950-06-25", "June 25th, 1950", "1950-06-25"),
    ] {
        let result = checked(&date_card(card), text(given));
        assert_eq!(result.normalized, normalized, "{card} / {given:?}");
        assert_eq!(result.given_text, given);
    }
}

#[test]
fn a_blank_date_is_wrong_and_flagged_blank() {
    let result = checked(&date_card("1950-06-25"), text("  "));
    assert_eq!((result.verdict, result.blank), (Wrong, true));
}

#[test]
fn every_example_and_hint_is_at_the_cards_precision() {
    for (card, shape, no_year, hint) in [
        (
            "1950-01-30",
            EXAMPLES,
            "Give the year too, e.g. “14 July 1789”.",
            "e.g. 14 July 1789",
        ),
        (
            "1950-01",
            "Write a month and year such as “July 1789” or “1789-07”.",
            "Give the year too, e.g. “July 1789”.",
            "e.g. July 1789",
        ),
        (
            "1950",
            "Write a year such as “1789”.",
            "Give the year, e.g. “1789”.",
            "e.g. 1789",
        ),
    ] {
        assert_eq!(unparsed_message(card, "sometime"), shape, "{card}");
        assert_eq!(unparsed_message(card, "January"), no_year, "{card}");
        let answer = crate::questions::PartialDate::parse_iso(card).unwrap();
        assert_eq!(date_hint(answer), hint, "{card}");
    }
}

#[test]
fn a_vague_word_reads_as_the_month_or_year_it_qualifies() {
    for (given, expected) in [
        ("late January 1950", "1950-01"),
        ("early Jan 1950", "1950-01"),
        ("mid-January 1950", "1950-01"),
        ("the middle of January 1950", "1950-01"),
        ("at the beginning of January, 1950", "1950-01"),
        ("start of 1950", "1950"),
        ("in late 1950", "1950"),
        ("end of 1950.", "1950"),
    ] {
        assert_eq!(iso(given), expected, "{given:?}");
    }
    for given in [
        "late 30 January 1950",
        "January late 1950",
        "late",
        "late late 1950",
    ] {
        assert!(read_written_date(given).is_err(), "{given:?}");
    }
}

#[test]
fn an_ambiguous_numeric_date_is_graded_on_a_year_card_where_both_readings_agree() {
    assert_eq!(verdict("1950", "05/06/1950"), Correct);
    assert_eq!(verdict("1951", "05/06/1950"), Wrong);
    assert_eq!(verdict("1950-06", "05/06/1950"), Unparsed);
}
