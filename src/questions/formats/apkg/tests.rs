//! The reader against packages made by the real Anki (`tests/fixtures/anki`, made by
//! `make_decks.py` there) in each layout, against hostile packages, and the writer read back.

use std::io::{Cursor, Write};

use proptest::prelude::*;
use zip::write::SimpleFileOptions;

use super::limits::{MOST_COLLECTION_BYTES, MOST_FIELD_BYTES};
use super::*;
use crate::questions::cloze;
use crate::questions::model::{Card, CardId, CardKind, PartialDate, QuestionSet, SetId};

const FIXTURES: [(&str, &[u8]); 4] = [
    (
        "korean-war-anki2.apkg",
        include_bytes!("../../../../tests/fixtures/anki/korean-war-anki2.apkg"),
    ),
    (
        "korean-war-legacy.apkg",
        include_bytes!("../../../../tests/fixtures/anki/korean-war-legacy.apkg"),
    ),
    (
        "korean-war.apkg",
        include_bytes!("../../../../tests/fixtures/anki/korean-war.apkg"),
    ),
    (
        "korean-war.colpkg",
        include_bytes!("../../../../tests/fixtures/anki/korean-war.colpkg"),
    ),
];

/// A card as the tests compare it: id, kind, prompt, expected answer, tags, explanation.
type Seen = (
    String,
    &'static str,
    String,
    String,
    Vec<String>,
    Option<String>,
);

fn seen(card: &Card) -> Seen {
    (
        card.id.to_string(),
        card.kind.name(),
        card.prompt.clone(),
        card.kind.expected_text(),
        card.tags.clone(),
        card.explanation.clone(),
    )
}

fn expected() -> Vec<Seen> {
    let seoul = "Seoul fell on {{c1::28 June::day}} and was retaken in {{c2::late September}}; \
                 {{c1::Kim Il-sung}} & his army had pushed south.";
    let card = |id: &str, kind, prompt: &str, answer: &str, tags: &[&str]| {
        (
            id.to_string(),
            kind,
            prompt.to_string(),
            answer.to_string(),
            tags.iter().map(|tag| tag.to_string()).collect(),
            None,
        )
    };
    let extra = Some("The capital changed hands twice in 1950 <and again in 1951>.".to_string());
    let osan = "The first US ground unit to fight, at Osan";
    let chromite = "The amphibious landing at Inchon, September 1950";
    let seoul_1 = "Seoul fell on [day] and was retaken in late September; […] & his army had \
                   pushed south.";
    let seoul_2 = "Seoul fell on 28 June and was retaken in […]; Kim Il-sung & his army had \
                   pushed south.";
    assert!(cloze::deletions(seoul).is_ok());
    vec![
        card(
            "n-03ee375888",
            "recall",
            "Which river did the front stabilise on in the Pusan Perimeter?",
            "The Naktong River",
            &["geography", "pusan"],
        ),
        card(
            "inchon-commander",
            "recall",
            "Who led UN forces at Inchon?",
            "General Douglas MacArthur\n(commander of UN Command)",
            &["inchon", "people"],
        ),
        card(
            "n-b760db8ded",
            "recall",
            "Operation Chromite",
            chromite,
            &["inchon"],
        ),
        card(
            "n-b760db8ded-t1",
            "recall",
            chromite,
            "Operation Chromite",
            &["inchon"],
        ),
        card(
            "n-45b47b1666",
            "recall",
            "38th parallel",
            "The line dividing the two Koreas in June 1950",
            &["border"],
        ),
        card("n-57b58ac589", "recall", "Task Force Smith", osan, &[]),
        card("n-57b58ac589-t1", "recall", osan, "Task Force Smith", &[]),
        card(
            "n-136b185ab0",
            "text",
            "In which month of 1950 did the North invade the South?",
            "June",
            &["dates"],
        ),
        (
            "n-7ebd760151-c1".into(),
            "cloze",
            seoul_1.into(),
            "28 June, Kim Il-sung".into(),
            vec!["cloze".into(), "seoul".into()],
            extra.clone(),
        ),
        (
            "n-7ebd760151-c2".into(),
            "cloze",
            seoul_2.into(),
            "late September".into(),
            vec!["cloze".into(), "seoul".into()],
            extra,
        ),
        card(
            "china-enters-c1",
            "cloze",
            "China entered the war in […] 1950.",
            "October",
            &[],
        ),
        card(
            "n-65b318546f",
            "recall",
            "Battle of the Chŏsin Reservoir\nNorth Korea",
            "November–December 1950",
            &["battles"],
        ),
    ]
}

