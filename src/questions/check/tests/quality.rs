//! The grades a student may pick after each verdict.

use super::{checked, number_card, text, text_card};
use crate::questions::CardKind;
use crate::questions::check::{Checked, Response, Verdict, grade_options, quality_allowed};
use crate::scheduler::Quality;

/// One check of each verdict, with blank apart from other wrong answers.
fn one_of_each() -> [(&'static str, Checked); 6] {
    let card = text_card("Panmunjeom", &[]);
    let recall = CardKind::Recall {
        answer: "Stalin agreed".to_string(),
    };
    [
        ("correct", checked(&card, text("panmunjeom"))),
        ("almost", checked(&card, text("panmunjom"))),
        ("wrong", checked(&card, text("Kaesong"))),
        ("blank", checked(&card, text(""))),
        ("unparsed", checked(&number_card(1.0, 0.0), text("one"))),
        ("self-graded", checked(&recall, Response::Recall)),
    ]
}

/// The grades offered, as (quality, label), and the default quality.
type Offer = (&'static [(u8, &'static str)], Option<u8>);

fn q(value: u8) -> Quality {
    Quality::new(value).expect("a quality from 0 to 5")
}

#[test]
fn the_checks_used_below_have_the_verdicts_they_are_named_for() {
    let verdicts = one_of_each().map(|(_, checked)| (checked.verdict, checked.blank));
    assert_eq!(
        verdicts,
        [
            (Verdict::Correct, false),
            (Verdict::Almost, false),
            (Verdict::Wrong, false),
            (Verdict::Wrong, true),
            (Verdict::Unparsed, false),
            (Verdict::SelfGraded, false),
        ]
    );
}

#[test]
fn each_verdict_offers_its_grades_and_default() {
    let expected: [Offer; 6] = [
        (&[(3, "Hard"), (4, "Good"), (5, "Easy")], Some(4)),
        (&[(3, "Hard"), (4, "Good"), (5, "Easy")], Some(3)),
        (&[(1, "Again")], Some(1)),
        (&[(0, "Again")], Some(0)),
        (&[], None),
        (&[(1, "Again"), (3, "Hard"), (4, "Good"), (5, "Easy")], None),
    ];
    for ((name, checked), (grades, default)) in one_of_each().into_iter().zip(expected) {
        let options = grade_options(&checked);
        let offered: Vec<(u8, &str)> = options
            .choices
            .iter()
            .map(|grade| (grade.quality.value(), grade.label))
            .collect();
        assert_eq!(offered, grades, "{name}");
        assert_eq!(options.default.map(Quality::value), default, "{name}");
    }
}

#[test]
fn a_quality_is_allowed_only_when_offered() {
    let allowed: [&[u8]; 6] = [&[3, 4, 5], &[3, 4, 5], &[1], &[0], &[], &[1, 3, 4, 5]];
    for ((name, checked), allowed) in one_of_each().into_iter().zip(allowed) {
        for value in 0..=5 {
            assert_eq!(
                quality_allowed(&checked, q(value)),
                allowed.contains(&value),
                "{name} / {value}"
            );
        }
    }
}

#[test]
fn grades_and_verdicts_serialise_as_the_api_shows_them() {
    let [(_, correct), _, _, _, (_, unparsed), (_, recall)] = one_of_each();
    assert_eq!(
        serde_json::to_value(grade_options(&correct)).expect("serialisable"),
        serde_json::json!({
            "choices": [
                {"quality": 3, "label": "Hard"},
                {"quality": 4, "label": "Good"},
                {"quality": 5, "label": "Easy"},
            ],
            "default": 4,
        })
    );
    assert_eq!(
        serde_json::to_value(grade_options(&recall)).expect("serialisable")["default"],
        serde_json::Value::Null
    );
    assert_eq!(
        serde_json::to_value(&unparsed).expect("serialisable"),
        serde_json::json!({
            "verdict": "unparsed",
            "blank": false,
            "message": "Write a number in digits, such as “42”, “1,000” or “3.5”.",
            "forgiven": null,
            "normalized": "one",
            "given_text": "one",
        })
    );
    assert_eq!(
        serde_json::to_value(Verdict::SelfGraded).expect("serialisable"),
        "self-graded"
    );
    assert_eq!(
        serde_json::to_value(Verdict::Almost).expect("serialisable"),
        "almost"
    );
}
