//! Who reaches what: every route of the app tried as every role, and signed out, against one
//! world of an admin, two instructors with a class each, and their students. An instructor sees
//! and changes only their own classes and sets, a student never reaches a teaching page or
//! another student's data, and the admin sees all.
//!
//! - [`world`] builds that world through the real forms; [`request`] sends one request as one
//!   of its people, with their session and the CSRF token their pages carry.
//! - [`table`] is the table: a row per route ([`row`]), the status each caller gets.
//! - [`routes`] reads the routes out of the source, so a route without a row fails the test.
//! - [`canaries`] checks that no response to someone who may not see a restricted set or a
//!   student's answers holds words planted in them.
//! - [`csrf`] posts every state-changing route without its CSRF token: 403 for everyone.
//! - [`isolation`] checks what the pages and the API show each caller: their own data only.

#[path = "../common/mod.rs"]
mod common;
// Shared with the pages, classes and sets tests, which use more of them than these do.
#[path = "../classes/helpers.rs"]
#[allow(dead_code)]
mod helpers;
#[path = "../pages/html.rs"]
#[allow(dead_code)]
mod html;
#[path = "../pages/site.rs"]
#[allow(dead_code)]
mod site;
#[path = "../sets/support.rs"]
#[allow(dead_code)]
mod support;

mod canaries;
mod csrf;
mod isolation;
mod request;
mod routes;
mod row;
mod table;
mod world;
