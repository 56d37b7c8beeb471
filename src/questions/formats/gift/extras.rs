//! What GIFT cannot say about a set studyhall wrote, kept in comments the reader takes back,
//! so that a set exported as GIFT imports again as the same cards. Moodle skips them.
//!
//! - `// studyhall set: { title = "…", description = "…", source = "…" }` at the top;
//! - `// studyhall: { kind = "date", tags = ["a"], source = "paragraph 3", shuffle = false }`
//!   right above a question: `kind` is `date` (the question's ISO answer is the date),
//!   `cloze` (with `text`, the whole sentence; the question's name `ID-cN` says the deletion)
//!   or `recall`, whose question follows as comment lines (GIFT has no self-graded question,
//!   so Moodle sees only a comment).
//!
//! The comment's value is a TOML inline table, as the set format writes values.

use serde::Deserialize;

use crate::questions::cloze;
use crate::questions::model::{Card, CardKind, PartialDate};
use crate::questions::parse::quote;
use crate::questions::rules::Problem;

/// The comment above a question.
pub(super) const CARD: &str = "studyhall:";
/// The comment about the whole set.
pub(super) const SET: &str = "studyhall set:";

/// A card's extras.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CardExtras {
    kind: Option<Kind>,
    /// A cloze card's sentence, with its deletions.
    text: Option<String>,
    shuffle: Option<bool>,
    source: Option<String>,
    #[serde(default)]
    pub(super) tags: Vec<String>,
}

/// The kinds GIFT writes as another question (or as a comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Date,
    Cloze,
    Recall,
}

impl CardExtras {
    /// Whether the question below is written as comment lines.
    pub(super) fn is_recall(&self) -> bool {
        self.kind == Some(Kind::Recall)
    }
}

/// The set's extras.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SetExtras {
    pub(super) title: Option<String>,
    pub(super) description: Option<String>,
    pub(super) source: Option<String>,
}

/// Reads a comment's inline table; on a problem, its message and the byte in `table` where
/// it is.
pub(super) fn parse<T: for<'de> Deserialize<'de>>(table: &str) -> Result<T, (usize, String)> {
    const KEY: &str = "extras = ";
    #[derive(Deserialize)]
    struct Wrapper<T> {
        extras: T,
    }
    toml::from_str::<Wrapper<T>>(&format!("{KEY}{table}"))
        .map(|wrapper| wrapper.extras)
        .map_err(|error| {
            let at = error
                .span()
                .map_or(0, |span| span.start.saturating_sub(KEY.len()));
            (at.min(table.len()), error.message().trim().to_string())
        })
}

/// The fix for a comment that does not read.
pub(super) const FIX: &str = "write it as studyhall does, e.g. // studyhall: { kind = \"date\", \
                              source = \"paragraph 3\" }, or delete the line";

/// `card`, read from the question below `extras`, as the card studyhall wrote.
pub(super) fn apply(mut card: Card, extras: &CardExtras) -> Result<Card, Problem> {
    if let Some(source) = &extras.source {
        card.source = Some(source.clone());
    }
    if extras.shuffle == Some(false) {
        match &mut card.kind {
            CardKind::Choice { shuffle, .. } | CardKind::Multi { shuffle, .. } => *shuffle = false,
            _ => {}
        }
    }
    let Some(kind) = extras.kind else {
        return Ok(card);
    };
    let CardKind::Text { answer, accept } = &card.kind else {
        return Err(Problem::new(
            format!(
                "the comment says a {} card, but the question below is not a short answer",
                kind.name()
            ),
            "give the question = answers only, as studyhall wrote it, or delete the comment",
        ));
    };
    card.kind = match kind {
        Kind::Recall => CardKind::Recall {
            answer: answer.clone(),
        },
        Kind::Date => {
            let date = std::iter::once(answer)
                .chain(accept)
                .find_map(|written| PartialDate::parse_iso(written.trim()).ok())
                .ok_or_else(|| {
                    Problem::new(
                        "the comment says a date card, but no answer of the question is a date \
                         written 1950-06-25, 1950-06 or 1950",
                        "add the date as an answer, e.g. =1950-06-25",
                    )
                })?;
            CardKind::Date { answer: date }
        }
        Kind::Cloze => return cloze_card(card, extras),
    };
    Ok(card)
}

/// The cloze card `card` (named `BASE-cN`) is, from the sentence the comment holds.
fn cloze_card(card: Card, extras: &CardExtras) -> Result<Card, Problem> {
    let Some(text) = &extras.text else {
        return Err(Problem::new(
            "the comment says a cloze card but gives no text",
            "add the sentence with its deletions: text = \"Signed in {{c1::1950}}.\"",
        ));
    };
    let Some((base, _)) = cloze::split_card_id(&card.id) else {
        return Err(Problem::new(
            format!(
                "a cloze card's question is named ID-cN, not {:?}",
                card.id.as_str()
            ),
            "name it after the deletion it asks, e.g. ::treaty-c1::",
        ));
    };
    let cards = cloze::cards(
        &base,
        text,
        &card.tags,
        card.explanation.as_deref(),
        card.source.as_deref(),
    )
    .map_err(|problem| problem.problem)?;
    cards
        .into_iter()
        .find(|made| made.id == card.id)
        .ok_or_else(|| {
            Problem::new(
                format!("the comment's text has no deletion for {}", card.id),
                "name the question after a deletion of the text, e.g. ::treaty-c1::",
            )
        })
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Cloze => "cloze",
            Kind::Recall => "recall",
        }
    }
}

/// The comment above `card`'s question, when GIFT loses something of it.
pub(super) fn card_comment(card: &Card) -> Option<String> {
    let mut fields = Vec::new();
    match &card.kind {
        CardKind::Date { .. } => fields.push(r#"kind = "date""#.to_string()),
        CardKind::Recall { .. } => fields.push(r#"kind = "recall""#.to_string()),
        CardKind::Cloze { text, .. } => {
            fields.push(r#"kind = "cloze""#.to_string());
            fields.push(format!("text = {}", quote(text)));
        }
        CardKind::Choice { shuffle: false, .. } | CardKind::Multi { shuffle: false, .. } => {
            fields.push("shuffle = false".to_string());
        }
        _ => {}
    }
    if let Some(source) = &card.source {
        fields.push(format!("source = {}", quote(source)));
    }
    if !card.tags.is_empty() {
        let tags: Vec<String> = card.tags.iter().map(|tag| quote(tag)).collect();
        fields.push(format!("tags = [{}]", tags.join(", ")));
    }
    (!fields.is_empty()).then(|| format!("{CARD} {{ {} }}", fields.join(", ")))
}

/// The comment about the set: its title, description and source.
pub(super) fn set_comment(title: &str, description: Option<&str>, source: Option<&str>) -> String {
    let mut fields = vec![format!("title = {}", quote(title))];
    if let Some(description) = description {
        fields.push(format!("description = {}", quote(description)));
    }
    if let Some(source) = source {
        fields.push(format!("source = {}", quote(source)));
    }
    format!("{SET} {{ {} }}", fields.join(", "))
}
