//! A set written as GIFT, for Moodle and for [`super::read`] to read back as the same set.
//!
//! Each card is a named question, `::card-id::`, its explanation the `####` general feedback.
//! choice, multi (weights summing to 100%, wrong answers -100%), truefalse, text (other
//! answers accepted as further `=` answers) and number (`answer:tolerance`) cards are GIFT's
//! own questions. Date cards are short answers (the date written out, "25 June 1950", with its
//! ISO form accepted) and cloze cards short answers to the gap they ask. Recall cards, graded
//! by the student, have no GIFT question: Moodle sees them as comment lines. What GIFT cannot
//! say (a card's kind, tags, source and fixed choice order; the set's title) is kept in
//! studyhall's comments ([`super::extras`]), so the reader gives every card back.

use std::fmt::Write;

use super::extras;
use super::text::escape;
use crate::questions::model::{Card, CardKind, QuestionSet};

/// The set as GIFT: every kind GIFT can hold, and studyhall's comments for the rest.
pub fn write(set: &QuestionSet) -> String {
    let mut file = String::new();
    comment(
        &mut file,
        &format!("{} (set {}), written by studyhall", set.title, set.id),
    );
    comment(
        &mut file,
        &extras::set_comment(
            &set.title,
            set.description.as_deref(),
            set.source.as_deref(),
        ),
    );
    for card in &set.cards {
        file.push('\n');
        if let Some(extras) = extras::card_comment(card) {
            comment(&mut file, &extras);
        }
        let question = format!(
            "::{}:: {} {{{}}}",
            card.id,
            escape(&card.prompt),
            block(card)
        );
        if matches!(card.kind, CardKind::Recall { .. }) {
            comment(&mut file, &question);
        } else {
            let _ = writeln!(file, "{question}");
        }
    }
    file
}

/// The answer block's inside, general feedback included (a recall card's as a short answer).
fn block(card: &Card) -> String {
    let mut block = match &card.kind {
        CardKind::Choice {
            choices, answer, ..
        } => choices
            .iter()
            .map(|choice| {
                let mark = if choice == answer { '=' } else { '~' };
                format!("\n\t{mark}{}", escape(choice))
            })
            .collect(),
        CardKind::Multi {
            choices, answers, ..
        } => {
            let share = weight(100.0 / answers.len().max(1) as f64);
            choices
                .iter()
                .map(|choice| {
                    let weight = if answers.contains(choice) {
                        share.as_str()
                    } else {
                        "-100"
                    };
                    format!("\n\t~%{weight}%{}", escape(choice))
                })
                .collect()
        }
        CardKind::TrueFalse { answer } => if *answer { "TRUE" } else { "FALSE" }.to_string(),
        CardKind::Text { answer, accept } => std::iter::once(answer)
            .chain(accept)
            .map(|text| format!("={}", escape(text)))
            .collect::<Vec<_>>()
            .join(" "),
        CardKind::Number { answer, tolerance } if *tolerance > 0.0 => {
            format!("#{answer}:{tolerance}")
        }
        CardKind::Number { answer, .. } => format!("#{answer}"),
        CardKind::Date { answer } => {
            let written = answer.in_words();
            let iso = answer.to_string();
            if written == iso {
                format!("={}", escape(&iso))
            } else {
                format!("={} ={}", escape(&written), escape(&iso))
            }
        }
        CardKind::Cloze { .. } | CardKind::Recall { .. } => {
            format!("={}", escape(&card.kind.expected_text()))
        }
    };
    if let Some(explanation) = &card.explanation {
        let _ = write!(block, "\n\t####{}", escape(explanation));
    }
    if block.contains('\n') {
        block.push('\n');
    }
    block
}

/// A weight in Moodle's form: at most 5 decimals, no trailing zeros (`33.33333`, `50`).
fn weight(value: f64) -> String {
    let written = format!("{value:.5}");
    written
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string()
}

/// `text` as `//` comment lines, one per line of it.
fn comment(file: &mut String, text: &str) {
    for line in text.lines() {
        let _ = writeln!(file, "// {line}");
    }
    if text.is_empty() {
        file.push_str("//\n");
    }
}
