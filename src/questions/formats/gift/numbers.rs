//! A numeric answer block, `{#…}`: one value (`1953`, `3.1:0.1`, or the range `1950..1953`
//! as its midpoint ± half its width), or `=` answers with values, of which the first with
//! full credit is the card's.

use super::answers::{Block, Read, weight};
use super::text;
use crate::questions::formats::located::Problems;
use crate::questions::model::CardKind;

/// `{#…}`: one value (`1953`, `3.1:0.1`, `1950..1953`) or `=` answers with values, of
/// which the first with full credit is the card's.
pub(super) fn read(
    block: &Block<'_>,
    offset: usize,
    inside: &str,
    mut explanation: Vec<String>,
    problems: &mut Problems,
    images: &mut Vec<String>,
) -> Read {
    let trimmed = inside.trim();
    let (value_at, value, feedback) = if trimmed.starts_with(['=', '~']) {
        let items = raw_items(inside);
        let Some((_, body)) = items.into_iter().find(|(_, body)| {
            weight(body).is_ok_and(|(weight, _)| weight.is_none_or(|w| w >= 100.0))
        }) else {
            problems.add(
                block.chunk.file_offset(block.start + offset),
                "no numeric answer here gets full credit",
                "mark one answer = without a weight, e.g. {#=1950:1}",
            );
            return Read::Failed;
        };
        let body = weight(body).map_or(body, |(_, rest)| rest);
        // `body` is a part of `inside`: where it starts is how far its pointer is along.
        let at = (body.as_ptr() as usize).saturating_sub(inside.as_ptr() as usize);
        split_feedback(at, body)
    } else {
        split_feedback(0, inside)
    };
    if let Some(said) = feedback {
        let said = text::plain(said, block.format, images);
        if !said.is_empty() {
            explanation.push(said);
        }
    }
    let lead = value.len() - value.trim_start().len();
    let place = block
        .chunk
        .file_offset(block.start + offset + value_at + lead);
    match numeric(value.trim()) {
        Ok((answer, tolerance)) => Read::Card {
            kind: CardKind::Number { answer, tolerance },
            explanation,
            partial: Vec::new(),
        },
        Err((message, fix)) => {
            problems.add(place, message, fix);
            Read::Failed
        }
    }
}

/// The `=`/`~` answers of a numeric block with their offsets: the `~` ones are wrong values
/// with feedback, which a card has no use for.
fn raw_items(inside: &str) -> Vec<(usize, &str)> {
    let marks = text::unescaped_marks(inside, &['=', '~']);
    marks
        .iter()
        .enumerate()
        .filter(|(_, at)| inside[**at..].starts_with('='))
        .map(|(index, at)| {
            let end = marks.get(index + 1).copied().unwrap_or(inside.len());
            (at + 1, &inside[at + 1..end])
        })
        .collect()
}

/// A value and the feedback after its `#`.
fn split_feedback(at: usize, body: &str) -> (usize, &str, Option<&str>) {
    match text::find_unescaped(body, 0, "#") {
        Some(hash) => (at, &body[..hash], Some(&body[hash + 1..])),
        None => (at, body, None),
    }
}

const NUMBER_FIX: &str =
    "write a number, a number and its tolerance, or a range: {#1953}, {#3.1:0.1}, {#1950..1953}";

/// A numeric answer and its tolerance: `1953`, `3.1:0.1`, or the range `1950..1953` as its
/// midpoint and half its width.
fn numeric(value: &str) -> Result<(f64, f64), (String, String)> {
    let parse = |written: &str| {
        let written = written.trim();
        written
            .parse::<f64>()
            .ok()
            .filter(|number| number.is_finite())
            .ok_or_else(|| {
                let message = if written.is_empty() {
                    "a numeric answer without its number".to_string()
                } else {
                    format!("\"{written}\" is not a number")
                };
                (message, NUMBER_FIX.to_string())
            })
    };
    if let Some((low, high)) = value.split_once("..") {
        let (low, high) = (parse(low)?, parse(high)?);
        if low > high {
            let message = format!("the range {low}..{high} ends below its start");
            return Err((
                message,
                format!("write the smaller number first: {high}..{low}"),
            ));
        }
        let middle = low + (high - low) / 2.0;
        return Ok((middle, (high - low) / 2.0));
    }
    if let Some((answer, tolerance)) = value.split_once(':') {
        let (answer, tolerance) = (parse(answer)?, parse(tolerance)?);
        if tolerance < 0.0 {
            let message = format!("the tolerance {tolerance} is negative");
            return Err((
                message,
                "write how far off an answer may be, 0 or more".into(),
            ));
        }
        return Ok((answer, tolerance));
    }
    Ok((parse(value)?, 0.0))
}
