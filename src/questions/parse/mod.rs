//! The question-set file format, v1 (TOML): parsing a file's text into a `QuestionSet`,
//! checking every rule of the format, and writing a set back out.
//!
//! The file is parsed into toml's spanned document tree and walked by hand, rather than
//! deserialized with serde, so that checking goes on past the first problem: every problem
//! in a file is reported at once, each at the line and column of the key or value at fault.
//! The format itself is documented in `questions/README.md`.

mod cards;
mod diagnostic;
mod fields;
mod file;
mod kinds;
mod syntax;
mod write;

#[cfg(test)]
mod tests;

use toml::de::{DeTable, DeValue};

pub use diagnostic::Diagnostic;
pub(crate) use diagnostic::line_and_column;
pub use file::{SetFileErrors, load_set_file};
pub(crate) use write::{comment, quote};
pub use write::{to_toml, to_toml_with_notes};

use crate::questions::model::{QuestionSet, SetId};
use diagnostic::Diagnostics;
use fields::Fields;

/// The keys of the `[set]` table.
const SET_KEYS: [&str; 4] = ["id", "title", "description", "source"];

/// Parses and checks a whole set file's text. `Err` holds every problem, in file order.
pub fn parse_set(text: &str) -> Result<QuestionSet, Vec<Diagnostic>> {
    let mut out = Diagnostics::default();
    let (document, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        // What the parser recovered is a guess; checking it would report problems the
        // author never wrote.
        syntax::report_syntax_errors(&syntax_errors, text, &mut out);
        return Err(out.finish(text));
    }
    let file = Fields::new(document.get_ref(), 0..0, "the file", text);
    file.reject_unknown_keys(&["set", "cards"], &outside_any_table, &mut out);
    let header = read_set_header(&file, text, &mut out);
    let cards = cards::read_cards(&file, text, &mut out);
    match header {
        Some(header) if out.is_empty() => Ok(QuestionSet {
            id: header.id,
            title: header.title,
            description: header.description,
            source: header.source,
            cards,
        }),
        _ => {
            let diagnostics = out.finish(text);
            debug_assert!(
                !diagnostics.is_empty(),
                "a set was refused without a reason"
            );
            Err(diagnostics)
        }
    }
}

/// The `[set]` table's fields.
struct SetHeader {
    id: SetId,
    title: String,
    description: Option<String>,
    source: Option<String>,
}

fn read_set_header(file: &Fields, text: &str, out: &mut Diagnostics) -> Option<SetHeader> {
    let Some(value) = file.get("set") else {
        let fix = "start the file with a [set] table holding its id and title";
        out.report(file.header.clone(), "the file has no [set] table", fix);
        return None;
    };
    let DeValue::Table(entries) = value.get_ref() else {
        let fix = "write a [set] header, then id = \"…\" and title = \"…\" below it";
        file.report_type("\"set\"", value, "a table", fix, out);
        return None;
    };
    let set = Fields::new(entries, value.span(), "[set]", text);
    set.reject_unknown_keys(&SET_KEYS, &belongs_to_a_card, out);
    let id = set.id(SetId::parse, out);
    let title = set.required_text("title", "the set's name, as students see it", out);
    let description = set.optional_text("description", "what the set covers", out);
    let source = set.optional_text("source", "what the cards are built from", out);
    Some(SetHeader {
        id: id?.into_inner(),
        title: title?.into_inner(),
        description,
        source,
    })
}

/// Explains a key of `[set]` or of a card written above every header.
fn outside_any_table(key: &str) -> Option<(String, String)> {
    let known = SET_KEYS.contains(&key) || is_card_key(key);
    known.then(|| {
        let message = format!("\"{key}\" stands outside any table");
        (
            message,
            "move it below the [set] or a [[cards]] header".to_string(),
        )
    })
}

/// Explains a card's key written in `[set]`.
fn belongs_to_a_card(key: &str) -> Option<(String, String)> {
    is_card_key(key).then(|| {
        let message = format!("\"{key}\" belongs to a card, not to [set]");
        (message, "move it below a [[cards]] header".to_string())
    })
}

fn is_card_key(key: &str) -> bool {
    cards::COMMON_KEYS.contains(&key) || kinds::KINDS.iter().any(|(_, keys)| keys.contains(&key))
}
