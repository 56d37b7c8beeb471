//! Matching a typed answer to one listed form word by word, the way a history class reads names.
//!
//! - A title, rank or office in front ([`TITLES`]: "Gen.", "Secretary of State", "Chairman")
//!   is set aside on the student's side for any capitalised form ("Comrade Stalin" for Stalin),
//!   and on the listed side when a name of two words or more is left ("Douglas MacArthur" for
//!   General Douglas MacArthur). That alone keeps the answer right.
//! - Typos are allowed per word by its length ([`super::typos`]).
//! - For a name (a form of two words or more whose first and last words are capitalised):
//!   a given name may be written as its initial ("D. Acheson"), a middle initial may be added
//!   or left out ("Dean G. Acheson", "Harry Truman" for Harry S. Truman), and the last word may
//!   come first ("Acheson, Dean", "Rhee Syngman") or the first word last ("Il Sung Kim").
//!   These make the answer `almost`.
//!
//! Nothing else is let pass: a full word of a name is never added, dropped or swapped for
//! another, so "Kim Jong Il" is not Kim Il Sung, "Dean Rusk" is not Dean Acheson, and
//! "Truman" alone is not Harry S. Truman unless the set accepts it. The last word of a name
//! (its surname in the listed order) is never an initial.

use super::forgiven::{Forgiven, NameOrder};
use super::forms::Form;
use super::typos::letters_off;

/// Titles, ranks and offices, in normal form ([`super::normalize_text`]), longest first where
/// one starts another. One list for every set: a title here is set aside in front of any
/// capitalised answer.
pub(super) const TITLES: &[&[&str]] = &[
    &["secretary", "of", "state"],
    &["secretary", "of", "defense"],
    &["secretary", "of", "defence"],
    &["secretary", "general"],
    &["general", "secretary"],
    &["commander", "in", "chief"],
    &["supreme", "commander"],
    &["supreme", "leader"],
    &["prime", "minister"],
    &["foreign", "minister"],
    &["defense", "minister"],
    &["defence", "minister"],
    &["vice", "president"],
    &["vice", "premier"],
    &["vice", "chairman"],
    &["field", "marshal"],
    &["president"],
    &["pres"],
    &["premier"],
    &["chairman"],
    &["chairwoman"],
    &["secretary"],
    &["minister"],
    &["chancellor"],
    &["ambassador"],
    &["senator"],
    &["sen"],
    &["governor"],
    &["gov"],
    &["general"],
    &["gen"],
    &["generalissimo"],
    &["marshal"],
    &["admiral"],
    &["adm"],
    &["colonel"],
    &["col"],
    &["lieutenant"],
    &["lt"],
    &["major"],
    &["maj"],
    &["captain"],
    &["capt"],
    &["commander"],
    &["cmdr"],
    &["brigadier"],
    &["sergeant"],
    &["sgt"],
    &["king"],
    &["queen"],
    &["emperor"],
    &["empress"],
    &["tsar"],
    &["tsarina"],
    &["czar"],
    &["kaiser"],
    &["prince"],
    &["princess"],
    &["duke"],
    &["duchess"],
    &["sir"],
    &["lord"],
    &["pope"],
    &["cardinal"],
    &["consul"],
    &["comrade"],
    &["mr"],
    &["mrs"],
    &["ms"],
    &["dr"],
    &["doctor"],
    &["professor"],
    &["prof"],
];

/// How many of the leading `words` are titles. Never all of them: an answer that is only
/// titles ("Prime Minister") is the answer itself.
pub(super) fn title_words(words: &[&str]) -> usize {
    let taken = leading_titles(words);
    if taken == words.len() { 0 } else { taken }
}

/// How many of the leading `words` (in normal form) are titles, all of them if they all are.
/// The drafter finds the titles in front of a name with it too.
pub(crate) fn leading_titles(words: &[&str]) -> usize {
    let mut taken = 0;
    while let Some(title) = TITLES
        .iter()
        .filter(|title| words[taken..].starts_with(title))
        .map(|title| title.len())
        .max()
    {
        taken += title;
    }
    taken
}

/// The most words, on either side, matched word by word for near misses.
const MOST_WORDS_MATCHED: usize = 64;

/// How `given` (a typed answer's words in normal form) matches `form` at best: what had to be
/// set aside, or `None` when it does not match. `given` is not equal to the form.
pub(super) fn closest_match(given: &[&str], form: &Form<'_>) -> Option<Forgiven> {
    let listed: Vec<&str> = form.normal.split(' ').collect();
    // Matching word by word takes time in the product of the two word counts: past a few dozen
    // words (no name or phrase has so many) only a change of spacing is forgiven.
    if given.len().max(listed.len()) > MOST_WORDS_MATCHED {
        return spacing_only(given, &listed);
    }
    let name = form.capitalised && listed.len() >= 2;
    let given_titles = if form.capitalised {
        title_words(given)
    } else {
        0
    };
    let listed_titles = match title_words(&listed) {
        titles if name && listed.len() - titles >= 2 => titles,
        _ => 0,
    };
    let mut best = spacing_only(given, &listed);
    // Each side as written and, if it has titles, without them.
    for given_from in [0, given_titles]
        .into_iter()
        .take(1 + usize::from(given_titles > 0))
    {
        for listed_from in [0, listed_titles]
            .into_iter()
            .take(1 + usize::from(listed_titles > 0))
        {
            let title = Forgiven {
                title: given_from > 0 || listed_from > 0,
                ..Forgiven::default()
            };
            let found = in_any_order(&given[given_from..], &listed[listed_from..], name);
            keep_closer(&mut best, found.map(|found| found.plus(title)));
        }
    }
    best
}

