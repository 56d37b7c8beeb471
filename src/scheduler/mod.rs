//! The SM-2 scheduler: pure functions over plain data, no I/O and no clock (today is passed in).
//!
//! - [`sm2`] is Wozniak's SM-2 step with the easiness factor held exactly in hundredths.
//! - [`study_day`] turns an instant into the study day it belongs to (days start at 04:00 by default).
//! - [`progress`] adds SuperMemo's same-day relearning on top: only the first review of a card on a
//!   study day moves the SM-2 state; a card graded below 4 comes back the same day until it is recalled.
//! - [`exam`] brings a due day forward so that no card is scheduled past a class's exam day.

pub mod exam;
pub mod progress;
pub mod sm2;
pub mod study_day;

pub use progress::{Progress, ReviewKind};
pub use sm2::{CardState, Easiness, Quality, QualityError};
pub use study_day::{StudyClock, StudyDay};
