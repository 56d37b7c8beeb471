//! Classes and what they change for their members: [`class`] (classes, members, joining and
//! archiving: what an archived class stops doing is told there), [`join_code`] (the code a
//! student joins with), [`assignments`] (sets assigned to a class, with daily limits and exam
//! days) and [`visibility`] (who sees a set).

pub mod assignments;
pub mod class;
pub mod join_code;
pub mod visibility;

#[cfg(test)]
mod tests;

// The web layer names it by this path.
pub use class::MAX_CLASS_NAME_CHARS;
