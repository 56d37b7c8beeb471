//! Question sets: the domain types, the TOML file format, and answer checking.

pub mod check;
pub mod csv;
pub mod encoding;
pub mod folder;
pub mod model;
pub mod parse;
pub mod rules;

pub use model::{Card, CardId, CardKind, IdError, PartialDate, QuestionSet, SetId};
