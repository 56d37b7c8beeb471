use proptest::prelude::*;

use super::read;
use crate::questions::formats::card_ids::hashed;
use crate::questions::model::CardKind;

const FIXTURE: &str = include_str!("../../../../tests/fixtures/formats/korean-war.anki.txt");

fn recall(answer: &str) -> CardKind {
    CardKind::Recall {
        answer: answer.into(),
    }
}

#[test]
fn the_fixture_reads_as_recall_and_cloze_cards_with_tags_and_ids_from_guids() {
    let imported = read(FIXTURE).unwrap();
    assert_eq!(imported.title.as_deref(), Some("Korean War 1950"));
    let cards = &imported.cards;
    assert_eq!(cards.len(), 5);

    let front = "Who approved Kim Il Sung's plan in spring 1950?";
    assert_eq!(cards[0].id.as_str(), hashed("q", front));
    assert_eq!(cards[0].prompt, front);
    assert_eq!(
        cards[0].kind,
        recall("Stalin, after Kim's visit to Moscow\nin April 1950")
    );
    assert_eq!(cards[0].tags, ["origins", "stalin"]);

    assert_eq!(cards[1].id.as_str(), hashed("n", "k8#Qp2!xZa"));
    assert_eq!(
        cards[1].prompt,
        "Where did UN forces land on 15 September 1950?"
    );
    assert_eq!(cards[1].kind, recall("Inchon & its harbour, \"a gamble\""));
    assert_eq!(cards[1].tags, ["landing"]);

    assert_eq!(cards[2].id.as_str(), hashed("n", "Lw3&yT9@mc"));
    assert_eq!(cards[2].kind, recall("The 38th parallel"));
    assert!(cards[2].tags.is_empty());

    let base = hashed("n", "Rt5%aB1^no");
    assert_eq!(cards[3].id.as_str(), format!("{base}-c1"));
    assert_eq!(
        cards[3].prompt,
        "The Sino-Soviet treaty was signed in […] in Moscow."
    );
    assert_eq!(cards[3].kind.expected_text(), "February 1950");
    assert_eq!(cards[4].id.as_str(), format!("{base}-c2"));
    assert_eq!(cards[4].kind.expected_text(), "Moscow");
    assert_eq!(
        cards[4].explanation.as_deref(),
        Some("Mao stayed two months in Moscow.")
    );
    assert_eq!(cards[4].tags, ["treaty"]);
    for card in cards {
        assert!(crate::questions::formats::card_rules::problems(card).is_empty());
    }

    assert_eq!(
        imported.notes,
        [
            "line 8: sound not imported: inchon.mp3",
            "line 9: image not imported: map.png",
        ]
    );
}

#[test]
fn without_headers_fields_are_tab_separated_plain_text() {
    let imported = read("Kim <b>Il</b> Sung\tNorth Korea's leader\textra\n").unwrap();
    assert_eq!(imported.cards[0].prompt, "Kim <b>Il</b> Sung");
    assert_eq!(
        imported.cards[0].kind,
        recall("North Korea's leader\nextra")
    );
    assert_eq!(imported.title, None);
}

#[test]
fn other_separators_and_global_tags_and_deck() {
    let text = "#separator:Semicolon\n#deck:Korea\n#tags:war 1950\nInchon;\"15 September; 1950\"\n";
    let imported = read(text).unwrap();
    assert_eq!(imported.title.as_deref(), Some("Korea"));
    assert_eq!(imported.cards[0].kind, recall("15 September; 1950"));
    assert_eq!(imported.cards[0].tags, ["war", "1950"]);
}

#[test]
fn problems_are_reported_at_their_line_and_column() {
    let text = "#separator: dash\n#guid column:zero\nonly a front\n\tno front\nsame\tx\n";
    let errors = read(text).unwrap_err();
    let found: Vec<(usize, usize, &str)> = errors
        .iter()
        .map(|e| (e.line, e.column, e.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (1, 13, "unknown separator \"dash\""),
            (2, 14, "column \"zero\" is not a column number"),
            (
                3,
                1,
                "this note has 1 field; a card needs a front and a back"
            ),
            (4, 1, "the question is empty"),
        ]
    );
    let duplicate = read("#guid column:1\ng1\ta\tb\ng1\tc\td\n").unwrap_err();
    assert_eq!((duplicate[0].line, duplicate[0].column), (3, 1));
    assert!(duplicate[0].message.starts_with("duplicate card id"));
}

proptest! {
    #[test]
    fn any_text_is_read_without_panicking(text in "\\PC*") {
        let _ = read(&text);
    }

    #[test]
    fn anki_like_text_is_read_without_panicking(
        parts in proptest::collection::vec(
            "(#separator:(tab|comma|x)\n|#html:true\n|#guid column:1\n|#tags column:3\n|\t|,|\"|\n|x|<br>|&amp;|\\[sound:a\\]|\\{\\{c1::a\\}\\}|\\{\\{c1::)",
            0..30,
        )
    ) {
        let _ = read(&parts.concat());
    }
}

/// Exported by the real Anki (tests/fixtures/anki/make_decks.py) from the collection the
/// package fixtures hold: with every column, it reads as the package does, card for card,
/// but for the note of a type of its own (a text export has no templates to show which
/// fields are the question).
#[test]
fn anki_s_own_text_export_reads_as_its_package_does() {
    let text = include_str!("../../../../tests/fixtures/anki/korean-war-notes.txt");
    let package = include_bytes!("../../../../tests/fixtures/anki/korean-war.apkg");
    let from_text = read(text).unwrap_or_else(|errors| panic!("{errors:?}"));
    let from_package = crate::questions::formats::apkg::read(package).unwrap();
    let own_type = |card: &&crate::questions::model::Card| card.prompt.contains("Reservoir");
    let kept = |cards: &[crate::questions::model::Card]| -> Vec<crate::questions::model::Card> {
        cards
            .iter()
            .filter(|card| !own_type(card))
            .cloned()
            .collect()
    };
    assert_eq!(kept(&from_text.cards), kept(&from_package.cards));
    assert_eq!(from_text.cards.len(), from_package.cards.len());
    assert_eq!(from_text.title.as_deref(), Some("Korean War / 1950"));
    let kinds: Vec<&str> = from_text
        .cards
        .iter()
        .map(|card| card.kind.name())
        .collect();
    assert!(
        kinds.contains(&"text") && kinds.contains(&"cloze"),
        "{kinds:?}"
    );
    // The note studyhall wrote (GUID sh/inchon-commander) keeps its card id.
    assert!(
        from_text
            .cards
            .iter()
            .any(|card| card.id.as_str() == "inchon-commander")
    );

    // With its columns off (no HTML, no GUIDs, no note types), the same notes as plain
    // recall and cloze cards.
    let plain = include_str!("../../../../tests/fixtures/anki/korean-war-notes-plain.txt");
    let plain = read(plain).unwrap_or_else(|errors| panic!("{errors:?}"));
    let prompts = |cards: &[crate::questions::model::Card]| -> Vec<String> {
        cards.iter().map(|card| card.prompt.clone()).collect()
    };
    let plain_prompts = prompts(&plain.cards);
    for prompt in [
        "Which river did the front stabilise on in the Pusan Perimeter?",
        "Who led UN forces at Inchon?",
        "In which month of 1950 did the North invade the South?",
        "China entered the war in […] 1950.",
    ] {
        assert!(
            plain_prompts.iter().any(|p| p == prompt),
            "{prompt:?} in {plain_prompts:?}"
        );
    }
}
