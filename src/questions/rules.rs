//! The rules of the set format that do not depend on how a set is written down: the fields each
//! kind of card takes, how many choices a card offers, repeats, answers outside the choices,
//! dates, tolerances and duplicate card ids, each with its wording.
//!
//! The TOML parser ([`super::parse`]) and the spreadsheet reader ([`super::csv`]) both check a
//! set through these functions, so a set is held to the same rules, and told about a problem in
//! the same words, whichever file it came from. Only what is about the file's own syntax (TOML
//! types and keys, CSV columns and cells) stays with each reader.

use crate::questions::check::{UnreadableDate, WrittenDate, read_written_date};
use crate::questions::model::PartialDate;

/// One problem, not yet located: what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub fix: String,
}

impl Problem {
    pub fn new(message: impl Into<String>, fix: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            fix: fix.into(),
        }
    }
}

/// The kinds of card, each with the fields that only it (and its like) takes.
pub const KINDS: [(&str, &[&str]); 8] = [
    ("recall", &["answer"]),
    ("text", &["answer", "accept"]),
    ("choice", &["choices", "answer", "shuffle"]),
    ("multi", &["choices", "answers", "shuffle"]),
    ("truefalse", &["answer"]),
    ("date", &["answer"]),
    ("number", &["answer", "tolerance"]),
    ("cloze", &["text"]),
];

/// A cloze card shows its text with a gap: it has no prompt of its own.
pub fn cloze_prompt() -> Problem {
    Problem::new(
        "a cloze card has no prompt: the student sees its text with the gap",
        "remove the prompt, and write the sentence as text = \"… {{c1::hidden words}} …\"",
    )
}

/// The fields every card takes, whatever its kind.
pub const COMMON_FIELDS: [&str; 6] = ["id", "kind", "prompt", "tags", "explanation", "source"];

/// The most choices a card may offer (the format allows 2 to 10).
pub const MOST_CHOICES: usize = 10;

/// The fields a kind takes besides the common ones, or `None` for an unknown kind.
pub fn kind_fields(kind: &str) -> Option<&'static [&'static str]> {
    KINDS
        .iter()
        .find(|(name, _)| *name == kind)
        .map(|(_, fields)| *fields)
}

/// The kind as its `KINDS` name, or `None` when there is no such kind.
pub fn known_kind(written: &str) -> Option<&'static str> {
    KINDS
        .iter()
        .find(|(name, _)| *name == written)
        .map(|(name, _)| *name)
}

/// The kinds' names, as a message lists them: "recall, text, choice, ...".
pub fn kind_names() -> String {
    KINDS.map(|(name, _)| name).join(", ")
}

/// The kinds that take `field`, in `KINDS` order; empty when no kind does.
pub fn kinds_taking(field: &str) -> Vec<&'static str> {
    KINDS
        .iter()
        .filter(|(_, fields)| fields.contains(&field))
        .map(|(name, _)| *name)
        .collect()
}

/// A kind that does not exist, with a guess at the one that was meant.
pub fn unknown_kind(written: &str) -> Problem {
    let names = kind_names();
    let fix = match closest(written, KINDS.iter().map(|(name, _)| *name)) {
        Some(guess) => format!("did you mean \"{guess}\"? The kinds are {names}"),
        None => format!("use one of {names}"),
    };
    Problem::new(format!("unknown kind \"{written}\""), fix)
}

/// A field that another kind takes but `kind` does not: the message (the fix depends on how
/// the file is written).
pub fn not_a_field_of(kind: &str, field: &str) -> String {
    format!("\"{field}\" is not a field of {kind} cards")
}

/// A choice or multi card with too few or too many choices (`count` of them).
pub fn choice_count(count: usize) -> Option<Problem> {
    if count < 2 {
        let options = if count == 1 { "option" } else { "options" };
        let message =
            format!("\"choices\" has {count} {options}; a card needs 2 to {MOST_CHOICES}");
        Some(Problem::new(
            message,
            "add options for the student to pick from",
        ))
    } else if count > MOST_CHOICES {
        let message =
            format!("\"choices\" has {count} options; a card takes at most {MOST_CHOICES}");
        Some(Problem::new(
            message,
            "remove some, or split the card in two",
        ))
    } else {
        None
    }
}

