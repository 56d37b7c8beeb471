//! The drafts as a set file of format v1: each card under its source sentence, as a comment.

use crate::questions::parse::to_toml_with_notes;
use crate::questions::{Card, CardId, CardKind, QuestionSet, SetId};

use super::cards::{Draft, DraftKind};

/// The set file `studyhall draft` writes: `check` accepts it as it is.
pub fn draft_set_file(drafts: &[Draft], id: SetId, title: &str, from: &str) -> String {
    let mut counts = std::collections::HashMap::new();
    let mut notes = Vec::new();
    let cards = drafts
        .iter()
        .map(|draft| {
            let (kind, name) = match &draft.kind {
                DraftKind::Date { answer, .. } => (CardKind::Date { answer: *answer }, "date"),
                DraftKind::Actor { answer, accept } => (
                    CardKind::Text {
                        answer: answer.clone(),
                        accept: accept.clone(),
                    },
                    "who",
                ),
                DraftKind::Reason { answer } => (
                    CardKind::Recall {
                        answer: answer.clone(),
                    },
                    "why",
                ),
            };
            let count = counts.entry((draft.paragraph, name)).or_insert(0);
            *count += 1;
            let id = format!("p{}-{name}-{count}", draft.paragraph);
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
                tags: vec![name.to_string()],
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
