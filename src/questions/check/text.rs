//! Typed answers: the normal form they are compared in, and checking them against the forms a
//! text card lists.
//!
//! In order, a typed answer is:
//! 1. `correct` when its normal form is a listed form's ("lushun" is "Lüshun", "kim il sung" is
//!    "Kim Il-sung"), where parentheses in a listed form give alternatives ([`super::forms`]);
//! 2. `correct`, saying the title was ignored, when it is a listed form but for a title, rank
//!    or office in front ("Gen. Douglas MacArthur"; [`super::names`]);
//! 3. `almost` when it is a near miss of a listed form: spaced differently ("Kim Ilsung"), with
//!    typos within each word's allowance ([`super::typos`]), or a name with initials, a middle
//!    initial added or left out, or its order turned ([`super::names`]). The closest listed form
//!    is the exact form shown (the first listed, between equally close ones);
//! 4. `wrong` otherwise.
//!
//! Nothing but a title is set aside for a `correct` answer, and a near miss never changes a
//! number: "37th parallel" is wrong for "38th parallel".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::forgiven::Forgiven;
use super::forms::listed_forms;
use super::names::closest_match;
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
    let folded = fold(text);
    without_leading_articles(&folded).to_string()
}

/// The normal form but for the leading articles, which it keeps: "a lincoln" for "A. Lincoln",
/// where the "a" is an initial. Words are separated by one space.
fn fold(text: &str) -> String {
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
    let words: Vec<&str> = folded.split_whitespace().collect();
    // NFKD split Hangul syllables into jamo; put them back together so a Korean answer is
    // measured in syllables, as its writer sees it. Nothing else recomposes: the marks are gone.
    words.join(" ").nfc().collect()
}

/// `folded` (from [`fold`]) without its leading articles, while a word follows.
fn without_leading_articles(folded: &str) -> &str {
    let mut rest = folded;
    while let Some((first, after)) = rest.split_once(' ')
        && LEADING_ARTICLES.contains(&first)
    {
        rest = after;
    }
    rest
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

/// The digits of a text, in order: a near miss must keep them.
fn digits(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(char::is_ascii_digit)
}

/// Checks a typed answer against the answer and its accepted alternatives.
pub(super) fn check_text(answer: &str, accept: &[String], given: &str) -> Checked {
    let given_text = given.trim();
    let folded = fold(given_text);
    let normalized = without_leading_articles(&folded).to_string();
    if normalized.is_empty() {
        return Checked::blank(given_text);
    }
    let forms = listed_forms(answer, accept);
    if forms.iter().any(|form| form.normal == normalized) {
        return Checked::graded(Verdict::Correct, given_text, normalized);
    }
    let given_words: Vec<&str> = normalized.split(' ').collect();
    // A leading "a" may be an initial ("A. Lincoln"): matched as one too.
    let folded_words: Vec<&str> = if folded.len() == normalized.len() {
        Vec::new()
    } else {
        folded.split(' ').collect()
    };
    let mut closest: Option<(Forgiven, &str)> = None;
    for form in &forms {
        if !digits(&form.normal).eq(digits(&normalized)) {
            continue;
        }
        let found = [&given_words, &folded_words]
            .into_iter()
            .filter(|words| !words.is_empty())
            .filter_map(|words| closest_match(words, form))
            .min_by(Forgiven::closer);
        let Some(found) = found else {
            continue;
        };
        if found.is_exact_apart_from_title() {
            let forgiven = found.sentence("Accepted");
            return Checked::accepted(given_text, normalized, forgiven);
        }
        if closest.is_none_or(|(best, _)| found.closer(&best).is_lt()) {
            closest = Some((found, &form.shown));
        }
    }
    match closest {
        Some((found, exact)) => {
            Checked::almost(given_text, normalized, exact, found.sentence("Almost"))
        }
        None => Checked::graded(Verdict::Wrong, given_text, normalized),
    }
}
