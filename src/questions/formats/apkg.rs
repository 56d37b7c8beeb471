//! Anki packages (`.apkg`, `.colpkg`): reading every layout Anki writes, and writing a deck.
//! STUB: a helper is writing this module (it may become a folder).

use super::Imported;
use crate::questions::model::QuestionSet;
use crate::questions::rules::Problem;

/// Reads a package's notes as cards. The bytes are untrusted.
pub fn read(_bytes: &[u8]) -> Result<Imported, Problem> {
    Ok(Imported::default())
}

/// The set as an Anki deck package.
pub fn write(_set: &QuestionSet) -> Result<Vec<u8>, Problem> {
    Ok(Vec::new())
}
