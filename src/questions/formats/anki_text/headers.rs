//! The `#key:value` lines at the top of Anki's "Notes in Plain Text" export: the separator,
//! whether fields are HTML, and which columns hold a note's guid, note type, deck and tags.

use crate::questions::formats::located::Problems;

/// What the header lines say.
#[derive(Debug)]
pub(super) struct Headers {
    pub(super) separator: u8,
    pub(super) html: bool,
    /// 0-based columns.
    pub(super) guid: Option<usize>,
    pub(super) notetype: Option<usize>,
    pub(super) deck: Option<usize>,
    pub(super) tags: Option<usize>,
    /// `#deck:NAME`: the deck of every note.
    pub(super) deck_name: Option<String>,
    /// `#tags:a b`: tags of every note.
    pub(super) all_tags: Vec<String>,
    /// Where the notes start, in bytes, and on which line.
    pub(super) body: usize,
    pub(super) body_line: usize,
}

/// Reads the header lines; a problem in one is reported at its value.
pub(super) fn read(text: &str, problems: &mut Problems) -> Headers {
    let mut headers = Headers {
        separator: b'\t',
        html: false,
        guid: None,
        notetype: None,
        deck: None,
        tags: None,
        deck_name: None,
        all_tags: Vec::new(),
        body: 0,
        body_line: 1,
    };
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let Some(header) = line.strip_prefix('#') else {
            break;
        };
        let (key, value) = header.split_once(':').unwrap_or((header, ""));
        let value_at = offset + 1 + key.len() + 1 + (value.len() - value.trim_start().len());
        let value = value.trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "separator" => match separator(value) {
                Some(byte) => headers.separator = byte,
                None => problems.add(
                    value_at,
                    format!("unknown separator \"{value}\""),
                    "write tab, comma, semicolon, space, pipe or colon, or the character itself",
                ),
            },
            "html" => match value.to_ascii_lowercase().as_str() {
                "true" => headers.html = true,
                "false" => headers.html = false,
                _ => problems.add(
                    value_at,
                    format!("#html is \"{value}\""),
                    "write #html:true or #html:false",
                ),
            },
            "guid column" => headers.guid = column(value, value_at, problems),
            "notetype column" => headers.notetype = column(value, value_at, problems),
            "deck column" => headers.deck = column(value, value_at, problems),
            "tags column" => headers.tags = column(value, value_at, problems),
            "deck" => headers.deck_name = Some(value.to_string()).filter(|d| !d.is_empty()),
            "tags" => headers.all_tags = value.split_whitespace().map(str::to_string).collect(),
            // `#columns:`, `#notetype:` and `#if matches:` change nothing in how cards are read.
            _ => {}
        }
        offset += raw.len();
        headers.body_line += 1;
    }
    headers.body = offset;
    headers
}

/// The separator a `#separator:` header names, as Anki writes it or as the character.
fn separator(value: &str) -> Option<u8> {
    Some(match value.to_ascii_lowercase().as_str() {
        "tab" | "\t" => b'\t',
        "comma" | "," => b',',
        "semicolon" | ";" => b';',
        "space" | " " | "" => b' ',
        "pipe" | "|" => b'|',
        "colon" | ":" => b':',
        _ => return None,
    })
}

/// A 1-based column number, as a 0-based index.
fn column(value: &str, at: usize, problems: &mut Problems) -> Option<usize> {
    match value.parse::<usize>() {
        Ok(number) if number >= 1 => Some(number - 1),
        _ => {
            problems.add(
                at,
                format!("column \"{value}\" is not a column number"),
                "write the column's number, counted from 1",
            );
            None
        }
    }
}
