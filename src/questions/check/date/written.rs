//! Reading a date as it is written: the forms a student may type, which set files take too.
//!
//! Read: ISO ("1950-01-30", "1950-01", "1950"); day, month, year ("30 January 1950", "30th Jan.
//! 1950", "the 30th of January, 1950"); month, day, year ("January 30, 1950", "Jan 30th 1950");
//! month and year ("January 1950", "Sept 1950", "01/1950"). Month names are English, in any
//! case, full or cut to at least three letters ("Sept", "Janu"), with or without a dot; "in",
//! "on" and "at" are read past ("in January 1950").
//!
//! A month or a year may be made vaguer with "early", "mid", "middle of", "late", "beginning
//! of", "start of" or "end of" ("late January 1950", "mid-1950"): it is read as that month or
//! year, with the word kept apart ([`WrittenDate::vague`]).
//!
//! All-numeric day-month-year forms are read only when they have one reading: "30/01/1950" can
//! only be 30 January, and "05/05/1950" is the same either way round, but "05/06/1950" is
//! 5 June in most of the world and May 6 in the United States, so it is not read
//! ([`Unreadable::Ambiguous`]). Two-digit years are never guessed at.
//!
//! Set files write a date card's answer in these same forms, without the vague words
//! (`questions::rules::date`); the card keeps it in ISO.

use crate::questions::PartialDate;
use crate::questions::model::DateError;

/// Words that make a month or a year vaguer, as written and as a verdict names them.
const VAGUE: [(&str, &str); 7] = [
    ("early", "early"),
    ("mid", "mid"),
    ("middle", "middle of"),
    ("late", "late"),
    ("beginning", "beginning of"),
    ("start", "start of"),
    ("end", "end of"),
];

/// Words read past anywhere: "the 30th of January", "in January 1950", "on 25 June 1950", "at
/// the end of January 1950".
const FILLERS: [&str; 5] = ["the", "of", "in", "on", "at"];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Why a written date cannot be read. Each says how to rephrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unreadable {
    /// Not a date in any form we read.
    Shape,
    /// All numbers, and day and month could be either way round.
    Ambiguous { day_first: (u8, u8), year: i16 },
    /// A year of one or two digits ("50").
    ShortYear,
    /// A day or month without a year.
    NoYear,
    /// A date that does not exist ("30 February 1950").
    NotReal(DateError),
}

impl Unreadable {
    /// An ambiguous date read day first, with the month as a word: "5 June 1950".
    pub(crate) fn day_first_reading((day, month): (u8, u8), year: i16) -> String {
        format!("{day} {} {year}", month_name(month))
    }

    /// An ambiguous date read month first, as Americans write it: "May 6, 1950".
    pub(crate) fn month_first_reading((day, month): (u8, u8), year: i16) -> String {
        format!("{} {month}, {year}", month_name(day))
    }
}

/// The month's name with a capital, for messages ("June"); `month` is 1 to 12.
pub(super) fn month_name(month: u8) -> String {
    let name = MONTHS[usize::from(month.clamp(1, 12)) - 1];
    let mut letters = name.chars();
    letters
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + letters.as_str())
        .unwrap_or_default()
}

