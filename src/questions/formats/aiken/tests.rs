use proptest::prelude::*;

use super::read;
use crate::questions::formats::Diagnostic;
use crate::questions::model::CardKind;

const FIXTURE: &str = include_str!("../../../../tests/fixtures/formats/korean-war.aiken.txt");

fn problems(text: &str) -> Vec<(usize, usize, String)> {
    read(text)
        .unwrap_err()
        .into_iter()
        .map(
            |Diagnostic {
                 line,
                 column,
                 message,
                 ..
             }| (line, column, message),
        )
        .collect()
}

#[test]
fn the_fixture_reads_as_choice_cards_with_the_lettered_answer() {
    let imported = read(FIXTURE).unwrap();
    assert!(imported.notes.is_empty());
    let expected: [(&str, &[&str], &str); 4] = [
        (
            "Who gave Kim Il Sung the go-ahead to attack the South in spring 1950?",
            &[
                "Harry S. Truman",
                "Joseph Stalin",
                "Syngman Rhee",
                "Chiang Kai-shek",
            ],
            "Joseph Stalin",
        ),
        (
            "Which line of latitude divided the two Koreas in June 1950?",
            &[
                "The 38th parallel",
                "The 17th parallel",
                "The 49th parallel",
            ],
            "The 38th parallel",
        ),
        (
            "Where did UN forces land behind the North Korean lines on 15 September 1950?",
            &["Busan", "Wonsan", "Inchon"],
            "Inchon",
        ),
        (
            "In February 1950, Moscow and Beijing signed a treaty of\nfriendship, alliance and what?",
            &["Mutual assistance", "Non-aggression"],
            "Mutual assistance",
        ),
    ];
    assert_eq!(imported.cards.len(), expected.len());
    for (card, (prompt, choices, answer)) in imported.cards.iter().zip(expected) {
        assert_eq!(card.prompt, prompt);
        assert_eq!(
            card.kind,
            CardKind::Choice {
                choices: choices.iter().map(|c| c.to_string()).collect(),
                answer: answer.to_string(),
                shuffle: true,
            }
        );
        assert!(card.tags.is_empty() && card.explanation.is_none());
        assert!(card.id.as_str().starts_with("q-") && card.id.as_str().len() == 12);
    }
}

#[test]
fn ids_stay_the_same_when_the_file_changes_around_a_question() {
    let first = read(FIXTURE).unwrap();
    let moved = format!("Extra question?\nA. x\nB. y\nANSWER: A\n\n{FIXTURE}");
    let second = read(&moved).unwrap();
    assert_eq!(first.cards[0].id, second.cards[1].id);
    let twice = format!("{FIXTURE}\n{FIXTURE}");
    let cards = read(&twice).unwrap().cards;
    assert_eq!(cards[4].id.as_str(), format!("{}-2", cards[0].id));
}

#[test]
fn a_missing_answer_line_is_reported_at_its_question() {
    let text =
        "Who?\nA. Kim\nB. Rhee\n\nWhere?\nA. Seoul\nB. Busan\nANSWER: A\nWhen?\nA. 1950\nB. 1951\n";
    assert_eq!(
        problems(text),
        [
            (1, 1, "this question has no ANSWER line".to_string()),
            (9, 1, "this question has no ANSWER line".to_string()),
        ]
    );
}

#[test]
fn an_answer_letter_outside_the_options_is_reported_at_the_letter() {
    let errors = read("Who?\nA. Kim\nB. Rhee\nANSWER:  D\n").unwrap_err();
    assert_eq!((errors[0].line, errors[0].column), (4, 10));
    assert_eq!(
        errors[0].message,
        "answer \"D\" is not one of the options' letters"
    );
    assert_eq!(errors[0].fix, "give the right option's letter: one of A, B");
    assert_eq!(
        problems("Who?\nA. Kim\nB. Rhee\nANSWER:\n"),
        [(4, 8, "the ANSWER line gives no letter".to_string())]
    );
}

#[test]
fn fewer_than_two_options_repeats_and_stray_answers_are_reported() {
    assert_eq!(
        problems("  Who?\nA. Kim\nANSWER: A\n"),
        [(
            1,
            3,
            "this question has 1 option; a choice card needs 2 to 10".to_string()
        )]
    );
    assert_eq!(
        problems("Who?\nA. Kim\nA. Rhee\nANSWER: A\n"),
        [(3, 1, "option letter A is used twice".to_string())]
    );
    assert_eq!(
        problems("Who?\nA. Kim\nB. Kim\nANSWER: A\n"),
        [(1, 1, "choice \"Kim\" is listed twice".to_string())]
    );
    assert_eq!(
        problems("ANSWER: A\n"),
        [(
            1,
            1,
            "an ANSWER line without a question above it".to_string()
        )]
    );
}

#[test]
fn every_problem_is_reported_at_once_in_file_order() {
    let text = "Q1?\nA. a\nANSWER: A\n\nQ2?\nA. a\nB. b\nANSWER: C\n\nQ3?\nA. a\nB. b\n";
    let lines: Vec<usize> = problems(text).into_iter().map(|(line, ..)| line).collect();
    assert_eq!(lines, [1, 8, 10]);
}

#[test]
fn a_byte_order_mark_and_windows_line_ends_are_read() {
    let cards = read("\u{feff}Who?\r\nA) Kim\r\nB) Rhee\r\nanswer: b\r\n")
        .unwrap()
        .cards;
    assert_eq!(cards[0].kind.expected_text(), "Rhee");
}

proptest! {
    #[test]
    fn any_text_is_read_without_panicking(text in "\\PC*") {
        let _ = read(&text);
    }

    #[test]
    fn aiken_like_text_is_read_without_panicking(
        lines in proptest::collection::vec("(ANSWER: ?[A-Z]?|[A-Z][.)] ?.{0,5}|.{0,8})", 0..12)
    ) {
        let text = lines.join("\n");
        if let Ok(imported) = read(&text) {
            for card in &imported.cards {
                prop_assert!(crate::questions::formats::card_rules::problems(card).is_empty());
            }
        }
    }
}
