//! studyhall: a self-hosted spaced-repetition study quiz server.
//!
//! The library holds everything; `main.rs` only parses the command line and calls in here.
#![forbid(unsafe_code)]

pub mod accounts;
pub mod cli;
pub mod commands;
pub mod config;
pub mod draft;
pub mod public_url;
pub mod questions;
pub mod scheduler;
pub mod spreadsheet;
pub mod store;
pub mod study;
pub mod web;
