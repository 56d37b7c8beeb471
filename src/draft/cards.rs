//! Drafts from the paragraphs: a date card for every date written, a "who" card for every named
//! actor who does something, a "why" card for every reason given.

use std::collections::HashSet;

use crate::questions::PartialDate;

use super::clauses::{
    Clause, clauses_of, cut_at_second_clause, is_past_verb, is_time_phrase, starts_a_clause,
    subject_of,
};
use super::dates::{FoundDate, find_dates};
use super::names::Names;
use super::numbers::find_numbers;
use super::paragraphs::Paragraph;
use super::people::people_drafts;
use super::reasons::reason_in;

/// One drafted card, with where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub paragraph: u32,
    /// The sentence it was drafted from, as written.
    pub sentence: String,
    pub prompt: String,
    pub kind: DraftKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DraftKind {
    /// A `date` card at the precision written; `inferred_year` when the year came from an
    /// earlier date.
    Date {
        answer: PartialDate,
        inferred_year: bool,
    },
    /// A `text` card naming who did something, with the name's shorter forms accepted.
    Actor { answer: String, accept: Vec<String> },
    /// A `recall` card: a reason the text gives.
    Reason { answer: String },
    /// A `number` card: a number the text gives, its unit left in the prompt.
    Number { answer: f64 },
}

impl Draft {
    /// The card's kind as the set file names it, its answer as the file writes it, and the
    /// other forms it accepts.
    pub fn fields(&self) -> (&'static str, String, Vec<String>) {
        match &self.kind {
            DraftKind::Date { answer, .. } => ("date", answer.to_string(), Vec::new()),
            DraftKind::Actor { answer, accept } => ("text", answer.clone(), accept.clone()),
            DraftKind::Reason { answer } => ("recall", answer.clone(), Vec::new()),
            DraftKind::Number { answer } => ("number", answer.to_string(), Vec::new()),
        }
    }

    /// Lower comes first: questions built from the event before sentences with a gap, then the
    /// shorter.
    fn rank(&self) -> usize {
        let gap = usize::from(self.prompt.contains(GAP));
        gap * 10_000 + self.prompt.len()
    }
}

