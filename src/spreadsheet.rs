//! Text cells of the CSV files studyhall writes, made safe to open in a spreadsheet.
//!
//! Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` as a
//! formula (a tab or carriage return first can hide one), so a student who answers
//! `=HYPERLINK("http://…","click")` or `+cmd|' /C calc'!A0` would put a live formula in the
//! instructor's reviews.csv. OWASP's advice, followed here: such a cell gets a leading single
//! quote, which spreadsheets show as text. Every cell of text a person typed goes through
//! [`text_cell`] (a "-5" typed as an answer included: it is what the student wrote, and the
//! quote keeps it so); the numbers the server computes are written as they are.
//!
//! A set downloaded as CSV is read back by `studyhall import` and the upload page, so reading
//! undoes the quote ([`read_text_cell`]), as a spreadsheet does. A text that itself starts with
//! quotes before a formula character (`'=x`) gets one more, so every text reads back as written.

use std::borrow::Cow;

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a CSV cell a spreadsheet shows as text: with a `'` in front when it starts like a
/// formula, unchanged otherwise.
pub fn text_cell(text: &str) -> Cow<'_, str> {
    if needs_quote(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text a cell written by [`text_cell`] holds: without the quote it added.
pub fn read_text_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(text) if needs_quote(text) => text,
        _ => cell,
    }
}

/// Starts like a formula, maybe behind quotes (which [`read_text_cell`] would take off).
fn needs_quote(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_starting_like_a_formula_get_a_quote_and_others_stay_as_they_are() {
        for formula in [
            "=1+1",
            "+cmd|' /C calc'!A0",
            "-5",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(text_cell(formula), format!("'{formula}"));
        }
        for text in ["Stalin", "5", "", " =1", "a=b", "'quoted", "1950-06-25"] {
            assert_eq!(text_cell(text), text);
        }
    }

    #[test]
    fn every_text_reads_back_as_it_was_written() {
        for text in ["=1", "-5", "'=1", "''+x", "'quoted", "plain", "", "'", "@"] {
            assert_eq!(read_text_cell(&text_cell(text)), text, "{text:?}");
        }
    }
}
