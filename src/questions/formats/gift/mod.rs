//! Moodle's GIFT format: reading a file's questions as cards ([`read`]) and writing a set
//! ([`write`]).
//!
//! Reading follows Moodle's documentation. Questions are separated by blank lines; lines
//! starting with `//` are comments. `::name::` names a question: its slug is the card id (two
//! questions with one name are an error); an unnamed question's id is `q-` and the first 10 hex
//! digits of the SHA-256 of its text as written, the same while the question is unchanged.
//! `$CATEGORY: $course$/top/Korean War/Inchon` tags the questions below it with the slug of
//! the path's last part (`inchon`): the most specific topic, as tags name topics.
//!
//! | GIFT | card |
//! |---|---|
//! | `{=right ~wrong ~wrong}` | choice |
//! | `{~%50%right ~%50%right ~%-100%wrong}` (no `=`) | multi: the answers weighted above 0 |
//! | `{T}`, `{F}`, `{TRUE}`, `{FALSE}` | truefalse |
//! | `{=answer =other}` | text: the first answer, the others accepted |
//! | `{#1953}`, `{#3.1:0.1}`, `{#1950..1953}` | number: a range is its midpoint ± half its width |
//!
//! An answer block within the sentence leaves a blank, `_____`, in the prompt. The block's
//! `####` general feedback is the card's explanation, followed by each answer's `#feedback`
//! as "answer: feedback" lines. `[html]` texts become plain text (tags dropped, entities
//! decoded, `<br>` as line breaks); `[markdown]`, `[plain]` and `[moodle]` are kept as
//! written. Essays (`{}`), descriptions (no block) and matching questions (`->`) are skipped
//! and listed by line in [`Imported::notes`], as are partial-credit answers a card cannot give
//! credit for and images. A file studyhall wrote says in `// studyhall:` comments what GIFT
//! cannot (a card's kind, tags and source; the set's title): [`extras`] reads them back.

mod answers;
mod chunks;
mod extras;
mod numbers;
mod text;
mod write;

#[cfg(test)]
mod tests;

use super::card_ids::{CardIds, hashed};
use super::located::{Lines, Problems, without_bom};
use super::{Diagnostic, Imported};
use crate::questions::model::Card;
use crate::questions::rules;
use answers::{Block, Read};
use chunks::{Chunk, Piece};
use text::Format;

pub use write::write;

/// Reads a GIFT file's questions; every problem at once, each at its line and column.
pub fn read(text: &str) -> Result<Imported, Vec<Diagnostic>> {
    let text = without_bom(text);
    let lines = Lines::new(text);
    let mut reader = Reader {
        lines: &lines,
        problems: Problems::default(),
        ids: CardIds::default(),
        imported: Imported::default(),
        tags: Vec::new(),
    };
    for piece in chunks::split(text) {
        match piece {
            Piece::Category(path) => reader.tags = category_tag(&path).into_iter().collect(),
            Piece::Question(chunk) => reader.question(&chunk),
            Piece::Set(set) => {
                reader.imported.title = set.title;
                reader.imported.description = set.description;
                reader.imported.source = set.source;
            }
            Piece::Problem(at, message) => reader.problems.add(at, message, extras::FIX),
        }
    }
    reader.problems.or(text, reader.imported)
}

/// The tag a category path gives: its last part's slug, Moodle's own parts (`$course$`,
/// `top`, and the "Default for …" category every course has) aside.
fn category_tag(path: &str) -> Option<String> {
    path.split('/')
        .map(str::trim)
        .filter(|part| {
            !part.is_empty()
                && !part.starts_with('$')
                && *part != "top"
                && !part.starts_with("Default for ")
        })
        .map(rules::slug)
        .rfind(|slug| !slug.is_empty())
}

/// The category's tag, then the tags of the question's studyhall comment, each once.
fn with_written_tags(category: &[String], written: &[String]) -> Vec<String> {
    let mut tags = category.to_vec();
    for tag in written {
        if !tags.contains(tag) {
            tags.push(tag.clone());
        }
    }
    tags
}

struct Reader<'l> {
    lines: &'l Lines<'l>,
    problems: Problems,
    ids: CardIds,
    imported: Imported,
    /// The current category's tag.
    tags: Vec<String>,
}

