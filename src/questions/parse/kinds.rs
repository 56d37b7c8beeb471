//! The kind-specific fields of a card: which keys each kind takes, and reading its answer
//! into a `CardKind`.

use toml::Spanned;
use toml::de::DeValue;

use super::diagnostic::Diagnostics;
use super::fields::{Fields, quoted};
use crate::questions::model::{CardKind, PartialDate};
use crate::questions::rules::{self, MOST_CHOICES};

pub(super) use crate::questions::rules::{KINDS, kind_fields as kind_keys};

/// Reads the answer of a card of the known kind `kind`. Every problem is reported; the
/// result is only meaningful when none was.
pub(super) fn read_kind(kind: &str, card: &Fields, out: &mut Diagnostics) -> Option<CardKind> {
    match kind {
        "recall" => {
            let about = "the model answer the student grades themself against";
            let answer = card.required_text("answer", about, out)?;
            Some(CardKind::Recall {
                answer: answer.into_inner(),
            })
        }
        "text" => {
            let answer = card.required_text("answer", "the expected answer", out);
            let accept = card.text_list("accept", "another answer that counts", out);
            Some(CardKind::Text {
                answer: answer?.into_inner(),
                accept: accept?.into_iter().map(Spanned::into_inner).collect(),
            })
        }
        "choice" => {
            let choices = read_choices(card, out);
            let shuffle = read_shuffle(card, out);
            let answer = card.required_text("answer", "the right choice", out)?;
            let choices = choices?;
            check_among_choices(&answer, &choices, out);
            Some(CardKind::Choice {
                choices: choices.into_iter().map(Spanned::into_inner).collect(),
                answer: answer.into_inner(),
                shuffle: shuffle?,
            })
        }
        "multi" => {
            let choices = read_choices(card, out);
            let shuffle = read_shuffle(card, out);
            let answers = read_multi_answers(card, out)?;
            let choices = choices?;
            for answer in &answers {
                check_among_choices(answer, &choices, out);
            }
            Some(CardKind::Multi {
                choices: choices.into_iter().map(Spanned::into_inner).collect(),
                answers: answers.into_iter().map(Spanned::into_inner).collect(),
                shuffle: shuffle?,
            })
        }
        "truefalse" => read_truth(card, out).map(|answer| CardKind::TrueFalse { answer }),
        "date" => read_date(card, out).map(|answer| CardKind::Date { answer }),
        "number" => {
            let answer = read_number(card, "answer", out);
            let tolerance = read_tolerance(card, out);
            Some(CardKind::Number {
                answer: answer?,
                tolerance: tolerance?,
            })
        }
        _ => None,
    }
}

/// The choices of a choice or multi card, reported when too few, too many or repeated.
/// A list of the wrong length is still returned, so answers can be checked against it.
fn read_choices(card: &Fields, out: &mut Diagnostics) -> Option<Vec<Spanned<String>>> {
    let Some(value) = card.get("choices") else {
        let fix = format!("add choices = [\"…\", \"…\"] with 2 to {MOST_CHOICES} options");
        card.report_missing("choices", fix, out);
        return None;
    };
    let choices = card.text_list("choices", "an option the student can pick", out)?;
    match rules::choice_count(choices.len()) {
        Some(problem) => out.report(value.span(), problem.message, problem.fix),
        // Past the limit, each choice's own problems would bury the one that matters.
        None => report_repeats("choice", &choices, out),
    }
    Some(choices)
}

/// Whether a choice or multi card's options are shuffled at each showing: true unless the card
/// says `shuffle = false`, which keeps them in written order.
fn read_shuffle(card: &Fields, out: &mut Diagnostics) -> Option<bool> {
    let Some(value) = card.get("shuffle") else {
        return Some(true);
    };
    if let DeValue::Boolean(shuffle) = value.get_ref() {
        return Some(*shuffle);
    }
    let fix = match value.get_ref() {
        DeValue::String(text) => match rules::shuffle_word(text) {
            Some(shuffle) => format!("remove the quotes: shuffle = {shuffle}"),
            None => "write shuffle = false to keep the choices in written order, or remove the \
                     line to shuffle them"
                .to_string(),
        },
        _ => "write shuffle = false, without quotes, to keep the choices in written order".into(),
    };
    card.report_type("\"shuffle\"", value, "true or false", fix, out);
    None
}

