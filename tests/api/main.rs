//! The JSON API, end to end: each test starts the real server (real HTTP, a real SQLite file
//! with the essay set) and talks to it with a blocking HTTP client.

#[path = "../common/mod.rs"]
mod common;
mod helpers;

mod accounts;
mod answers;
mod backups;
mod errors;
mod health;
mod isolation;
mod progress;
mod sets;
mod slow_bodies;
mod study_order;
mod throttle;
