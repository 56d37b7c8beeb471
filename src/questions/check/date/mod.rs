//! Written dates: the forms a student may type ([`written`]), and grading them at the card's
//! precision.
//!
//! Dates are exact: a day card answered a day off is wrong. An answer less precise than the card
//! ("January 1950" for a day card) is not graded but sent back asking for the missing part, even
//! when what was given is already wrong, so that the request itself tells the student nothing.
//! A month or year made vaguer ("late January 1950") is that month or year: right on a month
//! card, and a right answer says the word was ignored; sent back for the day on a day card.
//! Every example a message or [`date_hint`] gives is at the card's precision ("July 1789" on a
//! month card), so that it shows what to write and no more.

mod written;

use super::forgiven::vague_date;
use super::{Checked, Verdict};
use crate::questions::PartialDate;

use written::month_name;
pub(crate) use written::{Unreadable, WrittenDate, read_written_date};

impl Unreadable {
    /// What to tell a student, with examples at the precision of `card`.
    fn message(&self, card: PartialDate) -> String {
        let example = Precision::of(card).example();
        match self {
            Unreadable::Shape => match Precision::of(card) {
                Precision::Day => {
                    "Write a date such as “14 July 1789”, “July 14, 1789” or “1789-07-14”."
                        .to_string()
                }
                Precision::Month => {
                    "Write a month and year such as “July 1789” or “1789-07”.".to_string()
                }
                Precision::Year => "Write a year such as “1789”.".to_string(),
            },
            Unreadable::Ambiguous { day_first, year } => {
                let (day, month) = *day_first;
                format!(
                    "Is that {day} {} or {month} {} {year}? Write the month as a word, \
                     e.g. “{}”.",
                    month_name(month),
                    month_name(day),
                    Unreadable::day_first_reading(*day_first, *year),
                )
            }
            Unreadable::ShortYear => {
                "Write the year in full, e.g. “1789” rather than “89”.".to_string()
            }
            Unreadable::NoYear if Precision::of(card) == Precision::Year => {
                format!("Give the year, e.g. “{example}”.")
            }
            Unreadable::NoYear => format!("Give the year too, e.g. “{example}”."),
            Unreadable::NotReal(why) => format!("There is no such date: {why}."),
        }
    }
}

/// How precise a card's date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    fn of(date: PartialDate) -> Precision {
        match (date.month_part(), date.day_part()) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            (None, None) => Precision::Year,
        }
    }

    /// An example at this precision. Examples use a famous date far from any card's answer, so
    /// they never give one away.
    fn example(self) -> &'static str {
        match self {
            Precision::Day => "14 July 1789",
            Precision::Month => "July 1789",
            Precision::Year => "1789",
        }
    }
}

/// The hint shown beside a date card's answer field, at the card's precision: "e.g. 14 July
/// 1789" for a day, "e.g. July 1789" for a month, "e.g. 1789" for a year.
pub fn date_hint(card: PartialDate) -> &'static str {
    match Precision::of(card) {
        Precision::Day => "e.g. 14 July 1789",
        Precision::Month => "e.g. July 1789",
        Precision::Year => "e.g. 1789",
    }
}

/// Grades a written date against the card's date, at the card's precision.
pub(super) fn check_date(answer: PartialDate, given: &str) -> Checked {
    let given_text = given.trim();
    if given_text.is_empty() {
        return Checked::blank(given_text);
    }
    let written = match read_written_date(given_text) {
        Ok(written) => written,
        // Either reading has the same year, which is all a year card asks.
        Err(Unreadable::Ambiguous { year, .. }) if Precision::of(answer) == Precision::Year => {
            WrittenDate {
                date: PartialDate::year(year),
                vague: None,
            }
        }
        Err(why) => return Checked::unparsed(given_text, why.message(answer)),
    };
    let date = written.date;
    if answer.day_part().is_some() && date.day_part().is_none() {
        let missing = if date.month_part().is_none() {
            "month and day"
        } else {
            "day"
        };
        let message = format!("Give the {missing} too, e.g. “14 July 1789”.");
        return Checked::unparsed(given_text, message);
    }
    if answer.month_part().is_some() && date.month_part().is_none() {
        let message = "Give the month too, e.g. “July 1789”.".to_string();
        return Checked::unparsed(given_text, message);
    }
    let matches = date.year_part() == answer.year_part()
        && (answer.month_part().is_none() || date.month_part() == answer.month_part())
        && (answer.day_part().is_none() || date.day_part() == answer.day_part());
    let normalized = at_precision_of(date, answer);
    match (matches, written.vague) {
        (true, Some(word)) => Checked::accepted(given_text, normalized, vague_date(word)),
        (true, None) => Checked::graded(Verdict::Correct, given_text, normalized),
        (false, _) => Checked::graded(Verdict::Wrong, given_text, normalized),
    }
}

/// `date` in ISO, cut to the precision of `card` (which it has at least), so that answers are
/// grouped as the card sees them: "25 June 1950" and "1950" are both "1950" on a year card.
fn at_precision_of(date: PartialDate, card: PartialDate) -> String {
    let mut iso = format!("{:04}", date.year_part());
    if let (Some(_), Some(month)) = (card.month_part(), date.month_part()) {
        iso += &format!("-{month:02}");
    }
    if let (Some(_), Some(day)) = (card.day_part(), date.day_part()) {
        iso += &format!("-{day:02}");
    }
    iso
}
