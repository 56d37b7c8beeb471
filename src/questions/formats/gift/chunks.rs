//! A GIFT file cut into its pieces: questions (separated by blank lines) and `$CATEGORY:`
//! lines, with `//` comment lines left out, except studyhall's own (see [`super::extras`]): a
//! `// studyhall:` comment goes with the question right below it, and a recall card's question
//! is read from the comment lines that follow it. A question's text is kept with a map back to
//! the file, so that a problem found in it is reported at its place in the file.

use super::extras::{self, CardExtras, SetExtras};

/// One question's text, comment lines removed, and where each of its lines is in the file.
#[derive(Debug)]
pub(super) struct Chunk {
    pub(super) text: String,
    /// What a `// studyhall:` comment right above the question says of its card.
    pub(super) extras: Option<CardExtras>,
    /// Whether the question was read from comment lines (a recall card studyhall wrote).
    commented: bool,
    /// For each line: its offset in `text` and in the file.
    lines: Vec<(usize, usize)>,
}

impl Chunk {
    /// The file offset of byte `at` of the question's text.
    pub(super) fn file_offset(&self, at: usize) -> usize {
        let index = self.lines.partition_point(|(start, _)| *start <= at).max(1) - 1;
        self.lines
            .get(index)
            .map_or(0, |(start, file)| file + (at - start))
    }

    /// The file offset of the question's first character.
    pub(super) fn start(&self) -> usize {
        let indent = self.text.len() - self.text.trim_start().len();
        self.file_offset(indent)
    }
}

/// A piece of a GIFT file.
#[derive(Debug)]
pub(super) enum Piece {
    /// `$CATEGORY: path`: the questions below belong to `path`.
    Category(String),
    /// What a `// studyhall set:` comment says of the set.
    Set(SetExtras),
    Question(Chunk),
    /// A studyhall comment that does not read: where, and why.
    Problem(usize, String),
}

/// The file's pieces, in order.
pub(super) fn split(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut current: Option<Chunk> = None;
    let mut extras: Option<CardExtras> = None;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line_offset = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        let indent = line.len() - line.trim_start().len();
        // Moodle takes a line starting with // as a comment, wherever it stands.
        if let Some(comment) = trimmed.strip_prefix("//") {
            let comment_at = line_offset + indent + 2;
            let in_recall = match &current {
                Some(chunk) => chunk.commented,
                None => extras.as_ref().is_some_and(CardExtras::is_recall),
            };
            if in_recall {
                let question = comment.strip_prefix(' ').unwrap_or(comment);
                let at = comment_at + (comment.len() - question.len());
                let chunk = current.get_or_insert_with(|| Chunk::new(extras.take(), true));
                chunk.push(question, at);
            } else if current.is_none() {
                read_comment(comment, comment_at, &mut extras, &mut pieces);
            }
            continue;
        }
        if trimmed.is_empty() {
            pieces.extend(current.take().map(Piece::Question));
            extras = None;
            continue;
        }
        if current.as_ref().is_some_and(|chunk| chunk.commented) {
            pieces.extend(current.take().map(Piece::Question));
        }
        if current.is_none()
            && let Some(path) = trimmed.strip_prefix("$CATEGORY:")
        {
            pieces.push(Piece::Category(path.trim().to_string()));
            continue;
        }
        let chunk = current.get_or_insert_with(|| Chunk::new(extras.take(), false));
        chunk.push(line, line_offset);
    }
    pieces.extend(current.map(Piece::Question));
    pieces
}

impl Chunk {
    fn new(extras: Option<CardExtras>, commented: bool) -> Chunk {
        Chunk {
            text: String::new(),
            extras,
            commented,
            lines: Vec::new(),
        }
    }

    /// Adds a line of the question, which starts at `file_offset` in the file.
    fn push(&mut self, line: &str, file_offset: usize) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.lines.push((self.text.len(), file_offset));
        self.text.push_str(line);
    }
}

/// Reads a comment between questions (`comment` is what follows `//`, at `at` in the file):
/// studyhall's own are kept, any other is skipped.
fn read_comment(
    comment: &str,
    at: usize,
    extras: &mut Option<CardExtras>,
    pieces: &mut Vec<Piece>,
) {
    let body = comment.trim_start();
    let at = at + (comment.len() - body.len());
    let (prefix, is_set) = if body.starts_with(extras::SET) {
        (extras::SET, true)
    } else if body.starts_with(extras::CARD) {
        (extras::CARD, false)
    } else {
        return;
    };
    let table = &body[prefix.len()..];
    let table_at = at + prefix.len();
    let problem = |(within, message): (usize, String)| Piece::Problem(table_at + within, message);
    if is_set {
        match extras::parse::<SetExtras>(table) {
            Ok(set) => pieces.push(Piece::Set(set)),
            Err(error) => pieces.push(problem(error)),
        }
        return;
    }
    match extras::parse::<CardExtras>(table) {
        Ok(card) => *extras = Some(card),
        Err(error) => pieces.push(problem(error)),
    }
}
