//! Cloze texts: deletions read, shown and expected, bad ones located, ids made and split.

use super::*;

const TREATY: &str = "The {{c1::Sino-Soviet}} treaty was signed in {{c2::February 1950::month}}.";

#[test]
fn each_number_shows_its_gap_and_fills_the_others() {
    let found = deletions(TREATY).unwrap();
    assert_eq!(numbers(&found), [1, 2]);
    assert_eq!(
        shown(TREATY, &found, 1),
        "The […] treaty was signed in February 1950."
    );
    assert_eq!(
        shown(TREATY, &found, 2),
        "The Sino-Soviet treaty was signed in [month]."
    );
    assert_eq!(expected(&found, 2), "February 1950");
    assert_eq!(
        filled(TREATY),
        "The Sino-Soviet treaty was signed in February 1950."
    );
}

#[test]
fn one_number_may_hide_several_gaps() {
    let text = "{{c1::Stalin}} and {{c1::Mao}} met {{c2::Kim}}.";
    let found = deletions(text).unwrap();
    assert_eq!(shown(text, &found, 1), "[…] and […] met Kim.");
    assert_eq!(expected(&found, 1), "Stalin, Mao");
}

#[test]
fn braces_that_are_not_a_deletion_are_text() {
    let text = "Sets {{x}} and {{c::y}} and {{c1::z}}";
    let found = deletions(text).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(shown(text, &found, 1), "Sets {{x}} and {{c::y}} and […]");
}

#[test]
fn bad_deletions_are_located_and_explained() {
    let unclosed = deletions("In {{c1::1950").unwrap_err();
    assert_eq!(unclosed.offset, 3);
    assert!(unclosed.problem.message.contains("not closed"));
    let nested = deletions("{{c1::a {{c2::b}} c}}").unwrap_err();
    assert!(nested.problem.message.contains("inside"));
    assert!(
        deletions("{{c0::a}}")
            .unwrap_err()
            .problem
            .message
            .contains("between")
    );
    assert!(
        deletions("{{c1::  }}")
            .unwrap_err()
            .problem
            .message
            .contains("hides nothing")
    );
    assert!(
        deletions("no gaps")
            .unwrap_err()
            .problem
            .message
            .contains("no deletion")
    );
    assert!(deletions("{{c99999999999::a}}").is_err());
}

#[test]
fn card_ids_add_the_number_and_split_back() {
    let base = CardId::parse("treaty").unwrap();
    let cards = cards(&base, TREATY, &["t".into()], Some("why"), None).unwrap();
    let ids: Vec<&str> = cards.iter().map(|card| card.id.as_str()).collect();
    assert_eq!(ids, ["treaty-c1", "treaty-c2"]);
    assert_eq!(split_card_id(&cards[1].id), Some((base.clone(), 2)));
    assert_eq!(cards[1].kind.expected_text(), "February 1950");
    assert!(card_id(&CardId::parse(&"a".repeat(62)).unwrap(), 1).is_err());
}
