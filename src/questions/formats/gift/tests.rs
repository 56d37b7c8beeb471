use proptest::prelude::*;

use super::{read, write};
use crate::questions::model::{Card, CardId, CardKind, QuestionSet, SetId};

const FIXTURE: &str = include_str!("../../../../tests/fixtures/formats/korean-war.gift");

fn text(answer: &str, accept: &[&str]) -> CardKind {
    CardKind::Text {
        answer: answer.into(),
        accept: accept.iter().map(|a| a.to_string()).collect(),
    }
}

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

/// A card's id, prompt, kind, tags and explanation.
type Expected = (
    &'static str,
    &'static str,
    CardKind,
    &'static [&'static str],
    Option<&'static str>,
);

#[test]
fn the_fixture_reads_every_question_type_moodle_documents() {
    let imported = read(FIXTURE).unwrap();
    const ORIGINS: &[&str] = &["origins"];
    const NUMBERS: &[&str] = &["numbers"];
    let expected: Vec<Expected> = vec![
        (
            "stalin-approval",
            "Who approved Kim Il Sung's plan to attack the South in spring 1950?",
            CardKind::Choice {
                choices: strings(&["Stalin", "Truman", "Syngman Rhee"]),
                answer: "Stalin".into(),
                shuffle: true,
            },
            ORIGINS,
            Some(
                "Kim still needed Mao's agreement as well.\nStalin: Kim's visit to Moscow won \
                 his approval.\nTruman: He was the US president.",
            ),
        ),
        (
            "treaty-month",
            "The Sino-Soviet treaty was signed in February 1950.",
            CardKind::TrueFalse { answer: true },
            ORIGINS,
            None,
        ),
        (
            "parallel-false",
            "The war began along the 17th parallel.",
            CardKind::TrueFalse { answer: false },
            ORIGINS,
            Some("Wrong: it was the 38th."),
        ),
        (
            "q-fa3608e081",
            "Which port did UN forces land at on 15 September 1950?",
            text("Inchon", &["Incheon"]),
            ORIGINS,
            None,
        ),
        (
            "inchon-date",
            "The Inchon landing took place on _____ under MacArthur's command.",
            text("15 September 1950", &["September 15, 1950"]),
            ORIGINS,
            None,
        ),
        (
            "allies-1950",
            "Which countries signed the February 1950 treaty?",
            CardKind::Multi {
                choices: strings(&["the USSR", "the People's Republic of China", "North Korea"]),
                answers: strings(&["the USSR", "the People's Republic of China"]),
                shuffle: true,
            },
            ORIGINS,
            None,
        ),
        (
            "war-year",
            "In which year did the Korean War begin?",
            CardKind::Number {
                answer: 1950.0,
                tolerance: 0.0,
            },
            NUMBERS,
            None,
        ),
        (
            "parallel-number",
            "Which parallel divided Korea?",
            CardKind::Number {
                answer: 38.0,
                tolerance: 0.5,
            },
            NUMBERS,
            None,
        ),
        (
            "landing-day",
            "On which day of September 1950 did the Inchon landing happen?",
            CardKind::Number {
                answer: 15.0,
                tolerance: 1.0,
            },
            NUMBERS,
            None,
        ),
        (
            "escapes",
            "Kim Il Sung's army crossed the 38th parallel: what was its name?\nAnswer in full.",
            text("Korean People's Army", &["KPA = North Korean army"]),
            NUMBERS,
            None,
        ),
    ];
    assert_eq!(imported.cards.len(), expected.len());
    for (card, (id, prompt, kind, tags, explanation)) in imported.cards.iter().zip(expected) {
        assert_eq!(card.id.as_str(), id);
        assert_eq!(card.prompt, prompt, "{id}");
        assert_eq!(card.kind, kind, "{id}");
        assert_eq!(card.tags, strings(tags), "{id}");
        assert_eq!(card.explanation.as_deref(), explanation, "{id}");
    }
    assert_eq!(
        imported.notes,
        [
            "line 47: essay question skipped: studyhall has no essay cards",
            "line 50: description skipped: it asks nothing (it has no answer block)",
            "line 53: matching question skipped: studyhall has no matching cards",
        ]
    );
}