impl Reader<'_> {
    fn question(&mut self, chunk: &Chunk) {
        let line = self.lines.line(chunk.start());
        let source = chunk.text.as_str();
        let mut at = source.len() - source.trim_start().len();
        let mut name = None;
        if source[at..].starts_with("::") {
            let Some(close) = text::find_unescaped(source, at + 2, "::") else {
                self.problems.add(
                    chunk.file_offset(at),
                    "the question's name is not closed",
                    "end the name with ::, e.g. ::inchon-landing:: When did …",
                );
                return;
            };
            name = Some((text::unescape(&source[at + 2..close]), at));
            at = close + 2;
        }
        let format = match text::format_prefix(&source[at..]) {
            Some((format, length)) => {
                at += length;
                format
            }
            None => Format::Moodle,
        };
        let Some(open) = text::find_unescaped(source, at, "{") else {
            self.skip(
                line,
                "description",
                "it asks nothing (it has no answer block)",
            );
            return;
        };
        let Some(close) = text::find_unescaped(source, open + 1, "}") else {
            self.problems.add(
                chunk.file_offset(open),
                "this answer block is not closed",
                "end it with }; write a literal { as \\{",
            );
            return;
        };
        let mut failed = false;
        for (from, to, what) in [
            (open + 1, close, "inside"),
            (close + 1, source.len(), "after"),
        ] {
            if let Some(extra) = text::find_unescaped(&source[..to], from, "{") {
                let message = format!("a second answer block {what} the first");
                let fix = "give a question one answer block; write a literal { as \\{";
                self.problems.add(chunk.file_offset(extra), message, fix);
                failed = true;
            }
        }
        if failed {
            return;
        }
        let mut images = Vec::new();
        let before = text::plain(&source[at..open], format, &mut images);
        let after = text::plain(&source[close + 1..], format, &mut images);
        let block = Block {
            chunk,
            inside: &source[open + 1..close],
            start: open + 1,
            format,
        };
        let (kind, explanation, partial) =
            match answers::read(&block, &mut self.problems, &mut images) {
                Read::Card {
                    kind,
                    explanation,
                    partial,
                } => (kind, explanation, partial),
                Read::Skip(what, why) => return self.skip(line, what, why),
                Read::Failed => return,
            };
        for answer in partial {
            let note = format!(
                "line {line}: partial credit for \"{answer}\" dropped: a card's answer is right or wrong"
            );
            self.imported.notes.push(note);
        }
        for image in images {
            self.imported
                .notes
                .push(format!("line {line}: image not imported: {image}"));
        }
        let id = match &name {
            Some((name, name_at)) => {
                let slug = rules::slug(name);
                if slug.is_empty() {
                    self.problems.add(
                        chunk.file_offset(*name_at),
                        format!("the name \"{name}\" gives no card id"),
                        "name the question with letters a-z or digits, e.g. ::inchon-landing::",
                    );
                    return;
                }
                self.ids.named(&slug, line)
            }
            None => self.ids.derived(&hashed("q", source.trim()), line),
        };
        let id = match id {
            Ok(id) => id,
            Err(problem) => {
                let at = name
                    .as_ref()
                    .map_or(chunk.start(), |(_, at)| chunk.file_offset(*at));
                self.problems.report(at, problem);
                return;
            }
        };
        let written_tags = chunk.extras.as_ref().map_or(&[][..], |extras| &extras.tags);
        let card = Card {
            id,
            prompt: with_blank(&before, &after),
            kind,
            tags: with_written_tags(&self.tags, written_tags),
            explanation: Some(explanation.join("\n")).filter(|text| !text.is_empty()),
            source: None,
        };
        let card = match &chunk.extras {
            Some(card_extras) => match extras::apply(card, card_extras) {
                Ok(card) => card,
                Err(problem) => return self.problems.report(chunk.start(), problem),
            },
            None => card,
        };
        self.problems
            .keep_valid(card, chunk.start(), &mut self.imported.cards);
    }

    fn skip(&mut self, line: usize, what: &str, why: &str) {
        let note = format!("line {line}: {what} skipped: {why}");
        self.imported.notes.push(note);
    }
}

/// The question's text, with a blank where its answer block stood when text follows it.
fn with_blank(before: &str, after: &str) -> String {
    if after.is_empty() {
        return before.to_string();
    }
    let mut prompt = before.to_string();
    if !prompt.is_empty() {
        prompt.push(' ');
    }
    prompt.push_str("_____");
    if after.starts_with(|c: char| c.is_alphanumeric() || c == '(') {
        prompt.push(' ');
    }
    prompt.push_str(after);
    prompt
}
