//! From an upload to a checked set, without HTTP or a database: which format the text is in,
//! the text itself (the chosen file, else the pasted text), a spreadsheet's set id and title,
//! and every problem of the file, located as `studyhall check` locates it.

use std::path::Path;

use crate::questions::QuestionSet;
use crate::questions::csv::{Delimiter, file_stem, parse_sheet};
use crate::questions::encoding::decode;
use crate::questions::formats::convert::{ConvertError, Naming, convert, detect, own_title};
use crate::questions::formats::{self, QuizletOptions};
use crate::questions::model::SetId;
use crate::questions::parse::{parse_set, to_toml};
use crate::questions::rules::slug;
use crate::web::views::{ProblemRow, SetFormFields};

use super::form::{SET_FILE_LIMIT, SetUpload};

/// The format of the set's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Toml,
    /// CSV or TSV: the delimiter is the extension's, or guessed from the header line.
    Sheet,
    /// Another tool's text file (GIFT, Aiken, Quizlet, Anki's text export), converted when
    /// checked. An Anki package is converted as soon as it is read, and goes on as TOML.
    Other(formats::Format),
}

impl Format {
    /// The file's extension decides (`.csv`, `.tsv`, `.toml`, `.gift`, `.apkg`...); otherwise
    /// the form's choice, and for a `.txt` file or pasted text left at TOML, the content.
    pub fn of(file_name: Option<&str>, chosen: &str, text: &[u8]) -> Format {
        if formats::apkg::is_package(text) {
            return Format::Other(formats::Format::Apkg);
        }
        let by_name = file_name.and_then(|name| formats::Format::from_path(Path::new(name)));
        match by_name {
            Some(formats::Format::Toml) => return Format::Toml,
            Some(formats::Format::Csv | formats::Format::Tsv) => return Format::Sheet,
            Some(other) => return Format::Other(other),
            None => {}
        }
        match chosen {
            "sheet" => Format::Sheet,
            "gift" => Format::Other(formats::Format::Gift),
            "aiken" => Format::Other(formats::Format::Aiken),
            "quizlet" => Format::Other(formats::Format::Quizlet),
            "anki-text" => Format::Other(formats::Format::AnkiText),
            _ => {
                let text = String::from_utf8_lossy(text);
                let looks_like_toml = text.trim_start().starts_with('[')
                    || text.lines().any(|line| line.trim() == "[set]");
                match detect(&text) {
                    Some(guess) if !looks_like_toml => Format::Other(guess),
                    _ => Format::Toml,
                }
            }
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Toml => "toml",
            Format::Sheet => "sheet",
            Format::Other(format) => format.name(),
        }
    }

    /// Whether the file holds no set id or title of its own (the form's, or the file name's).
    fn named_by_form(self) -> bool {
        self != Format::Toml
    }
}

/// An upload read as text, with the form's fields as the next page keeps them.
#[derive(Debug, Clone)]
pub struct Submission {
    pub format: Format,
    pub form: SetFormFields,
}