/// Keeps `found` in `best` if it is closer than what is there.
fn keep_closer(best: &mut Option<Forgiven>, found: Option<Forgiven>) {
    if let Some(found) = found
        && best.is_none_or(|known| found.closer(&known).is_lt())
    {
        *best = Some(found);
    }
}

/// The same letters in the same order, spaced differently: "Kim Ilsung", "Ki mil sung".
fn spacing_only(given: &[&str], listed: &[&str]) -> Option<Forgiven> {
    let same_letters = given
        .iter()
        .flat_map(|word| word.chars())
        .eq(listed.iter().flat_map(|word| word.chars()));
    (given != listed && same_letters).then(|| Forgiven {
        spacing: true,
        ..Forgiven::default()
    })
}

/// The closest match of `given` to `listed` as written or, for a name, with its order turned.
fn in_any_order(given: &[&str], listed: &[&str], name: bool) -> Option<Forgiven> {
    let mut best = match_words(given, listed, name);
    if !name || given.len() < 2 {
        return best;
    }
    let turned = |order| Forgiven {
        order: Some(order),
        ..Forgiven::default()
    };
    let mut words = given.to_vec();
    // "Acheson Dean" is read "Dean Acheson".
    words.rotate_left(1);
    let found = match_words(&words, listed, name);
    keep_closer(
        &mut best,
        found.map(|found| found.plus(turned(NameOrder::SurnameFirst))),
    );
    if given.len() > 2 {
        // "Il Sung Kim" is read "Kim Il Sung".
        words.rotate_right(2);
        let found = match_words(&words, listed, name);
        keep_closer(
            &mut best,
            found.map(|found| found.plus(turned(NameOrder::SurnameLast))),
        );
    }
    best
}

/// A single letter: an initial.
fn is_initial(word: &str) -> bool {
    let mut letters = word.chars();
    letters.next().is_some_and(char::is_alphabetic) && letters.next().is_none()
}

/// Matches `given` to `listed` word by word, in order: each pair equal or within the typo
/// allowance, or for a name a given name written as its initial, or a middle initial on
/// either side with nothing facing it. The closest such match, or `None`.
fn match_words(given: &[&str], listed: &[&str], name: bool) -> Option<Forgiven> {
    let loose = |words: &[&str]| {
        if name {
            words.iter().filter(|word| is_initial(word)).count()
        } else {
            0
        }
    };
    if given.len() > listed.len() + loose(given) || listed.len() > given.len() + loose(listed) {
        return None;
    }
    let columns = listed.len() + 1;
    // best[i * columns + j]: the closest match of given[..i] to listed[..j].
    let mut best: Vec<Option<Forgiven>> = vec![None; (given.len() + 1) * columns];
    best[0] = Some(Forgiven::default());
    for i in 0..=given.len() {
        for j in 0..=listed.len() {
            let Some(here) = best[i * columns + j] else {
                continue;
            };
            let middle_of = |at: usize, words: &[&str]| at > 0 && at + 1 < words.len();
            if let (Some(given_word), Some(listed_word)) = (given.get(i), listed.get(j)) {
                let step = match letters_off(given_word, listed_word) {
                    Some(letters_off) => Some(Forgiven {
                        letters_off,
                        ..Forgiven::default()
                    }),
                    None if name
                        && j + 1 < listed.len()
                        && is_initial(given_word)
                        && listed_word.chars().count() > 1
                        && listed_word.starts_with(*given_word) =>
                    {
                        Some(Forgiven {
                            initials: 1,
                            ..Forgiven::default()
                        })
                    }
                    None => None,
                };
                if let Some(step) = step {
                    offer(&mut best, (i + 1) * columns + j + 1, here.plus(step));
                }
            }
            if name && given.get(i).is_some_and(|word| is_initial(word)) && middle_of(i, given) {
                let added = Forgiven {
                    initials_added: 1,
                    ..Forgiven::default()
                };
                offer(&mut best, (i + 1) * columns + j, here.plus(added));
            }
            if name && listed.get(j).is_some_and(|word| is_initial(word)) && middle_of(j, listed) {
                let dropped = Forgiven {
                    initials_dropped: 1,
                    ..Forgiven::default()
                };
                offer(&mut best, i * columns + j + 1, here.plus(dropped));
            }
        }
    }
    best[given.len() * columns + listed.len()]
}

/// Keeps `found` at `at` if it is closer than what is there.
fn offer(best: &mut [Option<Forgiven>], at: usize, found: Forgiven) {
    if best[at].is_none_or(|known| found.closer(&known).is_lt()) {
        best[at] = Some(found);
    }
}
