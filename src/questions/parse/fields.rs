//! Reading one table of a set file (`[set]` or a card) field by field. Each getter checks
//! the value's type and reports a located diagnostic instead of stopping, so one pass over
//! the file finds every problem. A getter returns `None` when the field is wrong or when a
//! required one is missing; a missing optional field is its default.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::Diagnostics;
use crate::questions::model::IdError;
use crate::questions::rules::slug;

pub(super) use crate::questions::rules::closest;

/// A value of the parsed document, with the byte span it was written at.
pub(super) type Value<'i> = Spanned<DeValue<'i>>;

/// One table of the file, read field by field.
pub(super) struct Fields<'t, 'i> {
    entries: &'t DeTable<'i>,
    /// Where the table starts (its `[header]`): a missing field is reported there.
    pub(super) header: Range<usize>,
    /// The table as a message names it: "[set]", "this card".
    name: &'static str,
    /// The file's text, to quote a mistyped value back in a fix.
    text: &'t str,
}

impl<'t, 'i> Fields<'t, 'i> {
    pub(super) fn new(
        entries: &'t DeTable<'i>,
        header: Range<usize>,
        name: &'static str,
        text: &'t str,
    ) -> Fields<'t, 'i> {
        Fields {
            entries,
            header,
            name,
            text,
        }
    }

    pub(super) fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        self.entries.get(key)
    }

    /// Reports every key not in `allowed`. `misplaced` may explain a key that belongs to
    /// another kind of table, as `(message, fix)`; other keys are unknown, with a guess at
    /// what was meant.
    pub(super) fn reject_unknown_keys(
        &self,
        allowed: &[&str],
        misplaced: &dyn Fn(&str) -> Option<(String, String)>,
        out: &mut Diagnostics,
    ) {
        for key in self.entries.keys() {
            if allowed.contains(&key.get_ref().as_ref()) {
                continue;
            }
            if let Some((message, fix)) = misplaced(key.get_ref()) {
                out.report(key.span(), message, fix);
                continue;
            }
            let fix = match closest(key.get_ref(), allowed.iter().copied()) {
                Some(guess) => format!("did you mean \"{guess}\"?"),
                None => format!("remove it; {} takes {}", self.name, allowed.join(", ")),
            };
            out.report(
                key.span(),
                format!("unknown key \"{}\"", key.get_ref()),
                fix,
            );
        }
    }

    /// Reports `key` as missing, at the table's header.
    pub(super) fn report_missing(&self, key: &str, fix: impl Into<String>, out: &mut Diagnostics) {
        let message = format!("{} has no \"{key}\"", self.name);
        out.report(self.header.clone(), message, fix);
    }

    /// A required, non-blank string; `about` says what it holds, e.g. "the question to ask".
    pub(super) fn required_text(
        &self,
        key: &str,
        about: &str,
        out: &mut Diagnostics,
    ) -> Option<Spanned<String>> {
        let Some(value) = self.get(key) else {
            self.report_missing(key, format!("add {key} = \"…\" with {about}"), out);
            return None;
        };
        self.text_value(&quoted(key), value, about, "", out)
    }

    /// An optional string; when given it must not be blank.
    pub(super) fn optional_text(
        &self,
        key: &str,
        about: &str,
        out: &mut Diagnostics,
    ) -> Option<String> {
        let value = self.get(key)?;
        let or_remove = ", or remove the line";
        self.text_value(&quoted(key), value, about, or_remove, out)
            .map(Spanned::into_inner)
    }

    /// An optional array of non-blank strings; absent is empty.
    pub(super) fn text_list(
        &self,
        key: &str,
        about: &str,
        out: &mut Diagnostics,
    ) -> Option<Vec<Spanned<String>>> {
        let Some(value) = self.get(key) else {
            return Some(Vec::new());
        };
        let DeValue::Array(items) = value.get_ref() else {
            let fix = format!("write a list of strings: {key} = [\"…\", \"…\"]");
            self.report_type(&quoted(key), value, "a list of strings", fix, out);
            return None;
        };
        let mut texts = Some(Vec::with_capacity(items.len()));
        for item in items.iter() {
            let text = self.text_value(&format!("an item of \"{key}\""), item, about, "", out);
            match (text, texts.as_mut()) {
                (Some(text), Some(texts)) => texts.push(text),
                _ => texts = None,
            }
        }
        texts
    }

    /// A required id, checked by `parse` (`SetId::parse` or `CardId::parse`).
    pub(super) fn id<T>(
        &self,
        parse: fn(&str) -> Result<T, IdError>,
        out: &mut Diagnostics,
    ) -> Option<Spanned<T>> {
        let Some(value) = self.get("id") else {
            let fix = "add id = \"…\" made of a-z, 0-9 and '-'; progress is tied to it";
            self.report_missing("id", fix, out);
            return None;
        };
        let DeValue::String(text) = value.get_ref() else {
            let fix = "write it as a quoted string of a-z, 0-9 and '-', e.g. id = \"kim-visit\"";
            self.report_type("\"id\"", value, "a string", fix, out);
            return None;
        };
        match parse(text) {
            Ok(id) => Some(Spanned::new(value.span(), id)),
            Err(error) => {
                let slug = slug(text);
                let fix = if slug.is_empty() || slug == text.as_ref() {
                    "use 1 to 64 of a-z, 0-9 and '-', e.g. id = \"kim-visit\"".to_string()
                } else {
                    format!("use 1 to 64 of a-z, 0-9 and '-', e.g. id = \"{slug}\"")
                };
                out.report(value.span(), format!("bad id \"{text}\": {error}"), fix);
                None
            }
        }
    }

    /// Reports `value` as having the wrong type; `subject` names it: "\"answer\"".
    pub(super) fn report_type(
        &self,
        subject: &str,
        value: &Value<'_>,
        expected: &str,
        fix: impl Into<String>,
        out: &mut Diagnostics,
    ) {
        let found = a_type(value.get_ref());
        let message = format!("{subject} must be {expected}, found {found}");
        out.report(value.span(), message, fix);
    }

    /// The file's text over `span`.
    pub(super) fn raw(&self, span: Range<usize>) -> &'t str {
        self.text.get(span).unwrap_or_default()
    }

    /// The source text of a value, as written, to quote it back in a fix.
    pub(super) fn written(&self, value: &Value<'_>) -> &'t str {
        self.text.get(value.span()).unwrap_or_default()
    }

    fn text_value(
        &self,
        subject: &str,
        value: &Value<'_>,
        about: &str,
        or_remove: &str,
        out: &mut Diagnostics,
    ) -> Option<Spanned<String>> {
        match value.get_ref() {
            DeValue::String(text) if text.trim().is_empty() => {
                let message = format!("{subject} is empty");
                out.report(value.span(), message, format!("write {about}{or_remove}"));
                None
            }
            DeValue::String(text) => Some(Spanned::new(value.span(), text.to_string())),
            DeValue::Array(_) | DeValue::Table(_) => {
                let fix = format!("write one quoted string with {about}");
                self.report_type(subject, value, "a string", fix, out);
                None
            }
            _ => {
                let fix = format!("put it in double quotes: \"{}\"", self.written(value));
                self.report_type(subject, value, "a string", fix, out);
                None
            }
        }
    }
}

/// A key as a message names it: `"answer"`.
pub(super) fn quoted(key: &str) -> String {
    format!("\"{key}\"")
}

/// A value's type with its article, as a message says it: "an integer".
pub(super) fn a_type(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "an unquoted date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}
