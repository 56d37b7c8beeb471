//! The domain types of a question set, valid by construction: whatever holds a `QuestionSet`
//! holds ids of the right shape, choices that contain their answers, and real dates.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a string is not a valid set or card id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("an id cannot be empty")]
    Empty,
    #[error("an id is at most 64 characters, this one has {0}")]
    TooLong(usize),
    #[error("an id uses only a-z, 0-9 and '-', found {0:?}")]
    BadCharacter(char),
}

fn validate_id(text: &str) -> Result<(), IdError> {
    if text.is_empty() {
        return Err(IdError::Empty);
    }
    let length = text.chars().count();
    if length > 64 {
        return Err(IdError::TooLong(length));
    }
    match text
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        Some(bad) => Err(IdError::BadCharacter(bad)),
        None => Ok(()),
    }
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        /// The id in quotes, `"korean-war"`: messages write ids with `{:?}`, and a derived
        /// `Debug` put `SetId("korean-war")` in front of the people who read them.
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.0, f)
            }
        }

        impl $name {
            pub fn parse(text: &str) -> Result<$name, IdError> {
                validate_id(text).map(|()| $name(text.to_string()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(text: String) -> Result<$name, IdError> {
                validate_id(&text).map(|()| $name(text))
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A set's identity across edits: `[a-z0-9-]`, 1 to 64 characters.
    SetId
);
id_type!(
    /// A card's identity within its set; a student's progress is tied to it.
    CardId
);

/// A date at the precision a card asks for: a year, a month of a year, or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartialDate {
    year: i16,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a date is not a real one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("write the date as YYYY-MM-DD, YYYY-MM or YYYY")]
    Shape,
    #[error("there is no month {0}")]
    Month(u8),
    #[error("{year}-{month:02} has no day {day}")]
    Day { year: i16, month: u8, day: u8 },
}

impl PartialDate {
    pub fn year(year: i16) -> PartialDate {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i16, month: u8) -> Result<PartialDate, DateError> {
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(month));
        }
        Ok(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    pub fn day(year: i16, month: u8, day: u8) -> Result<PartialDate, DateError> {
        PartialDate::month(year, month)?;
        if jiff::civil::Date::new(year, month as i8, day as i8).is_err() {
            return Err(DateError::Day { year, month, day });
        }
        Ok(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// Parses the ISO forms `YYYY-MM-DD`, `YYYY-MM` and `YYYY`.
    pub fn parse_iso(text: &str) -> Result<PartialDate, DateError> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |part: &str, digits: usize| {
            (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<i16>().ok())
                .flatten()
                .ok_or(DateError::Shape)
        };
        match parts.as_slice() {
            [y] => Ok(PartialDate::year(number(y, 4)?)),
            [y, m] => PartialDate::month(number(y, 4)?, number(m, 2)? as u8),
            [y, m, d] => PartialDate::day(number(y, 4)?, number(m, 2)? as u8, number(d, 2)? as u8),
            _ => Err(DateError::Shape),
        }
    }

    pub fn year_part(self) -> i16 {
        self.year
    }

    pub fn month_part(self) -> Option<u8> {
        self.month
    }

    pub fn day_part(self) -> Option<u8> {
        self.day
    }

    /// The date as a reader writes it, at its precision: "12 January 1950", "September
    /// 1950", "1950".
    pub fn in_words(self) -> String {
        let month = self.month.and_then(|month| {
            let first = jiff::civil::Date::new(self.year, i8::try_from(month).ok()?, 1).ok()?;
            Some(first.strftime("%B").to_string())
        });
        match (self.day, month) {
            (Some(day), Some(month)) => format!("{day} {month} {}", self.year),
            (None, Some(month)) => format!("{month} {}", self.year),
            _ => self.year.to_string(),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl TryFrom<String> for PartialDate {
    type Error = DateError;
    fn try_from(text: String) -> Result<PartialDate, DateError> {
        PartialDate::parse_iso(&text)
    }
}

impl From<PartialDate> for String {
    fn from(date: PartialDate) -> String {
        date.to_string()
    }
}

/// What a card asks and what counts as right, per kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum CardKind {
    /// The student recalls and grades themself against a model answer.
    Recall { answer: String },
    /// A typed answer; any of `accept` counts as well.
    Text { answer: String, accept: Vec<String> },
    /// One of `choices` (2 to 10); `answer` is one of them.
    Choice {
        choices: Vec<String>,
        answer: String,
        /// Whether the choices are shown in a fresh order at each showing; see
        /// [`CardKind::shuffles_choices`].
        #[serde(default = "shuffled", skip_serializing_if = "is_shuffled")]
        shuffle: bool,
    },
    /// All and only `answers`, a subset of `choices`.
    Multi {
        choices: Vec<String>,
        answers: Vec<String>,
        /// As for `Choice`.
        #[serde(default = "shuffled", skip_serializing_if = "is_shuffled")]
        shuffle: bool,
    },
    #[serde(rename = "truefalse")]
    TrueFalse { answer: bool },
    /// A date at the precision of `answer`.
    Date { answer: PartialDate },
    /// A number within `tolerance` (0 when not given) of `answer`.
    Number { answer: f64, tolerance: f64 },
    /// Deletion `number` of a cloze `text` (see [`crate::questions::cloze`]): the words it
    /// hides are typed and checked like a text answer.
    Cloze { text: String, number: u16 },
}

impl CardKind {
    /// The kind's name as written in a set file.
    pub fn name(&self) -> &'static str {
        match self {
            CardKind::Recall { .. } => "recall",
            CardKind::Text { .. } => "text",
            CardKind::Choice { .. } => "choice",
            CardKind::Multi { .. } => "multi",
            CardKind::TrueFalse { .. } => "truefalse",
            CardKind::Date { .. } => "date",
            CardKind::Number { .. } => "number",
            CardKind::Cloze { .. } => "cloze",
        }
    }

    /// The expected answer, as shown to a student after answering.
    pub fn expected_text(&self) -> String {
        match self {
            CardKind::Recall { answer } | CardKind::Text { answer, .. } => answer.clone(),
            CardKind::Choice { answer, .. } => answer.clone(),
            CardKind::Multi { answers, .. } => answers.join(", "),
            CardKind::TrueFalse { answer } => if *answer { "True" } else { "False" }.to_string(),
            CardKind::Date { answer } => answer.to_string(),
            CardKind::Number { answer, tolerance } if *tolerance > 0.0 => {
                format!("{answer} (± {tolerance})")
            }
            CardKind::Number { answer, .. } => answer.to_string(),
            CardKind::Cloze { text, number } => crate::questions::cloze::deletions(text)
                .map(|found| crate::questions::cloze::expected(&found, *number))
                .unwrap_or_default(),
        }
    }

    /// The choices a student picks from, for choice and multi cards, in written order.
    pub fn choices(&self) -> Option<&[String]> {
        match self {
            CardKind::Choice { choices, .. } | CardKind::Multi { choices, .. } => Some(choices),
            _ => None,
        }
    }

    /// Whether the choices are shown in a fresh order at each showing: true for choice and
    /// multi cards unless the set file says `shuffle = false` (for options such as "All of the
    /// above", whose place matters); false for kinds without choices.
    pub fn shuffles_choices(&self) -> bool {
        match self {
            CardKind::Choice { shuffle, .. } | CardKind::Multi { shuffle, .. } => *shuffle,
            _ => false,
        }
    }
}

/// Choices are shuffled unless a card says otherwise; a card stored before `shuffle` existed
/// has no such key and reads as shuffled.
fn shuffled() -> bool {
    true
}

/// Only `shuffle = false` is written, so a shuffled card's stored body is what it was before
/// the field existed (an import compares bodies to tell which cards changed).
fn is_shuffled(shuffle: &bool) -> bool {
    *shuffle
}

/// One card of a set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub id: CardId,
    pub prompt: String,
    #[serde(flatten)]
    pub kind: CardKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// Where in the source the fact stands, e.g. "paragraph 9".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A whole question set, as loaded from one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionSet {
    pub id: SetId,
    pub title: String,
    pub description: Option<String>,
    /// What the cards are built from.
    pub source: Option<String>,
    pub cards: Vec<Card>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_accept_lowercase_digits_and_dashes_only() {
        assert!(SetId::parse("korean-war-1950").is_ok());
        assert_eq!(SetId::parse(""), Err(IdError::Empty));
        assert_eq!(CardId::parse("Stalin"), Err(IdError::BadCharacter('S')));
        assert_eq!(CardId::parse("a b"), Err(IdError::BadCharacter(' ')));
        assert_eq!(CardId::parse(&"a".repeat(65)), Err(IdError::TooLong(65)));
        assert!(CardId::parse(&"a".repeat(64)).is_ok());
    }

    #[test]
    fn partial_dates_parse_each_precision_and_reject_impossible_ones() {
        assert_eq!(
            PartialDate::parse_iso("1950-01-30").unwrap().to_string(),
            "1950-01-30"
        );
        assert_eq!(
            PartialDate::parse_iso("1950-01").unwrap().to_string(),
            "1950-01"
        );
        assert_eq!(PartialDate::parse_iso("1950").unwrap().to_string(), "1950");
        assert_eq!(
            PartialDate::parse_iso("1950-02-30"),
            Err(DateError::Day {
                year: 1950,
                month: 2,
                day: 30
            })
        );
        assert_eq!(PartialDate::parse_iso("1950-13"), Err(DateError::Month(13)));
        for bad in [
            "50-01-01",
            "1950/01/30",
            "1950-1-30",
            "",
            "1950-01-30-1",
            "+950",
        ] {
            assert_eq!(PartialDate::parse_iso(bad), Err(DateError::Shape), "{bad}");
        }
    }

    #[test]
    fn a_card_round_trips_through_json_with_its_kind_tag() {
        let card = Card {
            id: CardId::parse("c1").unwrap(),
            prompt: "When?".into(),
            kind: CardKind::Date {
                answer: PartialDate::parse_iso("1950-06").unwrap(),
            },
            tags: vec!["date".into()],
            explanation: None,
            source: Some("paragraph 2".into()),
        };
        let json = serde_json::to_string(&card).unwrap();
        assert!(
            json.contains(r#""kind":"date""#) && json.contains(r#""answer":"1950-06""#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Card>(&json).unwrap(), card);
        let tf = CardKind::TrueFalse { answer: true };
        assert_eq!(serde_json::to_value(&tf).unwrap()["kind"], "truefalse");
    }

    #[test]
    fn a_card_stored_without_shuffle_reads_as_shuffled_and_only_false_is_stored() {
        let stored =
            r#"{"id":"c1","prompt":"Who?","kind":"choice","choices":["A","B"],"answer":"A"}"#;
        let card: Card = serde_json::from_str(stored).unwrap();
        assert!(card.kind.shuffles_choices());
        assert_eq!(serde_json::to_string(&card).unwrap(), stored);

        let multi = r#"{"kind":"multi","choices":["A","B","All of the above"],"answers":["A"]}"#;
        let mut kind: CardKind = serde_json::from_str(multi).unwrap();
        assert!(kind.shuffles_choices());
        if let CardKind::Multi { shuffle, .. } = &mut kind {
            *shuffle = false;
        }
        let json = serde_json::to_value(&kind).unwrap();
        assert_eq!(json["shuffle"], false);
        let back: CardKind = serde_json::from_value(json).unwrap();
        assert!(!back.shuffles_choices());
    }

    #[test]
    fn only_choice_and_multi_cards_shuffle() {
        let text = CardKind::Text {
            answer: "Seoul".into(),
            accept: Vec::new(),
        };
        assert!(!text.shuffles_choices());
        assert!(!CardKind::TrueFalse { answer: true }.shuffles_choices());
        let kept = CardKind::Choice {
            choices: vec!["A".into(), "None of these".into()],
            answer: "A".into(),
            shuffle: false,
        };
        assert!(!kept.shuffles_choices());
    }
}
