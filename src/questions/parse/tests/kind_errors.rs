//! Problems with the fields that depend on a card's kind: its answer, choices, accepted
//! alternatives and tolerance, and keys that belong to another kind.

use super::{card, places, problem, problems};

/// A card of `kind` whose kind-specific `fields` start on line 9.
fn of_kind(kind: &str, fields: &str) -> String {
    card(&format!(
        "id = \"a\"\nkind = \"{kind}\"\nprompt = \"Q?\"\n{fields}"
    ))
}

/// `(line, column, message)` for a test's expectations.
fn at(line: usize, column: usize, message: &str) -> (usize, usize, String) {
    (line, column, message.to_string())
}

#[test]
fn a_key_of_another_kind_is_reported_with_the_kinds_that_take_it() {
    let text = of_kind("text", "answer = \"x\"\nchoices = [\"x\", \"y\"]\n");
    assert_eq!(
        problem(&text),
        "10:1: \"choices\" is not a field of text cards — remove it, or use a kind that takes \
         it: choice, multi"
    );
    let text = of_kind("date", "answer = \"1950\"\ntolerance = 1\n");
    assert_eq!(
        places(&text),
        [at(10, 1, "\"tolerance\" is not a field of date cards")]
    );
}

#[test]
fn answers_on_a_choice_card_are_explained() {
    let text = of_kind(
        "choice",
        "choices = [\"x\", \"y\"]\nanswer = \"x\"\nanswers = [\"y\"]\n",
    );
    assert_eq!(
        problem(&text),
        "11:1: \"answers\" is not a field of choice cards — only multi cards take answers; use \
         answer = \"…\" for one right answer"
    );
}

#[test]
fn an_answer_on_a_multi_card_is_explained_and_its_answers_are_missing() {
    let text = of_kind("multi", "choices = [\"x\", \"y\"]\nanswer = \"x\"\n");
    assert_eq!(
        problems(&text),
        [
            "5:1: this card has no \"answers\" — add answers = [\"…\"] listing the choices that \
             must be picked",
            "10:1: \"answer\" is not a field of multi cards — a multi card lists what must be \
             picked: answers = [\"…\"]",
        ]
    );
}

#[test]
fn a_missing_answer_is_reported_at_the_card_header_for_every_kind() {
    for kind in ["recall", "text", "choice", "truefalse", "date", "number"] {
        let fields = if kind == "choice" {
            "choices = [\"x\", \"y\"]\n"
        } else {
            ""
        };
        let found = places(&of_kind(kind, fields));
        assert_eq!(found, [at(5, 1, "this card has no \"answer\"")], "{kind}");
    }
    let found = places(&of_kind("choice", "answer = \"x\"\n"));
    assert_eq!(found, [at(5, 1, "this card has no \"choices\"")]);
}

#[test]
fn a_blank_answer_is_reported_at_its_value() {
    for kind in ["recall", "text", "date"] {
        let text = of_kind(kind, "answer = \"   \"\n");
        assert_eq!(places(&text), [at(9, 10, "\"answer\" is empty")], "{kind}");
    }
    let text = of_kind("choice", "choices = [\"x\", \"y\"]\nanswer = \"\"\n");
    assert_eq!(places(&text), [at(10, 10, "\"answer\" is empty")]);
}

#[test]
fn a_blank_accepted_alternative_is_reported_because_it_would_accept_a_blank_answer() {
    let text = of_kind(
        "text",
        "answer = \"Stalin\"\naccept = [\"Joseph Stalin\", \"\"]\n",
    );
    assert_eq!(
        problem(&text),
        "10:28: an item of \"accept\" is empty — write another answer that counts"
    );
}

#[test]
fn a_choice_answer_not_among_the_choices_is_reported_at_the_answer_with_a_guess() {
    let text = of_kind(
        "choice",
        "choices = [\"Mao\", \"Zhou Enlai\"]\nanswer = \"mao\"\n",
    );
    assert_eq!(
        problem(&text),
        "10:10: answer \"mao\" is not one of the choices — did you mean \"Mao\"? It must match a \
         choice exactly"
    );
    let text = of_kind(
        "choice",
        "choices = [\"Mao\", \"Zhou Enlai\"]\nanswer = \"Stalin\"\n",
    );
    assert_eq!(
        problem(&text),
        "10:10: answer \"Stalin\" is not one of the choices — make it exactly one of the \
         choices, or add it to \"choices\""
    );
}

#[test]
fn too_few_or_too_many_choices_are_reported_at_the_list() {
    let text = of_kind("choice", "choices = [\"x\"]\nanswer = \"x\"\n");
    assert_eq!(
        problem(&text),
        "9:11: \"choices\" has 1 option; a card needs 2 to 10 — add options for the student to \
         pick from"
    );
    let eleven: Vec<String> = (1..=11).map(|n| format!("\"{n}\"")).collect();
    let text = of_kind(
        "multi",
        &format!("choices = [{}]\nanswers = [\"1\"]\n", eleven.join(", ")),
    );
    assert_eq!(
        problem(&text),
        "9:11: \"choices\" has 11 options; a card takes at most 10 — remove some, or split the \
         card in two"
    );
    let ten: Vec<String> = (1..=10).map(|n| format!("\"{n}\"")).collect();
    let text = of_kind(
        "multi",
        &format!("choices = [{}]\nanswers = [\"1\"]\n", ten.join(", ")),
    );
    assert!(super::parse_set(&text).is_ok(), "ten choices are allowed");
}

