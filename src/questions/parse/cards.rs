//! The `[[cards]]` of a set file: each card's common fields and kind, and card ids unique
//! within the set (a student's progress is tied to them).

use std::collections::HashMap;

use toml::Spanned;
use toml::de::DeValue;

use super::diagnostic::{Diagnostics, Locator};
use super::fields::Fields;
use super::kinds::{KINDS, kind_keys, read_kind};
use crate::questions::cloze;
use crate::questions::model::{Card, CardId};
use crate::questions::rules;

/// The keys every card takes, whatever its kind.
pub(super) use crate::questions::rules::COMMON_FIELDS as COMMON_KEYS;

/// Reads every card of the file. Problems are reported; only cards without any are returned.
pub(super) fn read_cards(file: &Fields, text: &str, out: &mut Diagnostics) -> Vec<Card> {
    let add_cards = "add at least one [[cards]] table (see questions/README.md)";
    let Some(value) = file.get("cards") else {
        out.report(file.header.clone(), "the set has no cards", add_cards);
        return Vec::new();
    };
    let DeValue::Array(items) = value.get_ref() else {
        let fix = "write each card as a [[cards]] table";
        file.report_type("\"cards\"", value, "a list of [[cards]] tables", fix, out);
        return Vec::new();
    };
    if items.is_empty() {
        out.report(value.span(), "the set has no cards", add_cards);
    }
    let mut cards = Vec::with_capacity(items.len());
    // The line where each card id was first used, to point a duplicate back at it; cards come
    // in file order, so one locator walks the file once.
    let mut first_use: HashMap<CardId, usize> = HashMap::new();
    let mut locator = Locator::new(text);
    for item in items.iter() {
        let DeValue::Table(entries) = item.get_ref() else {
            let fix = "write each card as a [[cards]] table";
            file.report_type("each card", item, "a table", fix, out);
            continue;
        };
        let card = Fields::new(entries, item.span(), "this card", text);
        let (read, id) = read_card(&card, out);
        if let Some(id) = id {
            // A cloze entry's cards have ids of their own (`ID-c1`...), each checked.
            let ids: Vec<&CardId> = match read.as_slice() {
                [] => vec![id.get_ref()],
                cards => cards.iter().map(|card| &card.id).collect(),
            };
            for card_id in ids {
                if let Some(line) = first_use.get(card_id) {
                    let problem = rules::duplicate_card(card_id.as_str(), *line);
                    out.report(id.span(), problem.message, problem.fix);
                } else {
                    let (line, _) = locator.locate(id.span().start);
                    first_use.insert(card_id.clone(), line);
                }
            }
        }
        cards.extend(read);
    }
    cards
}

/// Reads one card (a cloze entry: one card per deletion number), and its id on its own so
/// that ids are checked for duplicates even when something else in the card is wrong.
fn read_card(card: &Fields, out: &mut Diagnostics) -> (Vec<Card>, Option<Spanned<CardId>>) {
    let id = card.id(CardId::parse, out);
    let kind_name = read_kind_name(card, out);
    let mut allowed = COMMON_KEYS.to_vec();
    match kind_name.and_then(kind_keys) {
        Some(keys) => allowed.extend(keys),
        // Without a known kind, a key is only wrong when no kind takes it.
        None => allowed.extend(KINDS.iter().flat_map(|(_, keys)| keys.iter())),
    }
    if kind_name == Some("cloze") {
        allowed.retain(|key| *key != "prompt");
    }
    let misplaced = |key: &str| kind_name.and_then(|kind| misplaced_key(kind, key));
    card.reject_unknown_keys(&allowed, &misplaced, out);
    let tags = card.text_list("tags", "a topic tag, e.g. \"date\" or \"actor\"", out);
    let explanation = card.optional_text("explanation", "what to show after answering", out);
    let source = card.optional_text("source", "where in the source the fact stands", out);
    if kind_name == Some("cloze") {
        let cards = read_cloze(card, id.as_ref(), tags, explanation, source, out);
        return (cards, id);
    }

    let prompt = card.required_text("prompt", "the question the card asks", out);
    let kind = kind_name.and_then(|kind| read_kind(kind, card, out));
    let read = || {
        Some(Card {
            id: id.clone()?.into_inner(),
            prompt: prompt?.into_inner(),
            kind: kind?,
            tags: tags?.into_iter().map(Spanned::into_inner).collect(),
            explanation,
            source,
        })
    };
    (read().into_iter().collect(), id)
}

/// The cards of a cloze entry, one per deletion number of its `text`.
fn read_cloze(
    card: &Fields,
    id: Option<&Spanned<CardId>>,
    tags: Option<Vec<Spanned<String>>>,
    explanation: Option<String>,
    source: Option<String>,
    out: &mut Diagnostics,
) -> Vec<Card> {
    let about = "the sentence, with the words to hide as {{c1::…}}";
    let text = card.required_text("text", about, out);
    let (Some(id), Some(text), Some(tags)) = (id, text, tags) else {
        return Vec::new();
    };
    let tags: Vec<String> = tags.into_iter().map(Spanned::into_inner).collect();
    let cards = cloze::cards(
        id.get_ref(),
        text.get_ref(),
        &tags,
        explanation.as_deref(),
        source.as_deref(),
    );
    cards.unwrap_or_else(|problem| {
        // The string's opening quote, then the offset into its text (exact when the text
        // has no escapes before the problem; otherwise at the start of the value).
        let start = text.span().start;
        let raw = card.raw(text.span());
        let at = if raw
            .get(1..)
            .is_some_and(|inner| inner.starts_with(&text.get_ref()[..problem.offset]))
        {
            start + 1 + problem.offset
        } else {
            start
        };
        out.report(at..at, problem.problem.message, problem.problem.fix);
        Vec::new()
    })
}

/// The card's kind, as one of the names in `KINDS`.
fn read_kind_name(card: &Fields, out: &mut Diagnostics) -> Option<&'static str> {
    let names = rules::kind_names();
    let Some(value) = card.get("kind") else {
        card.report_missing("kind", format!("add kind = \"…\", one of {names}"), out);
        return None;
    };
    let DeValue::String(written) = value.get_ref() else {
        let fix = format!("write one of {names}, in quotes");
        card.report_type("\"kind\"", value, "a string", fix, out);
        return None;
    };
    if let Some(name) = rules::known_kind(written) {
        return Some(name);
    }
    let problem = rules::unknown_kind(written);
    out.report(value.span(), problem.message, problem.fix);
    None
}

/// Explains a key that another kind takes but `kind` does not, as `(message, fix)`.
fn misplaced_key(kind: &str, key: &str) -> Option<(String, String)> {
    if (kind, key) == ("cloze", "prompt") {
        let problem = rules::cloze_prompt();
        return Some((problem.message, problem.fix));
    }
    let takers = rules::kinds_taking(key);
    if takers.is_empty() {
        return None;
    }
    let message = rules::not_a_field_of(kind, key);
    let fix = match (kind, key) {
        ("multi", "answer") => "a multi card lists what must be picked: answers = [\"…\"]".into(),
        (_, "answers") => {
            "only multi cards take answers; use answer = \"…\" for one right answer".into()
        }
        (_, "shuffle") => rules::shuffle_without_choices("remove the line"),
        _ => format!(
            "remove it, or use a kind that takes it: {}",
            takers.join(", ")
        ),
    };
    Some((message, fix))
}
