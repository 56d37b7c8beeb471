//! Problems with the `[set]` table: its keys, title, description and id.

use super::file_errors::RECALL;
use super::{places, problem};

#[test]
fn a_missing_title_is_reported_at_the_set_header() {
    let text = format!("\n[set]\nid = \"s\"\n[[cards]]\n{RECALL}");
    assert_eq!(
        problem(&text),
        "2:1: [set] has no \"title\" — add title = \"…\" with the set's name, as students see it"
    );
}

#[test]
fn a_missing_set_id_is_reported_at_the_set_header() {
    let text = format!("[set]\ntitle = \"T\"\n[[cards]]\n{RECALL}");
    assert_eq!(
        problem(&text),
        "1:1: [set] has no \"id\" — add id = \"…\" made of a-z, 0-9 and '-'; progress is tied to it"
    );
}

#[test]
fn an_unknown_key_in_the_set_table_is_reported_with_a_guess() {
    let text = format!("[set]\nid = \"s\"\ntitle = \"T\"\ndescripton = \"d\"\n[[cards]]\n{RECALL}");
    assert_eq!(
        problem(&text),
        "4:1: unknown key \"descripton\" — did you mean \"description\"?"
    );
}

#[test]
fn an_unknown_key_unlike_any_other_is_reported_with_the_keys_allowed() {
    let text = format!("[set]\nid = \"s\"\ntitle = \"T\"\ncolour = \"red\"\n[[cards]]\n{RECALL}");
    assert_eq!(
        problem(&text),
        "4:1: unknown key \"colour\" — remove it; [set] takes id, title, description, source"
    );
}

#[test]
fn a_card_key_in_the_set_table_is_said_to_belong_to_a_card() {
    let text = format!("[set]\nid = \"s\"\ntitle = \"T\"\nprompt = \"Why?\"\n[[cards]]\n{RECALL}");
    assert_eq!(
        problem(&text),
        "4:1: \"prompt\" belongs to a card, not to [set] — move it below a [[cards]] header"
    );
}

#[test]
fn a_blank_title_is_reported_at_its_value() {
    let text = format!("[set]\nid = \"s\"\ntitle = \" \t \"\n[[cards]]\n{RECALL}");
    assert_eq!(
        problem(&text),
        "3:9: \"title\" is empty — write the set's name, as students see it"
    );
}

#[test]
fn a_blank_description_is_reported_at_its_value() {
    let text = format!("[set]\nid = \"s\"\ntitle = \"T\"\ndescription = \"\"\n[[cards]]\n{RECALL}");
    assert_eq!(
        problem(&text),
        "4:15: \"description\" is empty — write what the set covers, or remove the line"
    );
}

#[test]
fn a_title_that_is_not_a_string_is_reported_at_its_value_with_a_quoted_fix() {
    let text = format!("[set]\nid = \"s\"\ntitle = 1950\n[[cards]]\n{RECALL}");
    assert_eq!(
        problem(&text),
        "3:9: \"title\" must be a string, found an integer — put it in double quotes: \"1950\""
    );
}

#[test]
fn a_bad_set_id_is_reported_at_its_value_with_a_tidied_guess() {
    let text = format!("[set]\nid = \"Korean War, 1950\"\ntitle = \"T\"\n[[cards]]\n{RECALL}");
    assert_eq!(
        problem(&text),
        "2:6: bad id \"Korean War, 1950\": an id uses only a-z, 0-9 and '-', found 'K' — use 1 \
         to 64 of a-z, 0-9 and '-', e.g. id = \"korean-war-1950\""
    );
}

#[test]
fn an_empty_or_too_long_set_id_is_reported_at_its_value() {
    let empty = format!("[set]\nid = \"\"\ntitle = \"T\"\n[[cards]]\n{RECALL}");
    assert_eq!(
        problem(&empty),
        "2:6: bad id \"\": an id cannot be empty — use 1 to 64 of a-z, 0-9 and '-', e.g. \
         id = \"kim-visit\""
    );
    let long = "a".repeat(65);
    let text = format!("[set]\nid = \"{long}\"\ntitle = \"T\"\n[[cards]]\n{RECALL}");
    let message = format!("bad id \"{long}\": an id is at most 64 characters, this one has 65");
    assert_eq!(places(&text), [(2, 6, message)]);
}

#[test]
fn a_set_id_that_is_not_a_string_is_reported_at_its_value() {
    let text = format!("[set]\nid = 1950\ntitle = \"T\"\n[[cards]]\n{RECALL}");
    assert_eq!(
        places(&text),
        [(
            2,
            6,
            "\"id\" must be a string, found an integer".to_string()
        )]
    );
}
