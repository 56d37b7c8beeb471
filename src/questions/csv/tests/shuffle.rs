//! The `shuffle` column: empty, true or yes shuffle a choice or multi card's options; false or
//! no keep them in written order; anything else, or a value on another kind, is reported.

use super::{parsed, problem, problems};
use crate::questions::csv::to_csv;

/// A file with a `shuffle` column and `rows` below the header (the first row is line 2).
fn with_shuffle(rows: &str) -> String {
    format!("id,kind,prompt,answer,choices,answers,shuffle\n{rows}")
}

#[test]
fn a_shuffle_cell_is_empty_true_false_yes_or_no_in_any_case() {
    let set = parsed(&with_shuffle(
        "a,choice,Q?,x,x|y,,\nb,choice,Q?,x,x|y,,TRUE\nc,multi,Q?,,x|y,x,yes\n\
         d,choice,Q?,x,x|y,,False\ne,multi,Q?,,x|y,x, no \n",
    ));
    let shuffles: Vec<bool> = set
        .cards
        .iter()
        .map(|card| card.kind.shuffles_choices())
        .collect();
    assert_eq!(shuffles, [true, true, true, false, false]);
}

#[test]
fn a_file_without_the_column_shuffles_every_card() {
    let set = parsed("id,kind,prompt,answer,choices\na,choice,Q?,x,x|y\n");
    assert!(set.cards[0].kind.shuffles_choices());
}

#[test]
fn a_shuffle_cell_that_is_not_a_yes_or_no_is_reported_under_its_column() {
    assert_eq!(
        problem(&with_shuffle("a,choice,Q?,x,x|y,,0\n")),
        "2:shuffle: \"shuffle\" \"0\" is not true or false — write false (or no) to keep the \
         choices in written order, or leave the cell empty to shuffle them"
    );
}

#[test]
fn a_shuffle_cell_on_a_card_without_choices_is_reported() {
    assert_eq!(
        problem(&with_shuffle("a,text,Q?,x,,,false\n")),
        "2:shuffle: \"shuffle\" is not a field of text cards — only choice and multi cards have \
         options to shuffle; empty the cell"
    );
}

#[test]
fn a_bad_shuffle_is_reported_with_the_row_s_other_problems() {
    let found = problems(&with_shuffle("a,choice,Q?,z,x|y,,maybe\n"));
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found.iter().any(|line| line.starts_with("2:answer:")),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|line| line.starts_with("2:shuffle:")),
        "{found:#?}"
    );
}

#[test]
fn the_column_is_written_only_when_a_card_keeps_its_order_and_reads_back() {
    let shuffled = parsed(&with_shuffle("a,choice,Q?,x,x|y,,\nb,multi,Q?,,x|y,x,\n"));
    let text = to_csv(&shuffled).unwrap();
    assert!(!text.contains("shuffle"), "{text}");
    assert_eq!(parsed(&text).cards, shuffled.cards);

    let kept = parsed(&with_shuffle(
        "a,choice,Q?,x,x|y,,\nb,multi,Q?,,x|y,x,no\nc,text,Q?,x,,,\n",
    ));
    let text = to_csv(&kept).unwrap();
    assert!(
        text.starts_with("id,kind,prompt,answer,accept,choices,answers,shuffle,tolerance,"),
        "{text}"
    );
    assert!(text.contains("b,multi,Q?,,,x|y,x,false,"), "{text}");
    assert_eq!(parsed(&text).cards, kept.cards);
}