#[test]
fn an_unnamed_question_keeps_its_id_while_unchanged() {
    let question = "Which port? {=Inchon}";
    let first = read(question).unwrap().cards[0].id.clone();
    let moved = read(&format!("::a:: Other? {{T}}\n\n// a comment\n{question}\n")).unwrap();
    assert_eq!(moved.cards[1].id, first);
    let changed = read("Which port? {=Incheon}").unwrap().cards[0].id.clone();
    assert_ne!(changed, first);
    let twice = read(&format!("{question}\n\n{question}")).unwrap();
    assert_eq!(twice.cards[1].id.as_str(), format!("{first}-2"));
}

fn problems(text: &str) -> Vec<(usize, usize, String)> {
    read(text)
        .unwrap_err()
        .into_iter()
        .map(|d| (d.line, d.column, d.message))
        .collect()
}

#[test]
fn each_kind_of_error_is_reported_at_its_file_line_and_column() {
    let file = "// errors, and one question without any\n\
                ::a:: Unclosed? {=yes\n\
                \n\
                ::b:: No right answer? {~x ~y}\n\
                \n\
                ::c:: A bad number? {#19x3}\n\
                \n\
                ::d:: Backwards? {#1953..1950}\n\
                \n\
                ::fine:: Nothing wrong here? {T}\n\
                \n\
                ::e:: Two right? {=x =y ~z}\n\
                \n\
                ::f:: Too many? {=1 ~2 ~3 ~4 ~5 ~6 ~7 ~8 ~9 ~10 ~11}\n\
                \n\
                ::g:: Repeated? {=x ~x}\n\
                \n\
                ::h:: Unmarked? { x }\n\
                \n\
                ::i:: Two blocks {T} and {F}\n\
                \n\
                ::j Name not closed {T}\n\
                \n\
                ::k:: Bad weight? {~%half%x ~y}\n";
    assert_eq!(
        problems(file),
        [
            (2, 17, "this answer block is not closed".to_string()),
            (
                4,
                24,
                "this choice question has no right answer".to_string()
            ),
            (6, 23, "\"19x3\" is not a number".to_string()),
            (
                8,
                20,
                "the range 1953..1950 ends below its start".to_string()
            ),
            (
                12,
                22,
                "a choice question with more than one right answer (=)".to_string()
            ),
            (
                14,
                1,
                "\"choices\" has 11 options; a card takes at most 10".to_string()
            ),
            (16, 1, "choice \"x\" is listed twice".to_string()),
            (
                18,
                19,
                "an answer that is not marked right (=) or wrong (~)".to_string()
            ),
            (20, 26, "a second answer block after the first".to_string()),
            (22, 1, "the question's name is not closed".to_string()),
            (24, 21, "the weight %half% is not a number".to_string()),
        ]
    );
}

#[test]
fn two_questions_with_one_name_are_an_error_at_the_second() {
    let file = "::Treaty:: Signed in 1950? {T}\n\n::treaty:: Signed in 1949? {F}\n";
    let errors = read(file).unwrap_err();
    assert_eq!((errors[0].line, errors[0].column), (3, 1));
    assert_eq!(
        errors[0].message,
        "duplicate card id \"treaty\", first used on line 1"
    );
}

#[test]
fn a_name_without_letters_and_empty_answers_are_refused() {
    assert_eq!(
        problems("::!!:: Who? {=Kim}"),
        [(1, 1, "the name \"!!\" gives no card id".to_string())]
    );
    assert_eq!(
        problems("Who? {=Kim ~}"),
        [(1, 12, "an empty answer".to_string())]
    );
    assert_eq!(
        problems("Which year? {#}"),
        [(1, 15, "a numeric answer without its number".to_string())]
    );
}

#[test]
fn numeric_answers_with_several_values_take_the_full_credit_one() {
    let cards = read("When? {#=1950:1 #Right =%50%1949 ~1800 #No}")
        .unwrap()
        .cards;
    assert_eq!(
        cards[0].kind,
        CardKind::Number {
            answer: 1950.0,
            tolerance: 1.0
        }
    );
    assert_eq!(cards[0].explanation.as_deref(), Some("Right"));
}

#[test]
fn partial_credit_and_images_are_noted() {
    let imported =
        read("[html]Who? <img src=\"kim.png\"> {=Kim Il Sung =%50%Kim ~Rhee}\n").unwrap();
    assert_eq!(imported.cards[0].prompt, "Who?");
    assert_eq!(
        imported.notes,
        [
            "line 1: partial credit for \"Kim\" dropped: a card's answer is right or wrong",
            "line 1: image not imported: kim.png",
        ]
    );
}

