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
