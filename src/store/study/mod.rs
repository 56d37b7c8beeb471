//! A student's study: [`next_card`] (what comes next in a set, and looking cards up),
//! [`reviews`] (recording an answer), [`grades`] (a recorded answer and changing its grade),
//! [`claims`] (the daily limit on "I was right") and [`stats`] (progress figures).

pub mod claims;
pub mod grades;
pub mod next_card;
pub mod reviews;
pub mod stats;