/// Each text that repeats an earlier one, by index; `what` names one: "choice", "answer".
/// Linear, through a set: a list of 100,000 texts is checked as fast as it is read.
pub fn repeats(what: &str, texts: &[&str]) -> Vec<(usize, Problem)> {
    let mut seen = std::collections::HashSet::with_capacity(texts.len());
    texts
        .iter()
        .enumerate()
        .filter(|(_, text)| !seen.insert(**text))
        .map(|(index, text)| {
            let message = format!("{what} \"{text}\" is listed twice");
            (index, Problem::new(message, "remove the repeat"))
        })
        .collect()
}

/// `answer` is not exactly one of `choices`. Not checked past [`MOST_CHOICES`]: the card is
/// refused for its number of choices already, and checking each of its answers against a
/// hundred thousand choices took a minute.
pub fn not_among_choices(answer: &str, choices: &[&str]) -> Option<Problem> {
    if choices.len() > MOST_CHOICES || choices.contains(&answer) {
        return None;
    }
    let fix = match closest(answer, choices.iter().copied()) {
        Some(guess) => format!("did you mean \"{guess}\"? It must match a choice exactly"),
        None => "make it exactly one of the choices, or add it to \"choices\"".to_string(),
    };
    let message = format!("answer \"{answer}\" is not one of the choices");
    Some(Problem::new(message, fix))
}

/// A `shuffle` value written as a word, as a spreadsheet cell holds it: `true`/`yes` shuffle the
/// choices at each showing, `false`/`no` keep them in written order; any case. `None` for any
/// other word.
pub fn shuffle_word(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "true" | "yes" => Some(true),
        "false" | "no" => Some(false),
        _ => None,
    }
}

/// How to fix a `shuffle` given on a card without choices; `remove` says how to leave it out
/// in the file at hand ("remove the line", "empty the cell").
pub fn shuffle_without_choices(remove: &str) -> String {
    format!("only choice and multi cards have options to shuffle; {remove}")
}

/// A multi card that lists no answer.
pub fn no_multi_answers() -> Problem {
    let fix = "list the choices that must be picked, at least one";
    Problem::new("\"answers\" is empty", fix)
}

/// A date card's answer, at the precision written, in any form a student may type that has one
/// reading ("1950-06-25", "June 25, 1950", "25 June 1950", "June 1950", "1950"): the card keeps
/// it in ISO. A vague word ("late January 1950") is refused, as the card could not hold it.
pub fn date(text: &str) -> Result<PartialDate, Problem> {
    const FORMS: &str =
        "\"1950-06-25\", \"25 June 1950\", \"June 25, 1950\", \"June 1950\" or \"1950\"";
    let why = match read_written_date(text) {
        Ok(WrittenDate { date, vague: None }) => return Ok(date),
        Ok(WrittenDate {
            date,
            vague: Some(word),
        }) => {
            let message = format!("\"{text}\" is vaguer than a card's date can be (\"{word}\")");
            let fix = format!(
                "write \"{date}\": a student's \"{text}\" is still right, the word ignored"
            );
            return Err(Problem::new(message, fix));
        }
        Err(why) => why,
    };
    Err(match why {
        UnreadableDate::Shape => {
            let fix = format!("write the date as {FORMS}, for the precision asked");
            Problem::new(format!("\"{text}\" is not a date"), fix)
        }
        UnreadableDate::Ambiguous {
            day_first: parts,
            year,
        } => {
            let day_first = UnreadableDate::day_first_reading(parts, year);
            let month_first = UnreadableDate::month_first_reading(parts, year);
            let message = format!(
                "\"{text}\" is ambiguous: {day_first} read day first, {month_first} read month first"
            );
            let fix = format!("write the month as a word, \"{day_first}\" or \"{month_first}\"");
            Problem::new(message, fix)
        }
        UnreadableDate::ShortYear => Problem::new(
            format!("\"{text}\" has a year cut short"),
            "write the year in full, e.g. \"1950\" rather than \"50\"",
        ),
        UnreadableDate::NoYear => Problem::new(
            format!("\"{text}\" has no year"),
            format!("add the year: write the date as {FORMS}"),
        ),
        UnreadableDate::NotReal(error) => Problem::new(
            format!("impossible date \"{text}\": {error}"),
            "write a date that exists",
        ),
    })
}

