//! One row of a spreadsheet: one card. Cells are read trimmed; an empty cell is a field left
//! out; lists are separated by `|`. The common cells are read here, the ones that depend on the
//! card's kind in [`super::kinds`].

use ::csv::StringRecord;

use super::header::{Columns, REQUIRED, Slot};
use super::{Found, cell};
use crate::questions::cloze;
use crate::questions::model::{Card, CardId};
use crate::questions::rules::{self, Problem};

/// Called with a column the header lacks and the kind of the card that needs it.
pub(super) type NeedColumn<'n> = dyn FnMut(&'static str, &'static str) + 'n;

/// A row's non-empty cells, by field.
pub(super) struct Row<'r> {
    columns: &'r Columns,
    line: usize,
    pub(super) cells: Vec<(&'static str, &'r str)>,
}

impl<'r> Row<'r> {
    /// The row at `line`, or `None` for a row of empty cells (spreadsheets export those). A
    /// value in a column without a name is reported here.
    pub(super) fn new(
        columns: &'r Columns,
        record: &'r StringRecord,
        line: usize,
        found: &mut Found,
    ) -> Option<Row<'r>> {
        let mut cells = Vec::new();
        let mut blank = true;
        for index in 0..record.len() {
            let text = cell(record, index);
            if text.is_empty() {
                continue;
            }
            blank = false;
            // Refused as in a TOML file: a NUL cannot be typed, so it is a damaged file, and
            // it would cut the text short in C-string consumers of an export.
            let slot = columns.slot(index);
            if text.contains('\0') {
                let fix = "remove the NUL character (a damaged or binary file?)";
                let problem = Problem::new("a NUL character in the cell", fix);
                let place = match slot {
                    Slot::Field(name) => name.to_string(),
                    _ => format!("column {}", index + 1),
                };
                found.report(line, &place, problem);
            }
            match slot {
                Slot::Field(name) => cells.push((name, text)),
                Slot::Ignored => {}
                Slot::Unnamed => {
                    let fix = "name the column in the header, or empty the cell";
                    let problem = Problem::new("a value in a column with no name", fix);
                    found.report(line, &format!("column {}", index + 1), problem);
                }
            }
        }
        (!blank).then_some(Row {
            columns,
            line,
            cells,
        })
    }

    pub(super) fn get(&self, field: &str) -> Option<&'r str> {
        self.cells
            .iter()
            .find(|(name, _)| *name == field)
            .map(|(_, text)| *text)
    }

    pub(super) fn report(&self, found: &mut Found, field: &str, problem: Problem) {
        found.report(self.line, field, problem);
    }

    /// The card, if the row has no problem, and its id on its own (if valid) so that ids are
    /// checked for duplicates even when something else in the row is wrong. A cloze row gives
    /// one card per deletion number.
    pub(super) fn read_card(
        &self,
        found: &mut Found,
        need: &mut NeedColumn<'_>,
    ) -> (Vec<Card>, Option<CardId>) {
        let id = self.id(found);
        let kind_name = self.kind(found);
        if kind_name == Some("cloze") {
            return (self.read_cloze(id.as_ref(), found, need), id);
        }
        let prompt = self.required("prompt", "the question the card asks", "", found, need);
        let kind = kind_name.and_then(|kind| self.read_kind(kind, found, need));
        let tags = self.list("tags", found);
        let card = (|| {
            Some(Card {
                id: id.clone()?,
                prompt: prompt?.to_string(),
                kind: kind?,
                tags: tags?.into_iter().map(str::to_string).collect(),
                explanation: self.get("explanation").map(str::to_string),
                source: self.get("source").map(str::to_string),
            })
        })();
        (card.into_iter().collect(), id)
    }

    /// The cards of a cloze row: its `text` cell, one card per deletion number.
    fn read_cloze(
        &self,
        id: Option<&CardId>,
        found: &mut Found,
        need: &mut NeedColumn<'_>,
    ) -> Vec<Card> {
        if self.get("prompt").is_some() {
            self.report(found, "prompt", rules::cloze_prompt());
        }
        // Reports the cells a cloze card does not take.
        let _ = self.read_kind("cloze", found, need);
        let about = "the sentence, with the words to hide as {{c1::…}},";
        let text = self.required("text", about, "cloze", found, need);
        let tags = self.list("tags", found);
        let (Some(id), Some(text), Some(tags)) = (id, text, tags) else {
            return Vec::new();
        };
        let tags: Vec<String> = tags.into_iter().map(str::to_string).collect();
        let explanation = self.get("explanation");
        cloze::cards(id, text, &tags, explanation, self.get("source")).unwrap_or_else(|problem| {
            self.report(found, "text", problem.problem);
            Vec::new()
        })
    }

    fn id(&self, found: &mut Found) -> Option<CardId> {
        let about = "an id made of a-z, 0-9 and '-' (progress is tied to it)";
        let text = self.required("id", about, "", found, &mut |_, _| {})?;
        CardId::parse(text)
            .map_err(|error| {
                let slug = rules::slug(text);
                let example = if slug.is_empty() || slug == text {
                    "kim-visit"
                } else {
                    &slug
                };
                let fix = format!("use 1 to 64 of a-z, 0-9 and '-', e.g. {example}");
                self.report(
                    found,
                    "id",
                    Problem::new(format!("bad id \"{text}\": {error}"), fix),
                );
            })
            .ok()
    }

    /// The kind, as its name in `KINDS`; written in any case (spreadsheets capitalise).
    fn kind(&self, found: &mut Found) -> Option<&'static str> {
        let about = format!("one of {}", rules::kind_names());
        let written = self.required("kind", &about, "", found, &mut |_, _| {})?;
        let kind = rules::known_kind(&written.to_lowercase());
        if kind.is_none() {
            self.report(found, "kind", rules::unknown_kind(written));
        }
        kind
    }

    /// A required cell. A missing one is reported on this row when the header has the column;
    /// otherwise the header's lack is reported once (`need`, or the missing required column).
    pub(super) fn required(
        &self,
        field: &'static str,
        about: &str,
        kind: &'static str,
        found: &mut Found,
        need: &mut NeedColumn<'_>,
    ) -> Option<&'r str> {
        let text = self.get(field);
        if text.is_none() {
            if self.columns.has(field) {
                let card = if kind.is_empty() {
                    "this card".to_string()
                } else {
                    format!("this {kind} card")
                };
                let message = format!("{card} has no {field}");
                let fix = format!("write {about} in the {field} column");
                self.report(found, field, Problem::new(message, fix));
            } else if !REQUIRED.contains(&field) {
                need(field, kind);
            }
        }
        text
    }

    /// A list cell split at `|`; absent is empty. An empty item (`a||b`, `a|`) is reported.
    pub(super) fn list(&self, field: &'static str, found: &mut Found) -> Option<Vec<&'r str>> {
        let Some(text) = self.get(field) else {
            return Some(Vec::new());
        };
        let items: Vec<&str> = text.split('|').map(str::trim).collect();
        if items.iter().any(|item| item.is_empty()) {
            let message = format!("\"{field}\" has an empty item");
            let fix = "remove the extra |: items are separated by a single |";
            self.report(found, field, Problem::new(message, fix));
            return None;
        }
        Some(items)
    }
}
