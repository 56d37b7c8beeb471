//! Card ids for imported questions: a name the file gives, slugified, or an id made from the
//! question itself (`q-` and the first 10 hex digits of its SHA-256), which stays the same
//! while the question is unchanged, so that importing a re-exported file again keeps each
//! student's progress on it.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use crate::questions::model::CardId;
use crate::questions::rules::{self, Problem};

/// `prefix` and the first 10 hex digits of the SHA-256 of `text`: `q-3f2a9c01d4`.
pub(crate) fn hashed(prefix: &str, text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest
        .iter()
        .take(5)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("{prefix}-{hex}")
}

/// The id of an Anki note's first card, from its GUID: a note studyhall wrote (`sh/SET/ID` or
/// `sh/ID`, with a valid card id) keeps `ID`; any other is `n-` and a hash of the GUID. Anki's
/// package and text export readers both use it: one note, one id, however it comes.
pub(crate) fn note_id(guid: &str) -> CardId {
    if let Some(id) = guid
        .strip_prefix("sh/")
        .and_then(|path| path.rsplit('/').next())
        .and_then(|id| CardId::parse(id).ok())
    {
        return id;
    }
    CardId::parse(&hashed("n", guid)).expect("n- and hex digits make a valid id")
}

/// The id of the card of template `ord` (1, 2, ...: a reversed card, say) of the note whose
/// first card is `base`: `BASE-t1`, as both Anki readers name it.
pub(crate) fn template_card_id(base: &CardId, ord: u16) -> Result<CardId, Problem> {
    CardId::parse(&format!("{base}-t{ord}")).map_err(|_| {
        Problem::new(
            format!("the id {base:?} with -t{ord} is longer than 64 characters"),
            "shorten the note's GUID",
        )
    })
}

/// The ids given so far in one file, each with the line it was first given on.
#[derive(Debug, Default)]
pub(crate) struct CardIds {
    taken: HashMap<String, usize>,
}

impl CardIds {
    /// `id` as the file names it: refused when it is taken already (progress is tied to ids,
    /// so two questions cannot share one) or is not a valid id.
    pub(crate) fn named(&mut self, id: &str, line: usize) -> Result<CardId, Problem> {
        if let Some(first) = self.taken.get(id) {
            return Err(rules::duplicate_card(id, *first));
        }
        let parsed = CardId::parse(id).map_err(|error| {
            Problem::new(
                format!("bad card id \"{id}\": {error}"),
                "name the question with letters or digits",
            )
        })?;
        self.taken.insert(id.to_string(), line);
        Ok(parsed)
    }

    /// `id` as made from the question, with `-2`, `-3`, ... when an earlier question gave the
    /// same one (the same question twice); the id is slugified and cut to 60 characters first.
    pub(crate) fn derived(&mut self, id: &str, line: usize) -> Result<CardId, Problem> {
        let slug = rules::slug(id);
        let base: String = slug.chars().take(60).collect();
        let base = base.trim_end_matches('-');
        let base = if base.is_empty() { "q" } else { base };
        let mut candidate = base.to_string();
        let mut number = 1;
        while self.taken.contains_key(&candidate) {
            number += 1;
            candidate = format!("{base}-{number}");
        }
        let parsed = CardId::parse(&candidate).map_err(|error| {
            Problem::new(
                format!("no card id can be made for this question: {error}"),
                "name the question",
            )
        })?;
        self.taken.insert(candidate, line);
        Ok(parsed)
    }
}

/// The slug of `text` as an id, or the hashed id of `text` when the slug is empty (a term
/// written in another script).
pub(crate) fn slug_or_hash(text: &str) -> String {
    let slug = rules::slug(text);
    if slug.is_empty() {
        hashed("t", text)
    } else {
        slug
    }
}
