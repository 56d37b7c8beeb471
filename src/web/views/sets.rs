//! The view models of the question-set pages: the upload form (with every problem of the file
//! shown under its line), the preview before publishing, and a set's own page; and the plain
//! functions that fill them from a set, an import report and a file's problems.

use serde::Serialize;

use crate::questions::{Card, CardKind};
use crate::store::ImportReport;

use super::LayoutView;

/// The fields the upload form sends, kept from one page to the next: the form posts them (with
/// `csrf_token` and a `file`) as multipart/form-data to `/teach/sets/preview`, and the preview
/// posts them again, hidden, to `/teach/sets/publish`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SetFormFields {
    /// `toml` or `sheet` (CSV or TSV); a file's extension wins over it.
    pub format: String,
    /// A spreadsheet's set id and title (a TOML file has its own); empty: the file's name.
    pub set_id: String,
    pub set_title: String,
    /// The set's text: pasted, or the chosen file's once read.
    pub text: String,
    /// The set a new version is for (from its page); empty for a new set.
    pub replaces: String,
    /// The chosen file's name, when the text came from one.
    pub file_name: String,
    /// A Quizlet export's separators as written (`\t`, `;`; empty: a tab and a line break)
    /// and what its cards ask (`term` or `definition`).
    pub quizlet_separator: String,
    pub quizlet_row_separator: String,
    pub quizlet_ask: String,
}

/// A previewed set studied as a student would ("Try it as a student" on the preview): the
/// study and verdict pages carry it, and their forms post the set's fields again, hidden, with
/// `card` (the index of the card shown) as multipart/form-data to `/teach/sets/try`. Nothing
/// is saved.
#[derive(Debug, Clone, Serialize)]
pub struct TrialView {
    pub form: SetFormFields,
    /// The card shown, from 0 in the file's order.
    pub index: usize,
    /// The card after it, if any.
    pub next: Option<usize>,
    /// "Card 3 of 84".
    pub progress_label: String,
}

impl TrialView {
    pub fn new(form: SetFormFields, index: usize, cards: usize) -> TrialView {
        TrialView {
            form,
            index,
            next: (index + 1 < cards).then_some(index + 1),
            progress_label: format!("Card {} of {cards}", index + 1),
        }
    }
}

/// `teach_set_draft.html`: a reading to draft cards from (`POST /teach/sets/draft`, multipart:
/// `text` or `file`, `set_id`, `set_title`) and, once drafted, every draft to keep, edit or
/// drop (`POST /teach/sets/draft/preview`, url-encoded: `keep` = each kept index, and per index
/// `kind_N`, `prompt_N`, `answer_N`, `accept_N` (forms joined by `|`), `paragraph_N`).
#[derive(Debug, Clone, Serialize)]
pub struct DraftPageView {
    pub layout: LayoutView,
    pub set_id: String,
    pub set_title: String,
    /// The reading, kept in the box to draft again.
    pub text: String,
    /// Why the reading could not be drafted.
    pub error: Option<String>,
    pub drafts: Vec<DraftRow>,
    pub max_kb: usize,
}

/// One draft on the drafts page.
#[derive(Debug, Clone, Serialize)]
pub struct DraftRow {
    pub index: usize,
    pub paragraph: u32,
    /// The sentence it was drafted from.
    pub sentence: String,
    /// `date`, `text` or `recall`.
    pub kind: String,
    /// "Date", "Who", "Why".
    pub kind_label: String,
    pub prompt: String,
    pub answer: String,
    pub accept: String,
    /// "The year comes from an earlier date." and the like.
    pub note: Option<String>,
}

/// `teach_set_upload.html`: the upload form, and after a refused upload what was wrong.
#[derive(Debug, Clone, Serialize)]
pub struct SetUploadView {
    pub layout: LayoutView,
    pub heading: String,
    pub form: SetFormFields,
    /// Problems with the form itself (no file, not text, a taken id), as sentences.
    pub form_errors: Vec<String>,
    /// Every problem of the file, in line order: the summary at the top links to each.
    pub problems: Vec<ProblemRow>,
    /// The file's lines, numbered, each with its problems; empty when there are none.
    pub listing: Vec<ListingLine>,
    /// The largest set file taken, in KB.
    pub max_kb: usize,
}

/// One problem of a file, located.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProblemRow {
    /// The element id the summary links to: `problem-1`, ...
    pub anchor: String,
    pub line: usize,
    /// `LINE:COL` (TOML) or `LINE:COLUMN-NAME` (spreadsheet), as `studyhall check` says it.
    pub place: String,
    pub message: String,
    pub fix: String,
}

/// One line of a refused file, with the problems found on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListingLine {
    pub number: usize,
    pub text: String,
    pub problems: Vec<ProblemRow>,
}

/// `teach_set_preview.html`: the cards as students will see them, what publishing changes,
/// and the Publish form.
#[derive(Debug, Clone, Serialize)]
pub struct SetPreviewView {
    pub layout: LayoutView,
    pub set_id: String,
    pub title: String,
    pub description: Option<String>,
    pub cards: Vec<CardPreview>,
    /// What publishing changes in the set as stored; `None` for a new set.
    pub diff: Option<DiffView>,
    /// The fields the Publish form posts again, hidden.
    pub form: SetFormFields,
    /// For a new set: who may study it (`open` or `restricted`), as preselected.
    pub visibility: String,
    /// What another tool's file held that was not imported, one sentence each.
    pub not_imported: Vec<String>,
}

