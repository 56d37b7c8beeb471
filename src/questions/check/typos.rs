//! The near-miss rule for one word: how many typos a word may carry, by its length.
//!
//! Typos are counted per word, against the listed word, so that "South Korea" is not a near
//! miss of "North Korea" however long the answer is. A typo is a letter missing, extra or
//! changed, or two neighbours swapped (optimal string alignment distance). Allowed, by the
//! listed word's length in letters:
//!
//! | letters | typos allowed                                   | e.g.                       |
//! |---------|-------------------------------------------------|----------------------------|
//! | 1 to 3  | none                                            | "Kin" is not "Kim"         |
//! | 4       | one letter missing or extra, not a changed one  | "Sun", "Ree"; not "Iran" for "Iraq" |
//! | 5 to 9  | one                                             | "Stallin", "Seol"          |
//! | 10 on   | two                                             | "Panmujom"                 |
//!
//! A changed letter in a four-letter word too often names something else (Iran and Iraq, Rusk
//! and Rush), while a dropped one rarely does ("Kim Il Sun", "Syngman Ree").
//!
//! A Roman numeral is a number, and a near miss never changes a number: "Henry VII" is not a
//! near miss of Henry VIII.

use strsim::osa_distance;

/// The longest listed word a typo is forgiven in; longer words must be typed exactly. The
/// longest words of real answers are place names of about 40 letters.
pub(super) const LONGEST_WORD_MEASURED: usize = 64;

/// Typos allowed in a listed word of this many letters (see the module docs). For words of
/// four letters the one typo must be a letter missing or extra: see [`letters_off`].
pub(super) fn allowed_edits(word: &str) -> usize {
    match word.chars().count() {
        0..=3 => 0,
        4..=9 => 1,
        _ => 2,
    }
}

/// How many typos turn `listed` into `given` (two words in normal form), when that is within
/// what `listed` allows; `None` when it is not. Equal words are `Some(0)`.
pub(super) fn letters_off(given: &str, listed: &str) -> Option<usize> {
    if given == listed {
        return Some(0);
    }
    let listed_length = listed.chars().count();
    let given_length = given.chars().count();
    let allowed = allowed_edits(listed);
    // Cheap bounds first: a pasted essay is never measured against a name, and the distance,
    // which takes time in the product of the two lengths, is measured only for words of a
    // plausible length (a card's 60,000-letter "word" took seconds to compare).
    if allowed == 0
        || given_length.abs_diff(listed_length) > allowed
        || listed_length > LONGEST_WORD_MEASURED
    {
        return None;
    }
    if is_roman_numeral(listed) || is_roman_numeral(given) {
        return None;
    }
    let same_length_change = listed_length == 4 && given_length == listed_length;
    if same_length_change {
        return None;
    }
    let edits = osa_distance(given, listed);
    (edits <= allowed).then_some(edits)
}

/// Whether `word` (lower case) is a Roman numeral from 1 to 3999 written the usual way ("viii",
/// "xiv", "mcml"), so that English words made of the same letters ("mill", "civil") are not.
fn is_roman_numeral(word: &str) -> bool {
    const PLACES: [[&str; 10]; 4] = [
        ["", "m", "mm", "mmm", "", "", "", "", "", ""],
        ["", "c", "cc", "ccc", "cd", "d", "dc", "dcc", "dccc", "cm"],
        ["", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"],
        ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"],
    ];
    let mut rest = word;
    for place in PLACES {
        // The longest digit of this place that starts what is left.
        let digit = place
            .iter()
            .filter(|digit| rest.starts_with(**digit))
            .map(|digit| digit.len())
            .max()
            .unwrap_or(0);
        rest = &rest[digit..];
    }
    !word.is_empty() && rest.is_empty()
}
