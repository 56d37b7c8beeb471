//! Files of a megabyte built to be slow to check: one card with 111,000 choices, and 20,000
//! cards with two problems each. Both took 25-54 s (checking was quadratic); they now take a
//! moment, and list at most `MOST_PROBLEMS` problems and a line saying how many more there are.
//! The timings are in `benches/engine.rs`, not asserted here.

use super::{SET, places};
use crate::questions::parse::diagnostic::MOST_PROBLEMS;

#[test]
fn a_choice_card_with_111k_options_is_refused_for_their_number_alone() {
    let options: Vec<String> = (0..111_000).map(|n| format!("\"o{n}\"")).collect();
    let text = format!(
        "{SET}[[cards]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"p\"\nanswer = \"none of them\"\n\
         choices = [{}]\n",
        options.join(",")
    );
    assert!(text.len() > 900_000, "{}", text.len());
    let found = places(&text);
    assert_eq!(found.len(), 1, "{:?}", &found[..found.len().min(3)]);
    assert!(found[0].2.contains("has 111000 options"), "{:?}", found[0]);
}

#[test]
fn twenty_thousand_cards_with_two_problems_each_list_the_first_problems_and_a_count() {
    let card = "[[cards]]\nid = \"same\"\nkind = \"essay\"\nprompt = \"p\"\n";
    let text = format!("{SET}{}", card.repeat(20_000));
    let found = places(&text);
    assert_eq!(found.len(), MOST_PROBLEMS + 1);
    let (line, _, last) = &found[MOST_PROBLEMS];
    let listed = 2 * 20_000 - 1;
    assert_eq!(
        last,
        &format!(
            "{} more problems from here on are not listed",
            listed - MOST_PROBLEMS
        )
    );
    assert!(
        *line > 100,
        "the count stands where the first unlisted problem is"
    );
    assert_eq!(found[0].2, "unknown kind \"essay\"");
    assert!(
        found[1]
            .2
            .starts_with("duplicate card id \"same\", first used on line 6")
    );
}
