//! `shuffle`: choice and multi cards shuffle their options unless the card says
//! `shuffle = false`; no other kind takes it, and only a boolean is read.

use super::{card, parsed, problem};

/// A `kind` card with `choices`, its `answer_line`, and then `extra` (from line 11).
fn with_choices(kind: &str, answer_line: &str, extra: &str) -> String {
    card(&format!(
        "id = \"a\"\nkind = \"{kind}\"\nprompt = \"Q?\"\nchoices = [\"x\", \"None of these\"]\n\
         {answer_line}\n{extra}"
    ))
}

#[test]
fn choice_and_multi_cards_shuffle_unless_they_say_shuffle_false() {
    for (kind, answer) in [("choice", "answer = \"x\""), ("multi", "answers = [\"x\"]")] {
        let default = parsed(&with_choices(kind, answer, ""));
        assert!(default.cards[0].kind.shuffles_choices(), "{kind}");
        let said = parsed(&with_choices(kind, answer, "shuffle = true\n"));
        assert!(said.cards[0].kind.shuffles_choices(), "{kind}");
        let kept = parsed(&with_choices(kind, answer, "shuffle = false\n"));
        assert!(!kept.cards[0].kind.shuffles_choices(), "{kind}");
    }
}

#[test]
fn shuffle_on_a_card_without_choices_is_reported_at_the_key() {
    let text =
        card("id = \"a\"\nkind = \"text\"\nprompt = \"Q?\"\nanswer = \"x\"\nshuffle = false\n");
    assert_eq!(
        problem(&text),
        "10:1: \"shuffle\" is not a field of text cards — only choice and multi cards have \
         options to shuffle; remove the line"
    );
}

#[test]
fn a_quoted_shuffle_is_told_to_drop_the_quotes() {
    let text = with_choices("choice", "answer = \"x\"", "shuffle = \"No\"\n");
    assert_eq!(
        problem(&text),
        "11:11: \"shuffle\" must be true or false, found a string — remove the quotes: \
         shuffle = false"
    );
}

#[test]
fn a_shuffle_that_is_not_a_boolean_is_reported_at_its_value() {
    let text = with_choices("multi", "answers = [\"x\"]", "shuffle = 0\n");
    assert_eq!(
        problem(&text),
        "11:11: \"shuffle\" must be true or false, found an integer — write shuffle = false, \
         without quotes, to keep the choices in written order"
    );
    let text = with_choices("choice", "answer = \"x\"", "shuffle = \"keep\"\n");
    assert_eq!(
        problem(&text),
        "11:11: \"shuffle\" must be true or false, found a string — write shuffle = false to \
         keep the choices in written order, or remove the line to shuffle them"
    );
}

#[test]
fn a_bad_shuffle_is_reported_with_the_card_s_other_problems() {
    let text = card(
        "id = \"a\"\nkind = \"choice\"\nprompt = \"Q?\"\nchoices = [\"x\", \"y\"]\nshuffle = 1\n",
    );
    let found = super::problems(&text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].starts_with("5:1: this card has no \"answer\""),
        "{found:#?}"
    );
    assert!(
        found[1].starts_with("10:11: \"shuffle\" must be true or false"),
        "{found:#?}"
    );
}

#[test]
fn the_readme_example_of_a_kept_order_parses_and_keeps_it() {
    const README: &str = include_str!("../../../../questions/README.md");
    let example = README
        .split("```toml\n")
        .find_map(|block| {
            block
                .split("```")
                .next()
                .filter(|b| b.contains("shuffle = false"))
        })
        .expect("the README shows shuffle = false in a TOML block");
    let set = parsed(&format!("{}{example}", super::SET));
    assert!(!set.cards[0].kind.shuffles_choices());
}
