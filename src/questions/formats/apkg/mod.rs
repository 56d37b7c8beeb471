//! Anki packages (`.apkg`, `.colpkg`): reading every layout Anki writes into cards, and
//! writing a set as a deck any Anki imports.
//!
//! Reading: [`package`] finds and unpacks the collection within [`limits`], [`collection`]
//! reads it (schema 11 in [`schema11`], schema 18 in [`schema18`]) into plain data, and
//! [`read`] maps notes to cards, going by what each note type's templates show
//! ([`template`]) and turning HTML into text ([`html`]). Writing: [`write`], in the legacy
//! layout of [`legacy`].

mod collection;
mod legacy;
pub mod limits;
mod package;
mod read;
mod schema11;
mod schema18;
mod template;
mod write;

#[cfg(test)]
mod tests;

pub use read::read;
pub use write::write;

/// Whether `bytes` start as a zip file does, as every Anki package does: an upload is told
/// from a text file by its content, whatever its name.
pub fn is_package(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The fix for a package that cannot be read.
const REEXPORT: &str =
    "export the deck again from Anki with File → Export → Anki Deck Package (.apkg)";

/// Bytes as whole megabytes, for messages.
fn megabytes(bytes: usize) -> usize {
    bytes.div_ceil(1024 * 1024)
}
