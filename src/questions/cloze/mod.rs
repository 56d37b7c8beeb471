//! Cloze cards: a sentence with deletions in Anki's syntax, `{{c1::answer}}` or
//! `{{c1::answer::hint}}`. Each deletion number is studied as its own card: the student sees
//! the sentence with that number's gaps (`[…]`, or `[hint]`) and the other deletions filled in,
//! and types the missing words, checked like a text answer.
//!
//! One `kind = "cloze"` entry of a set file becomes one card per deletion number, with ids
//! `ID-c1`, `ID-c2`, ...; writing a set back groups them again.

use std::collections::BTreeSet;

use crate::questions::model::{Card, CardId, CardKind};
use crate::questions::rules::Problem;

/// One deletion of a cloze text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deletion<'t> {
    pub number: u16,
    pub answer: &'t str,
    pub hint: Option<&'t str>,
    /// Where `{{` starts and past where `}}` ends, in bytes of the text.
    pub start: usize,
    pub end: usize,
}

/// A problem in a cloze text, at a byte offset into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClozeProblem {
    pub offset: usize,
    pub problem: Problem,
}

/// The highest deletion number; Anki's own limit is far above what a sentence holds.
pub const MOST_DELETION_NUMBER: u16 = 500;

const OPEN: &str = "{{c";

/// The deletions of a cloze text, in order. `{{` not followed by `c`, a number and `::` is
/// plain text, as in Anki.
pub fn deletions(text: &str) -> Result<Vec<Deletion<'_>>, ClozeProblem> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(OPEN).map(|at| from + at) {
        let after_c = at + OPEN.len();
        let digits = text[after_c..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let body_start = after_c + digits + 2;
        if digits == 0 || !text[after_c + digits..].starts_with("::") {
            from = after_c;
            continue;
        }
        let problem = |offset: usize, message: String, fix: &str| ClozeProblem {
            offset,
            problem: Problem::new(message, fix),
        };
        let Some(close) = text[body_start..].find("}}").map(|at| body_start + at) else {
            return Err(problem(
                at,
                "this deletion is not closed".into(),
                "end it with }}, e.g. {{c1::Stalin}}",
            ));
        };
        let body = &text[body_start..close];
        if body.contains(OPEN) {
            return Err(problem(
                at,
                "a deletion inside another one".into(),
                "close the first deletion with }} before the next {{c",
            ));
        }
        let number = text[after_c..after_c + digits]
            .parse::<u16>()
            .ok()
            .filter(|number| (1..=MOST_DELETION_NUMBER).contains(number));
        let Some(number) = number else {
            return Err(problem(
                at,
                format!(
                    "deletion number {} is not between 1 and {MOST_DELETION_NUMBER}",
                    &text[after_c..after_c + digits]
                ),
                "number deletions c1, c2, c3, …",
            ));
        };
        let (answer, hint) = match body.split_once("::") {
            Some((answer, hint)) => (answer, Some(hint.trim()).filter(|hint| !hint.is_empty())),
            None => (body, None),
        };
        if answer.trim().is_empty() {
            return Err(problem(
                at,
                format!("deletion c{number} hides nothing"),
                "write the hidden words between :: and }}, e.g. {{c1::Stalin}}",
            ));
        }
        found.push(Deletion {
            number,
            answer: answer.trim(),
            hint,
            start: at,
            end: close + 2,
        });
        from = close + 2;
    }
    if found.is_empty() {
        return Err(ClozeProblem {
            offset: 0,
            problem: Problem::new(
                "the text has no deletion",
                "hide words with {{c1::…}}, e.g. \"signed in {{c1::February 1950}}\"",
            ),
        });
    }
    Ok(found)
}

