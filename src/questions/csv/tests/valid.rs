//! Good files: the sets they give, with lists, quoting, blank rows, a byte-order mark and tabs.

use super::{parsed, with_rows};
use crate::questions::csv::{Delimiter, parse_sheet};
use crate::questions::model::{CardKind, PartialDate, SetId};

#[test]
fn every_kind_reads_into_its_card() {
    let set = parsed(&with_rows(
        "r,recall,Who?,Truman\n\
         t,text,Where?,Inchon,Incheon|Chemulpo\n\
         c,choice,Which?,Seoul,,Seoul|Busan\n\
         m,multi,Which ones?,,,a|b|c,a|c\n\
         f,truefalse,True?,false\n\
         d,date,When?,1950-06\n\
         n,number,How many?,16,,,,0.5\n",
    ));
    let kinds: Vec<CardKind> = set.cards.into_iter().map(|card| card.kind).collect();
    assert_eq!(
        kinds,
        [
            CardKind::Recall {
                answer: "Truman".into()
            },
            CardKind::Text {
                answer: "Inchon".into(),
                accept: vec!["Incheon".into(), "Chemulpo".into()]
            },
            CardKind::Choice {
                choices: vec!["Seoul".into(), "Busan".into()],
                answer: "Seoul".into(),
                shuffle: true,
            },
            CardKind::Multi {
                choices: vec!["a".into(), "b".into(), "c".into()],
                answers: vec!["a".into(), "c".into()],
                shuffle: true,
            },
            CardKind::TrueFalse { answer: false },
            CardKind::Date {
                answer: PartialDate::parse_iso("1950-06").unwrap()
            },
            CardKind::Number {
                answer: 16.0,
                tolerance: 0.5
            },
        ]
    );
}

#[test]
fn the_set_takes_the_given_id_and_title_and_the_common_fields_are_read() {
    let set = parsed(&with_rows(
        "c1,recall,Q?,A,,,,,date | actor,Because.,paragraph 2\n",
    ));
    assert_eq!(
        (set.id.as_str(), set.title.as_str()),
        ("cold-war", "Cold War")
    );
    let card = &set.cards[0];
    assert_eq!(card.tags, ["date", "actor"]);
    assert_eq!(card.explanation.as_deref(), Some("Because."));
    assert_eq!(card.source.as_deref(), Some("paragraph 2"));
}

#[test]
fn quoted_cells_keep_commas_quotes_and_newlines_and_cells_are_trimmed() {
    let set = parsed(&with_rows(
        "c1,recall,\"Who said \"\"no\"\", then left?\nThink.\",  Truman  \n",
    ));
    assert_eq!(set.cards[0].prompt, "Who said \"no\", then left?\nThink.");
    assert_eq!(set.cards[0].kind.expected_text(), "Truman");
}

#[test]
fn blank_rows_a_byte_order_mark_and_windows_line_ends_are_taken_in_stride() {
    let text = "\u{feff}id,kind,prompt,answer\r\nc1,recall,Q?,A\r\n,,,\r\n\r\nc2,recall,Q?,B\r\n";
    let set = parsed(text);
    assert_eq!(set.cards.len(), 2);
}

#[test]
fn columns_may_come_in_any_order_and_unused_ones_may_be_left_out() {
    let set = parsed("prompt,answer,kind,id\nQ?,A,recall,c1\n");
    assert_eq!(set.cards[0].id.as_str(), "c1");
}

#[test]
fn a_tab_separated_file_reads_the_same_cells() {
    let text = "id\tkind\tprompt\tanswer\tchoices\nc1\tchoice\tWhich, then?\tSeoul\tSeoul|Busan\n";
    assert_eq!(Delimiter::sniff(text), Delimiter::Tab);
    let set = parse_sheet(text, Delimiter::Tab, SetId::parse("t").unwrap(), "T").unwrap();
    assert_eq!(set.cards[0].prompt, "Which, then?");
}

#[test]
fn the_delimiter_comes_from_the_extension_or_the_header_line() {
    use std::path::Path;
    assert_eq!(
        Delimiter::from_path(Path::new("a/cold-war.CSV")),
        Some(Delimiter::Comma)
    );
    assert_eq!(
        Delimiter::from_path(Path::new("cold-war.tsv")),
        Some(Delimiter::Tab)
    );
    assert_eq!(Delimiter::from_path(Path::new("cold-war.toml")), None);
    assert_eq!(Delimiter::sniff("id,kind,prompt\n"), Delimiter::Comma);
}

#[test]
fn a_blank_title_falls_back_to_the_set_id() {
    let text = "id,kind,prompt,answer\nc1,recall,Q?,A\n";
    let set = parse_sheet(
        text,
        Delimiter::Comma,
        SetId::parse("cold-war").unwrap(),
        " ",
    )
    .unwrap();
    assert_eq!(set.title, "cold-war");
}

#[test]
fn the_readme_example_reads_with_one_card_of_every_kind() {
    const README: &str = include_str!("../../../../questions/README.md");
    let start = README
        .find("```csv\n")
        .expect("the README has a CSV example")
        + "```csv\n".len();
    let length = README[start..].find("```").unwrap();
    let set = parsed(&README[start..start + length]);
    let kinds: Vec<&str> = set.cards.iter().map(|card| card.kind.name()).collect();
    assert_eq!(
        kinds,
        [
            "recall",
            "text",
            "choice",
            "multi",
            "truefalse",
            "date",
            "number"
        ]
    );
    assert_eq!(
        set.cards[3].explanation.as_deref(),
        Some("The USSR sent pilots, not troops.")
    );
}

#[test]
fn the_readme_error_sample_is_what_its_file_gives() {
    let text = "id,kind,prompt,choices\nc1,choise,Q?,a|b\nc2,choice,Q?,a|b\nc1,truefalse,Q?,\n";
    let found: Vec<String> = super::problems(text)
        .iter()
        .map(|line| format!("cold-war.csv:{line}"))
        .collect();
    const README: &str = include_str!("../../../../questions/README.md");
    for line in &found {
        assert!(README.contains(line.as_str()), "the README shows {line}");
    }
    assert_eq!(found.len(), 3, "{found:#?}");
}

#[test]
fn a_date_written_as_a_student_writes_it_is_read_into_iso() {
    let set = parsed(&with_rows(
        "d1,date,When?,\"June 25, 1950\"\nd2,date,When?,January 1950\n",
    ));
    let dates: Vec<String> = set
        .cards
        .iter()
        .map(|card| card.kind.expected_text())
        .collect();
    assert_eq!(dates, ["1950-06-25", "1950-01"]);
}

#[test]
fn a_cloze_row_gives_a_card_per_deletion_and_its_problems_name_the_text_column() {
    let set = super::sheet(
        "id,kind,prompt,text,tags\nkim,cloze,,{{c1::Kim Il Sung}} visited {{c2::Moscow}},people|1950\n",
    )
    .unwrap();
    let ids: Vec<&str> = set.cards.iter().map(|card| card.id.as_str()).collect();
    assert_eq!(ids, ["kim-c1", "kim-c2"]);
    assert_eq!(set.cards[1].prompt, "Kim Il Sung visited […]");
    assert_eq!(set.cards[0].tags, ["people", "1950"]);
    let problems = super::problems("id,kind,prompt,text\nkim,cloze,Who?,{{c1::Kim\n");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with("2:prompt: a cloze card has no prompt"),
        "{problems:?}"
    );
    assert!(
        problems[1].starts_with("2:text: this deletion is not closed"),
        "{problems:?}"
    );
}