fn card(id: &str, prompt: &str, kind: CardKind, explanation: Option<&str>) -> Card {
    Card {
        id: CardId::parse(id).unwrap(),
        prompt: prompt.into(),
        kind,
        tags: Vec::new(),
        explanation: explanation.map(str::to_string),
        source: None,
    }
}

fn set(cards: Vec<Card>) -> QuestionSet {
    QuestionSet {
        id: SetId::parse("korean-war").unwrap(),
        title: "The Korean War".into(),
        description: None,
        source: None,
        cards,
    }
}

#[test]
fn the_written_file_reads_back_as_the_same_cards() {
    let cards = vec![
        card(
            "choice",
            "Who approved {the plan}: Stalin = Mao?",
            CardKind::Choice {
                choices: strings(&["Stalin", "Mao ~ Zedong", "Kim #1", "a\\b"]),
                answer: "Mao ~ Zedong".into(),
                shuffle: true,
            },
            Some("Line one\nline two: #3"),
        ),
        card(
            "multi",
            "[Pick] all that signed",
            CardKind::Multi {
                choices: strings(&["USSR", "PRC", "DPRK", "ROK"]),
                answers: strings(&["USSR", "PRC", "DPRK"]),
                shuffle: true,
            },
            None,
        ),
        card(
            "tf",
            "True?",
            CardKind::TrueFalse { answer: false },
            Some("no"),
        ),
        card("text", "Where?", text("Inchon", &["Incheon", "仁川"]), None),
        card(
            "number",
            "Which parallel?",
            CardKind::Number {
                answer: 38.25,
                tolerance: 0.1,
            },
            None,
        ),
        card(
            "negative",
            "Below zero?",
            CardKind::Number {
                answer: -5.0,
                tolerance: 0.0,
            },
            None,
        ),
    ];
    let written = write(&set(cards.clone()));
    let read_back = read(&written).unwrap_or_else(|errors| panic!("{errors:?}\n{written}"));
    assert_eq!(read_back.cards, cards, "{written}");
    assert!(read_back.notes.is_empty());
}

#[test]
fn dates_cloze_and_recall_cards_tags_sources_and_the_title_read_back_as_written() {
    let date = crate::questions::model::PartialDate::parse_iso("1950-09-15").unwrap();
    let mut tagged = card(
        "landing",
        "When did UN forces land at Inchon?",
        CardKind::Date { answer: date },
        Some("Operation Chromite"),
    );
    tagged.tags = strings(&["date", "place"]);
    tagged.source = Some("paragraph 12".into());
    let recall = card(
        "why",
        "Why did Stalin agree?\nIn your own words.",
        CardKind::Recall {
            answer: "Soviet interests: {a warm-water port}".into(),
        },
        Some("Two lines\nof explanation"),
    );
    let year = card(
        "year",
        "Which year?",
        CardKind::Date {
            answer: crate::questions::model::PartialDate::parse_iso("1953").unwrap(),
        },
        None,
    );
    let in_order = card(
        "order",
        "First?",
        CardKind::Choice {
            choices: strings(&["1950", "1951", "1952"]),
            answer: "1950".into(),
            shuffle: false,
        },
        None,
    );
    let cloze = crate::questions::cloze::cards(
        &CardId::parse("treaty").unwrap(),
        "The {{c1::Sino-Soviet}} treaty was signed in {{c2::February 1950::month}}.",
        &strings(&["treaty"]),
        Some("Moscow"),
        Some("paragraph 9"),
    )
    .unwrap();
    let mut cards = vec![tagged, recall, year, in_order];
    cards.extend(cloze);
    let mut written_set = set(cards.clone());
    written_set.description = Some("Dates \"and\" motives".into());
    written_set.source = Some("the essay".into());
    let written = write(&written_set);
    // What Moodle reads: the date as a short answer, the cloze gap, the recall card commented.
    assert!(
        written.contains(
            "::landing:: When did UN forces land at Inchon? {=15 September 1950 =1950-09-15"
        ),
        "{written}"
    );
    assert!(
        written.contains(
            "::treaty-c2:: The Sino-Soviet treaty was signed in [month]. {=February 1950\n"
        ),
        "{written}"
    );
    assert!(
        written.contains("// studyhall: { kind = \"recall\" }\n// ::why:: Why did Stalin agree?\\nIn your own words. {=Soviet interests\\: \\{a warm-water port\\}\n"),
        "{written}"
    );
    let read_back = read(&written).unwrap_or_else(|errors| panic!("{errors:?}\n{written}"));
    assert_eq!(read_back.cards, cards, "{written}");
    assert_eq!(read_back.title.as_deref(), Some("The Korean War"));
    assert_eq!(
        read_back.description.as_deref(),
        Some("Dates \"and\" motives")
    );
    assert_eq!(read_back.source.as_deref(), Some("the essay"));
    assert!(read_back.notes.is_empty(), "{:?}", read_back.notes);
}

