//! Problems with the fields every card has: id, kind, prompt, tags, explanation, source.
//! `card(...)` puts the card's `[[cards]]` header on line 5 and its first field on line 6.

use super::{SET, card, places, problem, problems};

#[test]
fn missing_fields_are_reported_at_the_card_header_in_the_format_order() {
    assert_eq!(
        problems(&card("kind = \"recall\"\n")),
        [
            "5:1: this card has no \"id\" — add id = \"…\" made of a-z, 0-9 and '-'; progress is \
             tied to it",
            "5:1: this card has no \"prompt\" — add prompt = \"…\" with the question the card asks",
            "5:1: this card has no \"answer\" — add answer = \"…\" with the model answer the \
             student grades themself against",
        ]
    );
}

#[test]
fn a_missing_kind_is_reported_at_the_card_header_and_its_answer_is_not_judged() {
    assert_eq!(
        problem(&card("id = \"a\"\nprompt = \"Why?\"\nanswer = \"x\"\n")),
        "5:1: this card has no \"kind\" — add kind = \"…\", one of recall, text, choice, multi, \
         truefalse, date, number, cloze"
    );
}

#[test]
fn an_unknown_kind_is_reported_at_its_value_with_a_guess() {
    let text = card(
        "id = \"a\"\nkind = \"choise\"\nprompt = \"Who?\"\nchoices = [\"x\", \"y\"]\nanswer = \"x\"\n",
    );
    assert_eq!(
        problem(&text),
        "7:8: unknown kind \"choise\" — did you mean \"choice\"? The kinds are recall, text, \
         choice, multi, truefalse, date, number, cloze"
    );
}

#[test]
fn an_unknown_kind_unlike_any_other_is_reported_with_the_kinds() {
    let text = card("id = \"a\"\nkind = \"essay\"\nprompt = \"Why?\"\nanswer = \"x\"\n");
    assert_eq!(
        problem(&text),
        "7:8: unknown kind \"essay\" — use one of recall, text, choice, multi, truefalse, date, \
         number, cloze"
    );
}

#[test]
fn a_key_no_kind_takes_is_still_reported_when_the_kind_is_unknown() {
    let text = card("id = \"a\"\nkind = \"essay\"\nprompt = \"Why?\"\nanwser = \"x\"\n");
    assert_eq!(
        places(&text),
        [
            (7, 8, "unknown kind \"essay\"".to_string()),
            (9, 1, "unknown key \"anwser\"".to_string()),
        ]
    );
}

#[test]
fn a_kind_that_is_not_a_string_is_reported_at_its_value() {
    let text = card("id = \"a\"\nkind = 3\nprompt = \"Why?\"\nanswer = \"x\"\n");
    assert_eq!(
        places(&text),
        [(
            7,
            8,
            "\"kind\" must be a string, found an integer".to_string()
        )]
    );
}

#[test]
fn a_duplicate_card_id_is_reported_at_the_second_and_names_the_line_of_the_first() {
    let text = format!(
        "{SET}[[cards]]\nid = \"a\"\nkind = \"recall\"\nprompt = \"Why?\"\nanswer = \"x\"\n\n\
         [[cards]]\nid = \"a\"\nkind = \"recall\"\nprompt = \"How?\"\nanswer = \"y\"\n"
    );
    assert_eq!(
        problem(&text),
        "12:6: duplicate card id \"a\", first used on line 6 — give this card an id of its own; \
         progress is tied to card ids"
    );
}

#[test]
fn a_duplicate_card_id_is_reported_even_when_either_card_has_other_problems() {
    let text = format!(
        "{SET}[[cards]]\nid = \"a\"\nkind = \"recall\"\nanswer = \"x\"\n\n\
         [[cards]]\nid = \"b\"\nkind = \"recall\"\nprompt = \"How?\"\nanswer = \"y\"\n\n\
         [[cards]]\nid = \"a\"\nkind = \"text\"\nprompt = \"\"\nanswer = \"y\"\n"
    );
    assert_eq!(
        places(&text),
        [
            (5, 1, "this card has no \"prompt\"".to_string()),
            (
                17,
                6,
                "duplicate card id \"a\", first used on line 6".to_string()
            ),
            (19, 10, "\"prompt\" is empty".to_string()),
        ]
    );
}

