//! Tests of answer checking, one file per kind, mostly through the public [`check`](super::check).

mod choice;
mod date;
mod names;
mod number;
mod properties;
mod quality;
mod readme;
mod shapes;
mod table;
mod text;

use super::{Checked, Response, check};
use crate::questions::{CardKind, PartialDate};

fn text(given: &str) -> Response {
    Response::Text(given.to_string())
}

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|text| text.to_string()).collect()
}

/// Checks a response that has the kind's shape.
fn checked(kind: &CardKind, response: Response) -> Checked {
    check(kind, &response).expect("the response has the card kind's shape")
}

fn text_card(answer: &str, accept: &[&str]) -> CardKind {
    CardKind::Text {
        answer: answer.to_string(),
        accept: strings(accept),
    }
}

fn date_card(iso: &str) -> CardKind {
    CardKind::Date {
        answer: PartialDate::parse_iso(iso).expect("a card date in ISO form"),
    }
}

fn number_card(answer: f64, tolerance: f64) -> CardKind {
    CardKind::Number { answer, tolerance }
}