/// The upload's text and fields, or why there is no text to check (a sentence for the form).
/// An Anki package is converted here: its set goes on as the TOML it gives.
pub fn submission(upload: &SetUpload) -> Result<Submission, String> {
    let (bytes, file_name) = if upload.file.is_empty() {
        (&upload.text, None)
    } else {
        (&upload.file, upload.file_name.as_deref())
    };
    let format = Format::of(file_name, &upload.format, bytes);
    let stem = file_name
        .map(|name| file_stem(Path::new(name)))
        .unwrap_or_default();
    if format == Format::Other(formats::Format::Apkg) {
        return package(upload, bytes, file_name, &stem);
    }
    let text = decode(bytes.clone()).map_err(|not_utf8| {
        let problem = not_utf8.problem();
        let what = file_name.map_or_else(|| "The text".to_string(), |name| format!("“{name}”"));
        format!(
            "{what} cannot be read as a set: {} at line {}, column {}. A set file is plain text \
             (TOML, CSV or TSV), or an Anki package (.apkg); {}.",
            problem.message, not_utf8.line, not_utf8.column, problem.fix
        )
    })?;
    // Browsers send a textarea's lines with CR LF; the file keeps plain LF.
    let text = text.replace("\r\n", "\n");
    if text.trim().is_empty() {
        return Err("Choose a set file, or paste the set in the box.".into());
    }
    // Only a file without a set id of its own is named after its file: a TOML file names
    // itself, and its form must not come back with the other formats' fields filled in.
    let or_stem = |given: &str| {
        if given.trim().is_empty() && format.named_by_form() {
            stem.clone()
        } else {
            given.trim().to_string()
        }
    };
    // A file another tool wrote may title its set (a GIFT file studyhall exported does).
    let own_title = match format {
        Format::Other(other) if upload.set_title.trim().is_empty() => {
            let options = quizlet_options(
                &upload.quizlet_separator,
                &upload.quizlet_row_separator,
                &upload.quizlet_ask,
            );
            own_title(other, &text, &options)
        }
        _ => None,
    };
    let form = SetFormFields {
        format: format.as_str().to_string(),
        set_id: or_stem(&upload.set_id),
        set_title: own_title.unwrap_or_else(|| or_stem(&upload.set_title)),
        text,
        replaces: upload.replaces.trim().to_string(),
        file_name: file_name.unwrap_or_default().to_string(),
        quizlet_separator: upload.quizlet_separator.clone(),
        quizlet_row_separator: upload.quizlet_row_separator.clone(),
        quizlet_ask: upload.quizlet_ask.clone(),
    };
    Ok(Submission { format, form })
}

/// An Anki package converted to the TOML it gives, which the preview and Publish carry on
/// (a package is binary: it cannot be kept in the form's text).
fn package(
    upload: &SetUpload,
    bytes: &[u8],
    file_name: Option<&str>,
    stem: &str,
) -> Result<Submission, String> {
    let what = file_name.map_or_else(|| "The package".to_string(), |name| format!("“{name}”"));
    let naming = Naming {
        set: Some(upload.set_id.trim()).filter(|id| !id.is_empty()),
        title: Some(upload.set_title.trim()).filter(|title| !title.is_empty()),
        stem,
    };
    let converted = convert(
        formats::Format::Apkg,
        bytes,
        naming,
        &QuizletOptions::default(),
    )
    .map_err(|error| match error {
        ConvertError::Whole(problem) => format!(
            "{what} cannot be imported: {}. {}.",
            problem.message, problem.fix
        ),
        ConvertError::Located(found) => {
            let first = found.first().map(ToString::to_string).unwrap_or_default();
            format!("{what} cannot be imported: {first}")
        }
    })?;
    if converted.file_text.len() > SET_FILE_LIMIT {
        return Err(format!(
            "{what} gives a set file larger than {} KB: export a smaller deck from Anki.",
            SET_FILE_LIMIT / 1024
        ));
    }
    Ok(Submission {
        format: Format::Toml,
        form: SetFormFields {
            format: Format::Toml.as_str().to_string(),
            set_id: String::new(),
            set_title: String::new(),
            text: converted.file_text,
            replaces: upload.replaces.trim().to_string(),
            file_name: file_name.unwrap_or_default().to_string(),
            ..SetFormFields::default()
        },
    })
}

/// What checking a submission found.
#[derive(Debug, Clone)]
pub enum Checked {
    /// The set, and the text to keep as its file: the TOML as written, or for a spreadsheet
    /// the TOML it gives (so the file can be downloaded, and rewritten when an answer is
    /// accepted, whatever it was uploaded as).
    Valid { set: QuestionSet, file_text: String },
    /// Every problem of the file, in line order.
    Invalid(Vec<ProblemRow>),
}