#[test]
fn a_studyhall_comment_that_does_not_fit_is_an_error_at_its_place() {
    let cases: [(&str, (usize, usize), &str); 6] = [
        (
            "// studyhall: { kind = \"essay\" }\nQ {=a}\n",
            (1, 24),
            "unknown variant",
        ),
        (
            "// studyhall: { colour = 1 }\nQ {=a}\n",
            (1, 17),
            "unknown field",
        ),
        ("// studyhall: { kind = \"date\"\nQ {=a}\n", (1, 30), ""),
        (
            "// studyhall: { kind = \"date\" }\nWhen? {=soon}\n",
            (2, 1),
            "no answer of the question is a date",
        ),
        (
            "// studyhall: { kind = \"cloze\", text = \"A {{c1::b}}\" }\n::x:: Q {=b}\n",
            (2, 1),
            "named ID-cN",
        ),
        (
            "// studyhall: { kind = \"recall\" }\nQ {T}\n",
            (2, 1),
            "not a short answer",
        ),
    ];
    for (text, at, message) in cases {
        let found = problems(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!((found[0].0, found[0].1), at, "{text}: {found:?}");
        assert!(found[0].2.contains(message), "{text}: {found:?}");
    }
    // Another tool's comments, and studyhall's on the set, are not a card's.
    let other = read("// tags: not ours\n// studyhall set: { title = \"T\" }\nQ {=a}\n").unwrap();
    assert_eq!(other.cards[0].tags, Vec::<String>::new());
    assert_eq!(other.title.as_deref(), Some("T"));
}

fn any_kind() -> impl Strategy<Value = CardKind> {
    let word = "[A-Za-z0-9~=#{}:\\\\%\\[\\]]([A-Za-z0-9 ~=#{}:\\\\%\\[\\]]{0,12}[A-Za-z0-9])?";
    prop_oneof![
        (
            proptest::collection::hash_set(word, 2..6),
            any::<prop::sample::Index>()
        )
            .prop_map(|(choices, pick)| {
                let choices: Vec<String> = choices.into_iter().collect();
                let answer = pick.get(&choices).clone();
                CardKind::Choice {
                    choices,
                    answer,
                    shuffle: true,
                }
            }),
        (proptest::collection::hash_set(word, 2..6), 1usize..5).prop_map(|(choices, count)| {
            let choices: Vec<String> = choices.into_iter().collect();
            let answers = choices[..count.min(choices.len())].to_vec();
            CardKind::Multi {
                choices,
                answers,
                shuffle: true,
            }
        }),
        any::<bool>().prop_map(|answer| CardKind::TrueFalse { answer }),
        (word, proptest::collection::vec(word, 0..3))
            .prop_map(|(answer, accept)| { CardKind::Text { answer, accept } }),
        (-1e9f64..1e9, 0f64..100.0)
            .prop_map(|(answer, tolerance)| CardKind::Number { answer, tolerance }),
        word.prop_map(|answer| CardKind::Recall { answer }),
        (
            1000i16..2100,
            proptest::option::of((1u8..13, proptest::option::of(1u8..29)))
        )
            .prop_map(|(year, month)| {
                let answer = match month {
                    None => crate::questions::model::PartialDate::year(year),
                    Some((month, None)) => {
                        crate::questions::model::PartialDate::month(year, month).unwrap()
                    }
                    Some((month, Some(day))) => {
                        crate::questions::model::PartialDate::day(year, month, day).unwrap()
                    }
                };
                CardKind::Date { answer }
            }),
    ]
}

proptest! {
    #[test]
    fn any_text_is_read_without_panicking(text in "\\PC*") {
        let _ = read(&text);
    }

    #[test]
    fn gift_like_text_is_read_without_panicking(
        parts in proptest::collection::vec(
            "(\\{|\\}|=|~|#|##|####|%|%50%|::|->|\\\\|\\.\\.|:|\n|\n\n|//|\\$CATEGORY:|\\[html\\]|T|x|1| |<br>|&amp;)",
            0..40,
        )
    ) {
        let _ = read(&parts.concat());
    }

    #[test]
    fn written_cards_read_back_the_same(
        kinds in proptest::collection::vec(any_kind(), 1..5),
        prompt in "[A-Za-z0-9~=#{}:\\\\\\[\\]]([A-Za-z0-9 ~=#{}:\\\\\\[\\]\n]{0,20}[A-Za-z?])?",
        explanation in proptest::option::of("[a-z]([A-Za-z0-9 ~=#{}:\n]{0,10}[a-z])?"),
        tags in proptest::collection::btree_set("[a-z][a-z0-9-]{0,8}", 0..3),
        source in proptest::option::of("[A-Za-z0-9 \"\\\\]{1,12}"),
    ) {
        let cards: Vec<Card> = kinds
            .into_iter()
            .enumerate()
            .map(|(index, kind)| {
                let mut card = card(&format!("c{index}"), &prompt, kind, explanation.as_deref());
                card.tags = tags.iter().cloned().collect();
                card.source = source.clone();
                card
            })
            .filter(|card| crate::questions::formats::card_rules::problems(card).is_empty())
            .collect();
        let written = write(&set(cards.clone()));
        let read_back = read(&written);
        prop_assert_eq!(read_back.map(|imported| imported.cards), Ok(cards), "{}", written);
    }
}

#[test]
fn a_category_tags_its_questions_with_its_own_part_not_moodles() {
    let tags_of = |path: &str| {
        let text = format!("$CATEGORY: {path}\n\nQ {{=a}}\n");
        read(&text).unwrap().cards[0].tags.clone()
    };
    assert_eq!(
        tags_of("$course$/top/Korean War/Inchon"),
        strings(&["inchon"])
    );
    // What Moodle's own export writes for a course's questions left uncategorised.
    assert!(tags_of("$course$/top/Default for History 101").is_empty());
    assert_eq!(
        tags_of("$course$/top/Cold War/Default for History 101"),
        strings(&["cold-war"])
    );
    assert!(tags_of("$course$/top").is_empty());
}

/// What Moodle's own "Export questions" writes: `// question: N  name: …` comments, the
/// course's default category, `[html]` texts, `=%100%` and `~%0%` weights, empty feedback.
#[test]
fn a_file_as_moodle_exports_it_reads_as_the_questions_it_holds() {
    let file = include_str!("../../../../tests/fixtures/formats/moodle-export.gift");
    let imported = read(file).unwrap_or_else(|errors| panic!("{errors:?}"));
    let cards: Vec<(&str, &str, &CardKind)> = imported
        .cards
        .iter()
        .map(|card| (card.id.as_str(), card.prompt.as_str(), &card.kind))
        .collect();
    assert_eq!(
        cards,
        [
            (
                "korean-war-start",
                "In which year did the Korean War start?",
                &CardKind::Choice {
                    choices: strings(&["1950", "1951", "1953"]),
                    answer: "1950".into(),
                    shuffle: true,
                }
            ),
            (
                "inchon",
                "Where did MacArthur land in September 1950?",
                &text("Inchon", &["Incheon"])
            ),
            (
                "parallel",
                "Which parallel divided Korea?",
                &CardKind::Number {
                    answer: 38.0,
                    tolerance: 0.0
                }
            ),
            (
                "stalin-approved",
                "Stalin approved Kim's plan in 1950.",
                &CardKind::TrueFalse { answer: true }
            ),
            (
                "signatories",
                "Which states signed the armistice?",
                &CardKind::Multi {
                    choices: strings(&["UN Command", "North Korea", "South Korea"]),
                    answers: strings(&["UN Command", "North Korea"]),
                    shuffle: true,
                }
            ),
        ]
    );
    assert!(imported.cards.iter().all(|card| card.tags.is_empty()));
    assert_eq!(
        imported.cards[3].explanation.as_deref(),
        Some("He met Kim in Moscow.\nYes, in spring.\nNo.")
    );
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
}