#[test]
fn every_layout_anki_writes_reads_as_the_same_cards() {
    for (name, bytes) in FIXTURES {
        let imported = read(bytes).unwrap_or_else(|problem| panic!("{name}: {problem:?}"));
        let cards: Vec<Seen> = imported.cards.iter().map(seen).collect();
        assert_eq!(cards, expected(), "{name}");
        assert_eq!(
            imported.title.as_deref(),
            Some("Korean War / 1950"),
            "{name}"
        );
        assert_eq!(
            imported.notes,
            ["media not imported: seoul.jpg, x.mp3"],
            "{name}"
        );
        let CardKind::Cloze { text, .. } = &imported.cards[8].kind else {
            panic!("{name}: the ninth card is a cloze card");
        };
        assert!(
            text.starts_with("Seoul fell on {{c1::28 June::day}}"),
            "{text}"
        );
    }
}

fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(false);
    for (name, bytes) in members {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn refused(bytes: &[u8]) -> Problem {
    match read(bytes) {
        Err(problem) => {
            assert!(problem.fix.len() > 10, "{problem:?} says how to fix it");
            problem
        }
        Ok(imported) => panic!("read {} cards from a hostile package", imported.cards.len()),
    }
}

use crate::questions::rules::Problem;

#[test]
fn what_is_not_a_package_is_refused_with_what_to_do() {
    assert!(refused(b"not a zip").message.contains("not a zip"));
    assert!(refused(&[]).message.contains("not a zip"));
    let empty = zip_of(&[]);
    assert!(refused(&empty).message.contains("no Anki collection"));
    let text = zip_of(&[("collection.anki2", b"hello, this is not SQLite")]);
    assert!(refused(&text).message.contains("not an SQLite database"));
    let mut damaged = b"SQLite format 3\0".to_vec();
    damaged.extend(std::iter::repeat_n(0xA5u8, 4096));
    let damaged = zip_of(&[("collection.anki21", &damaged)]);
    assert!(refused(&damaged).message.contains("cannot be read"));
    let not_zstd = zip_of(&[("collection.anki21b", b"SQLite format 3\0")]);
    assert!(refused(&not_zstd).message.contains("cannot be unpacked"));
}

#[test]
fn a_member_that_unpacks_past_the_limit_is_refused_without_reading_it_all() {
    // zstd frames follow one another in a stream: one frame of 8 MB of zeros (a few hundred
    // bytes packed), repeated until the whole would unpack one frame past the limit.
    let frame = zstd::bulk::compress(&vec![0u8; 8 << 20], 1).unwrap();
    let count = MOST_COLLECTION_BYTES / (8 << 20) + 1;
    let bomb: Vec<u8> = frame.repeat(count);
    assert!(bomb.len() < 1 << 20, "the bomb is small: {}", bomb.len());
    let package = zip_of(&[("collection.anki21b", &bomb)]);
    let problem = refused(&package);
    assert!(problem.message.contains("more than 512 MB"), "{problem:?}");
}

#[test]
fn a_package_over_the_limit_is_refused_before_it_is_unzipped() {
    let huge = vec![0u8; limits::MOST_PACKAGE_BYTES + 1];
    assert!(
        refused(&huge)
            .message
            .contains("studyhall reads packages up to")
    );
}

fn set(cards: Vec<Card>) -> QuestionSet {
    QuestionSet {
        id: SetId::parse("korean-war").unwrap(),
        title: "Korean War, 1950".into(),
        description: None,
        source: None,
        cards,
    }
}

fn card(id: &str, prompt: &str, kind: CardKind) -> Card {
    Card {
        id: CardId::parse(id).unwrap(),
        prompt: prompt.into(),
        kind,
        tags: vec!["korea".into(), "two words".into()],
        explanation: None,
        source: None,
    }
}

#[test]
fn a_field_past_the_limit_is_refused() {
    let long = "x".repeat(MOST_FIELD_BYTES + 1);
    let recall = CardKind::Recall { answer: "y".into() };
    let package = write(&set(vec![card("long", &long, recall)])).unwrap();
    let problem = refused(&package);
    assert!(
        problem.message.contains("fields up to 100 kB"),
        "{problem:?}"
    );
}

#[test]
fn a_written_set_reads_back_with_its_ids_and_answers() {
    let base = CardId::parse("seoul").unwrap();
    let mut clozes = cloze::cards(
        &base,
        "Seoul fell in {{c1::June}} & was retaken in {{c2::September}}.",
        &["korea".into()],
        Some("Twice in 1950."),
        None,
    )
    .unwrap();
    let mut cards = vec![
        card(
            "naktong",
            "Which river?",
            CardKind::Recall {
                answer: "The <Naktong>".into(),
            },
        ),
        card(
            "invasion-month",
            "Which month?",
            CardKind::Text {
                answer: "June".into(),
                accept: vec!["Jun".into()],
            },
        ),
        card(
            "inchon",
            "Who landed at Inchon?",
            CardKind::Choice {
                choices: vec!["MacArthur".into(), "Ridgway".into()],
                answer: "MacArthur".into(),
                shuffle: true,
            },
        ),
        card(
            "invasion-date",
            "When did the invasion begin?",
            CardKind::Date {
                answer: PartialDate::parse_iso("1950-06-25").unwrap(),
            },
        ),
    ];
    cards[0].explanation = Some("It held the Pusan Perimeter.".into());
    cards.append(&mut clozes);
    let package = write(&set(cards)).unwrap();
    let imported = read(&package).unwrap();
    assert_eq!(imported.title.as_deref(), Some("Korean War, 1950"));
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    let read: Vec<Seen> = imported.cards.iter().map(seen).collect();
    let tags = vec!["korea".to_string(), "two_words".to_string()];
    let twice = Some("Twice in 1950.".to_string());
    let expected: Vec<Seen> = vec![
        (
            "naktong".into(),
            "recall",
            "Which river?".into(),
            "The <Naktong>\n\nIt held the Pusan Perimeter.".into(),
            tags.clone(),
            None,
        ),
        (
            "invasion-month".into(),
            "text",
            "Which month?".into(),
            "June".into(),
            tags.clone(),
            None,
        ),
        (
            "inchon".into(),
            "recall",
            "Who landed at Inchon?\nMacArthur\nRidgway".into(),
            "MacArthur".into(),
            tags.clone(),
            None,
        ),
        (
            "invasion-date".into(),
            "recall",
            "When did the invasion begin?".into(),
            "1950-06-25".into(),
            tags,
            None,
        ),
        (
            "seoul-c1".into(),
            "cloze",
            "Seoul fell in […] & was retaken in September.".into(),
            "June".into(),
            vec!["korea".into()],
            twice.clone(),
        ),
        (
            "seoul-c2".into(),
            "cloze",
            "Seoul fell in June & was retaken in […].".into(),
            "September".into(),
            vec!["korea".into()],
            twice,
        ),
    ];
    assert_eq!(read, expected);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_bytes_are_read_or_refused_without_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read(&bytes);
        let _ = read(&zip_of(&[("collection.anki21", &bytes)]));
        let mut sqlite = b"SQLite format 3\0".to_vec();
        sqlite.extend(&bytes);
        let _ = read(&zip_of(&[("collection.anki2", &sqlite)]));
    }

    #[test]
    fn a_damaged_real_collection_is_read_or_refused_without_a_panic(
        at in 0usize..200_000, value in any::<u8>(), count in 1usize..64,
    ) {
        // The schema-11 fixture's collection with bytes overwritten somewhere.
        let (mut sqlite, _) = package::collection(FIXTURES[0].1).unwrap();
        let at = at % sqlite.len();
        let end = (at + count).min(sqlite.len());
        sqlite[at..end].fill(value);
        let _ = read(&zip_of(&[("collection.anki2", &sqlite)]));
    }
}
