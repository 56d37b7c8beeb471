//! Typed answers: the normal form they are compared in, and the near-miss rule.
//!
//! Two answers are the same when their normal forms are equal ("lushun" is "Lüshun", "kim il
//! sung" is "Kim Il-sung"). An answer that is not the same may still be a near miss, accepted as
//! `almost`: it differs from an accepted answer only in spacing ("Kim Ilsung"), or it has the
//! same words with a typo or two in the longer ones. Allowed edits are counted per word, by the
//! accepted word's length: none under 5 letters, 1 for 5 to 9, 2 from 10. Per word rather than
//! over the whole answer, so that "South Korea" is not a near miss of "North Korea". A near miss
//! never changes a number: "37th parallel" is wrong for "38th parallel".

use strsim::osa_distance;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::{Checked, Verdict};

/// Dropped from the front of an answer, while a word follows: "the Yalu" is the Yalu. Both sides
/// are normalised alike, so an answer written "The Hague" still accepts "the Hague" and "Hague".
const LEADING_ARTICLES: [&str; 3] = ["the", "a", "an"];

/// The normal form answers are compared and grouped in: lower case, diacritics dropped
/// (NFKD, then combining marks removed), apostrophes dropped ("Xi'an" is "xian"), every other
/// character that is not a letter or digit read as a space ("Il-sung" is "il sung"), spaces
/// collapsed and trimmed, and leading articles ("the", "a", "an") dropped while a word follows.
/// Normalising twice changes nothing.
///
/// Symbols carry no meaning here, so answers that differ only in symbols ("C" and "C++") are
/// the same; a set that needs them apart should use a choice card.
pub fn normalize_text(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    // Lower case both before NFKD ('İ' lowers to "i" and a combining dot, which is then
    // dropped) and after it (NFKD turns 'ℌ' into an upper-case 'H').
    for c in text.to_lowercase().nfkd().flat_map(char::to_lowercase) {
        if is_combining_mark(c) || is_apostrophe(c) {
            continue;
        }
        if let Some(spelled) = spelled_out(c) {
            folded.push_str(spelled);
        } else if c.is_alphanumeric() {
            folded.push(c);
        } else {
            folded.push(' ');
        }
    }
    let mut words: &[&str] = &folded.split_whitespace().collect::<Vec<_>>();
    while let [first, rest @ ..] = words
        && !rest.is_empty()
        && LEADING_ARTICLES.contains(first)
    {
        words = rest;
    }
    // NFKD split Hangul syllables into jamo; put them back together so a Korean answer is
    // measured in syllables, as its writer sees it. Nothing else recomposes: the marks are gone.
    words.join(" ").nfc().collect()
}

/// Apostrophes join a word rather than split it: "P'yŏngyang" is "pyongyang".
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | 'ʼ' | 'ʻ' | '`' | '´')
}

/// Lower-case letters that NFKD leaves whole but that readers treat as plain Latin letters.
fn spelled_out(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'đ' | 'ð' => "d",
        'ł' => "l",
        'ħ' => "h",
        'ı' => "i",
        'þ' => "th",
        _ => return None,
    })
}

/// Typos allowed in an accepted word of this many letters (see the module docs).
pub(super) fn allowed_edits(word: &str) -> usize {
    match word.chars().count() {
        0..=4 => 0,
        5..=9 => 1,
        _ => 2,
    }
}

/// Whether `given` is a near miss of `accepted`, both already normalised and not equal.
pub(super) fn is_near_miss(given: &str, accepted: &str) -> bool {
    let digits = |text: &str| {
        text.chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
    };
    if digits(given) != digits(accepted) {
        return false;
    }
    let unspaced = |text: &str| text.chars().filter(|c| *c != ' ').collect::<String>();
    if unspaced(given) == unspaced(accepted) {
        return true;
    }
    let given_words: Vec<&str> = given.split(' ').collect();
    let accepted_words: Vec<&str> = accepted.split(' ').collect();
    given_words.len() == accepted_words.len()
        && given_words
            .iter()
            .zip(&accepted_words)
            .all(|(given, accepted)| osa_distance(given, accepted) <= allowed_edits(accepted))
}

/// Checks a typed answer against the answer and its accepted alternatives.
pub(super) fn check_text(answer: &str, accept: &[String], given: &str) -> Checked {
    let given_text = given.trim();
    let normalized = normalize_text(given_text);
    if normalized.is_empty() {
        return Checked::blank(given_text);
    }
    let accepted: Vec<(&str, String)> = std::iter::once(answer)
        .chain(accept.iter().map(String::as_str))
        .map(|form| (form, normalize_text(form)))
        .collect();
    if accepted.iter().any(|(_, form)| *form == normalized) {
        return Checked::graded(Verdict::Correct, given_text, normalized);
    }
    match accepted
        .iter()
        .find(|(_, form)| is_near_miss(&normalized, form))
    {
        Some((exact, _)) => Checked::almost(given_text, normalized, exact),
        None => Checked::graded(Verdict::Wrong, given_text, normalized),
    }
}
