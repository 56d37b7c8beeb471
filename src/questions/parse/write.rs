//! Writing a set back out in the file format, for when the file must change (an instructor
//! accepts another answer). Keys come in the order the format documents them, one per line,
//! so that a rewritten file differs from the original only where the set changed.

use std::fmt::Write;

use crate::questions::cloze::{self, Entry};
use crate::questions::model::{CardKind, QuestionSet};

/// The set as a set file. For any set `parse_set` returns, `parse_set(&to_toml(&set))`
/// gives the same set back.
pub fn to_toml(set: &QuestionSet) -> String {
    to_toml_with_notes(set, &[])
}

/// As [`to_toml`], with `notes[i]` written as comment lines above card `i` (a drafted card's
/// source sentence, say). Line ends in a note are written as spaces.
pub fn to_toml_with_notes(set: &QuestionSet, notes: &[Vec<String>]) -> String {
    let mut file = String::from("[set]\n");
    key(&mut file, "id", &quote(set.id.as_str()));
    key(&mut file, "title", &quote(&set.title));
    optional(&mut file, "description", set.description.as_deref());
    optional(&mut file, "source", set.source.as_deref());
    for entry in cloze::entries(&set.cards) {
        let (index, card, cloze_base) = match entry {
            Entry::Card(index, card) => (index, card, None),
            Entry::Cloze {
                index, base, cards, ..
            } => (index, &cards[0], Some(base)),
        };
        file.push('\n');
        for note in notes.get(index).into_iter().flatten() {
            file.push_str(&comment(note));
        }
        file.push_str("[[cards]]\n");
        key(
            &mut file,
            "id",
            &quote(cloze_base.unwrap_or(card.id.as_str())),
        );
        key(&mut file, "kind", &quote(card.kind.name()));
        // A cloze card's prompt is its text with the gap, made when the file is read.
        if cloze_base.is_none() {
            key(&mut file, "prompt", &quote(&card.prompt));
        }
        match &card.kind {
            CardKind::Cloze { text, .. } => key(&mut file, "text", &quote(text)),
            CardKind::Recall { answer } => key(&mut file, "answer", &quote(answer)),
            CardKind::Text { answer, accept } => {
                key(&mut file, "answer", &quote(answer));
                if !accept.is_empty() {
                    key(&mut file, "accept", &list(accept));
                }
            }
            CardKind::Choice {
                choices,
                answer,
                shuffle,
            } => {
                key(&mut file, "choices", &list(choices));
                key(&mut file, "answer", &quote(answer));
                keep_order(&mut file, *shuffle);
            }
            CardKind::Multi {
                choices,
                answers,
                shuffle,
            } => {
                key(&mut file, "choices", &list(choices));
                key(&mut file, "answers", &list(answers));
                keep_order(&mut file, *shuffle);
            }
            CardKind::TrueFalse { answer } => key(&mut file, "answer", &answer.to_string()),
            CardKind::Date { answer } => key(&mut file, "answer", &quote(&answer.to_string())),
            CardKind::Number { answer, tolerance } => {
                key(&mut file, "answer", &number(*answer));
                // 0 is the default, and an author leaves it out.
                if *tolerance != 0.0 {
                    key(&mut file, "tolerance", &number(*tolerance));
                }
            }
        }
        if !card.tags.is_empty() {
            key(&mut file, "tags", &list(&card.tags));
        }
        optional(&mut file, "explanation", card.explanation.as_deref());
        optional(&mut file, "source", card.source.as_deref());
    }
    file
}

/// `text` as a TOML comment line, its line ends (and other control characters) as spaces.
pub(crate) fn comment(text: &str) -> String {
    let line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!("# {line}\n")
}

fn key(file: &mut String, key: &str, value: &str) {
    // Writing to a String cannot fail.
    let _ = writeln!(file, "{key} = {value}");
}

/// `shuffle = false` for a card whose choices keep their written order. Shuffling is the
/// default, and an author leaves it out.
fn keep_order(file: &mut String, shuffle: bool) {
    if !shuffle {
        key(file, "shuffle", "false");
    }
}

fn optional(file: &mut String, name: &str, value: Option<&str>) {
    if let Some(value) = value {
        key(file, name, &quote(value));
    }
}

fn list(texts: &[String]) -> String {
    let quoted: Vec<String> = texts.iter().map(|text| quote(text)).collect();
    format!("[{}]", quoted.join(", "))
}

/// A TOML basic string: one line, with quotes, backslashes and control characters escaped.
pub(crate) fn quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(quoted, "\\u{:04X}", u32::from(c));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// A number as an author writes it: whole numbers as integers, others in Rust's shortest
/// form that reads back to the same `f64` (which is also valid TOML, e.g. `2.5`, `1e-7`).
fn number(value: f64) -> String {
    // Below 2^53 every whole f64 is an exact i64, so the integer reads back unchanged.
    const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;
    if value.fract() == 0.0 && value.abs() < EXACT_INTEGERS {
        format!("{}", value as i64)
    } else {
        format!("{value:?}")
    }
}
