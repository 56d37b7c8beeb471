//! Moodle's Aiken format, read as choice cards: a question on its own line, its options on
//! the lines below as `A.` or `A)` and the text, then `ANSWER: B`. Questions may be separated
//! by blank lines; a question's text may run over several lines before its first option. A
//! question's id is made from its text (`q-` and a hash, see [`super::card_ids`]), so it stays
//! the same while the question is unchanged; choices are shuffled, as Moodle does.
//!
//! Every problem is reported at once: a question without an `ANSWER:` line, an answer letter
//! that is not one of the options, fewer than 2 options, a repeated letter or option.

#[cfg(test)]
mod tests;

use super::card_ids::{CardIds, hashed};
use super::located::{Lines, Problems, without_bom};
use super::{Diagnostic, Imported};
use crate::questions::model::{Card, CardKind};

/// Reads an Aiken file's questions; every problem at once, each at its line and column.
pub fn read(text: &str) -> Result<Imported, Vec<Diagnostic>> {
    let text = without_bom(text);
    let mut reader = Reader::default();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        reader.line(raw.trim_end_matches(['\n', '\r']), offset);
        offset += raw.len();
    }
    reader.end_question();
    let Reader {
        mut problems,
        answered,
        ..
    } = reader;
    let lines = Lines::new(text);
    let mut ids = CardIds::default();
    let mut imported = Imported::default();
    for (question, answer) in answered {
        let line = lines.line(question.offset);
        let id = match ids.derived(&hashed("q", &question.text), line) {
            Ok(id) => id,
            Err(problem) => {
                problems.report(question.offset, problem);
                continue;
            }
        };
        let card = Card {
            id,
            prompt: question.text,
            kind: CardKind::Choice {
                choices: question.options.into_iter().map(|o| o.text).collect(),
                answer,
                shuffle: true,
            },
            tags: Vec::new(),
            explanation: None,
            source: None,
        };
        problems.keep_valid(card, question.offset, &mut imported.cards);
    }
    problems.or(text, imported)
}

/// A question being read: its text, where it starts, its options so far.
#[derive(Debug)]
struct Question {
    text: String,
    offset: usize,
    options: Vec<Choice>,
}

/// One option: its letter, its text, where its line starts.
#[derive(Debug)]
struct Choice {
    letter: char,
    text: String,
    offset: usize,
}

#[derive(Debug, Default)]
struct Reader {
    current: Option<Question>,
    problems: Problems,
    /// Questions read whole, each with its right option's text.
    answered: Vec<(Question, String)>,
}

impl Reader {
    fn line(&mut self, line: &str, offset: usize) {
        let trimmed = line.trim();
        let at = offset + (line.len() - line.trim_start().len());
        if trimmed.is_empty() {
            return;
        }
        if let Some(letter) = answer_line(trimmed) {
            let letter_at = at + (trimmed.len() - letter.len());
            self.answer(letter, letter_at, at);
            return;
        }
        if let Some(current) = self.current.as_mut() {
            if let Some((letter, option)) = option_line(trimmed) {
                current.options.push(Choice {
                    letter,
                    text: option.to_string(),
                    offset: at,
                });
                return;
            }
            if current.options.is_empty() {
                // The question's text, running over more than one line.
                current.text.push('\n');
                current.text.push_str(trimmed);
                return;
            }
        }
        self.end_question();
        self.current = Some(Question {
            text: trimmed.to_string(),
            offset: at,
            options: Vec::new(),
        });
    }

    /// The question being read ends without its `ANSWER:` line (the next question starts, or
    /// the file ends).
    fn end_question(&mut self) {
        if let Some(question) = self.current.take() {
            self.problems.add(
                question.offset,
                "this question has no ANSWER line",
                "add a line ANSWER: and the right option's letter, e.g. ANSWER: B, below its \
                 options",
            );
        }
    }

    fn answer(&mut self, letter: &str, letter_at: usize, line_at: usize) {
        let Some(question) = self.current.take() else {
            self.problems.add(
                line_at,
                "an ANSWER line without a question above it",
                "write the question and its options (A. …, B. …) above the ANSWER line",
            );
            return;
        };
        let before = self.problems.len();
        let count = question.options.len();
        if count < 2 {
            let options = if count == 1 { "option" } else { "options" };
            self.problems.add(
                question.offset,
                format!(
                    "this question has {count} {options}; a choice card needs 2 to {}",
                    crate::questions::rules::MOST_CHOICES
                ),
                "write each option on its own line below the question: A. …, B. …",
            );
        }
        check_letters(&question, &mut self.problems);
        let mut letters = letter.chars();
        let answer = match (letters.next(), letters.next()) {
            (Some(letter), None) => {
                let letter = letter.to_ascii_uppercase();
                question.options.iter().find(|o| o.letter == letter)
            }
            _ => None,
        };
        let Some(answer) = answer.map(|o| o.text.clone()) else {
            let (message, fix) = unknown_letter(letter, &question);
            self.problems.add(letter_at, message, fix);
            return;
        };
        if self.problems.len() == before {
            self.answered.push((question, answer));
        }
    }
}

/// A letter used twice among a question's options.
fn check_letters(question: &Question, problems: &mut Problems) {
    for (index, option) in question.options.iter().enumerate() {
        if question.options[..index]
            .iter()
            .any(|o| o.letter == option.letter)
        {
            problems.add(
                option.offset,
                format!("option letter {} is used twice", option.letter),
                "give each option its own letter: A, B, C, …",
            );
        }
    }
}

fn unknown_letter(letter: &str, question: &Question) -> (String, String) {
    let letters: Vec<String> = question
        .options
        .iter()
        .map(|o| o.letter.to_string())
        .collect();
    let message = if letter.is_empty() {
        "the ANSWER line gives no letter".to_string()
    } else {
        format!("answer \"{letter}\" is not one of the options' letters")
    };
    let fix = if letters.is_empty() {
        "write the options above it, A. … and B. …, and give the right one's letter".to_string()
    } else {
        format!(
            "give the right option's letter: one of {}",
            letters.join(", ")
        )
    };
    (message, fix)
}

/// The letter an `ANSWER:` line gives (maybe empty), if the line is one. Moodle writes the
/// keyword in capitals; any case is taken.
pub(super) fn answer_line(line: &str) -> Option<&str> {
    let keyword = line.get(..7)?;
    keyword
        .eq_ignore_ascii_case("answer:")
        .then(|| line[7..].trim())
}

/// The letter and text of an option line, `A. text` or `A) text`.
fn option_line(line: &str) -> Option<(char, &str)> {
    let mut chars = line.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let _mark = chars.next().filter(|c| matches!(c, '.' | ')'))?;
    let text = chars.as_str();
    // "A.text" is not an option (an abbreviation starting a question, say): Moodle wants a
    // space after the mark.
    if !text.starts_with([' ', '\t']) {
        return None;
    }
    Some((letter, text.trim())).filter(|(_, text)| !text.is_empty())
}