/// A tolerance below 0; `written` is the value as the file has it.
pub fn negative_tolerance(written: &str) -> Problem {
    let message = format!("\"tolerance\" {written} is negative");
    Problem::new(message, "write how far off a guess may be, 0 or more")
}

/// A number too large to use, or not a number at all (`inf`, `nan`).
pub fn unusable_number(field: &str, written: &str) -> Problem {
    let message = format!("\"{field}\" {written} is not a usable number");
    Problem::new(message, "write a finite number, e.g. 70 or 2.5")
}

/// A card id already used on `first_line`.
pub fn duplicate_card(id: &str, first_line: usize) -> Problem {
    let message = format!("duplicate card id \"{id}\", first used on line {first_line}");
    let fix = "give this card an id of its own; progress is tied to card ids";
    Problem::new(message, fix)
}

/// The candidate closest to a misspelt `word`, if one is close enough to be a likely meaning.
///
/// The edit distance takes time and memory in the product of the two lengths, so a word longer
/// than [`LONGEST_GUESSED`] gets no guess, and a candidate whose length alone puts it too far
/// is never measured (the distance is at least the difference in length).
pub fn closest<'c>(word: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    let word = word.to_lowercase();
    let length = word.chars().count();
    if length > LONGEST_GUESSED {
        return None;
    }
    candidates
        .filter_map(|candidate| {
            let near = (candidate.chars().count() / 3).max(1);
            if candidate.chars().count().abs_diff(length) > near {
                return None;
            }
            let distance = strsim::damerau_levenshtein(&word, &candidate.to_lowercase());
            (distance <= near).then_some((distance, candidate))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// The longest word [`closest`] finds a guess for: ids, keys, kinds and choices are shorter.
pub const LONGEST_GUESSED: usize = 100;

/// A guess at the id that was meant: lowercase, other characters as single dashes.
pub fn slug(text: &str) -> String {
    let lowered: String = text
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                c
            } else {
                '-'
            }
        })
        .collect();
    let words: Vec<&str> = lowered.split('-').filter(|word| !word.is_empty()).collect();
    let mut slug = words.join("-");
    slug.truncate(64);
    slug.trim_end_matches('-').to_string()
}

