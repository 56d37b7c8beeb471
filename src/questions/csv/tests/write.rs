//! Writing a set as CSV: every kind, read back the same.

use super::parsed;
use crate::questions::csv::{CsvWriteError, to_csv};
use crate::questions::folder::BUILT_IN_SET;
use crate::questions::parse::parse_set;

#[test]
fn the_essay_set_written_as_csv_reads_back_with_the_same_cards() {
    let set = parse_set(BUILT_IN_SET).unwrap();
    let text = to_csv(&set).unwrap();
    assert!(text.starts_with(
        "id,kind,prompt,answer,accept,choices,answers,tolerance,tags,explanation,source\n"
    ));
    let back = parsed(&text);
    assert_eq!(back.cards, set.cards);
}

#[test]
fn a_list_item_with_a_pipe_cannot_be_written() {
    let mut set = parse_set(BUILT_IN_SET).unwrap();
    set.cards[0].tags = vec!["a|b".into()];
    let error = to_csv(&set).unwrap_err();
    assert!(matches!(error, CsvWriteError::PipeInList { .. }), "{error}");
}

#[test]
fn cells_that_start_like_a_formula_are_written_as_text_and_read_back_as_they_were() {
    let mut set = parse_set(BUILT_IN_SET).unwrap();
    set.cards[0].prompt = "=HYPERLINK(\"http://evil.example\")".into();
    set.cards[0].explanation = Some("'=1 stays as typed".into());
    set.cards[1].prompt = "+cmd|' /C calc'!A0".into();
    let text = to_csv(&set).unwrap();
    assert!(
        text.contains(r#""'=HYPERLINK(""http://evil.example"")""#),
        "{text}"
    );
    assert!(text.contains("''=1 stays as typed"), "{text}");
    assert!(text.contains("'+cmd|' /C calc'!A0"), "{text}");
    assert_eq!(parsed(&text).cards, set.cards);
}
