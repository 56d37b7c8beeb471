//! Properties of checking people's names, over generated names: the forgiving forms are
//! accepted, and a name that differs in a full word (not an initial) is never right.

use proptest::prelude::*;
use strsim::osa_distance;

use super::{checked, text, text_card};
use crate::questions::check::Verdict::{Almost, Correct, Wrong};
use crate::questions::check::names::TITLES;

/// Titles as students write them, some cut short with a dot.
const WRITTEN_TITLES: [&str; 18] = [
    "Secretary of State",
    "Gen.",
    "General",
    "President",
    "Premier",
    "Chairman",
    "Marshal",
    "Dr",
    "Prime Minister",
    "Foreign Minister",
    "Comrade",
    "Mr.",
    "Mrs",
    "King",
    "Emperor",
    "Admiral",
    "Colonel",
    "Lt.",
];

/// A generated person: one or two given names, maybe a middle initial, and a surname.
#[derive(Debug, Clone)]
struct Person {
    given: Vec<String>,
    middle: Option<char>,
    surname: String,
}

impl Person {
    /// As a set lists it: "Harry S. Truman".
    fn listed(&self) -> String {
        let mut words = self.given.clone();
        words.extend(self.middle.map(|initial| format!("{initial}.")));
        words.push(self.surname.clone());
        words.join(" ")
    }

    /// The full words of the name (not its initial), lower case.
    fn full_words(&self) -> Vec<String> {
        self.given
            .iter()
            .chain([&self.surname])
            .map(|word| word.to_lowercase())
            .collect()
    }

    /// Whether no word of the name is also a title, which would make "General Major Smith"
    /// two titles and a surname.
    fn has_no_title(&self) -> bool {
        self.full_words()
            .iter()
            .all(|word| !TITLES.iter().any(|title| title == &[word.as_str()]))
    }
}

fn word() -> impl Strategy<Value = String> {
    "[A-Z][a-z]{3,8}"
}

fn person() -> impl Strategy<Value = Person> {
    (
        prop::collection::vec(word(), 1..=2),
        prop::option::of(prop::char::range('A', 'Z')),
        word(),
    )
        .prop_map(|(given, middle, surname)| Person {
            given,
            middle,
            surname,
        })
}

fn initial(word: &str) -> String {
    format!("{}.", word.chars().next().unwrap_or('X'))
}

/// Forgiving ways of writing `person`, by number: initials, surname first (with or without a
/// comma), a middle initial left out or added, and some of these together.
fn forgiving_form(person: &Person, form: usize, added: char) -> String {
    let givens: Vec<String> = person.given.clone();
    let initials: Vec<String> = givens.iter().map(|given| initial(given)).collect();
    let middle: Vec<String> = person.middle.iter().map(|m| format!("{m}.")).collect();
    let surname = person.surname.clone();
    let join = |parts: &[&[String]]| parts.concat().join(" ");
    match form {
        0 => join(&[&initials, &middle, &[surname]]),
        1 => format!("{surname}, {}", join(&[&givens, &middle])),
        2 => join(&[&[surname], &givens, &middle]),
        3 => join(&[&givens, &[surname]]),
        4 => join(&[&givens, &[format!("{added}.")], &[surname]]),
        5 => format!("{surname}, {}", join(&[&initials, &middle])),
        _ => join(&[&initials, &[surname]]),
    }
}

proptest! {
    #[test]
    fn a_name_with_a_title_in_front_is_right_and_says_the_title_was_ignored(
        person in person(),
        title in prop::sample::select(WRITTEN_TITLES.to_vec()),
    ) {
        prop_assume!(person.has_no_title());
        let listed = person.listed();
        let result = checked(&text_card(&listed, &[]), text(&format!("{title} {listed}")));
        prop_assert_eq!(result.verdict, Correct, "{} {}", title, listed);
        prop_assert_eq!(result.forgiven.as_deref(), Some("Accepted: title ignored"));
    }

    #[test]
    fn a_name_with_initials_a_middle_initial_changed_or_surname_first_is_at_least_almost(
        person in person(),
        form in 0usize..7,
        added in prop::char::range('A', 'Z'),
        title in prop::option::of(prop::sample::select(WRITTEN_TITLES.to_vec())),
    ) {
        prop_assume!(person.has_no_title());
        let listed = person.listed();
        let mut given = forgiving_form(&person, form, added);
        if let Some(title) = title {
            given = format!("{title} {given}");
        }
        let result = checked(&text_card(&listed, &[]), text(&given));
        prop_assert!(
            matches!(result.verdict, Correct | Almost),
            "{:?} for {:?}: {:?}", given, listed, result
        );
    }

    #[test]
    fn a_name_with_one_full_word_changed_or_left_out_is_wrong_however_it_is_written(
        person in person(),
        other in word(),
        part in any::<prop::sample::Index>(),
        drop in any::<bool>(),
        surname_first in any::<bool>(),
        title in prop::option::of(prop::sample::select(WRITTEN_TITLES.to_vec())),
    ) {
        let full = person.full_words();
        let other_lower = other.to_lowercase();
        prop_assume!(full.iter().all(|word| osa_distance(word, &other_lower) > 2));
        let mut changed = person.clone();
        let at = part.index(full.len());
        let dropped = drop && at < changed.given.len();
        // "G. Smith" for Gary G. Smith reads as Gary's initial, the middle one left out.
        prop_assume!(!(dropped && person.middle.is_some_and(|m| person.given[at].starts_with(m))));
        match (at < changed.given.len(), dropped) {
            (true, true) => { changed.given.remove(at); }
            (true, false) => changed.given[at] = other.clone(),
            (false, _) => changed.surname = other.clone(),
        }
        let mut given = if surname_first && !changed.given.is_empty() {
            format!("{}, {}", changed.surname, changed.given.join(" "))
        } else {
            changed.listed()
        };
        if let Some(title) = title {
            given = format!("{title} {given}");
        }
        let listed = person.listed();
        let result = checked(&text_card(&listed, &[]), text(&given));
        prop_assert_eq!(result.verdict, Wrong, "{:?} for {:?}: {:?}", given, listed, result);
    }
}
