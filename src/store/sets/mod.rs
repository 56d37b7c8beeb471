//! Question sets in the database: [`import`] (loading set files, with a diff against what is
//! stored), [`listing`] (the sets as a student sees them) and [`uploads`] (sets in the browser:
//! a set's owner, a read-only preview of what a new version changes, publishing one).

pub mod import;
pub mod listing;
pub mod uploads;
