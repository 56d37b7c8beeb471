//! The instructors' dashboards, end to end: a real server with a class whose students answer
//! through the JSON API; the instructor reads the pages and downloads the exports as a
//! browser would, and decides on disputed answers through the forms ([`disputes`], and the
//! rules of [`claims`]: who decides, undo, what the student is told, how figures count), and
//! [`figures`]: a decided claim counts the same on every figure and page.

mod browser;
#[path = "../common/mod.rs"]
mod common;
mod support;

mod access;
mod analysis;
mod claims;
mod disputes;
mod exports;
mod figures;
mod overview;
