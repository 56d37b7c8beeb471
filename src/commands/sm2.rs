//! `studyhall sm2`: the scheduler's arithmetic, shown review by review.

use std::io::Write;

use serde::Serialize;

use crate::scheduler::{CardState, Quality};

/// One line of `studyhall sm2 --json`: exactly these keys.
#[derive(Debug, Serialize)]
struct Sm2Line {
    quality: u8,
    repetitions: u32,
    ef: f64,
    interval: u32,
}

/// Parses every argument as a quality; the error names the first bad one.
pub fn parse_qualities(arguments: &[String]) -> Result<Vec<Quality>, String> {
    arguments
        .iter()
        .enumerate()
        .map(|(index, text)| {
            text.parse::<Quality>().map_err(|_| {
                format!(
                    "error: argument {} ({text:?}) is not a quality: give a whole number from 0 to 5",
                    index + 1
                )
            })
        })
        .collect()
}

/// Writes the state after each review of a new card, as a table or as JSON lines.
pub fn write_reviews(
    out: &mut impl Write,
    qualities: &[Quality],
    json: bool,
) -> std::io::Result<()> {
    let mut state = CardState::NEW;
    if !json {
        writeln!(
            out,
            "{:>6}  {:>7}  {:>11}  {:>4}  {:>8}",
            "review", "quality", "repetitions", "EF", "interval"
        )?;
    }
    for (index, quality) in qualities.iter().enumerate() {
        state = state.review(*quality);
        if json {
            let line = Sm2Line {
                quality: quality.value(),
                repetitions: state.repetitions,
                ef: state.easiness.as_f64(),
                interval: state.interval_days,
            };
            writeln!(
                out,
                "{}",
                serde_json::to_string(&line).map_err(std::io::Error::other)?
            )?;
        } else {
            let unit = if state.interval_days == 1 {
                "day"
            } else {
                "days"
            };
            writeln!(
                out,
                "{:>6}  {:>7}  {:>11}  {:>4}  {:>3} {unit}",
                index + 1,
                quality.value(),
                state.repetitions,
                state.easiness.to_string(),
                state.interval_days
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(arguments: &[&str], json: bool) -> String {
        let arguments: Vec<String> = arguments.iter().map(|s| s.to_string()).collect();
        let qualities = parse_qualities(&arguments).unwrap();
        let mut out = Vec::new();
        write_reviews(&mut out, &qualities, json).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_lines_have_exactly_the_four_keys_and_ef_as_a_number() {
        let text = output(&["5", "5", "3"], true);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            r#"{"quality":5,"repetitions":1,"ef":2.6,"interval":1}"#
        );
        assert_eq!(
            lines[1],
            r#"{"quality":5,"repetitions":2,"ef":2.7,"interval":6}"#
        );
        assert_eq!(
            lines[2],
            r#"{"quality":3,"repetitions":3,"ef":2.56,"interval":17}"#
        );
    }

    #[test]
    fn the_table_shows_ef_with_two_decimals_and_one_row_per_review() {
        let text = output(&["4", "1"], false);
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows.len(), 3);
        assert!(
            rows[1].contains("2.50") && rows[1].ends_with("1 day"),
            "{}",
            rows[1]
        );
        assert!(
            rows[2].contains("2.50") && rows[2].contains(" 0 "),
            "{}",
            rows[2]
        );
    }

    #[test]
    fn a_bad_quality_is_named_by_its_position_and_text() {
        let arguments: Vec<String> = ["4", "6"].iter().map(|s| s.to_string()).collect();
        let message = parse_qualities(&arguments).unwrap_err();
        assert!(
            message.contains("argument 2") && message.contains("\"6\""),
            "{message}"
        );
        assert!(!message.contains('\n'));
        assert!(parse_qualities(&["x".to_string()]).is_err());
        assert!(parse_qualities(&["-1".to_string()]).is_err());
    }
}
