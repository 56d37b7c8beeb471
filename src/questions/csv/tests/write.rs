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

#[test]
fn cloze_cards_are_one_row_with_a_text_column_and_read_back_the_same() {
    let file = "[set]\nid = \"cold-war\"\ntitle = \"Cold War\"\n\n[[cards]]\nid = \"treaty\"\n\
                kind = \"cloze\"\ntext = \"The {{c1::Sino-Soviet}} treaty, {{c2::1950}}.\"\n\
                tags = [\"t\"]\n\n[[cards]]\nid = \"q\"\nkind = \"text\"\nprompt = \"Who?\"\n\
                answer = \"Kim\"\n";
    let set = parse_set(file).unwrap();
    assert_eq!(set.cards.len(), 3);
    let text = to_csv(&set).unwrap();
    assert!(text.starts_with("id,kind,prompt,text,answer,"), "{text}");
    assert!(
        text.contains("\ntreaty,cloze,,\"The {{c1::Sino-Soviet}} treaty, {{c2::1950}}.\","),
        "{text}"
    );
    assert_eq!(text.lines().count(), 3, "{text}");
    assert_eq!(parsed(&text).cards, set.cards);
}
