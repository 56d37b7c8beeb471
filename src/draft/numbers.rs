//! The numbers a sentence gives with what they count ("13,000 tons", "three years", "the 38th
//! parallel"): each a `number` card with the number blanked and its unit left in the prompt.

use std::sync::LazyLock;

use regex::Regex;

use super::names::may_start_a_name;

/// A number found in a sentence, and where its digits or word stand (byte range).
#[derive(Debug, Clone, PartialEq)]
pub struct FoundNumber {
    pub value: f64,
    /// The word after it: what it counts.
    pub unit: String,
    pub start: usize,
    pub end: usize,
}

const WORDS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
];

/// Words after a number that say nothing of what it counts ("two of the ...").
const NOT_UNITS: &[&str] = &[
    "of", "and", "or", "to", "in", "on", "at", "by", "the", "a", "an", "is", "was", "were", "for",
    "from", "with", "that", "which", "who", "as",
];

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let words = WORDS
        .iter()
        .map(|(word, _)| *word)
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"\b(\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{words})(st|nd|rd|th)?\s+([a-z][a-z-]*)"
    ))
    .expect("the number pattern compiles")
});

/// Every number `sentence` gives with a unit after it, outside the byte ranges in `taken` (its
/// dates).
pub fn find_numbers(sentence: &str, taken: &[(usize, usize)]) -> Vec<FoundNumber> {
    NUMBER
        .captures_iter(sentence)
        .filter_map(|found| {
            let number = found.get(1)?;
            let unit = found.get(3)?.as_str();
            if NOT_UNITS.contains(&unit) {
                return None;
            }
            // An ordinal's suffix goes with it: "the ____ parallel", not "the ____th parallel".
            let end = found.get(2).map_or(number.end(), |suffix| suffix.end());
            let start = number.start();
            if taken.iter().any(|(from, to)| start < *to && *from < end) {
                return None;
            }
            // "Apollo 8", "Article 5": a number that is part of a name counts nothing; "About
            // 2.5 million" is no name.
            let before = sentence[..start].trim_end();
            let word_before = before
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or_default();
            if may_start_a_name(word_before) {
                return None;
            }
            let text = number.as_str();
            let value = match WORDS.iter().find(|(word, _)| *word == text) {
                Some((_, value)) => *value,
                None => text.replace(',', "").parse().ok()?,
            };
            Some(FoundNumber {
                value,
                unit: unit.to_string(),
                start,
                end,
            })
        })
        .collect()
}
