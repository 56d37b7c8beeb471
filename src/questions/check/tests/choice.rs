//! Choice, multi and true/false cards.

use super::{checked, strings, text};
use crate::questions::CardKind;
use crate::questions::check::Response;
use crate::questions::check::Verdict::{Correct, Unparsed, Wrong};

fn choice_card() -> CardKind {
    CardKind::Choice {
        choices: strings(&["Seoul", "Pusan", "Pyongyang"]),
        answer: "Pusan".to_string(),
        shuffle: true,
    }
}

fn multi_card() -> CardKind {
    CardKind::Multi {
        choices: strings(&["China", "USSR", "USA", "UK"]),
        answers: strings(&["USA", "UK"]),
        shuffle: true,
    }
}

fn picks(texts: &[&str]) -> Response {
    Response::Choices(strings(texts))
}

#[test]
fn a_choice_is_right_only_when_it_is_the_answer_compared_exactly_after_trimming() {
    for (given, expected) in [
        ("Pusan", Correct),
        ("  Pusan ", Correct),
        ("Seoul", Wrong),
        ("Pyongyang", Wrong),
        ("pusan", Unparsed),
        ("Busan", Unparsed),
    ] {
        assert_eq!(
            checked(&choice_card(), text(given)).verdict,
            expected,
            "{given:?}"
        );
    }
}

#[test]
fn a_response_that_is_not_a_choice_asks_to_pick_one() {
    let result = checked(&choice_card(), text("Taegu"));
    assert_eq!(result.message.as_deref(), Some("Pick one of the choices."));
    assert_eq!(result.given_text, "Taegu");
}

#[test]
fn no_choice_picked_is_wrong_and_flagged_blank() {
    let result = checked(&choice_card(), text(""));
    assert_eq!((result.verdict, result.blank), (Wrong, true));
}

#[test]
fn a_multi_answer_must_be_all_and_only_the_answers_in_any_order() {
    for (given, expected) in [
        (&["USA", "UK"][..], Correct),
        (&["UK", "USA"], Correct),
        (&["UK", "USA", "UK"], Correct),
        (&[" UK ", "USA"], Correct),
        (&["", "UK", "USA"], Correct),
        (&["USA"], Wrong),
        (&["USA", "UK", "China"], Wrong),
        (&["China", "USSR"], Wrong),
    ] {
        assert_eq!(
            checked(&multi_card(), picks(given)).verdict,
            expected,
            "{given:?}"
        );
    }
}

#[test]
fn a_multi_answer_with_an_unknown_choice_is_unparsed_and_names_it() {
    let result = checked(&multi_card(), picks(&["USA", "France"]));
    assert_eq!(result.verdict, Unparsed);
    assert_eq!(
        result.message.as_deref(),
        Some("Pick from the choices given; “France” is not one of them.")
    );
}

#[test]
fn a_multi_answer_with_nothing_picked_is_wrong_and_flagged_blank() {
    for given in [&[][..], &[" "]] {
        let result = checked(&multi_card(), picks(given));
        assert_eq!((result.verdict, result.blank), (Wrong, true), "{given:?}");
        assert_eq!(result.normalized, "");
    }
}

#[test]
fn multi_picks_are_grouped_in_the_cards_order_whatever_order_they_came_in() {
    let result = checked(&multi_card(), picks(&["UK", "China", "UK"]));
    assert_eq!(result.normalized, "China; UK");
    assert_eq!(result.given_text, "China, UK");
}

#[test]
fn a_true_false_card_takes_a_boolean() {
    let card = CardKind::TrueFalse { answer: true };
    assert_eq!(checked(&card, Response::Bool(true)).verdict, Correct);
    assert_eq!(checked(&card, Response::Bool(false)).verdict, Wrong);
    let result = checked(&card, Response::Bool(false));
    assert_eq!(
        (result.normalized.as_str(), result.given_text.as_str()),
        ("false", "false")
    );
}

#[test]
fn a_true_false_card_reads_true_false_yes_no_t_and_f_in_any_case() {
    let card = CardKind::TrueFalse { answer: false };
    for (given, expected) in [
        ("true", Wrong),
        ("TRUE", Wrong),
        ("Yes", Wrong),
        ("t", Wrong),
        ("T", Wrong),
        ("True.", Wrong),
        ("false", Correct),
        ("False!", Correct),
        ("no", Correct),
        ("NO", Correct),
        ("f", Correct),
        (" F ", Correct),
    ] {
        let result = checked(&card, text(given));
        assert_eq!(result.verdict, expected, "{given:?}");
        assert_eq!(result.given_text, given.trim());
    }
}

#[test]
fn a_true_false_card_sends_back_anything_else() {
    let card = CardKind::TrueFalse { answer: true };
    for given in ["maybe", "y", "n", "1", "0", "truth", "not false"] {
        let result = checked(&card, text(given));
        assert_eq!(result.verdict, Unparsed, "{given:?}");
        assert_eq!(result.message.as_deref(), Some("Answer true or false."));
    }
    let blank = checked(&card, text(""));
    assert_eq!((blank.verdict, blank.blank), (Wrong, true));
}