/// Every draft of the text, paragraph by paragraph, the best first within each.
pub fn draft_cards(paragraphs: &[Paragraph]) -> Vec<Draft> {
    let mut names = Names::new(paragraphs);
    let mut drafts = Vec::new();
    let mut asked = HashSet::new();
    let mut last_year = None;
    let mut numbers_asked = HashSet::new();
    // The last sentences read, for a reason that points back at them ("This was the reason").
    // Within a paragraph, the sentences before; at its start, the previous paragraph's last.
    let mut before: Vec<(u32, &str)> = Vec::new();
    let mut subjects: Vec<String> = Vec::new();
    // The sentence before without its dates, for "He did so because ...".
    let mut previous_event: Option<String> = None;
    for paragraph in paragraphs {
        let mut in_paragraph = Vec::new();
        let mut previous_subject: Option<String> = None;
        for sentence in paragraph.sentences() {
            let dates = find_dates(sentence, &mut last_year);
            let previous = previous_subject.as_deref();
            let without_dates = remove_dates(sentence, &dates);
            let sentence_subject = subject_of(&without_dates, previous);
            let clauses = clauses_of(sentence);
            for date in &dates {
                in_paragraph.push(date_draft(
                    paragraph.number,
                    sentence,
                    &clauses,
                    (date, &dates),
                    (previous, sentence_subject.as_deref()),
                    &names,
                ));
            }
            let taken: Vec<(usize, usize)> =
                dates.iter().map(|date| (date.start, date.end)).collect();
            for number in find_numbers(sentence, &taken) {
                // "the 38th parallel" three times in a text is one fact.
                if !numbers_asked.insert((number.value.to_bits(), number.unit.clone())) {
                    continue;
                }
                in_paragraph.push(Draft {
                    paragraph: paragraph.number,
                    sentence: sentence.to_string(),
                    prompt: gap_prompt("number", sentence, number.start..number.end),
                    kind: DraftKind::Number {
                        answer: number.value,
                    },
                });
            }
            let said_before = (!before.is_empty()).then(|| {
                let sentences: Vec<&str> = before.iter().map(|(_, sentence)| *sentence).collect();
                sentences.join(" ")
            });
            let reason = reason_in(
                &without_dates,
                previous,
                said_before.as_deref(),
                previous_event.as_deref(),
            );
            // "What did Bevin want to do?" and "Who wanted to ...?" ask the same fact: what
            // was wanted is in both.
            let what_was_wanted = reason
                .as_ref()
                .filter(|reason| reason.prompt.starts_with("What"))
                .map(|reason| reason.answer.clone());
            if let Some(reason) = reason {
                in_paragraph.push(Draft {
                    paragraph: paragraph.number,
                    sentence: sentence.to_string(),
                    prompt: reason.prompt,
                    kind: DraftKind::Reason {
                        answer: reason.answer,
                    },
                });
            }
            for (index, (_, clause_text)) in clauses_of(&without_dates).into_iter().enumerate() {
                // "..., and he warned": he is who the sentence is about.
                let previous = match index {
                    0 => previous,
                    _ => sentence_subject.as_deref().or(previous),
                };
                let actor = actor_draft(
                    paragraph.number,
                    sentence,
                    clause_text,
                    previous,
                    &mut names,
                )
                .filter(|actor| {
                    !what_was_wanted
                        .as_ref()
                        .is_some_and(|wanted| actor.prompt.contains(wanted.as_str()))
                });
                in_paragraph.extend(actor);
                if let Some(clause) = Clause::read(clause_text, None)
                    && clause.subject_is_a_name()
                {
                    subjects.push(clause.subject);
                }
            }
            // "The boycott made King a national figure. In 1957 he ...": with no name for its
            // subject, the one person a sentence names is who "he" is next.
            previous_subject = sentence_subject
                .or_else(|| names.single_person_in(sentence))
                .or(previous_subject);
            previous_event = Some(without_dates.clone());
            before.retain(|(number, _)| *number == paragraph.number);
            before.push((paragraph.number, sentence));
            if before.len() > 2 {
                before.remove(0);
            }
        }
        in_paragraph.sort_by_key(Draft::rank);
        for mut draft in in_paragraph {
            // A gap prompt quotes its sentence; a question is not one.
            if !draft.prompt.contains(GAP) {
                draft.prompt = names.without_sentence_capitals(&draft.prompt);
            }
            // No two drafts ask the same thing.
            if asked.insert(draft.prompt.to_lowercase()) {
                drafts.push(draft);
            }
        }
    }
    // Every person the text names is asked about, also one who never acts as a subject.
    for draft in people_drafts(paragraphs, &drafts, &subjects, &mut names) {
        if asked.insert(draft.prompt.to_lowercase()) {
            let at = drafts.partition_point(|kept| kept.paragraph <= draft.paragraph);
            drafts.insert(at, draft);
        }
    }
    drafts
}

/// The blank a gap prompt shows where its answer stood.
pub(super) const GAP: &str = "____";

/// "Which WHAT fills the gap?" and `sentence` with `blank` (a byte range) as [`GAP`]: the
/// prompt when no question can be built from the sentence.
pub(super) fn gap_prompt(what: &str, sentence: &str, blank: std::ops::Range<usize>) -> String {
    format!(
        "Which {what} fills the gap? {}{GAP}{}",
        &sentence[..blank.start],
        &sentence[blank.end..]
    )
}

