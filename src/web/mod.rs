//! The web layer: routes that translate HTTP into calls to the library and back.
//!
//! - [`server`] assembles the app; [`state`] is what handlers share.
//! - [`auth`] finds who is signed in and checks CSRF tokens; [`error`] maps errors to statuses.
//! - [`pages`] are the HTML pages, [`api`] the JSON API.
//! - [`views`], [`templates`] and [`assets`] are what the pages are made of.

pub mod api;
pub mod assets;
pub mod auth;
pub mod error;
pub mod pages;
pub mod server;
pub mod state;
pub mod templates;
pub mod views;
