//! Question sets: the domain types, the TOML file format, and answer checking.

pub mod model;

pub use model::{Card, CardId, CardKind, IdError, PartialDate, QuestionSet, SetId};