/// Checks the submission's text, by the same rules as `studyhall check`. `Err` is a problem
/// with the form rather than the file (a spreadsheet without a usable set id).
pub fn check(submission: &Submission) -> Result<Checked, String> {
    let form = &submission.form;
    let rows = |located: Vec<(usize, String, String, String)>| {
        let rows = located
            .into_iter()
            .enumerate()
            .map(|(index, (line, place, message, fix))| ProblemRow {
                anchor: format!("problem-{}", index + 1),
                line,
                place,
                message,
                fix,
            });
        Checked::Invalid(rows.collect())
    };
    match submission.format {
        Format::Toml => Ok(match parse_set(&form.text) {
            Ok(set) => Checked::Valid {
                set,
                file_text: form.text.clone(),
            },
            Err(found) => rows(
                found
                    .into_iter()
                    .map(|d| (d.line, format!("{}:{}", d.line, d.column), d.message, d.fix))
                    .collect(),
            ),
        }),
        Format::Sheet => {
            let id = sheet_set_id(&form.set_id)?;
            let delimiter = Delimiter::from_path(Path::new(&form.file_name))
                .unwrap_or_else(|| Delimiter::sniff(&form.text));
            Ok(
                match parse_sheet(&form.text, delimiter, id, &form.set_title) {
                    Ok(set) => {
                        let file_text = to_toml(&set);
                        Checked::Valid { set, file_text }
                    }
                    Err(found) => rows(
                        found
                            .into_iter()
                            .map(|d| {
                                let place = if d.column.is_empty() {
                                    d.line.to_string()
                                } else {
                                    format!("{}:{}", d.line, d.column)
                                };
                                (d.line, place, d.message, d.fix)
                            })
                            .collect(),
                    ),
                },
            )
        }
        Format::Other(format) => {
            let id = sheet_set_id(&form.set_id)?;
            let naming = Naming {
                set: Some(id.as_str()),
                title: Some(form.set_title.as_str()),
                stem: id.as_str(),
            };
            let options = quizlet_options(
                &form.quizlet_separator,
                &form.quizlet_row_separator,
                &form.quizlet_ask,
            );
            Ok(
                match convert(format, form.text.as_bytes(), naming, &options) {
                    Ok(converted) => Checked::Valid {
                        set: converted.set,
                        file_text: converted.file_text,
                    },
                    Err(ConvertError::Located(found)) => rows(
                        found
                            .into_iter()
                            .map(|d| (d.line, format!("{}:{}", d.line, d.column), d.message, d.fix))
                            .collect(),
                    ),
                    Err(ConvertError::Whole(problem)) => {
                        return Err(format!("{} — {}", problem.message, problem.fix));
                    }
                },
            )
        }
    }
}

/// The form's Quizlet options: its separators as written (`\t` a tab, `\n` a line break; left
/// empty, Quizlet's own tab and line break) and what the cards ask.
fn quizlet_options(separator: &str, row_separator: &str, ask: &str) -> QuizletOptions {
    let or = |written: &str, default: &'static str| match written {
        "" => default.to_string(),
        written => written.to_string(),
    };
    // The form's values are the CLI's --ask names.
    let ask = <formats::Ask as clap::ValueEnum>::from_str(ask, true).unwrap_or_default();
    QuizletOptions::written(&or(separator, "\\t"), &or(row_separator, "\\n"), ask)
}

/// A spreadsheet's set id, as given on the form (or taken from the file's name).
fn sheet_set_id(given: &str) -> Result<SetId, String> {
    if given.is_empty() {
        return Err("Give the set an id: a spreadsheet or another tool's file does not hold one (a file's name is used when you upload one).".into());
    }
    SetId::parse(given).map_err(|error| {
        let suggestion = match slug(given) {
            slug if slug.is_empty() => "cold-war".to_string(),
            slug => slug,
        };
        format!("The set id “{given}” cannot be used: {error}. Use a-z, 0-9 and '-', e.g. “{suggestion}”.")
    })
}

#[cfg(test)]
mod tests;