#[test]
fn a_bad_card_id_is_reported_at_its_value_with_a_tidied_guess() {
    let text = card(
        "id = \"Stalin endorses Kim!\"\nkind = \"recall\"\nprompt = \"Why?\"\nanswer = \"x\"\n",
    );
    assert_eq!(
        problem(&text),
        "6:6: bad id \"Stalin endorses Kim!\": an id uses only a-z, 0-9 and '-', found 'S' — use \
         1 to 64 of a-z, 0-9 and '-', e.g. id = \"stalin-endorses-kim\""
    );
}

#[test]
fn a_blank_prompt_is_reported_at_its_value() {
    let text = card("id = \"a\"\nkind = \"recall\"\nprompt = \" \\t \"\nanswer = \"x\"\n");
    assert_eq!(
        problem(&text),
        "8:10: \"prompt\" is empty — write the question the card asks"
    );
}

#[test]
fn a_prompt_that_is_a_list_is_reported_at_its_value() {
    let text = card("id = \"a\"\nkind = \"recall\"\nprompt = [\"Why?\"]\nanswer = \"x\"\n");
    assert_eq!(
        problem(&text),
        "8:10: \"prompt\" must be a string, found a list — write one quoted string with the \
         question the card asks"
    );
}

#[test]
fn an_unknown_card_key_is_reported_with_a_guess_or_the_keys_allowed() {
    let text =
        card("id = \"a\"\nkind = \"recall\"\npromt = \"Why?\"\nanswer = \"x\"\nhint = \"h\"\n");
    assert_eq!(
        problems(&text),
        [
            "5:1: this card has no \"prompt\" — add prompt = \"…\" with the question the card asks",
            "8:1: unknown key \"promt\" — did you mean \"prompt\"?",
            "10:1: unknown key \"hint\" — remove it; this card takes id, kind, prompt, tags, \
             explanation, source, answer",
        ]
    );
}

#[test]
fn tags_that_are_not_a_list_of_strings_are_reported_where_they_go_wrong() {
    let base = "id = \"a\"\nkind = \"recall\"\nprompt = \"Why?\"\nanswer = \"x\"\n";
    assert_eq!(
        problem(&card(&format!("{base}tags = \"date\"\n"))),
        "10:8: \"tags\" must be a list of strings, found a string — write a list of strings: \
         tags = [\"…\", \"…\"]"
    );
    assert_eq!(
        places(&card(&format!("{base}tags = [\"date\", 3, \" \"]\n"))),
        [
            (
                10,
                17,
                "an item of \"tags\" must be a string, found an integer".to_string()
            ),
            (10, 20, "an item of \"tags\" is empty".to_string()),
        ]
    );
}

#[test]
fn a_blank_explanation_or_source_is_reported_at_its_value() {
    let base = "id = \"a\"\nkind = \"recall\"\nprompt = \"Why?\"\nanswer = \"x\"\n";
    let text = card(&format!("{base}explanation = \"\"\nsource = \"  \"\n"));
    assert_eq!(
        problems(&text),
        [
            "10:15: \"explanation\" is empty — write what to show after answering, or remove the \
             line",
            "11:10: \"source\" is empty — write where in the source the fact stands, or remove \
             the line",
        ]
    );
}

#[test]
fn an_explanation_that_is_not_a_string_is_reported_at_its_value() {
    let base = "id = \"a\"\nkind = \"recall\"\nprompt = \"Why?\"\nanswer = \"x\"\n";
    assert_eq!(
        places(&card(&format!("{base}explanation = true\n"))),
        [(
            10,
            15,
            "\"explanation\" must be a string, found a boolean".to_string()
        )]
    );
}
