//! Loading a spreadsheet file: its set id and title from the file name unless given.

use std::path::Path;

use crate::questions::csv::load_sheet_file;
use crate::questions::parse::parse_set;

const ROWS: &str = "id,kind,prompt,answer\nc1,recall,Q?,A\n";

fn write(dir: &Path, name: &str, text: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn the_set_id_and_title_come_from_the_file_name_and_the_kept_text_is_toml() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "cold-war.csv", ROWS.as_bytes());
    let (set, text) = load_sheet_file(&path, None, None).unwrap();
    assert_eq!(
        (set.id.as_str(), set.title.as_str()),
        ("cold-war", "cold-war")
    );
    assert_eq!(parse_set(&text).unwrap(), set);
}

#[test]
fn a_given_id_and_title_win_over_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "Export (3).csv", ROWS.as_bytes());
    let (set, _) = load_sheet_file(&path, Some("cold-war"), Some("The Cold War")).unwrap();
    assert_eq!(
        (set.id.as_str(), set.title.as_str()),
        ("cold-war", "The Cold War")
    );
}

#[test]
fn a_file_name_that_is_no_id_is_reported_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "Cold War.csv", ROWS.as_bytes());
    let message = load_sheet_file(&path, None, None).unwrap_err().to_string();
    assert!(message.ends_with(
        "Cold War.csv:1: the set id \"Cold War\" (from the file name) is not an id: an id uses \
         only a-z, 0-9 and '-', found 'C' — rename the file, e.g. to cold-war.csv, or give --set cold-war"
    ), "{message}");
}

#[test]
fn problems_are_rendered_as_file_line_and_column_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "s.tsv", b"id\tkind\tprompt\nc1\trecall\tQ?\n");
    let message = load_sheet_file(&path, None, None).unwrap_err().to_string();
    assert!(message.ends_with("s.tsv:1:answer: there is no \"answer\" column, but the recall card on line 2 needs one — add a column named answer to the header"), "{message}");
}

#[test]
fn a_binary_file_is_one_problem_at_its_first_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "s.csv", b"id,kind\n\xff\xfe\x00");
    let message = load_sheet_file(&path, None, None).unwrap_err().to_string();
    assert!(
        message
            .ends_with("s.csv:2: the file is not UTF-8 text (byte 0xFF) — save the file as UTF-8"),
        "{message}"
    );
}
