//! Question sets in the browser, end to end: instructors upload a set file (TOML, CSV or TSV)
//! or paste one, see every problem at its line, preview the cards and what changes, publish,
//! try the set as a student without saving anything, download the file; and nobody else reaches another's sets. Each test starts the real server
//! (real HTTP, a real SQLite file with the essay set) and posts the pages' multipart forms as
//! a browser without JavaScript would.

#[path = "../common/mod.rs"]
mod common;
#[path = "../pages/html.rs"]
#[allow(dead_code)]
mod html;
#[path = "../pages/site.rs"]
#[allow(dead_code)]
mod site;

mod support;

mod access;
mod busy;
mod drafting;
mod importing;
mod new_version;
mod publishing;
mod refusals;
mod trying;
