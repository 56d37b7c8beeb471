//! Roles, the set-up link, `studyhall user`, the registration mode, the admin page and privacy
//! (data download, account deletion), against the real server and the real binary.

#[path = "../common/mod.rs"]
mod common;

mod access;
mod adding_users;
mod admin_page;
mod cli;
mod headers;
mod lifecycle;
mod links;
mod passwords;
mod privacy;
mod registration;
mod setup;
mod site;
