//! Question sets: the domain types, the file formats (TOML, and CSV/TSV spreadsheets) with the
//! rules they share, and answer checking.

pub mod check;
pub mod cloze;
pub mod csv;
pub mod encoding;
pub mod folder;
pub mod formats;
pub mod model;
pub mod parse;
pub mod rules;

pub use model::{Card, CardId, CardKind, IdError, PartialDate, QuestionSet, SetId};