/// What a new version changes: card ids by what happens to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffView {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub restored: Vec<String>,
    pub retired: Vec<String>,
    pub unchanged: usize,
    /// The new version is the set as it stands.
    pub nothing: bool,
}

/// A card as a student will see it, with its answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardPreview {
    pub id: String,
    /// The kind in words: "One choice", "Typed answer", ...
    pub kind: String,
    pub prompt: String,
    /// The options of a choice or multi card, the right ones marked.
    pub choices: Vec<ChoicePreview>,
    /// The expected answer, as shown after answering.
    pub answer: String,
    /// Other answers that count (text cards).
    pub accept: Vec<String>,
    pub tags: Vec<String>,
    pub explanation: Option<String>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChoicePreview {
    pub text: String,
    pub right: bool,
}

/// `teach_set.html`: a set's page for its owner and the admin.
#[derive(Debug, Clone, Serialize)]
pub struct SetPageView {
    pub layout: LayoutView,
    pub set_id: String,
    pub title: String,
    pub description: Option<String>,
    pub source: Option<String>,
    pub cards: Vec<CardPreview>,
    /// A username, or "the server" for a set loaded at start-up.
    pub owner: String,
    /// `open` or `restricted`; the form posts `visibility`, `back` and `csrf_token` to
    /// `/teach/sets/{set_id}/visibility`.
    pub visibility: String,
    /// When the set's file last changed: "3 Mar 2025, 14:05 UTC".
    pub updated: String,
    /// Just published: the page says so.
    pub published: bool,
    /// The set can also be downloaded as CSV (no list item holds a `|`).
    pub csv_download: bool,
    /// The re-upload form's fields: `replaces` is this set, and a spreadsheet is read as it.
    pub form: SetFormFields,
    pub max_kb: usize,
}

/// The card as a preview shows it.
pub fn card_preview(card: &Card) -> CardPreview {
    let (choices, accept) = match &card.kind {
        CardKind::Choice {
            choices, answer, ..
        } => (marked(choices, |choice| choice == answer), Vec::new()),
        CardKind::Multi {
            choices, answers, ..
        } => (
            marked(choices, |choice| answers.contains(choice)),
            Vec::new(),
        ),
        CardKind::TrueFalse { answer } => (
            vec![
                ChoicePreview {
                    text: "True".into(),
                    right: *answer,
                },
                ChoicePreview {
                    text: "False".into(),
                    right: !*answer,
                },
            ],
            Vec::new(),
        ),
        CardKind::Text { accept, .. } => (Vec::new(), accept.clone()),
        _ => (Vec::new(), Vec::new()),
    };
    CardPreview {
        id: card.id.to_string(),
        kind: kind_label(&card.kind).to_string(),
        prompt: card.prompt.clone(),
        choices,
        answer: card.kind.expected_text(),
        accept,
        tags: card.tags.clone(),
        explanation: card.explanation.clone(),
        source: card.source.clone(),
    }
}

fn marked(choices: &[String], right: impl Fn(&String) -> bool) -> Vec<ChoicePreview> {
    choices
        .iter()
        .map(|choice| ChoicePreview {
            text: choice.clone(),
            right: right(choice),
        })
        .collect()
}

/// The kind as an instructor reads it.
pub fn kind_label(kind: &CardKind) -> &'static str {
    match kind {
        CardKind::Recall { .. } => "Recall, self-graded",
        CardKind::Text { .. } => "Typed answer",
        CardKind::Choice { .. } => "One choice",
        CardKind::Multi { .. } => "Several choices",
        CardKind::TrueFalse { .. } => "True or false",
        CardKind::Date { .. } => "Date",
        CardKind::Number { .. } => "Number",
        CardKind::Cloze { .. } => "Fill in the gap",
    }
}

/// What a new version changes, from the store's report; `None` for a new set.
pub fn diff_view(report: &ImportReport) -> Option<DiffView> {
    let ids = |cards: &[crate::questions::CardId]| cards.iter().map(ToString::to_string).collect();
    (!report.created).then(|| DiffView {
        added: ids(&report.added),
        changed: ids(&report.changed),
        restored: ids(&report.restored),
        retired: ids(&report.retired),
        unchanged: report.unchanged,
        nothing: report.is_unchanged(),
    })
}

/// The lines of `text`, numbered from 1, each with the problems on it. A problem past the
/// last line (say, "the set has no cards" in an empty file) goes with the last one.
pub fn listing(text: &str, problems: &[ProblemRow]) -> Vec<ListingLine> {
    let mut lines: Vec<ListingLine> = text
        .split('\n')
        .enumerate()
        .map(|(index, line)| ListingLine {
            number: index + 1,
            text: line.strip_suffix('\r').unwrap_or(line).to_string(),
            problems: Vec::new(),
        })
        .collect();
    // A final newline ends the last line; it does not start another.
    if lines.len() > 1 && lines.last().is_some_and(|line| line.text.is_empty()) {
        lines.pop();
    }
    let last = lines.len() - 1;
    for problem in problems {
        let index = problem.line.saturating_sub(1).min(last);
        lines[index].problems.push(problem.clone());
    }
    lines
}

#[cfg(test)]
mod tests;