/// One word of a written date; numbers are runs of at most four digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Month(u8),
    Number(&'a str),
    /// A number with an ordinal suffix ("30th"): only ever a day.
    Ordinal(&'a str),
    /// A word making the date vaguer ("late"), as a verdict names it.
    Vague(&'static str),
}

/// A written date as read: the date, and the word that made it vaguer, if any ("late").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WrittenDate {
    pub(crate) date: PartialDate,
    /// As a verdict names it: "late", "end of".
    pub(crate) vague: Option<&'static str>,
}

/// Reads a date in any of the forms the module docs list.
pub(crate) fn read_written_date(text: &str) -> Result<WrittenDate, Unreadable> {
    // A full stop may end the answer ("1950.") without being part of the date.
    let text = text.trim().trim_end_matches('.');
    if text.is_empty() {
        return Err(Unreadable::Shape);
    }
    if text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'))
    {
        parse_numeric(text).map(|date| WrittenDate { date, vague: None })
    } else {
        parse_words(text)
    }
}

fn parse_numeric(text: &str) -> Result<PartialDate, Unreadable> {
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let short = |part: &&str| (1..=2).contains(&part.len());
    match parts.as_slice() {
        [year] => year_of(year).map(PartialDate::year),
        [year, month] if year.len() == 4 && short(month) => {
            PartialDate::month(year_of(year)?, number(month)).map_err(Unreadable::NotReal)
        }
        [month, year] if short(month) && year.len() == 4 => {
            PartialDate::month(year_of(year)?, number(month)).map_err(Unreadable::NotReal)
        }
        [year, month, day] if year.len() == 4 && short(month) && short(day) => {
            PartialDate::day(year_of(year)?, number(month), number(day))
                .map_err(Unreadable::NotReal)
        }
        [first, second, year] if short(first) && short(second) => {
            one_reading(number(first), number(second), year_of(year)?)
        }
        _ => Err(Unreadable::Shape),
    }
}

/// Day-month-year or month-day-year, whichever is a real date; both real and different is
/// ambiguous.
fn one_reading(first: u8, second: u8, year: i16) -> Result<PartialDate, Unreadable> {
    match (
        PartialDate::day(year, second, first),
        PartialDate::day(year, first, second),
    ) {
        (Ok(day_first), Ok(month_first)) if day_first == month_first => Ok(day_first),
        (Ok(_), Ok(_)) => Err(Unreadable::Ambiguous {
            day_first: (first, second),
            year,
        }),
        (Ok(date), Err(_)) | (Err(_), Ok(date)) => Ok(date),
        // "There is no day 31 in February" says more than "there is no month 31".
        (Err(why @ DateError::Day { .. }), Err(_)) | (Err(_), Err(why)) => {
            Err(Unreadable::NotReal(why))
        }
    }
}

fn parse_words(text: &str) -> Result<WrittenDate, Unreadable> {
    let lower = text.to_lowercase();
    let tokens = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '/' | '.'))
        .filter(|word| !word.is_empty() && !FILLERS.contains(word))
        .map(token)
        .collect::<Result<Vec<_>, _>>()?;
    match tokens.as_slice() {
        [Token::Vague(word), rest @ ..] => match from_tokens(rest)? {
            // "late 25 June 1950" says nothing a day does not.
            date if date.day_part().is_some() => Err(Unreadable::Shape),
            date => Ok(WrittenDate {
                date,
                vague: Some(word),
            }),
        },
        tokens => from_tokens(tokens).map(|date| WrittenDate { date, vague: None }),
    }
}

/// The date the words of a written date give, once any vague word in front is taken off.
fn from_tokens(tokens: &[Token<'_>]) -> Result<PartialDate, Unreadable> {
    use Token::{Month, Number, Ordinal};
    match tokens {
        [Number(day) | Ordinal(day), Month(month), Number(year)]
        | [Month(month), Number(day) | Ordinal(day), Number(year)]
            if day.len() <= 2 =>
        {
            PartialDate::day(year_of(year)?, *month, number(day)).map_err(Unreadable::NotReal)
        }
        [Month(month), Number(year)] if year.len() > 2 => {
            PartialDate::month(year_of(year)?, *month).map_err(Unreadable::NotReal)
        }
        // "January 30" is a day without its year; "January 50" a year cut short.
        [Month(_), Ordinal(day)] | [Ordinal(day), Month(_)] if day.len() <= 2 => {
            Err(Unreadable::NoYear)
        }
        [Month(_), Number(day)] | [Number(day), Month(_)]
            if day.len() <= 2 && number(day) <= 31 =>
        {
            Err(Unreadable::NoYear)
        }
        [Month(_), Number(year)] if year.len() <= 2 => Err(Unreadable::ShortYear),
        [Month(_)] => Err(Unreadable::NoYear),
        [Number(year)] => year_of(year).map(PartialDate::year),
        _ => Err(Unreadable::Shape),
    }
}

fn token(word: &str) -> Result<Token<'_>, Unreadable> {
    if word.chars().all(|c| c.is_ascii_alphabetic()) {
        if let Some((_, named)) = VAGUE.iter().find(|(written, _)| *written == word) {
            return Ok(Token::Vague(named));
        }
        return month_named(word).map(Token::Month).ok_or(Unreadable::Shape);
    }
    let split = word
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(word.len());
    let (digits, suffix) = word.split_at(split);
    if digits.is_empty() || digits.len() > 4 {
        return Err(Unreadable::Shape);
    }
    match suffix {
        "" => Ok(Token::Number(digits)),
        "st" | "nd" | "rd" | "th" => Ok(Token::Ordinal(digits)),
        _ => Err(Unreadable::Shape),
    }
}

/// The month (1 to 12) whose English name starts with `word`, cut to no less than three letters.
fn month_named(word: &str) -> Option<u8> {
    if word.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|name| name.starts_with(word))?;
    u8::try_from(index + 1).ok()
}

/// A run of at most four ASCII digits as a year; one or two digits are a year cut short.
fn year_of(digits: &str) -> Result<i16, Unreadable> {
    match digits.len() {
        1..=2 => Err(Unreadable::ShortYear),
        3..=4 => digits.parse().map_err(|_| Unreadable::Shape),
        _ => Err(Unreadable::Shape),
    }
}

/// A run of one or two ASCII digits as a number.
fn number(digits: &str) -> u8 {
    digits.parse().unwrap_or(0)
}
