//! Problems with the file as a whole: TOML syntax, the top level, ordering and columns.

use super::{SET, card, places, problem, problems};
use crate::questions::parse::Diagnostic;

/// A valid recall card's fields.
pub(super) const RECALL: &str =
    "id = \"a\"\nkind = \"recall\"\nprompt = \"Why?\"\nanswer = \"Because.\"\n";

#[test]
fn a_toml_syntax_error_is_reported_where_it_is_and_stops_checking() {
    // The unclosed string swallows nothing else; `title = 3` and the missing cards would be
    // problems too, but checking a file the parser could not read would only guess.
    assert_eq!(
        problem("[set]\nid = \"s\ntitle = 3\n"),
        "2:8: TOML syntax: invalid basic string, expected `\"` — close the string on the same \
         line, or use \"\"\"…\"\"\" for text over several lines"
    );
}

#[test]
fn syntax_errors_on_different_lines_are_all_reported_in_file_order() {
    let text = "[set]\nid = x\ntitle = \"t\"\n[[cards]]\nprompt = \"a\" \"b\"\n";
    assert_eq!(
        problems(text),
        [
            "2:6: TOML syntax: string values must be quoted, expected literal string — put the \
             text in double quotes, e.g. title = \"…\"",
            "5:14: TOML syntax: unexpected key or value, expected newline, `#` — each line is \
             key = value, a [set] or [[cards]] header, or a # comment",
        ]
    );
}

#[test]
fn a_key_given_twice_is_reported_at_the_repeat() {
    assert_eq!(
        problem(&card(&format!("{RECALL}id = \"b\"\n"))),
        "10:1: \"id\" is given twice — remove the repeat: a key, or a [table], appears once"
    );
}

#[test]
fn a_set_table_given_twice_is_reported_at_the_second_header() {
    let text = format!("{SET}[set]\n[[cards]]\n{RECALL}");
    assert_eq!(
        places(&text),
        [(5, 2, "\"set\" is given twice".to_string())]
    );
}

#[test]
fn a_misspelt_cards_header_is_an_unknown_key_with_a_guess() {
    let text = format!("{SET}[[card]]\n{RECALL}");
    assert_eq!(
        problems(&text),
        [
            "1:1: the set has no cards — add at least one [[cards]] table (see questions/README.md)",
            "5:3: unknown key \"card\" — did you mean \"cards\"?",
        ]
    );
}

#[test]
fn a_key_above_every_header_is_said_to_stand_outside_any_table() {
    let text = format!("prompt = \"Why?\"\n{}", card(RECALL));
    assert_eq!(
        problem(&text),
        "1:1: \"prompt\" stands outside any table — move it below the [set] or a [[cards]] header"
    );
}

#[test]
fn a_file_without_a_set_table_is_reported_at_its_start() {
    assert_eq!(
        problem(&format!("[[cards]]\n{RECALL}")),
        "1:1: the file has no [set] table — start the file with a [set] table holding its id \
         and title"
    );
}

#[test]
fn a_set_that_is_not_a_table_is_reported_at_its_value() {
    let text = format!("set = \"s\"\n[[cards]]\n{RECALL}");
    assert_eq!(
        places(&text),
        [(1, 7, "\"set\" must be a table, found a string".to_string())]
    );
}

#[test]
fn a_set_without_cards_is_reported() {
    assert_eq!(
        problem(SET),
        "1:1: the set has no cards — add at least one [[cards]] table (see questions/README.md)"
    );
    assert_eq!(
        places(&format!("cards = []\n{SET}")),
        [(1, 9, "the set has no cards".to_string())]
    );
}

#[test]
fn cards_that_are_not_tables_are_reported_at_their_values() {
    assert_eq!(
        places(&format!("cards = \"none\"\n{SET}")),
        [(
            1,
            9,
            "\"cards\" must be a list of [[cards]] tables, found a string".to_string()
        )]
    );
    assert_eq!(
        places(&format!("cards = [3]\n{SET}")),
        [(
            1,
            10,
            "each card must be a table, found an integer".to_string()
        )]
    );
}

#[test]
fn every_problem_in_a_file_is_reported_in_file_order() {
    let text = "\
[set]
id = \"Bad Id\"
title = \"\"

[[cards]]
id = \"one\"
kind = \"essay\"
prompt = \"Why?\"

[[cards]]
id = \"two\"
kind = \"choice\"
choices = [\"Mao\", \"Stalin\"]
answer = \"Kim\"

[[cards]]
id = \"one\"
kind = \"date\"
prompt = \"When?\"
answer = \"1950-02-30\"
";
    let messages = |entries: &[(usize, usize, &str)]| -> Vec<(usize, usize, String)> {
        let to_owned =
            |(line, column, message): &(usize, usize, &str)| (*line, *column, message.to_string());
        entries.iter().map(to_owned).collect()
    };
    assert_eq!(
        places(text),
        messages(&[
            (
                2,
                6,
                "bad id \"Bad Id\": an id uses only a-z, 0-9 and '-', found 'B'"
            ),
            (3, 9, "\"title\" is empty"),
            (7, 8, "unknown kind \"essay\""),
            (10, 1, "this card has no \"prompt\""),
            (14, 10, "answer \"Kim\" is not one of the choices"),
            (17, 6, "duplicate card id \"one\", first used on line 6"),
            (
                20,
                10,
                "impossible date \"1950-02-30\": 1950-02 has no day 30"
            ),
        ])
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    let text = card(
        "id = \"a\"\nkind = \"choice\"\nprompt = \"Where?\"\nchoices = [\"Lüshun\", \"港口\", 3]\nanswer = \"港口\"\n",
    );
    assert_eq!(
        places(&text),
        [(
            9,
            28,
            "an item of \"choices\" must be a string, found an integer".to_string()
        )]
    );
}

#[test]
fn a_byte_order_mark_does_not_count_as_a_column() {
    let text = format!("\u{feff}[sett]\nid = \"s\"\ntitle = \"T\"\n[[cards]]\n{RECALL}");
    assert_eq!(
        places(&text),
        [
            (1, 1, "the file has no [set] table".to_string()),
            (1, 2, "unknown key \"sett\"".to_string()),
        ]
    );
}

#[test]
fn a_diagnostic_renders_as_file_line_column_message_and_fix() {
    let diagnostic = Diagnostic {
        line: 3,
        column: 9,
        message: "\"title\" is empty".to_string(),
        fix: "write the set's name".to_string(),
    };
    assert_eq!(
        diagnostic.render("questions/x.toml"),
        "questions/x.toml:3:9: \"title\" is empty — write the set's name"
    );
}
