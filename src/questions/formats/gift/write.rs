//! A set written as GIFT, for Moodle and for [`super::read`] to read back.
//!
//! Each card is a named question, `::card-id::`, its explanation the `####` general feedback.
//! choice, multi (weights summing to 100%, wrong answers -100%), truefalse, text (other
//! answers accepted as further `=` answers) and number (`answer:tolerance`) cards read back as
//! the same cards. What GIFT cannot hold:
//! - tags: GIFT has none per question; they are written in a comment above the question and
//!   lost on reading;
//! - `shuffle = false`: Moodle decides the order; cards read back shuffled;
//! - date cards become short answers: the date written out ("25 June 1950") with its ISO form
//!   accepted, read back as text cards;
//! - cloze cards become short answers: the prompt shows the gap, the hidden words answer it;
//! - recall cards, graded by the student, have no GIFT question: they are written as comments
//!   (prompt and model answer), which a reader skips.

use std::fmt::Write;

use super::text::escape;
use crate::questions::model::{Card, CardKind, QuestionSet};

/// The set as GIFT: every kind GIFT can hold; `read` gives choice, multi, truefalse, text and
/// number cards back as they were, tags and `shuffle = false` aside.
pub fn write(set: &QuestionSet) -> String {
    let mut file = String::new();
    comment(
        &mut file,
        &format!("{} (set {}), written by studyhall", set.title, set.id),
    );
    for card in &set.cards {
        file.push('\n');
        if !card.tags.is_empty() {
            comment(&mut file, &format!("tags: {}", card.tags.join(", ")));
        }
        let Some(block) = block(card) else {
            recall(&mut file, card);
            continue;
        };
        let _ = writeln!(
            file,
            "::{}:: {} {{{}}}",
            card.id,
            escape(&card.prompt),
            block
        );
    }
    file
}

/// The answer block's inside, general feedback included; `None` for a recall card.
fn block(card: &Card) -> Option<String> {
    let mut block = match &card.kind {
        CardKind::Recall { .. } => return None,
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
        CardKind::Cloze { .. } => format!("={}", escape(&card.kind.expected_text())),
    };
    if let Some(explanation) = &card.explanation {
        let _ = write!(block, "\n\t####{}", escape(explanation));
    }
    if block.contains('\n') {
        block.push('\n');
    }
    Some(block)
}

/// A weight in Moodle's form: at most 5 decimals, no trailing zeros (`33.33333`, `50`).
fn weight(value: f64) -> String {
    let written = format!("{value:.5}");
    written
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string()
}

/// A recall card as comment lines: GIFT has no question graded by the student.
fn recall(file: &mut String, card: &Card) {
    comment(
        file,
        &format!(
            "recall card {} (GIFT has no self-graded question):",
            card.id
        ),
    );
    comment(file, &format!("Q: {}", card.prompt));
    comment(file, &format!("A: {}", card.kind.expected_text()));
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
