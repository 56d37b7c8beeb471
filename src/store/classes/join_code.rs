//! Class join codes: six characters a student types from a projector or a sheet of paper.
//!
//! The alphabet leaves out the characters that look alike in common fonts (0/O, 1/I/L), so a
//! code read aloud or copied by hand comes out right. Typing is forgiving: any case, and spaces
//! and dashes anywhere (`k7m-q2x` is `K7MQ2X`). Six characters from 31 give 887 million codes:
//! guessing a live one is hopeless, and a collision at creation is simply drawn again.

use std::fmt;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::Serialize;

/// The characters of a join code: digits 2 to 9 and the capital letters without I, L and O.
pub const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// How long a new code is.
pub const NEW_CODE_LENGTH: usize = 6;
/// The lengths a typed code may have: codes may grow longer one day without old ones breaking.
const LENGTHS: std::ops::RangeInclusive<usize> = 6..=8;

/// A well-formed join code, in capitals without separators. Holding one does not prove that a
/// class has it: the store checks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct JoinCode(String);

/// Typed text that cannot be a join code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JoinCodeError {
    #[error("a join code has 6 characters (spaces and dashes do not count); this one has {0}")]
    Length(usize),
    #[error(
        "a join code has no {0:?}: codes use the digits 2 to 9 and the letters A to Z without \
         I, L and O"
    )]
    Character(char),
}

impl JoinCode {
    /// Reads a code as typed: any case, spaces and dashes ignored.
    pub fn parse(text: &str) -> Result<JoinCode, JoinCodeError> {
        let mut code = String::with_capacity(NEW_CODE_LENGTH);
        for typed in text.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            let upper = typed.to_ascii_uppercase();
            if !upper.is_ascii() || !ALPHABET.contains(&(upper as u8)) {
                return Err(JoinCodeError::Character(typed));
            }
            code.push(upper);
        }
        let length = code.chars().count();
        if !LENGTHS.contains(&length) {
            return Err(JoinCodeError::Length(length));
        }
        Ok(JoinCode(code))
    }

    /// A new random code from the operating system's random source.
    ///
    /// # Panics
    ///
    /// If the operating system cannot give random bytes: a server that cannot draw unguessable
    /// codes (or session tokens) should not go on.
    pub fn generate() -> JoinCode {
        let mut code = String::with_capacity(NEW_CODE_LENGTH);
        let mut bytes = [0u8; 32];
        while code.len() < NEW_CODE_LENGTH {
            getrandom::fill(&mut bytes)
                .expect("the operating system's random number source failed");
            code.extend(characters_from(&bytes).take(NEW_CODE_LENGTH - code.len()));
        }
        JoinCode(code)
    }

    /// The code in capitals, without separators, as stored and as the join link carries it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code in groups of three for reading aloud and copying: `K7M-Q2X`.
    pub fn grouped(&self) -> String {
        let (first, rest) = self.0.split_at(3.min(self.0.len()));
        format!("{first}-{rest}")
    }
}

/// Alphabet characters drawn from random bytes, each equally likely: a byte at or above the
/// largest multiple of 31 that fits in a byte (248) is skipped instead of biasing the first
/// letters.
fn characters_from(bytes: &[u8]) -> impl Iterator<Item = char> + '_ {
    const FAIR: u8 = (256 / ALPHABET.len() * ALPHABET.len()) as u8;
    bytes
        .iter()
        .filter(|byte| **byte < FAIR)
        .map(|byte| char::from(ALPHABET[usize::from(*byte) % ALPHABET.len()]))
}

impl fmt::Display for JoinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl ToSql for JoinCode {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.as_str()))
    }
}

impl FromSql for JoinCode {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        JoinCode::parse(value.as_str()?).map_err(|error| FromSqlError::Other(Box::new(error)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_code_ignores_case_spaces_and_dashes() {
        let expected = JoinCode::parse("K7MQ2X").unwrap();
        for typed in ["k7mq2x", " K7M Q2X ", "k7m-q2x", "K-7-M-Q-2-X", "k7M\tq2X"] {
            assert_eq!(JoinCode::parse(typed).unwrap(), expected, "{typed:?}");
        }
        assert_eq!(expected.as_str(), "K7MQ2X");
        assert_eq!(expected.grouped(), "K7M-Q2X");
    }

    #[test]
    fn look_alike_characters_are_refused_with_the_character_named() {
        for (typed, bad) in [
            ("K7MQ20", '0'),
            ("K7MQ2O", 'O'),
            ("k7mq2l", 'l'),
            ("K7MQ21", '1'),
        ] {
            assert_eq!(
                JoinCode::parse(typed),
                Err(JoinCodeError::Character(bad)),
                "{typed}"
            );
        }
        assert_eq!(
            JoinCode::parse("K7MQ2é"),
            Err(JoinCodeError::Character('é'))
        );
        let message = JoinCodeError::Character('O').to_string();
        assert!(message.contains("without I, L and O"), "{message}");
    }

    #[test]
    fn a_code_has_six_to_eight_characters() {
        assert_eq!(JoinCode::parse(""), Err(JoinCodeError::Length(0)));
        assert_eq!(JoinCode::parse("K7M-Q2"), Err(JoinCodeError::Length(5)));
        assert!(JoinCode::parse("K7MQ2XAB").is_ok());
        assert_eq!(JoinCode::parse("K7MQ2XABC"), Err(JoinCodeError::Length(9)));
    }

    #[test]
    fn new_codes_are_six_alphabet_characters_and_they_differ() {
        let codes: Vec<JoinCode> = (0..200).map(|_| JoinCode::generate()).collect();
        for code in &codes {
            assert_eq!(code.as_str().len(), NEW_CODE_LENGTH);
            assert_eq!(JoinCode::parse(code.as_str()).as_ref(), Ok(code));
        }
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert!(
            distinct.len() > 195,
            "random codes rarely repeat: {}",
            distinct.len()
        );
    }

    #[test]
    fn random_bytes_map_evenly_onto_the_alphabet_and_the_biased_top_is_skipped() {
        let every_byte: Vec<u8> = (0..=255).collect();
        let drawn: Vec<char> = characters_from(&every_byte).collect();
        assert_eq!(drawn.len(), 248);
        for letter in ALPHABET {
            let count = drawn.iter().filter(|c| **c == char::from(*letter)).count();
            assert_eq!(count, 8, "{}", char::from(*letter));
        }
    }
}
