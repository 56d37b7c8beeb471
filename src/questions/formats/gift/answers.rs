//! A GIFT question's answer block, `{…}`, read into a card kind: true/false (`{T}`), a number
//! (`{#…}`), a short answer (only `=` answers), a choice (one `=` among `~`), a multi
//! (weighted `~%50%` answers, no `=`); or a question studyhall skips: an essay (`{}`) or a
//! matching question (`=item -> match`). Per-answer `#feedback` and the block's `####` general
//! feedback are kept for the card's explanation.

use super::chunks::Chunk;
use super::numbers;
use super::text::{self, Format};
use crate::questions::formats::located::Problems;
use crate::questions::model::CardKind;

/// The inside of one answer block.
pub(super) struct Block<'c> {
    pub(super) chunk: &'c Chunk,
    /// The text between the braces, and where it starts in the chunk.
    pub(super) inside: &'c str,
    pub(super) start: usize,
    /// The question text's format, which answers take unless they have their own.
    pub(super) format: Format,
}

/// What a block gives.
pub(super) enum Read {
    Card {
        kind: CardKind,
        /// The explanation's pieces: the general feedback, then "answer: feedback" lines.
        explanation: Vec<String>,
        /// Answers given partial credit, which a card cannot: named in the import's notes.
        partial: Vec<String>,
    },
    /// A question studyhall has no card for, named: "essay question".
    Skip(&'static str, &'static str),
    /// A problem, reported.
    Failed,
}

/// One `=` or `~` answer.
struct Item {
    right: bool,
    /// The weight between `%` signs, when written.
    weight: Option<f64>,
    text: String,
    feedback: Option<String>,
    /// Where the `=` or `~` stands in the chunk.
    at: usize,
}

impl Item {
    fn full_credit(&self) -> bool {
        self.weight.is_none_or(|weight| weight >= 100.0)
    }
}

pub(super) fn read(block: &Block<'_>, problems: &mut Problems, images: &mut Vec<String>) -> Read {
    let (inside, general) = match text::find_unescaped(block.inside, 0, "####") {
        Some(at) => (
            &block.inside[..at],
            Some(text::plain(&block.inside[at + 4..], block.format, images)),
        ),
        None => (block.inside, None),
    };
    let mut explanation: Vec<String> = general.into_iter().filter(|g| !g.is_empty()).collect();
    let trimmed = inside.trim();
    if trimmed.is_empty() {
        return Read::Skip("essay question", "studyhall has no essay cards");
    }
    let lead = inside.len() - inside.trim_start().len();
    if trimmed.starts_with('#') {
        return numbers::read(
            block,
            lead + 1,
            &inside[lead + 1..],
            explanation,
            problems,
            images,
        );
    }
    if let Some(answer) = true_false(trimmed, block.format, &mut explanation, images) {
        return Read::Card {
            kind: CardKind::TrueFalse { answer },
            explanation,
            partial: Vec::new(),
        };
    }
    let Some(items) = items(block, 0, inside, problems, images) else {
        return Read::Failed;
    };
    if items
        .iter()
        .any(|item| item.right && item.text.contains("->"))
    {
        return Read::Skip("matching question", "studyhall has no matching cards");
    }
    for item in &items {
        if let Some(feedback) = &item.feedback {
            explanation.push(format!("{}: {feedback}", item.text));
        }
    }
    if items.iter().all(|item| item.right) {
        return short_answer(block, &items, explanation, problems);
    }
    // `=` is full credit unless a weight says less: `=%50%` is partial credit, as `~%50%` is.
    let rights: Vec<&Item> = items
        .iter()
        .filter(|item| item.right && item.full_credit())
        .collect();
    match rights.as_slice() {
        [] => multi(block, &items, explanation, problems),
        [right] => {
            let partial = items
                .iter()
                .filter(|item| {
                    item.weight
                        .is_some_and(|weight| weight > 0.0 && weight < 100.0)
                })
                .map(|item| item.text.clone())
                .collect();
            Read::Card {
                kind: CardKind::Choice {
                    choices: items.iter().map(|item| item.text.clone()).collect(),
                    answer: right.text.clone(),
                    shuffle: true,
                },
                explanation,
                partial,
            }
        }
        [_, second, ..] => {
            problems.add(
                block.chunk.file_offset(second.at),
                "a choice question with more than one right answer (=)",
                "mark one right answer with = and the others with ~; for several right \
                 answers, give each a weight instead: ~%50%…",
            );
            Read::Failed
        }
    }
}

/// `{T}`, `{F}`, `{TRUE}` or `{FALSE}` (any case), with optional `#feedback`s.
fn true_false(
    inside: &str,
    format: Format,
    explanation: &mut Vec<String>,
    images: &mut Vec<String>,
) -> Option<bool> {
    let end = text::find_unescaped(inside, 0, "#").unwrap_or(inside.len());
    let answer = match inside[..end].trim().to_ascii_uppercase().as_str() {
        "T" | "TRUE" => true,
        "F" | "FALSE" => false,
        _ => return None,
    };
    let mut rest = &inside[end..];
    while let Some(feedback) = rest.strip_prefix('#') {
        let next = text::find_unescaped(feedback, 0, "#").unwrap_or(feedback.len());
        let said = text::plain(&feedback[..next], format, images);
        if !said.is_empty() {
            explanation.push(said);
        }
        rest = &feedback[next..];
    }
    Some(answer)
}

