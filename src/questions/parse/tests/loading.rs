//! Loading set files from disk: unreadable and non-UTF-8 files, and the rendered problems.

use std::fs;

use super::file_errors::RECALL;
use super::{SET, card};
use crate::questions::parse::{Diagnostic, SetFileErrors, load_set_file};

#[test]
fn a_valid_file_loads_with_its_text() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("set.toml");
    let text = card(RECALL);
    fs::write(&path, &text).expect("the test file is written");
    let (set, read) = load_set_file(&path).expect("the file loads");
    assert_eq!((set.id.as_str(), set.cards.len()), ("s", 1));
    assert_eq!(read, text);
}

#[test]
fn a_missing_file_is_one_problem_at_its_start() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("absent.toml");
    let errors = load_set_file(&path).expect_err("there is no file");
    assert_eq!(errors.path, path);
    let [only] = errors.diagnostics.as_slice() else {
        panic!("expected one problem, found {:?}", errors.diagnostics);
    };
    assert_eq!((only.line, only.column), (1, 1));
    assert!(
        only.message.starts_with("cannot read the file: "),
        "{}",
        only.message
    );
    assert_eq!(only.fix, "check the path, and that the file is readable");
}

#[test]
fn a_file_that_is_not_utf8_is_reported_at_the_first_bad_byte() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("latin1.toml");
    fs::write(&path, b"[set]\nid = \"s\"\ntitle = \"caf\xE9\"\n")
        .expect("the test file is written");
    let errors = load_set_file(&path).expect_err("the file is Latin-1");
    let expected = Diagnostic {
        line: 3,
        column: 13,
        message: "the file is not UTF-8 text (byte 0xE9)".to_string(),
        fix: "save the file as UTF-8".to_string(),
    };
    assert_eq!(errors.diagnostics, [expected]);
}

#[test]
fn the_problems_of_a_file_display_one_line_each_with_its_path() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("bad.toml");
    let text = format!("{SET}[[cards]]\nid = \"a\"\nkind = \"essay\"\nprompt = \"\"\n");
    fs::write(&path, text).expect("the test file is written");
    let errors: SetFileErrors = load_set_file(&path).expect_err("the file has problems");
    let file = path.display();
    assert_eq!(
        errors.to_string(),
        format!(
            "{file}:7:8: unknown kind \"essay\" — use one of recall, text, choice, multi, \
             truefalse, date, number, cloze\n\
             {file}:8:10: \"prompt\" is empty — write the question the card asks"
        )
    );
}
