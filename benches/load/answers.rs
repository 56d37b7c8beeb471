//! What a simulated student answers: right about two times in three, wrong otherwise, in the
//! JSON shape the API takes for the card's kind, with a grade the verdict allows. The driver
//! checks the answer with the server's own checker first, so it never sends a grade the server
//! must refuse (a refusal would count as an error).

use serde_json::{Value, json};
use studyhall::questions::check::{Response, check, grade_options};
use studyhall::questions::{Card, CardKind};

use crate::random::Random;

/// The JSON body of `POST /api/v1/sets/{set}/answers` for `card`.
pub fn answer_body(card: &Card, review_token: &str, random: &mut Random) -> Vec<u8> {
    let right = random.below(3) < 2;
    let (answer, response) = answer(&card.kind, right);
    let quality = check(&card.kind, &response).ok().and_then(|checked| {
        let options = grade_options(&checked);
        let choices = options.choices;
        (!choices.is_empty()).then(|| choices[random.below(choices.len())].quality.value())
    });
    let body = json!({
        "card_id": card.id.as_str(),
        "review_token": review_token,
        "answer": answer,
        "quality": quality,
        "duration_ms": 2_000 + random.below(20_000),
    });
    serde_json::to_vec(&body).unwrap_or_default()
}

/// The answer as JSON and as the checker's [`Response`].
fn answer(kind: &CardKind, right: bool) -> (Value, Response) {
    match kind {
        CardKind::Recall { .. } => (Value::Null, Response::Recall),
        CardKind::Text { answer, .. } => text(if right {
            answer.clone()
        } else {
            "no idea at all".into()
        }),
        CardKind::Cloze { .. } => text(if right {
            kind.expected_text()
        } else {
            "no idea at all".into()
        }),
        CardKind::Choice {
            choices, answer, ..
        } => {
            let wrong = choices
                .iter()
                .find(|choice| *choice != answer)
                .unwrap_or(answer);
            text(if right { answer.clone() } else { wrong.clone() })
        }
        CardKind::Multi {
            choices, answers, ..
        } => {
            let picked: Vec<String> = if right {
                answers.clone()
            } else {
                choices
                    .iter()
                    .filter(|choice| !answers.contains(choice))
                    .take(1)
                    .cloned()
                    .collect()
            };
            (json!(picked), Response::Choices(picked))
        }
        CardKind::TrueFalse { answer } => {
            let given = *answer == right;
            (json!(given), Response::Bool(given))
        }
        CardKind::Date { answer } => {
            let year = answer.year_part() + if right { 0 } else { 7 };
            let written = match answer.month_part() {
                Some(month) => format!("{year:04}-{month:02}"),
                None => format!("{year:04}"),
            };
            // A day-precision answer needs the day too.
            text(match answer.day_part() {
                Some(day) => format!("{written}-{day:02}"),
                None => written,
            })
        }
        CardKind::Number { answer, tolerance } => {
            let given = if right {
                *answer
            } else {
                answer + tolerance + 17.0
            };
            (json!(given), Response::Number(given))
        }
    }
}

fn text(given: String) -> (Value, Response) {
    (Value::String(given.clone()), Response::Text(given))
}