/// The `=` and `~` answers of `inside` (which starts at `offset` in the block).
fn items(
    block: &Block<'_>,
    offset: usize,
    inside: &str,
    problems: &mut Problems,
    images: &mut Vec<String>,
) -> Option<Vec<Item>> {
    let marks = text::unescaped_marks(inside, &['=', '~']);
    let chunk_at = |at: usize| block.start + offset + at;
    let first = marks.first().copied().unwrap_or(inside.len());
    if !inside[..first].trim().is_empty() {
        let lead = inside.len() - inside.trim_start().len();
        problems.add(
            block.chunk.file_offset(chunk_at(lead)),
            "an answer that is not marked right (=) or wrong (~)",
            "start each answer with = for a right one or ~ for a wrong one, e.g. {=Inchon \
             ~Busan}; escape a literal sign as \\= or \\~",
        );
        return None;
    }
    let mut items = Vec::with_capacity(marks.len());
    let mut failed = false;
    for (index, at) in marks.iter().enumerate() {
        let end = marks.get(index + 1).copied().unwrap_or(inside.len());
        let body = &inside[at + 1..end];
        let (weight, body) = match weight(body) {
            Ok(found) => found,
            Err(written) => {
                problems.add(
                    block.chunk.file_offset(chunk_at(at + 1)),
                    format!("the weight %{written}% is not a number"),
                    "write a percentage between % signs, e.g. ~%50%Inchon",
                );
                failed = true;
                continue;
            }
        };
        let (answer, feedback) = match text::find_unescaped(body, 0, "#") {
            Some(hash) => (&body[..hash], Some(&body[hash + 1..])),
            None => (body, None),
        };
        let text = text::plain(answer, block.format, images);
        if text.is_empty() {
            problems.add(
                block.chunk.file_offset(chunk_at(*at)),
                "an empty answer",
                "write the answer after its = or ~, or remove the sign (escape a literal one \
                 as \\= or \\~)",
            );
            failed = true;
            continue;
        }
        items.push(Item {
            right: inside[*at..].starts_with('='),
            weight,
            text,
            feedback: feedback
                .map(|said| text::plain(said, block.format, images))
                .filter(|said| !said.is_empty()),
            at: chunk_at(*at),
        });
    }
    (!failed).then_some(items)
}

/// A `%weight%` at the start of an answer, and the answer after it. A `%` with no closing one
/// is the answer's text.
pub(super) fn weight(body: &str) -> Result<(Option<f64>, &str), String> {
    let Some(rest) = body.trim_start().strip_prefix('%') else {
        return Ok((None, body));
    };
    let Some(close) = rest.find('%') else {
        return Ok((None, body));
    };
    let written = rest[..close].trim();
    match written.parse::<f64>() {
        Ok(weight) if weight.is_finite() => Ok((Some(weight), &rest[close + 1..])),
        _ => Err(written.to_string()),
    }
}

/// Only `=` answers: a text card, the first full-credit answer its answer, the others
/// accepted.
fn short_answer(
    block: &Block<'_>,
    items: &[Item],
    explanation: Vec<String>,
    problems: &mut Problems,
) -> Read {
    let mut full = items.iter().filter(|item| item.full_credit());
    let Some(first) = full.next() else {
        problems.add(
            block.chunk.file_offset(block.start.saturating_sub(1)),
            "no answer here gets full credit",
            "mark at least one answer = without a weight (or with %100%)",
        );
        return Read::Failed;
    };
    Read::Card {
        kind: CardKind::Text {
            answer: first.text.clone(),
            accept: full.map(|item| item.text.clone()).collect(),
        },
        explanation,
        partial: items
            .iter()
            .filter(|item| !item.full_credit())
            .map(|item| item.text.clone())
            .collect(),
    }
}

/// No `=` answer: a multi card when weights name the right ones (those above 0).
fn multi(
    block: &Block<'_>,
    items: &[Item],
    explanation: Vec<String>,
    problems: &mut Problems,
) -> Read {
    let answers: Vec<String> = items
        .iter()
        .filter(|item| item.weight.is_some_and(|weight| weight > 0.0))
        .map(|item| item.text.clone())
        .collect();
    if answers.is_empty() {
        problems.add(
            block.chunk.file_offset(block.start.saturating_sub(1)),
            "this choice question has no right answer",
            "mark the right answer with = instead of ~, or give the right answers a weight \
             above 0, e.g. ~%50%Inchon",
        );
        return Read::Failed;
    }
    Read::Card {
        kind: CardKind::Multi {
            choices: items.iter().map(|item| item.text.clone()).collect(),
            answers,
            shuffle: true,
        },
        explanation,
        partial: Vec::new(),
    }
}