/// "When did ...?" where the clause holding the date reads as an event once the date is taken
/// out, else the sentence with the date blanked. `date` comes with all the sentence's dates:
/// with two dates or more in its clause ("from 1795 until 1799"), a question built from the
/// rest would hold the other date and blur which one is asked. A "he" stands for the previous
/// sentence's subject in the main clause, for this sentence's in a clause joined to it.
fn date_draft(
    paragraph: u32,
    sentence: &str,
    clauses: &[(usize, &str)],
    (date, dates): (&FoundDate, &[FoundDate]),
    (previous, sentence_subject): (Option<&str>, Option<&str>),
    names: &Names,
) -> Draft {
    let (clause_start, clause_text) = clause_holding(clauses, date.start);
    let previous = match clause_start {
        0 => previous,
        _ => sentence_subject.or(previous),
    };
    let clause_end = clause_start + clause_text.len();
    let in_clause = |found: &&FoundDate| found.start >= clause_start && found.end <= clause_end;
    // "The Wall Street Crash of October 1929 ended ...": a date naming something is no
    // event's; without it the name would read "the Crash of".
    let names_something = sentence[..date.start].trim_end().ends_with(" of")
        && !ends_with_a_time_of_day(&sentence[..date.start]);
    // "The UN adopted the treaty, which the United States had signed in January 1967": a date
    // in what the question leaves out (a relative clause, a reason) is not its event's.
    let in_what_is_asked = date.start < clause_start + cut_at_second_clause(clause_text).len();
    let as_event = dates.iter().filter(in_clause).count() == 1
        && in_clause(&date)
        && in_what_is_asked
        && !names_something;
    let in_clause_text = date.shifted_back(clause_start);
    let without = remove_dates(clause_text, std::slice::from_ref(&in_clause_text));
    let prompt = act_after_date(clause_text, &in_clause_text, previous)
        .or_else(|| Clause::read(&without, previous))
        .filter(|_| as_event)
        .map(|mut clause| {
            // "Ships stopped ..." -> "When did ships stop ...?": a common noun's capital was
            // only the sentence's. Only where the text writes it in lower case elsewhere: a
            // name written only at sentence starts ("Moscow") must keep its capital.
            clause.subject = names.as_mid_sentence(&clause.subject);
            clause.when()
        })
        .unwrap_or_else(|| gap_prompt("date", sentence, date.words_start..date.end));
    Draft {
        paragraph,
        sentence: sentence.to_string(),
        prompt,
        kind: DraftKind::Date {
            answer: date.date,
            inferred_year: date.inferred_year,
        },
    }
}

/// "Britain and France issued an ultimatum and, on 5 November, landed paratroopers": a date
/// between "and" and a second act is that act's, asked with the clause's subject ("When did
/// Britain and France land paratroopers ...?"), not the first act's.
fn act_after_date(clause_text: &str, date: &FoundDate, previous: Option<&str>) -> Option<Clause> {
    let before = clause_text[..date.start].trim_end().trim_end_matches(',');
    let first_act = before.strip_suffix(" and")?;
    let after = clause_text[date.end..].trim_start_matches(',').trim_start();
    let verb = after.split_whitespace().next()?;
    if !is_past_verb(verb) {
        return None;
    }
    let subject = Clause::read(first_act, previous)?.subject;
    Clause::read(&format!("{subject} {after}"), previous)
}

/// Whether the rest of a clause is a pronoun, and at most a few words after it ("them", "him
/// in every town").
fn object_is_a_pronoun(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.len() <= 4
        && words
            .first()
            .is_some_and(|first| matches!(*first, "him" | "her" | "them" | "it" | "us" | "me"))
}

/// The words that make a date a time of day: "on the night of 9 November".
const TIMES_OF_DAY: &[&str] = &[
    "on the night of",
    "on the morning of",
    "on the evening of",
    "on the afternoon of",
    "on the eve of",
    "the night of",
    "the morning of",
    "the evening of",
    "the afternoon of",
    "the eve of",
];

/// Whether `text` ends with [`TIMES_OF_DAY`] words, in any case.
fn ends_with_a_time_of_day(text: &str) -> bool {
    time_of_day_at_end(text).is_some()
}

/// Where the [`TIMES_OF_DAY`] words ending `text` start (the longest).
fn time_of_day_at_end(text: &str) -> Option<usize> {
    let trimmed = text.trim_end().as_bytes();
    TIMES_OF_DAY.iter().find_map(|words| {
        let at = trimmed.len().checked_sub(words.len())?;
        let whole_words = at == 0 || trimmed[at - 1] == b' ';
        (whole_words && trimmed[at..].eq_ignore_ascii_case(words.as_bytes())).then_some(at)
    })
}

