//! Classes end to end: instructors create and manage classes through the `/teach` pages,
//! students join with a code or a join link, restricted sets stay with their classes, and a
//! class's daily limit and exam date shape what its students study. Each test starts the real
//! server (real HTTP, a real SQLite file with the essay set) and uses it as a browser without
//! JavaScript would, or as an API client.

#[path = "../common/mod.rs"]
mod common;
// Shared with the pages tests, which use more of them than these do.
#[path = "../pages/html.rs"]
#[allow(dead_code)]
mod html;
#[path = "../pages/site.rs"]
#[allow(dead_code)]
mod site;

mod helpers;

mod access;
mod command_line;
mod joining;
mod managing;
mod scheduling;
mod visibility;
