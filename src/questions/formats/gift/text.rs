//! GIFT's text rules: backslash escapes (`\:` `\#` `\=` `\{` `\}` `\~` `\\`, and `\n` for a
//! line break), finding a mark that is not escaped, and the format prefixes (`[html]`,
//! `[markdown]`, `[plain]`, `[moodle]`) that say how a text is written. Cards hold plain
//! text: HTML is turned to text, the other formats are kept as written.

use crate::questions::formats::html;

/// How a text is written, from its prefix; Moodle's own format when there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    Moodle,
    Html,
    Markdown,
    Plain,
}

const PREFIXES: [(&str, Format); 4] = [
    ("[html]", Format::Html),
    ("[markdown]", Format::Markdown),
    ("[plain]", Format::Plain),
    ("[moodle]", Format::Moodle),
];

/// The format a text's prefix gives and the bytes the prefix and the space before it take;
/// `None` when the text has no prefix.
pub(super) fn format_prefix(text: &str) -> Option<(Format, usize)> {
    let trimmed = text.trim_start();
    let indent = text.len() - trimmed.len();
    PREFIXES.iter().find_map(|(prefix, format)| {
        let head = trimmed.get(..prefix.len())?;
        head.eq_ignore_ascii_case(prefix)
            .then_some((*format, indent + prefix.len()))
    })
}

/// The byte offset of the first `mark` at or after `from` that no backslash escapes.
pub(super) fn find_unescaped(text: &str, from: usize, mark: &str) -> Option<usize> {
    let mut escaped = false;
    for (at, c) in text.get(from..)?.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        if c == '\\' {
            escaped = true;
        } else if text[from + at..].starts_with(mark) {
            return Some(from + at);
        }
    }
    None
}

/// The offsets of every unescaped character of `marks`, in order.
pub(super) fn unescaped_marks(text: &str, marks: &[char]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if marks.contains(&c) {
            found.push(at);
        }
    }
    found
}

/// The text with its escapes resolved; a backslash before any other character stays.
pub(super) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some(c @ (':' | '#' | '=' | '{' | '}' | '~' | '\\')) => out.push(c),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// A GIFT text as a card holds it: escapes resolved, HTML turned to text, trimmed. A prefix
/// of its own overrides `format`. The images an HTML text held go to `images`.
pub(super) fn plain(text: &str, format: Format, images: &mut Vec<String>) -> String {
    let (format, text) = match format_prefix(text) {
        Some((own, length)) => (own, &text[length..]),
        None => (format, text),
    };
    let unescaped = unescape(text);
    match format {
        Format::Html => {
            let found = html::to_text(&unescaped);
            images.extend(found.images);
            found.text
        }
        Format::Moodle | Format::Markdown | Format::Plain => unescaped.trim().to_string(),
    }
}

/// `text` written for GIFT: its marks escaped, line breaks as `\n`, and a `[plain]` prefix
/// when it starts like a format prefix or an answer's `%weight%` would (GIFT has no escape
/// for `[` or `%`).
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    if text.trim_start().starts_with(['[', '%']) {
        out.push_str("[plain]");
    }
    for c in text.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}
