//! What instructors see and decide: [`dashboards`] (a class's figures), [`analysis`] (item
//! analysis of a set), [`disputes`] ("I was right" claims, the rulings on them per student,
//! undo, what students are told) and [`export`] (the review log and the CSV exports).
//! `recalled` is the one definition of a right answer that every figure, the student's own
//! included, shares.

pub mod analysis;
pub mod dashboards;
pub mod disputes;
pub mod export;
pub(super) mod recalled;