/// Writes `lines` one per line, as a file's located problems are shown (`FILE:LINE:COL: ...`).
pub(crate) fn write_lines(
    f: &mut std::fmt::Formatter<'_>,
    lines: impl Iterator<Item = String>,
) -> std::fmt::Result {
    for (index, line) in lines.enumerate() {
        if index > 0 {
            writeln!(f)?;
        }
        f.write_str(&line)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_takes_its_answer_fields_and_none_takes_an_unknown_one() {
        assert_eq!(
            kind_fields("multi"),
            Some(&["choices", "answers", "shuffle"][..])
        );
        assert_eq!(kinds_taking("shuffle"), ["choice", "multi"]);
        assert_eq!(kind_fields("essay"), None);
        assert_eq!(kinds_taking("choices"), ["choice", "multi"]);
        assert!(kinds_taking("colour").is_empty());
        assert_eq!(known_kind("number"), Some("number"));
        assert_eq!(known_kind("Number"), None);
    }

    #[test]
    fn a_misspelt_kind_gets_a_guess_and_a_strange_one_the_list() {
        let guess = unknown_kind("choise");
        assert_eq!(guess.message, "unknown kind \"choise\"");
        assert!(
            guess.fix.starts_with("did you mean \"choice\"?"),
            "{}",
            guess.fix
        );
        assert!(
            unknown_kind("essay")
                .fix
                .starts_with("use one of recall, text")
        );
    }

    #[test]
    fn a_card_offers_two_to_ten_choices() {
        assert!(choice_count(1).unwrap().message.contains("1 option;"));
        assert!(choice_count(0).unwrap().message.contains("0 options;"));
        assert_eq!(choice_count(2), None);
        assert_eq!(choice_count(10), None);
        assert!(choice_count(11).unwrap().message.contains("at most 10"));
    }

    #[test]
    fn repeats_are_reported_at_the_repeat_not_the_first() {
        let found = repeats("choice", &["a", "b", "a", "a"]);
        let at: Vec<usize> = found.iter().map(|(index, _)| *index).collect();
        assert_eq!(at, [2, 3]);
        assert_eq!(found[0].1.message, "choice \"a\" is listed twice");
    }

    #[test]
    fn a_long_word_gets_no_guess_and_far_lengths_are_not_measured() {
        let long = "x".repeat(LONGEST_GUESSED + 1);
        assert_eq!(closest(&long, [long.as_str()].into_iter()), None);
        assert_eq!(
            closest("seol", ["Seoul", "Seoul Special City"].into_iter()),
            Some("Seoul")
        );
    }

    #[test]
    fn an_answer_outside_the_choices_gets_the_closest_choice() {
        assert_eq!(not_among_choices("Seoul", &["Seoul", "Busan"]), None);
        let near = not_among_choices("Seol", &["Seoul", "Busan"]).unwrap();
        assert!(near.fix.starts_with("did you mean \"Seoul\"?"));
        let far = not_among_choices("Tokyo", &["Seoul", "Busan"]).unwrap();
        assert!(far.fix.starts_with("make it exactly one"));
    }

    #[test]
    fn shuffle_words_are_true_false_yes_or_no_in_any_case() {
        for (word, shuffle) in [
            ("true", true),
            ("YES", true),
            (" No ", false),
            ("False", false),
        ] {
            assert_eq!(shuffle_word(word), Some(shuffle), "{word}");
        }
        for word in ["", "0", "1", "off", "n", "keep"] {
            assert_eq!(shuffle_word(word), None, "{word}");
        }
    }

    #[test]
    fn dates_are_read_in_any_form_with_one_reading_and_kept_in_iso() {
        for (written, iso) in [
            ("1950-06-25", "1950-06-25"),
            ("June 25, 1950", "1950-06-25"),
            ("25 June 1950", "1950-06-25"),
            ("the 25th of June, 1950", "1950-06-25"),
            ("25/06/1950", "1950-06-25"),
            ("1950-06", "1950-06"),
            ("June 1950", "1950-06"),
            ("1950", "1950"),
        ] {
            assert_eq!(date(written).map(|date| date.to_string()), Ok(iso.into()));
        }
    }

    #[test]
    fn dates_are_refused_for_their_shape_for_not_existing_or_for_two_readings() {
        let refusal = |written: &str| date(written).unwrap_err();
        assert_eq!(refusal("someday").message, "\"someday\" is not a date");
        assert!(refusal("1950-02-30").message.starts_with("impossible date"));
        assert_eq!(
            refusal("05/06/1950"),
            Problem::new(
                "\"05/06/1950\" is ambiguous: 5 June 1950 read day first, May 6, 1950 read \
                 month first",
                "write the month as a word, \"5 June 1950\" or \"May 6, 1950\""
            )
        );
        assert_eq!(
            refusal("June 25, 50").fix,
            "write the year in full, e.g. \"1950\" rather than \"50\""
        );
        assert_eq!(refusal("June 25").message, "\"June 25\" has no year");
    }

    #[test]
    fn a_vague_date_is_refused_with_the_date_it_would_be() {
        assert_eq!(
            date("late January 1950").unwrap_err(),
            Problem::new(
                "\"late January 1950\" is vaguer than a card's date can be (\"late\")",
                "write \"1950-01\": a student's \"late January 1950\" is still right, the word \
                 ignored"
            )
        );
    }

    #[test]
    fn a_slug_lowercases_and_joins_words_with_single_dashes() {
        assert_eq!(slug("Kim Visit!"), "kim-visit");
        assert_eq!(slug("--a__b--"), "a-b");
        assert_eq!(slug(&"x".repeat(70)).len(), 64);
    }
}
