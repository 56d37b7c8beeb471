//! Numbers: reading them as students write them, and grading within a card's tolerance.
//!
//! Read: an optional sign, digits with optional comma thousands separators ("1,000"), an
//! optional decimal point ("3.5", ".5"), then optionally words of letters taken as a unit and
//! ignored ("3 years", "42km", "12%"): the card's prompt fixes the unit. Not read, and sent
//! back with a message: a decimal comma ("3,5"), spelled-out scale words ("3 million"), an
//! exponent ("1e6"), numbers in words ("three"), anything before the number ("about 3").

use super::{Checked, Verdict};

/// Scale words change the number, so "3 million" cannot be graded as 3.
const SCALE_WORDS: [&str; 10] = [
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
];

/// Float noise allowed on top of the tolerance, relative to the numbers compared: 0.1 + 0.2 is
/// 0.3 here, but no answer a student could type is moved by it.
const RELATIVE_EPSILON: f64 = 1e-12;

/// Why a written number cannot be graded. Each says how to rephrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unreadable {
    Shape,
    DecimalComma,
    ScaleWord,
    NotFinite,
}

impl Unreadable {
    fn message(self) -> String {
        match self {
            Unreadable::Shape => "Write a number in digits, such as “42”, “1,000” or “3.5”.",
            Unreadable::DecimalComma => {
                "Use a point for decimals (“3.5”) and commas only between thousands (“1,000”)."
            }
            Unreadable::ScaleWord => {
                "Write the whole number in digits, e.g. “3000000” rather than “3 million”."
            }
            Unreadable::NotFinite => "Give a finite number.",
        }
        .to_string()
    }
}

/// Reads a number as the module docs describe.
pub(super) fn parse_number(text: &str) -> Result<f64, Unreadable> {
    let text = text.trim().replace('−', "-");
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '+' | '-' | ',' | '.')))
        .unwrap_or(text.len());
    let (written, unit) = text.split_at(end);
    let unit = unit.trim();
    if !unit
        .chars()
        .all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '%' | '.'))
    {
        return Err(Unreadable::Shape);
    }
    let first_word = unit.split_whitespace().next().unwrap_or("").to_lowercase();
    if SCALE_WORDS.contains(&first_word.as_str()) {
        return Err(Unreadable::ScaleWord);
    }
    // A full stop ending the sentence is not a decimal point: "It took 3 years." is 3.
    let written = written.strip_suffix('.').unwrap_or(written);
    let unsigned = written.strip_prefix(['+', '-']).unwrap_or(written);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if !digits(fraction) || (whole.is_empty() && fraction.is_empty()) {
        return Err(Unreadable::Shape);
    }
    let whole = if whole.contains(',') {
        let mut groups = whole.split(',');
        let lead = groups.next().unwrap_or("");
        let grouped = (1..=3).contains(&lead.len())
            && digits(lead)
            && groups.all(|group| group.len() == 3 && digits(group));
        if !grouped {
            return Err(if fraction.is_empty() {
                Unreadable::DecimalComma
            } else {
                Unreadable::Shape
            });
        }
        whole.replace(',', "")
    } else if digits(whole) {
        whole.to_string()
    } else {
        return Err(Unreadable::Shape);
    };
    let sign = if written.starts_with('-') { "-" } else { "" };
    // Zeros on both sides make ".5" and "5" whole numerals for `f64::from_str`.
    let value: f64 = format!("{sign}0{whole}.{fraction}0")
        .parse()
        .map_err(|_| Unreadable::Shape)?;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Unreadable::NotFinite)
    }
}

/// Grades a number against the card's, within its tolerance (inclusive).
pub(super) fn check_number(answer: f64, tolerance: f64, given: f64) -> Checked {
    grade(answer, tolerance, given, &given.to_string())
}

/// Reads and grades a number written as text.
pub(super) fn check_number_text(answer: f64, tolerance: f64, given: &str) -> Checked {
    let given_text = given.trim();
    if given_text.is_empty() {
        return Checked::blank(given_text);
    }
    match parse_number(given_text) {
        Ok(value) => grade(answer, tolerance, value, given_text),
        Err(why) => Checked::unparsed(given_text, why.message()),
    }
}

fn grade(answer: f64, tolerance: f64, given: f64, given_text: &str) -> Checked {
    if !given.is_finite() {
        return Checked::unparsed(given_text, Unreadable::NotFinite.message());
    }
    let noise = RELATIVE_EPSILON * given.abs().max(answer.abs()).max(1.0);
    let within = (given - answer).abs() <= tolerance.max(0.0) + noise;
    let verdict = if within {
        Verdict::Correct
    } else {
        Verdict::Wrong
    };
    // Adding zero turns -0 into 0, so both group under "0".
    Checked::graded(verdict, given_text, (given + 0.0).to_string())
}
