//! The drafts as a set file of format v1: each card under its source sentence, as a comment.

use std::collections::HashMap;

use crate::questions::parse::to_toml_with_notes;
use crate::questions::{Card, CardId, CardKind, QuestionSet, SetId};

use super::cards::{Draft, DraftKind};

/// Card ids and tags for drafts: `p{paragraph}-{tag}-{n}`, numbered per paragraph and tag, and
/// the tag naming what the card asks (`date`, `who`, `why`, `number`).
#[derive(Default)]
struct CardIds {
    counts: HashMap<(u32, &'static str), u32>,
}

impl CardIds {
    /// The id and tag of the next draft of `kind` (as the set file names it) in `paragraph`.
    fn next(&mut self, paragraph: u32, kind: &str) -> (String, &'static str) {
        let tag = match kind {
            "date" => "date",
            "text" => "who",
            "number" => "number",
            _ => "why",
        };
        let count = self.counts.entry((paragraph, tag)).or_insert(0);
        *count += 1;
        (format!("p{paragraph}-{tag}-{count}"), tag)
    }
}

/// The set file `studyhall draft` writes: `check` accepts it as it is.
pub fn draft_set_file(drafts: &[Draft], id: SetId, title: &str, from: &str) -> String {
    let mut ids = CardIds::default();
    let mut notes = Vec::new();
    let cards = drafts
        .iter()
        .map(|draft| {
            let kind = match &draft.kind {
                DraftKind::Date { answer, .. } => CardKind::Date { answer: *answer },
                DraftKind::Actor { answer, accept } => CardKind::Text {
                    answer: answer.clone(),
                    accept: accept.clone(),
                },
                DraftKind::Reason { answer } => CardKind::Recall {
                    answer: answer.clone(),
                },
                DraftKind::Number { answer } => CardKind::Number {
                    answer: *answer,
                    tolerance: 0.0,
                },
            };
            let (id, tag) = ids.next(draft.paragraph, kind.name());
            let mut note = vec![format!("From: {}", draft.sentence)];
            if let DraftKind::Date {
                inferred_year: true,
                ..
            } = draft.kind
            {
                note.push("The year is not in the sentence: it comes from an earlier date.".into());
            }
            notes.push(note);
            Card {
                id: CardId::parse(&id).expect("a drafted id is a valid id"),
                prompt: draft.prompt.clone(),
                kind,
                tags: vec![tag.to_string()],
                explanation: None,
                source: Some(format!("paragraph {}", draft.paragraph)),
            }
        })
        .collect();
    let set = QuestionSet {
        id,
        title: title.to_string(),
        description: None,
        source: Some(from.to_string()),
        cards,
    };
    format!(
        "# Drafted by `studyhall draft` from {from}: every card is a draft. Keep, edit or drop\n\
         # each one (its source sentence is above it), then check and publish the file.\n\n{}",
        to_toml_with_notes(&set, &notes)
    )
}

/// A draft as the instructor kept it on the drafts page, edited or not: its fields as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditedDraft {
    /// `date`, `text`, `recall` or `number`.
    pub kind: String,
    pub prompt: String,
    /// As the set file writes it: a date as YYYY-MM-DD, YYYY-MM or YYYY.
    pub answer: String,
    pub accept: Vec<String>,
    pub paragraph: u32,
}

/// The kept drafts as a set file, written field by field as typed (an edit that breaks a rule
/// is then found by the checker, at its line, like any other upload).
pub fn edited_set_file(id: &str, title: &str, drafts: &[EditedDraft]) -> String {
    use crate::questions::parse::quote;
    let mut file = format!("[set]\nid = {}\ntitle = {}\n", quote(id), quote(title));
    let mut ids = CardIds::default();
    for draft in drafts {
        let (id, tag) = ids.next(draft.paragraph, &draft.kind);
        // A number is written bare when it reads as one, so that the checker, not this, says
        // what is wrong with an edit that does not.
        let answer = match (tag, draft.answer.parse::<f64>()) {
            ("number", Ok(number)) if number.is_finite() => number.to_string(),
            _ => quote(&draft.answer),
        };
        file.push_str(&format!(
            "\n[[cards]]\nid = {}\nkind = {}\nprompt = {}\nanswer = {answer}\n",
            quote(&id),
            quote(&draft.kind),
            quote(&draft.prompt),
        ));
        let accept: Vec<String> = draft.accept.iter().map(|form| quote(form)).collect();
        if !accept.is_empty() && draft.kind == "text" {
            file.push_str(&format!("accept = [{}]\n", accept.join(", ")));
        }
        file.push_str(&format!(
            "tags = [{}]\nsource = {}\n",
            quote(tag),
            quote(&format!("paragraph {}", draft.paragraph))
        ));
    }
    file
}
