//! `questions/README.md` tells the truth about checking: every row of its table of cases
//! ("How answers are checked") gets the verdict and the words it shows.

use super::{checked, date_card, text, text_card};
use crate::questions::check::Verdict;

const README: &str = include_str!("../../../../questions/README.md");

/// The table's rows, each as its cells, from the section "How answers are checked".
fn table_rows() -> Vec<Vec<&'static str>> {
    let section = README
        .split("## How answers are checked")
        .nth(1)
        .expect("the README has the section")
        .split("\n## ")
        .next()
        .unwrap_or_default();
    section
        .lines()
        .filter(|line| line.starts_with('|'))
        .skip(2)
        .map(|line| line.trim_matches('|').split(" | ").map(str::trim).collect())
        .collect()
}

/// The texts between backticks in a cell: "`Lüshun` / `Port Arthur`" is both.
fn quoted(cell: &str) -> Vec<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

#[test]
fn every_row_of_the_readme_checking_table_is_what_the_checker_does() {
    let rows = table_rows();
    assert!(rows.len() >= 30, "the table has its rows: {rows:?}");
    for row in rows {
        let [rule, listed, given, verdict, told] = row[..] else {
            panic!("a row has five cells: {row:?}");
        };
        let card = match quoted(listed).as_slice() {
            [iso] if listed.starts_with("date ") => date_card(iso),
            [answer, accept @ ..] => text_card(answer, accept),
            [] => panic!("{rule}: no listed answer in {listed:?}"),
        };
        let given = quoted(given)[0];
        let result = checked(&card, text(given));
        let verdict_name = serde_json::to_value(result.verdict).expect("serialisable");
        assert_eq!(verdict_name, verdict, "{rule}: {listed} / {given}");
        let shown = match result.verdict {
            Verdict::Unparsed => result.message,
            _ => result.forgiven,
        };
        assert_eq!(
            shown.unwrap_or_default(),
            told,
            "{rule}: {listed} / {given}"
        );
    }
}
