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
                DraftKind::Number { answer } => (
                    CardKind::Number {
                        answer: *answer,
                        tolerance: 0.0,
                    },
                    "number",
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

/// A draft as the instructor kept it on the drafts page, edited or not: its fields as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditedDraft {
    /// `date`, `text` or `recall`.
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
    let mut counts = std::collections::HashMap::new();
    for draft in drafts {
        let name = match draft.kind.as_str() {
            "date" => "date",
            "text" => "who",
            "number" => "number",
            _ => "why",
        };
        let count = counts.entry((draft.paragraph, name)).or_insert(0);
        *count += 1;
        // A number is written bare when it reads as one, so that the checker, not this, says
        // what is wrong with an edit that does not.
        let answer = match (name, draft.answer.parse::<f64>()) {
            ("number", Ok(number)) if number.is_finite() => number.to_string(),
            _ => quote(&draft.answer),
        };
        file.push_str(&format!(
            "\n[[cards]]\nid = {}\nkind = {}\nprompt = {}\nanswer = {answer}\n",
            quote(&format!("p{}-{name}-{count}", draft.paragraph)),
            quote(&draft.kind),
            quote(&draft.prompt),
        ));
        let accept: Vec<String> = draft.accept.iter().map(|form| quote(form)).collect();
        if !accept.is_empty() && draft.kind == "text" {
            file.push_str(&format!("accept = [{}]\n", accept.join(", ")));
        }
        file.push_str(&format!(
            "tags = [{}]\nsource = {}\n",
            quote(name),
            quote(&format!("paragraph {}", draft.paragraph))
        ));
    }
    file
}
