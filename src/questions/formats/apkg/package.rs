//! The zip layer of a package: which member holds the collection, and its bytes, unpacked
//! within [`limits`](super::limits).
//!
//! Anki has written three layouts: `collection.anki2` (Anki 2.0 and early 2.1), then
//! `collection.anki21` (2.1 with the v2 scheduler), both SQLite files of schema 11; and since
//! 2.1.50 `collection.anki21b`, a zstd-compressed SQLite file of schema 18, beside a `meta`
//! file and a dummy `collection.anki2` whose one card asks the user to update Anki. The newest
//! member present is the collection.

use std::io::{Cursor, Read};

use super::limits::{MOST_COLLECTION_BYTES, MOST_PACKAGE_BYTES};
use super::{REEXPORT, megabytes};
use crate::questions::rules::Problem;

/// The members that hold a collection, newest layout first, and whether each is zstd-packed.
const COLLECTIONS: [(&str, bool); 3] = [
    ("collection.anki21b", true),
    ("collection.anki21", false),
    ("collection.anki2", false),
];

/// The SQLite file of the package's collection, and the member it came from.
pub fn collection(bytes: &[u8]) -> Result<(Vec<u8>, &'static str), Problem> {
    if bytes.len() > MOST_PACKAGE_BYTES {
        return Err(Problem::new(
            format!(
                "the package is {} MB; studyhall reads packages up to {} MB",
                megabytes(bytes.len()),
                megabytes(MOST_PACKAGE_BYTES)
            ),
            "export fewer decks at once, or export without media (untick \"Include media\")",
        ));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| {
        Problem::new(
            "the file is not an Anki package (it is not a zip file)",
            REEXPORT,
        )
    })?;
    let Some((name, zstd)) = COLLECTIONS
        .into_iter()
        .find(|(name, _)| zip.index_for_name(name).is_some())
    else {
        return Err(Problem::new(
            "the zip file holds no Anki collection (no collection.anki21b, collection.anki21 \
             or collection.anki2)",
            REEXPORT,
        ));
    };
    let unreadable = |what: String| Problem::new(format!("{name} in the package {what}"), REEXPORT);
    let member = zip
        .by_name(name)
        .map_err(|error| unreadable(format!("cannot be unzipped ({error})")))?;
    let mut collection = if zstd {
        let decoder = zstd::stream::read::Decoder::new(member)
            .map_err(|error| unreadable(format!("cannot be unpacked ({error})")))?;
        read_within(decoder, name)?
    } else {
        read_within(member, name)?
    };
    collection.shrink_to_fit();
    Ok((collection, name))
}

/// Everything `reader` gives, refused past [`MOST_COLLECTION_BYTES`]: one byte more than the
/// limit is read, so a member that lies about its size is caught all the same.
fn read_within(reader: impl Read, name: &str) -> Result<Vec<u8>, Problem> {
    let mut out = Vec::new();
    reader
        .take(MOST_COLLECTION_BYTES as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|error| {
            Problem::new(
                format!("{name} in the package cannot be unpacked ({error})"),
                REEXPORT,
            )
        })?;
    if out.len() > MOST_COLLECTION_BYTES {
        return Err(Problem::new(
            format!(
                "{name} unpacks to more than {} MB; studyhall reads collections up to that size",
                megabytes(MOST_COLLECTION_BYTES)
            ),
            "export one deck rather than the whole collection, without media",
        ));
    }
    Ok(out)
}
