//! The HTML pages, end to end: each test starts the real server (real HTTP, a real SQLite file
//! with the essay set) and uses it as a browser without JavaScript would: it reads the forms a
//! page shows, fills them in and posts them, and follows the redirects itself.

#[path = "../common/mod.rs"]
mod common;
mod html;
mod site;

mod accounts;
mod answers_stay_hidden;
mod error_header;
mod escaping;
mod exam_dates;
mod home;
mod keyboard_help;
mod per_set;
mod progress;
mod returns;
mod study;
mod verdict;