#[test]
fn a_repeated_choice_is_reported_at_the_repeat() {
    let text = of_kind(
        "choice",
        "choices = [\"x\", \"y\", \"x\"]\nanswer = \"x\"\n",
    );
    assert_eq!(
        problem(&text),
        "9:22: choice \"x\" is listed twice — remove the repeat"
    );
}

#[test]
fn multi_answers_must_be_some_of_the_choices_each_once() {
    let choices = "choices = [\"a\", \"b\", \"c\"]\n";
    let text = of_kind("multi", &format!("{choices}answers = []\n"));
    assert_eq!(
        problem(&text),
        "10:11: \"answers\" is empty — list the choices that must be picked, at least one"
    );
    let text = of_kind(
        "multi",
        &format!("{choices}answers = [\"a\", \"z\", \"a\"]\n"),
    );
    assert_eq!(
        places(&text),
        [
            at(10, 17, "answer \"z\" is not one of the choices"),
            at(10, 22, "answer \"a\" is listed twice"),
        ]
    );
    let text = of_kind("multi", &format!("{choices}answers = \"a\"\n"));
    assert_eq!(
        places(&text),
        [at(
            10,
            11,
            "\"answers\" must be a list of strings, found a string"
        )]
    );
}

#[test]
fn a_truefalse_answer_must_be_an_unquoted_boolean() {
    assert_eq!(
        problem(&of_kind("truefalse", "answer = \"True\"\n")),
        "9:10: \"answer\" must be true or false, found a string — remove the quotes: answer = true"
    );
    assert_eq!(
        problem(&of_kind("truefalse", "answer = 1\n")),
        "9:10: \"answer\" must be true or false, found an integer — write answer = true or \
         answer = false, without quotes"
    );
}

#[test]
fn an_impossible_date_is_reported_at_its_value() {
    assert_eq!(
        problem(&of_kind("date", "answer = \"1950-02-30\"\n")),
        "9:10: impossible date \"1950-02-30\": 1950-02 has no day 30 — write a date that exists"
    );
    assert_eq!(
        places(&of_kind("date", "answer = \"1950-13\"\n")),
        [at(
            9,
            10,
            "impossible date \"1950-13\": there is no month 13"
        )]
    );
}

#[test]
fn a_date_in_another_shape_is_reported_with_the_shapes_allowed() {
    assert_eq!(
        problem(&of_kind("date", "answer = \"the fifties\"\n")),
        "9:10: \"the fifties\" is not a date — write the date as \"1950-06-25\", \"25 June 1950\", \
         \"June 25, 1950\", \"June 1950\" or \"1950\", for the precision asked"
    );
}

#[test]
fn an_ambiguous_date_is_reported_with_both_readings() {
    assert_eq!(
        problem(&of_kind("date", "answer = \"05/06/1950\"\n")),
        "9:10: \"05/06/1950\" is ambiguous: 5 June 1950 read day first, May 6, 1950 read month \
         first — write the month as a word, \"5 June 1950\" or \"May 6, 1950\""
    );
}

#[test]
fn an_unquoted_toml_date_is_reported_with_the_quoted_fix() {
    assert_eq!(
        problem(&of_kind("date", "answer = 1950-01-30\n")),
        "9:10: \"answer\" must be a string, found an unquoted date — put it in double quotes: \
         \"1950-01-30\""
    );
}

#[test]
fn a_number_answer_must_be_an_unquoted_finite_number() {
    assert_eq!(
        problem(&of_kind("number", "answer = \"70\"\n")),
        "9:10: \"answer\" must be a number, found a string — remove the quotes: answer = 70"
    );
    assert_eq!(
        problem(&of_kind("number", "answer = \"seventy\"\n")),
        "9:10: \"answer\" must be a number, found a string — write a number without quotes, \
         e.g. answer = 70 or answer = 2.5"
    );
    for (written, column) in [("nan", 10), ("-inf", 10), ("1e400", 10)] {
        let text = of_kind("number", &format!("answer = {written}\n"));
        let message = format!("\"answer\" {written} is not a usable number");
        assert_eq!(places(&text), [at(9, column, &message)], "{written}");
    }
    let text = of_kind("number", "answer = 99999999999999999999\n");
    let message = "\"answer\" 99999999999999999999 is not a usable number";
    assert_eq!(places(&text), [at(9, 10, message)]);
}

#[test]
fn a_negative_or_mistyped_tolerance_is_reported_at_its_value() {
    assert_eq!(
        problem(&of_kind("number", "answer = 10\ntolerance = -1\n")),
        "10:13: \"tolerance\" -1 is negative — write how far off a guess may be, 0 or more"
    );
    assert_eq!(
        places(&of_kind("number", "answer = 10\ntolerance = \"1\"\n")),
        [at(10, 13, "\"tolerance\" must be a number, found a string")]
    );
}