/// The clause of a sentence that holds byte `at`, and where it starts.
fn clause_holding<'a>(clauses: &[(usize, &'a str)], at: usize) -> (usize, &'a str) {
    clauses
        .iter()
        .rev()
        .find(|(start, _)| *start <= at)
        .or(clauses.first())
        .copied()
        .unwrap_or((0, ""))
}

/// "Who verbed ...?" when the clause's subject is a name and the question does not name it.
fn actor_draft(
    paragraph: u32,
    sentence: &str,
    clause_text: &str,
    previous: Option<&str>,
    names: &mut Names,
) -> Option<Draft> {
    let clause = Clause::read(clause_text, previous)
        .filter(Clause::subject_is_a_name)
        .filter(|clause| names.is_a_name(clause.actor()))
        // "Who distrusted them?": with an object only a pronoun, the question says too little
        // to tell its act from the text's others. "Who abdicated?" says enough of a person;
        // "Who broke out?" (the Korean War) asks a thing as if it were one.
        .filter(|clause| !object_is_a_pronoun(&clause.rest))
        .filter(|clause| {
            // "The UN Charter came into force": only a thing does that.
            let no_object = matches!(
                clause.rest.as_str(),
                "" | "out"
                    | "up"
                    | "down"
                    | "off"
                    | "away"
                    | "over"
                    | "into force"
                    | "into effect"
                    | "effect"
                    | "into being"
            );
            !no_object || !clause.subject.to_lowercase().starts_with("the ")
        })?;
    let prompt = clause.who();
    let (answer, accept) = names.answer_and_variants(clause.actor());
    let lower_prompt = prompt.to_lowercase();
    let names_itself = std::iter::once(&answer)
        .chain(&accept)
        .any(|name| lower_prompt.contains(&name.to_lowercase()));
    if names_itself {
        return None;
    }
    Some(Draft {
        paragraph,
        sentence: sentence.to_string(),
        prompt,
        kind: DraftKind::Actor { answer, accept },
    })
}

/// Whether the comma after `date` only closes it, as US style writes a full date mid-sentence
/// ("NASA opened on October 1, 1958, with about 8,000 employees"), and joins no clause.
fn closes_a_us_date(sentence: &str, date: &FoundDate) -> bool {
    let Some(after) = sentence[date.end..].strip_prefix(", ") else {
        return false;
    };
    let next = after.split_whitespace().next().unwrap_or_default();
    let joins = matches!(
        next,
        "and" | "but" | "or" | "while" | "whereas" | "which" | "who" | "where" | "when"
    ) || starts_a_clause(after);
    sentence[date.words_start..date.end].contains(',') && !joins
}

/// What joins the two dates of a range ("from 1914 to 1918"), between them.
const RANGE_JOINS: &[&str] = &[" and ", " to ", "–", "-", " – "];

/// `sentence` without the dates (and the word leading into each), and without the commas that
/// set a date apart ("Stalin's lieutenants, on January 26, proposed" -> "... lieutenants
/// proposed").
fn remove_dates(sentence: &str, dates: &[FoundDate]) -> String {
    let mut text = String::with_capacity(sentence.len());
    let mut from = 0;
    for date in dates {
        let mut before = &sentence[from..date.start];
        // "between 1908 and 1927": the word joining a range goes with its dates.
        if from > 0 && RANGE_JOINS.contains(&before) {
            before = "";
        }
        // "seized the palace on the night of 7 November": the time of day goes with the date.
        if let Some(at) = time_of_day_at_end(before) {
            before = &before[..at];
        }
        let mut after_start = date.end;
        if closes_a_us_date(sentence, date) && !before.trim_end().ends_with(',') {
            after_start += 1;
        } else if before.trim_end().ends_with(',') && sentence[date.end..].starts_with(',') {
            // "Four days later, on December 5, local leaders": the opening time phrase keeps
            // its comma, so that it is still read as set apart.
            let opening_time =
                text.is_empty() && is_time_phrase(before.trim_end().trim_end_matches(','));
            if !opening_time {
                before = before.trim_end().trim_end_matches(',');
            }
            after_start += 1;
        }
        text.push_str(before);
        from = after_start;
    }
    text.push_str(&sentence[from..]);
    let text = text.trim().trim_start_matches(',').trim();
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",")
}