/// The deletion numbers of a text, in increasing order.
pub fn numbers(deletions: &[Deletion<'_>]) -> Vec<u16> {
    let numbers: BTreeSet<u16> = deletions.iter().map(|deletion| deletion.number).collect();
    numbers.into_iter().collect()
}

/// The sentence as the student sees it when studying `number`: its gaps as `[…]` or
/// `[hint]`, every other deletion filled in.
pub fn shown(text: &str, deletions: &[Deletion<'_>], number: u16) -> String {
    let mut shown = String::with_capacity(text.len());
    let mut from = 0;
    for deletion in deletions {
        shown.push_str(&text[from..deletion.start]);
        if deletion.number == number {
            shown.push('[');
            shown.push_str(deletion.hint.unwrap_or("…"));
            shown.push(']');
        } else {
            shown.push_str(deletion.answer);
        }
        from = deletion.end;
    }
    shown.push_str(&text[from..]);
    shown
}

/// What the student types for `number`: its deletions' words, joined with ", " when the number
/// hides more than one gap.
pub fn expected(deletions: &[Deletion<'_>], number: u16) -> String {
    let answers: Vec<&str> = deletions
        .iter()
        .filter(|deletion| deletion.number == number)
        .map(|deletion| deletion.answer)
        .collect();
    answers.join(", ")
}

/// The text with every deletion filled in: the sentence as a whole.
pub fn filled(text: &str) -> String {
    match deletions(text) {
        Ok(found) => shown(text, &found, 0),
        Err(_) => text.to_string(),
    }
}

/// The id of the card for deletion `number` of the entry `base`.
pub fn card_id(base: &CardId, number: u16) -> Result<CardId, Problem> {
    let id = format!("{base}-c{number}");
    CardId::parse(&id).map_err(|_| {
        Problem::new(
            format!("the card id {id:?} of deletion c{number} is longer than 64 characters"),
            "shorten the id: each deletion's card adds -c and its number to it",
        )
    })
}

/// If `id` is a deletion's card id (`BASE-cN`), its base and number.
pub fn split_card_id(id: &CardId) -> Option<(CardId, u16)> {
    let (base, number) = id.as_str().rsplit_once("-c")?;
    let number: u16 = number.parse().ok()?;
    Some((CardId::parse(base).ok()?, number))
}

/// The cards of one cloze entry: one per deletion number, each with the entry's tags,
/// explanation and source.
pub fn cards(
    base: &CardId,
    text: &str,
    tags: &[String],
    explanation: Option<&str>,
    source: Option<&str>,
) -> Result<Vec<Card>, ClozeProblem> {
    let found = deletions(text)?;
    numbers(&found)
        .into_iter()
        .map(|number| {
            let id =
                card_id(base, number).map_err(|problem| ClozeProblem { offset: 0, problem })?;
            Ok(Card {
                id,
                prompt: shown(text, &found, number),
                kind: CardKind::Cloze {
                    text: text.to_string(),
                    number,
                },
                tags: tags.to_vec(),
                explanation: explanation.map(str::to_string),
                source: source.map(str::to_string),
            })
        })
        .collect()
}

/// A card as a set file writes it: most cards stand alone, a cloze entry's cards (one after
/// the other, with one text and ids `BASE-cN`) are written once, under `BASE`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entry<'c> {
    /// The card at `index`.
    Card(usize, &'c Card),
    /// The cloze entry whose cards (one at least) start at `index`.
    Cloze {
        index: usize,
        base: &'c str,
        text: &'c str,
        cards: &'c [Card],
    },
}

/// The entries of `cards`, in order, for a writer.
pub fn entries<'c>(cards: &'c [Card]) -> Vec<Entry<'c>> {
    let mut entries = Vec::with_capacity(cards.len());
    let mut index = 0;
    while index < cards.len() {
        let card = &cards[index];
        let CardKind::Cloze { text, .. } = &card.kind else {
            entries.push(Entry::Card(index, card));
            index += 1;
            continue;
        };
        let base_of = |id: &'c CardId| id.as_str().rsplit_once("-c").map(|(base, _)| base);
        let base = base_of(&card.id).unwrap_or(card.id.as_str());
        let same_entry = |other: &'c Card| {
            matches!(&other.kind, CardKind::Cloze { text: other_text, .. } if other_text == text)
                && base_of(&other.id) == Some(base)
        };
        let count = cards[index..]
            .iter()
            .take_while(|other| same_entry(other))
            .count()
            .max(1);
        entries.push(Entry::Cloze {
            index,
            base,
            text,
            cards: &cards[index..index + count],
        });
        index += count;
    }
    entries
}

#[cfg(test)]
mod tests;
