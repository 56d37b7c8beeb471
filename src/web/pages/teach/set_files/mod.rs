//! Question sets in the browser: upload a file (or paste one), see its problems at their lines
//! or a preview of the cards and of what changes, publish; a set's page, with its download.
//!
//! - [`form`] reads the multipart upload within its size limits; [`submission`] turns it into
//!   a checked set (TOML, CSV or TSV), by the same rules as `studyhall check`; [`prepare`]
//!   adds what needs the store (a set id someone else's set has).
//! - [`upload`]: `GET /teach/sets/new`, `POST /teach/sets/preview`, `POST /teach/sets/publish`.
//! - [`trial`]: `POST /teach/sets/try`, the previewed set studied as a student, nothing saved.
//! - [`page`]: `GET /teach/sets/{set_id}` and `GET /teach/sets/{set_id}/file`.
//!
//! Who may: instructors and the admin (students get 403). A set that exists may be replaced and
//! downloaded only by its owner or the admin; one the server loaded itself, only by the admin.
//! A new set belongs to whoever publishes it, restricted to the classes it is assigned to when
//! an instructor publishes it (open when the admin does); the Publish form lets them choose.

pub mod form;
pub mod page;
pub mod prepare;
pub mod submission;
pub mod trial;
pub mod upload;
