//! Cloze entries in a set file: one card per deletion number, written back as one entry, and
//! their problems located in the file.

use super::{SET, parse_set, places};
use crate::questions::CardKind;
use crate::questions::parse::to_toml;

const TREATY: &str = "[[cards]]\nid = \"treaty\"\nkind = \"cloze\"\n\
    text = \"The {{c1::Sino-Soviet}} treaty was signed in {{c2::February 1950::month}}.\"\n\
    tags = [\"treaty\"]\nexplanation = \"Mao spent two months in Moscow.\"\nsource = \"paragraph 4\"\n";

#[test]
fn a_cloze_entry_gives_one_card_per_deletion_number() {
    let set = parse_set(&format!("{SET}{TREATY}")).unwrap();
    let ids: Vec<&str> = set.cards.iter().map(|card| card.id.as_str()).collect();
    assert_eq!(ids, ["treaty-c1", "treaty-c2"]);
    assert_eq!(
        set.cards[0].prompt,
        "The […] treaty was signed in February 1950."
    );
    assert_eq!(
        set.cards[1].prompt,
        "The Sino-Soviet treaty was signed in [month]."
    );
    assert_eq!(set.cards[1].kind.expected_text(), "February 1950");
    assert!(matches!(
        set.cards[1].kind,
        CardKind::Cloze { number: 2, .. }
    ));
    for card in &set.cards {
        assert_eq!(card.tags, ["treaty"]);
        assert_eq!(card.source.as_deref(), Some("paragraph 4"));
        assert_eq!(
            card.explanation.as_deref(),
            Some("Mao spent two months in Moscow.")
        );
    }
}

#[test]
fn a_set_with_cloze_cards_is_written_back_as_one_entry_and_reads_the_same() {
    let text = format!(
        "{SET}{TREATY}\n[[cards]]\nid = \"after\"\nkind = \"recall\"\nprompt = \"Q\"\nanswer = \"A\"\n"
    );
    let set = parse_set(&text).unwrap();
    let written = to_toml(&set);
    assert_eq!(written.matches("kind = \"cloze\"").count(), 1, "{written}");
    assert!(written.contains("id = \"treaty\"\n"), "{written}");
    assert!(!written.contains("[…]"), "{written}");
    assert_eq!(parse_set(&written).unwrap(), set);
}

#[test]
fn a_cloze_card_with_a_prompt_or_without_text_is_refused() {
    let with_prompt = format!(
        "{SET}[[cards]]\nid = \"a\"\nkind = \"cloze\"\nprompt = \"Q?\"\ntext = \"{{{{c1::x}}}} y\"\n"
    );
    assert_eq!(
        places(&with_prompt),
        [(
            8,
            1,
            "a cloze card has no prompt: the student sees its text with the gap".to_string()
        )]
    );
    let without_text = format!("{SET}[[cards]]\nid = \"a\"\nkind = \"cloze\"\n");
    assert_eq!(places(&without_text)[0].2, "this card has no \"text\"");
}

#[test]
fn a_bad_deletion_is_located_at_its_column() {
    let text =
        format!("{SET}[[cards]]\nid = \"a\"\nkind = \"cloze\"\ntext = \"In {{{{c1::1950\"\n");
    assert_eq!(
        places(&text),
        [(8, 12, "this deletion is not closed".to_string())]
    );
    let none = format!("{SET}[[cards]]\nid = \"a\"\nkind = \"cloze\"\ntext = \"no gaps\"\n");
    assert_eq!(places(&none)[0].2, "the text has no deletion");
}

#[test]
fn a_deletion_card_id_that_repeats_another_card_is_a_duplicate() {
    let text = format!(
        "{SET}[[cards]]\nid = \"a-c1\"\nkind = \"recall\"\nprompt = \"Q\"\nanswer = \"A\"\n\n\
         [[cards]]\nid = \"a\"\nkind = \"cloze\"\ntext = \"{{{{c1::x}}}} y\"\n"
    );
    let found = places(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (12, 6));
    assert!(found[0].2.contains("a-c1"), "{found:?}");
}
