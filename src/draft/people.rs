//! Drafts for the people no other draft asks about: a person who never acts as a sentence's
//! subject ("Stalin endorsed Kim’s war plan", "Dean Acheson’s speech") is still someone a
//! student should know. Each is asked once, from the first sentence where the name stands
//! with an act: "Whose war plan was it that Stalin endorsed ...?" where the sentence reads as
//! "Subject verbed X’s thing ...", else the sentence with the name blanked.

use super::cards::{Draft, DraftKind, gap_prompt};
use super::clauses::Clause;
use super::names::{Names, acting};
use super::paragraphs::Paragraph;

/// Words that end the thing a possessive names ("Kim’s war plan in the middle of ...").
const ENDS_A_THING: &[&str] = &[
    "in", "at", "on", "to", "for", "from", "by", "with", "during", "after", "before", "and",
    "that", "which", "while", "as", "of",
];

/// A draft for each person the text names whom no actor draft in `drafts` answers.
pub fn people_drafts(
    paragraphs: &[Paragraph],
    drafts: &[Draft],
    subjects: &[String],
    names: &mut Names,
) -> Vec<Draft> {
    let answered: Vec<String> = drafts
        .iter()
        .filter_map(|draft| match &draft.kind {
            DraftKind::Actor { answer, accept } => {
                Some(std::iter::once(answer).chain(accept).cloned())
            }
            _ => None,
        })
        .flatten()
        .collect();
    let mut found = Vec::new();
    for person in names.people(paragraphs, subjects) {
        // "Lucius Clay" is asked where "General Lucius Clay" is.
        if answered
            .iter()
            .any(|answer| answer == &person || answer.ends_with(&format!(" {person}")))
        {
            continue;
        }
        let (answer, accept) = names.answer_and_variants(&person);
        // The full name first: "Kim Il Sung" is found before "Kim" where both are written.
        let forms: Vec<String> = std::iter::once(person.clone())
            .chain(accept.iter().cloned())
            .collect();
        let asked = whose(paragraphs, &forms).or_else(|| gap(paragraphs, &forms));
        if let Some((paragraph, sentence, prompt)) = asked {
            found.push(Draft {
                paragraph,
                sentence,
                prompt,
                kind: DraftKind::Actor { answer, accept },
            });
        }
    }
    found
}

/// "Stalin endorsed Kim’s war plan in ..." -> "Whose war plan was it that Stalin endorsed
/// in ...?", from the first sentence that reads so.
fn whose(paragraphs: &[Paragraph], forms: &[String]) -> Option<(u32, String, String)> {
    for paragraph in paragraphs {
        for sentence in paragraph.sentences() {
            let clause = Clause::read(sentence, None).or_else(|| {
                let (_, after) = sentence.split_once(" that ")?;
                Clause::read(after, None)
            });
            let Some(clause) = clause else { continue };
            // The name must not be the asker too ("Kim endorsed Kim’s plan").
            if forms
                .iter()
                .any(|form| clause.subject.contains(form.as_str()))
            {
                continue;
            }
            let Some(rest) = forms.iter().find_map(|form| {
                clause
                    .rest
                    .strip_prefix(form.as_str())?
                    .strip_prefix("’s ")
                    .or_else(|| clause.rest.strip_prefix(form.as_str())?.strip_prefix("'s "))
            }) else {
                continue;
            };
            let words: Vec<&str> = rest.split(' ').collect();
            let end = words
                .iter()
                .position(|word| ENDS_A_THING.contains(word))
                .unwrap_or(words.len());
            if end == 0 || words[..end].iter().any(|word| word.contains(',')) {
                continue;
            }
            let thing = words[..end].join(" ");
            let after = words[end..].join(" ");
            let asked = Clause {
                rest: after.clone(),
                ..clause.clone()
            };
            // "When did Stalin endorse in ...?" turned into "Whose war plan did Stalin endorse
            // in ...?": the clause's own question, its object moved to the front.
            let question = asked.when();
            let question = question.strip_prefix("When ")?;
            let question = question.replacen(" ?", "?", 1);
            let prompt = format!("Whose {thing} {question}");
            if forms.iter().any(|form| prompt.contains(form.as_str())) {
                continue;
            }
            return Some((paragraph.number, sentence.to_string(), prompt));
        }
    }
    None
}

/// The first sentence where the name stands with an act, the name blanked.
fn gap(paragraphs: &[Paragraph], forms: &[String]) -> Option<(u32, String, String)> {
    for paragraph in paragraphs {
        for sentence in paragraph.sentences() {
            let Some((start, end)) = acting(sentence, forms) else {
                continue;
            };
            let prompt = gap_prompt("name", sentence, start..end);
            // Another mention would give the answer away.
            if forms.iter().any(|form| prompt.contains(form.as_str())) {
                continue;
            }
            return Some((paragraph.number, sentence.to_string(), prompt));
        }
    }
    None
}
