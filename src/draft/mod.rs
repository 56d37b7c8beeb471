//! Drafting cards from a reading (`studyhall draft`): the dates it writes, who did what, and the
//! reasons it gives, each as a card of format v1 with the paragraph it comes from and the
//! sentence it was drafted from. Rule-based and offline: it never invents a fact, it only asks
//! about what a sentence says, and an instructor keeps, edits or drops every draft.
//!
//! - [`paragraphs`] splits the text into numbered paragraphs and sentences.
//! - [`dates`] finds the dates a sentence writes, read by the answer checker's own date reader,
//!   at the precision written (a year from an earlier mention when the text leaves it out);
//!   [`numbers`] the numbers it gives with their units.
//! - [`clauses`] turns "Subject verbed the rest" into questions ("When did Subject verb the
//!   rest?", "Who verbed the rest?"); [`reasons`] finds the reasons and motives a sentence
//!   gives ("because ...", "in order to ...", "the key lay in ...", "the main reason why ...").
//! - [`names`] tells names from capitalised words and finds the people a text names;
//!   [`people`] asks about each person no other draft asks about.
//! - [`cards`] makes the drafts and [`write`] the set file, each card under its sentence.

mod cards;
mod clauses;
mod dates;
mod names;
mod numbers;
mod paragraphs;
mod people;
mod reasons;
mod write;

#[cfg(test)]
mod tests;

pub use cards::{Draft, DraftKind, draft_cards};
pub use paragraphs::{Paragraph, heading, paragraphs};
pub use write::{EditedDraft, draft_set_file, edited_set_file};
