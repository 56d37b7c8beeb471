//! The dates a sentence writes, as the answer checker reads them: "25 June 1950", "June 25,
//! 1950", "late January 1950", "January 26" (its year from an earlier mention), "the spring of
//! 1949" (a year), "in 1953".

use std::sync::LazyLock;

use regex::Regex;

use crate::questions::PartialDate;
use crate::questions::check::{UnreadableDate as Unreadable, read_written_date};

/// A date found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub date: PartialDate,
    /// Where the date's words stand in the sentence (byte range), with the word that leads
    /// into it ("on", "in", "by") when there is one.
    pub start: usize,
    pub end: usize,
    /// Where the date's own words start, after the leading word.
    pub words_start: usize,
    /// The year was not written with the date but taken from an earlier one.
    pub inferred_year: bool,
}

const MONTH: &str =
    "(?:January|February|March|April|May|June|July|August|September|October|November|December)";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let vague = r"(?:(?:early|mid|late|the\s+middle\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+end\s+of)[\s-]+)";
    let day = r"\d{1,2}(?:st|nd|rd|th)?";
    let year = r"\d{4}";
    let lead = r"(?:(?:[Oo]n|[Ii]n|[Bb]y|[Uu]ntil|[Ss]ince|[Bb]efore|[Aa]fter|[Ff]rom|[Dd]uring|[Bb]etween)\s+)?";
    let pattern = format!(
        r"\b{lead}(?:{vague}?(?:{day}\s+(?:of\s+)?{MONTH}|{MONTH}\s+{day}\b)(?:,?\s+{year})?|{vague}?{MONTH}(?:\s+of)?(?:\s+{year})?|(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+of\s+{year}|{year})\b"
    );
    Regex::new(&pattern).expect("the date pattern compiles")
});

static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[Oo]n|[Ii]n|[Bb]y|[Uu]ntil|[Ss]ince|[Bb]efore|[Aa]fter|[Ff]rom|[Dd]uring|[Bb]etween)\s+")
        .expect("the lead pattern compiles")
});

static SEASON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+of\s+").expect("compiles")
});

/// Every date `sentence` writes, in order. `last_year` is the year of the latest date before
/// the sentence (in its paragraph, else in the text), for a day or month written without one;
/// it is updated by the dates found.
pub fn find_dates(sentence: &str, last_year: &mut Option<i16>) -> Vec<FoundDate> {
    let mut found = Vec::new();
    for matched in DATE.find_iter(sentence) {
        let lead = LEAD.find(matched.as_str()).map_or(0, |lead| lead.end());
        let words = &matched.as_str()[lead..];
        let words = SEASON.replace(words, "");
        let bare_year = words.len() == 4 && words.bytes().all(|byte| byte.is_ascii_digit());
        if bare_year && !is_year_in_context(sentence, matched.start(), matched.end()) {
            continue;
        }
        let (date, inferred_year) = match read_written_date(&words) {
            Ok(written) => (written.date, false),
            Err(Unreadable::NoYear) => match last_year
                .and_then(|year| read_written_date(&format!("{words} {year}")).ok())
            {
                Some(written) => (written.date, true),
                None => continue,
            },
            Err(_) => continue,
        };
        if !(1000..=2100).contains(&date.year_part()) {
            continue;
        }
        *last_year = Some(date.year_part());
        found.push(FoundDate {
            date,
            start: matched.start(),
            end: matched.end(),
            words_start: matched.start() + lead,
            inferred_year,
        });
    }
    found
}

impl FoundDate {
    /// The same date with its byte ranges counted from `offset` in the sentence (where a
    /// clause of it starts).
    pub fn shifted_back(&self, offset: usize) -> FoundDate {
        FoundDate {
            start: self.start - offset,
            end: self.end - offset,
            words_start: self.words_start - offset,
            ..self.clone()
        }
    }
}

/// A bare four-digit number is a year when a preposition leads into it or punctuation (or the
/// sentence's end) follows it, and no unit does ("1,000 tons", "1950 troops" are not years).
fn is_year_in_context(sentence: &str, start: usize, end: usize) -> bool {
    // Part of a longer number: "1,950", "2.1950".
    let mut before = sentence[..start].chars().rev();
    if let (Some(',' | '.'), Some(digit)) = (before.next(), before.next())
        && digit.is_ascii_digit()
    {
        return false;
    }
    if LEAD.is_match(&sentence[start..end]) || ends_a_range(&sentence[..start]) {
        return true;
    }
    let after = sentence[end..].trim_start();
    after.is_empty() || after.starts_with(['.', ',', ';', ':', ')', '’', '\'', '"', '”'])
}

/// Whether `before` ends with a year and the word that joins a range to its end: "between 1929
/// and ", "from 1914 to ", "1914–".
fn ends_a_range(before: &str) -> bool {
    let joined = ["and ", "to ", "–", "-"]
        .iter()
        .find_map(|join| before.strip_suffix(join))
        .map(str::trim_end);
    joined.is_some_and(|start| {
        let digits = start.len() - start.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        digits == 4 && !start[..start.len() - 4].ends_with(|c: char| c.is_alphanumeric())
    })
}
