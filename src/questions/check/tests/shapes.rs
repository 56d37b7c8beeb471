//! Which response shapes each card kind takes, and recall cards.

use super::{checked, date_card, number_card, strings, text, text_card};
use crate::questions::CardKind;
use crate::questions::check::{Response, ResponseMismatch, Verdict, check};

fn every_kind() -> Vec<CardKind> {
    vec![
        CardKind::Recall {
            answer: "Stalin agreed".to_string(),
        },
        text_card("Lüshun", &[]),
        CardKind::Choice {
            choices: strings(&["Seoul", "Pusan"]),
            answer: "Pusan".to_string(),
            shuffle: true,
        },
        CardKind::Multi {
            choices: strings(&["USA", "UK"]),
            answers: strings(&["USA"]),
            shuffle: true,
        },
        CardKind::TrueFalse { answer: true },
        date_card("1950-06-25"),
        number_card(38.0, 0.0),
    ]
}

fn every_shape() -> Vec<Response> {
    vec![
        text("x"),
        Response::Choices(strings(&["USA"])),
        Response::Bool(true),
        Response::Number(1.0),
        Response::Recall,
    ]
}

#[test]
fn each_kind_takes_exactly_its_shapes_of_response() {
    // Rows: kinds in `every_kind` order; columns: shapes in `every_shape` order.
    let takes = [
        ("recall", [true, false, false, false, true]),
        ("text", [true, false, false, false, false]),
        ("choice", [true, false, false, false, false]),
        ("multi", [false, true, false, false, false]),
        ("truefalse", [true, false, true, false, false]),
        ("date", [true, false, false, false, false]),
        ("number", [true, false, false, true, false]),
    ];
    for (kind, (name, row)) in every_kind().iter().zip(takes) {
        assert_eq!(kind.name(), name);
        for (response, taken) in every_shape().iter().zip(row) {
            let result = check(kind, response);
            assert_eq!(result.is_ok(), taken, "{name} / {response:?}: {result:?}");
            if let Err(mismatch) = result {
                assert_eq!(mismatch.kind, name);
            }
        }
    }
}

#[test]
fn a_mismatch_says_what_the_kind_takes_and_what_was_given() {
    let cases = [
        (
            date_card("1950"),
            Response::Bool(true),
            "a date card takes a date written as text, not a boolean",
        ),
        (
            text_card("Yalu", &[]),
            Response::Recall,
            "a text card takes a text, not no answer",
        ),
        (
            number_card(1.0, 0.0),
            Response::Choices(Vec::new()),
            "a number card takes a number or a text, not a list of choices",
        ),
        (
            CardKind::TrueFalse { answer: true },
            Response::Number(1.0),
            "a truefalse card takes a boolean or a text, not a number",
        ),
        (
            CardKind::Multi {
                choices: Vec::new(),
                answers: Vec::new(),
                shuffle: true,
            },
            text("USA"),
            "a multi card takes a list of choices, not text",
        ),
        (
            CardKind::Choice {
                choices: Vec::new(),
                answer: String::new(),
                shuffle: true,
            },
            Response::Choices(Vec::new()),
            "a choice card takes the text of one choice, not a list of choices",
        ),
        (
            CardKind::Recall {
                answer: String::new(),
            },
            Response::Bool(false),
            "a recall card takes no answer or a text, not a boolean",
        ),
    ];
    for (kind, response, message) in cases {
        let mismatch: ResponseMismatch = check(&kind, &response).expect_err("a mismatch");
        assert_eq!(mismatch.to_string(), message);
    }
}

#[test]
fn a_recall_card_is_self_graded_with_or_without_an_attempt() {
    let card = CardKind::Recall {
        answer: "Stalin agreed".to_string(),
    };
    let bare = checked(&card, Response::Recall);
    assert_eq!(bare.verdict, Verdict::SelfGraded);
    assert_eq!(
        (bare.blank, bare.message, bare.normalized, bare.given_text),
        (false, None, String::new(), String::new())
    );
    let attempt = checked(&card, text("  Stalin said yes. "));
    assert_eq!(attempt.verdict, Verdict::SelfGraded);
    assert_eq!(attempt.given_text, "Stalin said yes.");
    assert_eq!(attempt.normalized, "stalin said yes");
}
