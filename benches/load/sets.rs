//! Made-up question sets of any size, for the benchmarks: every kind of card in turn, with
//! prompts and answers of realistic length. Built from the domain types and written out with
//! the format's own writer, so the text is a set file that `parse_set` reads back whole.

use studyhall::questions::parse::to_toml;
use studyhall::questions::{Card, CardId, CardKind, PartialDate, QuestionSet, SetId};

/// A set `id` of `cards` cards, as a set file's text.
pub fn generated_set_text(id: &str, cards: usize) -> String {
    to_toml(&generated_set(id, cards))
}

/// A set `id` of `cards` cards, cycling through the seven kinds.
pub fn generated_set(id: &str, cards: usize) -> QuestionSet {
    QuestionSet {
        id: SetId::parse(id).expect("a generated set id is valid"),
        title: format!("Generated set {id} ({cards} cards)"),
        description: Some("Made-up cards for the benchmarks: every kind in turn.".into()),
        source: None,
        cards: (0..cards).map(generated_card).collect(),
    }
}

fn generated_card(number: usize) -> Card {
    let topic = TOPICS[number % TOPICS.len()];
    let year = 1900 + (number % 120) as i16;
    let choices = |answer: &str| -> Vec<String> {
        let mut choices: Vec<String> = TOPICS.iter().take(4).map(|t| (*t).to_string()).collect();
        if !choices.iter().any(|choice| choice == answer) {
            choices[3] = answer.to_string();
        }
        choices
    };
    let kind = match number % 7 {
        0 => CardKind::Recall {
            answer: format!("The {topic} shaped the events of {year} more than any treaty did."),
        },
        1 => CardKind::Text {
            answer: format!("{topic} {number}"),
            accept: vec![format!("the {topic} {number}")],
        },
        2 => CardKind::Choice {
            answer: topic.to_string(),
            choices: choices(topic),
            shuffle: true,
        },
        3 => CardKind::Multi {
            choices: TOPICS.iter().take(5).map(|t| (*t).to_string()).collect(),
            answers: TOPICS
                .iter()
                .skip(number % 3)
                .take(2)
                .map(|t| (*t).to_string())
                .collect(),
            shuffle: true,
        },
        4 => CardKind::TrueFalse {
            answer: number.is_multiple_of(2),
        },
        5 => CardKind::Date {
            answer: PartialDate::month(year, 1 + (number % 12) as u8)
                .expect("months 1 to 12 exist in every year"),
        },
        _ => CardKind::Number {
            answer: (number % 1000) as f64,
            tolerance: (number % 3) as f64,
        },
    };
    Card {
        id: CardId::parse(&format!("card-{number:06}")).expect("a generated card id is valid"),
        prompt: format!(
            "Card {number}: what does the essay say about the {topic}, and how did it matter in {year}?"
        ),
        kind,
        tags: vec![topic.to_lowercase().replace(' ', "-")],
        explanation: Some(format!(
            "Paragraph {} of the source discusses the {topic} at length.",
            number % 40
        )),
        source: Some(format!("paragraph {}", number % 40)),
    }
}

const TOPICS: [&str; 8] = [
    "Yalta agreement",
    "Chinese Changchun Railway",
    "Port Arthur",
    "Sino-Soviet treaty",
    "Acheson speech",
    "Inchon landing",
    "Yalu River",
    "Thirty-eighth parallel",
];
