//! TOML syntax errors, said in the set-file author's terms with a way to fix each.

use std::collections::HashSet;

use super::diagnostic::{Diagnostics, Locator};

/// Reports the parser's syntax errors, at most one per line: after the first mistake on a
/// line the parser's recovery tends to trip over the rest of it, and those follow-on errors
/// would only bury the real one.
pub(super) fn report_syntax_errors(errors: &[toml::de::Error], text: &str, out: &mut Diagnostics) {
    let mut errors: Vec<&toml::de::Error> = errors.iter().collect();
    errors.sort_by_key(|error| error.span().map_or(0, |span| span.start));
    let mut lines_reported = HashSet::new();
    let mut locator = Locator::new(text);
    for error in errors {
        let span = error.span().unwrap_or(0..0);
        let (line, _) = locator.locate(span.start);
        if !lines_reported.insert(line) {
            continue;
        }
        let at = text.get(span.clone()).unwrap_or_default();
        let (message, fix) = describe(error.message(), at);
        out.report(span, message, fix);
    }
}

/// A message and a fix for one of the parser's messages; `at` is the text it points at.
fn describe(parser_message: &str, at: &str) -> (String, &'static str) {
    if parser_message == "duplicate key" {
        // A quoted key is named without its quotes, as it is everywhere else.
        let key = at.trim_matches(['"', '\'']);
        let message = format!("\"{key}\" is given twice");
        return (
            message,
            "remove the repeat: a key, or a [table], appears once",
        );
    }
    let message = format!("TOML syntax: {parser_message}");
    let fix = if parser_message.contains("must be quoted") {
        "put the text in double quotes, e.g. title = \"…\""
    } else if parser_message.contains("escape") {
        "write a backslash as \\\\, or use a '…' string, which keeps backslashes as they are"
    } else if parser_message.contains("string") {
        "close the string on the same line, or use \"\"\"…\"\"\" for text over several lines"
    } else {
        "each line is key = value, a [set] or [[cards]] header, or a # comment"
    };
    (message, fix)
}