/// The `answers` of a multi card: at least one, none repeated.
fn read_multi_answers(card: &Fields, out: &mut Diagnostics) -> Option<Vec<Spanned<String>>> {
    let Some(value) = card.get("answers") else {
        let fix = "add answers = [\"…\"] listing the choices that must be picked";
        card.report_missing("answers", fix, out);
        return None;
    };
    let answers = card.text_list("answers", "a choice that must be picked", out)?;
    if answers.is_empty() {
        let problem = rules::no_multi_answers();
        out.report(value.span(), problem.message, problem.fix);
    }
    report_repeats("answer", &answers, out);
    Some(answers)
}

/// Reports each text that repeats an earlier one, at the repeat.
fn report_repeats(what: &str, texts: &[Spanned<String>], out: &mut Diagnostics) {
    let plain: Vec<&str> = texts.iter().map(|text| text.get_ref().as_str()).collect();
    for (index, problem) in rules::repeats(what, &plain) {
        out.report(texts[index].span(), problem.message, problem.fix);
    }
}

/// Reports `answer` unless it is exactly one of `choices`.
fn check_among_choices(
    answer: &Spanned<String>,
    choices: &[Spanned<String>],
    out: &mut Diagnostics,
) {
    if choices.len() > MOST_CHOICES {
        return;
    }
    let options: Vec<&str> = choices
        .iter()
        .map(|choice| choice.get_ref().as_str())
        .collect();
    if let Some(problem) = rules::not_among_choices(answer.get_ref(), &options) {
        out.report(answer.span(), problem.message, problem.fix);
    }
}

fn read_truth(card: &Fields, out: &mut Diagnostics) -> Option<bool> {
    let Some(value) = card.get("answer") else {
        card.report_missing("answer", "add answer = true or answer = false", out);
        return None;
    };
    match value.get_ref() {
        DeValue::Boolean(answer) => Some(*answer),
        DeValue::String(text)
            if ["true", "false"].contains(&text.trim().to_lowercase().as_str()) =>
        {
            let fix = format!("remove the quotes: answer = {}", text.trim().to_lowercase());
            card.report_type("\"answer\"", value, "true or false", fix, out);
            None
        }
        _ => {
            let fix = "write answer = true or answer = false, without quotes";
            card.report_type("\"answer\"", value, "true or false", fix, out);
            None
        }
    }
}

fn read_date(card: &Fields, out: &mut Diagnostics) -> Option<PartialDate> {
    let about =
        "the date at the precision asked, e.g. \"1950-06-25\", \"25 June 1950\" or \"June 1950\"";
    let answer = card.required_text("answer", about, out)?;
    match rules::date(answer.get_ref()) {
        Ok(date) => Some(date),
        Err(problem) => {
            out.report(answer.span(), problem.message, problem.fix);
            None
        }
    }
}

/// How far from the answer a guess may be: 0 or more, 0 when not given.
fn read_tolerance(card: &Fields, out: &mut Diagnostics) -> Option<f64> {
    let Some(value) = card.get("tolerance") else {
        return Some(0.0);
    };
    let tolerance = read_number(card, "tolerance", out)?;
    if tolerance < 0.0 {
        let problem = rules::negative_tolerance(card.written(value));
        out.report(value.span(), problem.message, problem.fix);
        return None;
    }
    Some(tolerance)
}

/// A required (`answer`) or given (`tolerance`) finite number, integer or float.
fn read_number(card: &Fields, key: &str, out: &mut Diagnostics) -> Option<f64> {
    let Some(value) = card.get(key) else {
        card.report_missing(
            key,
            format!("add {key} = 70 (a number, without quotes)"),
            out,
        );
        return None;
    };
    let number = match value.get_ref() {
        // The parser hands over the sign and digits, without radix prefix or underscores.
        DeValue::Integer(integer) => i64::from_str_radix(integer.as_str(), integer.radix())
            .ok()
            .map(|integer| integer as f64),
        DeValue::Float(float) => float.as_str().parse::<f64>().ok(),
        DeValue::String(text) if text.trim().parse::<f64>().is_ok_and(f64::is_finite) => {
            let fix = format!("remove the quotes: {key} = {}", text.trim());
            card.report_type(&quoted(key), value, "a number", fix, out);
            return None;
        }
        _ => {
            let fix = format!("write a number without quotes, e.g. {key} = 70 or {key} = 2.5");
            card.report_type(&quoted(key), value, "a number", fix, out);
            return None;
        }
    };
    let finite = number.filter(|number| number.is_finite());
    if finite.is_none() {
        let problem = rules::unusable_number(key, card.written(value));
        out.report(value.span(), problem.message, problem.fix);
    }
    finite
}
