//! How much of an untrusted package studyhall reads. Each limit is far above a real deck (a
//! 10,000-note deck's collection is a few MB) and far below what would hurt the server.

/// The package as uploaded.
pub const MOST_PACKAGE_BYTES: usize = 100 * 1024 * 1024;

/// The collection once unzipped (and, for `collection.anki21b`, once unpacked from zstd). It
/// is counted as it is read: a zip's or zstd frame's stated size is not trusted.
pub const MOST_COLLECTION_BYTES: usize = 512 * 1024 * 1024;

/// One field of one note, as Anki stores it (HTML).
pub const MOST_FIELD_BYTES: usize = 100 * 1024;

/// Notes in one package.
pub const MOST_NOTES: usize = 200_000;

/// Notes skipped one by one in `Imported::notes` before the rest are only counted.
pub const MOST_NOTES_LISTED: usize = 50;
