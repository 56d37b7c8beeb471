//! Answers as the verdict page shows them: a date in words and true/false capitalised, the way
//! a student writes and reads them. The JSON API keeps the set file's forms ("1950-01").

use crate::questions::CardKind;
use crate::web::views::{MarkedOption, OptionMark};

/// The expected answer of a card: "12 January 1950" rather than "1950-01-12".
pub(super) fn expected(kind: &CardKind) -> String {
    match kind {
        CardKind::Date { answer } => answer.in_words(),
        other => other.expected_text(),
    }
}

/// What the student gave: the true/false form's `true` and `false` read as its labels do.
pub(super) fn given(kind: &CardKind, given_text: &str) -> String {
    match (kind, given_text) {
        (CardKind::TrueFalse { .. }, "true") => "True".to_string(),
        (CardKind::TrueFalse { .. }, "false") => "False".to_string(),
        _ => given_text.to_string(),
    }
}

/// A multi card's choices in written order, each marked against `picked` (the recorded
/// answer's list), so that a student sees per option what was right, wrong or missed instead
/// of diffing two lists by eye. Empty for other kinds. Choices compare as the checker does,
/// trimmed.
pub(super) fn marked_options(kind: &CardKind, picked: &[String]) -> Vec<MarkedOption> {
    let CardKind::Multi {
        choices, answers, ..
    } = kind
    else {
        return Vec::new();
    };
    let picked: Vec<&str> = picked.iter().map(|text| text.trim()).collect();
    choices
        .iter()
        .map(|choice| {
            let choice = choice.trim();
            let is_picked = picked.contains(&choice);
            let is_answer = answers.iter().any(|answer| answer.trim() == choice);
            let mark = match (is_picked, is_answer) {
                (true, true) => OptionMark::PickedRight,
                (true, false) => OptionMark::PickedWrong,
                (false, true) => OptionMark::Missed,
                (false, false) => OptionMark::LeftOut,
            };
            MarkedOption {
                text: choice.to_string(),
                mark,
            }
        })
        .collect()
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::questions::PartialDate;

    #[test]
    fn dates_are_written_in_words_at_their_precision() {
        let date = |iso| CardKind::Date {
            answer: PartialDate::parse_iso(iso).unwrap(),
        };
        assert_eq!(expected(&date("1950-01-12")), "12 January 1950");
        assert_eq!(expected(&date("1950-09")), "September 1950");
        assert_eq!(expected(&date("1950")), "1950");
        let text = CardKind::Text {
            answer: "Stalin".into(),
            accept: Vec::new(),
        };
        assert_eq!(expected(&text), "Stalin");
    }

    #[test]
    fn each_choice_of_a_multi_card_is_marked_picked_right_picked_wrong_missed_or_left_out() {
        let card = CardKind::Multi {
            choices: vec!["A".into(), "B".into(), " C ".into(), "D".into()],
            answers: vec!["A".into(), "C".into()],
            shuffle: true,
        };
        let marks: Vec<(String, OptionMark)> = marked_options(&card, &["B".into(), "A ".into()])
            .into_iter()
            .map(|option| (option.text, option.mark))
            .collect();
        assert_eq!(
            marks,
            [
                ("A".to_string(), OptionMark::PickedRight),
                ("B".into(), OptionMark::PickedWrong),
                ("C".into(), OptionMark::Missed),
                ("D".into(), OptionMark::LeftOut),
            ],
            "in written order, whatever order they were picked in"
        );
        let text = CardKind::Text {
            answer: "x".into(),
            accept: Vec::new(),
        };
        assert!(marked_options(&text, &["x".into()]).is_empty());
    }

    #[test]
    fn true_and_false_from_the_form_read_as_the_buttons_do() {
        let card = CardKind::TrueFalse { answer: false };
        assert_eq!(given(&card, "false"), "False");
        assert_eq!(given(&card, "true"), "True");
        assert_eq!(
            given(&card, "yes"),
            "yes",
            "a typed answer (API) is shown as typed"
        );
        let text = CardKind::Text {
            answer: "x".into(),
            accept: Vec::new(),
        };
        assert_eq!(given(&text, "true"), "true");
    }
}
