//! A text as numbered paragraphs of sentences.

use unicode_segmentation::UnicodeSegmentation;

use super::names::{is_initial, is_short_title, may_start_a_name};

/// One paragraph: a block of the text between blank lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// `[N]` or `N.` at its start, else the number after the previous paragraph's (from 1).
    pub number: u32,
    pub text: String,
}

impl Paragraph {
    /// Its sentences, trimmed, in order. The stop of a title written short ("Dr. Ralph
    /// Bunche", "Gen. MacArthur") ends no sentence.
    pub fn sentences(&self) -> Vec<&str> {
        let mut sentences = Vec::new();
        let mut start = 0;
        let pieces: Vec<(usize, &str)> = self.text.split_sentence_bound_indices().collect();
        for (index, (at, piece)) in pieces.iter().enumerate() {
            let next = pieces.get(index + 1).map(|(_, next)| *next);
            if next.is_some_and(|next| ends_with_short_title(piece, next)) {
                continue;
            }
            sentences.push(self.text[start..at + piece.len()].trim());
            start = at + piece.len();
        }
        sentences.retain(|sentence| !sentence.is_empty());
        sentences
    }
}

/// The paragraphs of `text`. When the text numbers its paragraphs from 1, what comes before
/// paragraph 1 is front matter (a title, a note on the numbering) and left out; Markdown
/// headings are left out too.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let blocks = blocks(text);
    // Blocks before a first paragraph numbered 1 are front matter; before one numbered 2 or
    // more, they are the paragraphs the numbering continues.
    let numbered = blocks
        .iter()
        .position(|block| explicit_number(block).is_some_and(|(number, _)| number == 1));
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    for block in blocks.iter().skip(numbered.unwrap_or(0)) {
        if block.starts_with('#') {
            continue;
        }
        let previous = paragraphs.last().map_or(0, |paragraph| paragraph.number);
        let (number, text) = match explicit_number(block) {
            Some((number, rest)) => (number, rest),
            None => (previous + 1, block.as_str()),
        };
        paragraphs.push(Paragraph {
            number,
            text: text.trim().to_string(),
        });
    }
    paragraphs
}

/// Whether `piece` ends with a title written short or an initial and `next` goes on with the
/// name: "Dr." before "Ralph Bunche", "Robert E." before "Lee", not "King." before "The".
fn ends_with_short_title(piece: &str, next: &str) -> bool {
    let last = piece.split_whitespace().next_back().unwrap_or_default();
    let next_word = next.split_whitespace().next().unwrap_or_default();
    last.ends_with('.') && (is_short_title(last) || is_initial(last)) && may_start_a_name(next_word)
}

/// The blocks between blank lines, each one line (its lines joined by spaces).
fn blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                blocks.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        blocks.push(current.join(" "));
    }
    blocks
}

/// `[12] text` or `12. text`: the number and the rest.
fn explicit_number(block: &str) -> Option<(u32, &str)> {
    if let Some(rest) = block.strip_prefix('[') {
        let (digits, rest) = rest.split_once(']')?;
        return Some((digits.trim().parse().ok()?, rest));
    }
    let digits_end = block.find(|c: char| !c.is_ascii_digit())?;
    let rest = block[digits_end..].strip_prefix('.')?;
    if digits_end == 0 || !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some((block[..digits_end].parse().ok()?, rest))
}

/// The text's first Markdown heading ("# The Berlin airlift"), for a title.
pub fn heading(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find_map(|line| line.strip_prefix('#'))
        .map(|heading| heading.trim_start_matches('#').trim().to_string())
        .filter(|heading| !heading.is_empty())
}
