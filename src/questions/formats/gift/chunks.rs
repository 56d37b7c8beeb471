//! A GIFT file cut into its pieces: questions (separated by blank lines) and `$CATEGORY:`
//! lines, with `//` comment lines left out, except a `// tags: a, b` line right above a
//! question: studyhall writes a card's tags so (GIFT has no tags), and reads them back. A question's text is kept with a map back to the
//! file, so that a problem found in it is reported at its place in the file.

/// One question's text, comment lines removed, and where each of its lines is in the file.
#[derive(Debug)]
pub(super) struct Chunk {
    pub(super) text: String,
    /// The tags of a `// tags:` comment right above the question.
    pub(super) tags: Vec<String>,
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
    Question(Chunk),
}

/// The file's pieces, in order.
pub(super) fn split(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut current: Option<Chunk> = None;
    let mut tags = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line_offset = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        // Moodle takes a line starting with // as a comment, wherever it stands.
        if let Some(comment) = trimmed.strip_prefix("//") {
            if current.is_none()
                && let Some(list) = comment.trim().strip_prefix("tags:")
            {
                tags = list
                    .split(',')
                    .map(str::trim)
                    .filter(|tag| !tag.is_empty())
                    .map(str::to_string)
                    .collect();
            }
            continue;
        }
        if trimmed.is_empty() {
            pieces.extend(current.take().map(Piece::Question));
            tags.clear();
            continue;
        }
        if current.is_none()
            && let Some(path) = trimmed.strip_prefix("$CATEGORY:")
        {
            pieces.push(Piece::Category(path.trim().to_string()));
            continue;
        }
        let chunk = current.get_or_insert_with(|| Chunk {
            text: String::new(),
            tags: std::mem::take(&mut tags),
            lines: Vec::new(),
        });
        if !chunk.text.is_empty() {
            chunk.text.push('\n');
        }
        chunk.lines.push((chunk.text.len(), line_offset));
        chunk.text.push_str(line);
    }
    pieces.extend(current.map(Piece::Question));
    pieces
}
