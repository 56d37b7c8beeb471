//! Accounts: who may sign in and as what. [`users`] and [`sessions`] (with the
//! `session_cache` that spares most requests a read), [`admin`] (roles, adding and deleting
//! users), [`password_links`] (the one-time link that lets an added user set their password),
//! [`passwords`] (changing one's own password, the admin's reset),
//! [`settings`] (the registration mode, the audit log), [`setup`] (the one-time link that
//! creates the admin) and [`privacy`] (a user's data download).

pub mod admin;
pub mod password_links;
pub mod passwords;
pub mod privacy;
pub(super) mod session_cache;
pub mod sessions;
pub mod settings;
pub mod setup;
pub mod users;
