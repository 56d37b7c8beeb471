//! The header row: required, unknown, repeated and unnamed columns, and columns some card needs.

use super::{place, places, problem, problems};

#[test]
fn a_missing_required_column_is_reported_at_line_1_under_its_name() {
    assert_eq!(
        problem("id,kind,answer\nc1,recall,Yes\n"),
        "1:prompt: there is no \"prompt\" column — add a column named prompt: every card needs one"
    );
}

#[test]
fn every_missing_required_column_is_reported_and_rows_are_not_blamed_for_it() {
    assert_eq!(
        places("answer\nYes\n"),
        [place(1, "id"), place(1, "kind"), place(1, "prompt")]
    );
}

#[test]
fn an_unknown_column_gets_a_guess_or_the_list_of_columns() {
    assert_eq!(
        problem("id,kind,promt,prompt,answer\nc1,truefalse,,Q?,true\n"),
        "1:promt: unknown column \"promt\" — did you mean \"prompt\"?"
    );
    let text = "id,kind,prompt,answer,colour\nc1,recall,Q?,A,x\n";
    let found = problem(text);
    assert!(found.starts_with("1:colour: unknown column \"colour\" — remove it; the columns are id, kind, prompt, text, answer"), "{found}");
}

#[test]
fn the_cells_of_an_unknown_column_are_not_read_again() {
    let text = "id,kind,prompt,answer,colour\nc1,recall,Q?,A,red\nc2,recall,Q?,A,blue\n";
    assert_eq!(places(text), [place(1, "colour")]);
}

#[test]
fn a_column_given_twice_is_reported_once() {
    assert_eq!(
        problem("id,kind,prompt,answer,Answer\nc1,recall,Q?,A,B\n"),
        "1:answer: the column \"answer\" is given twice — remove one of them"
    );
}

#[test]
fn column_names_are_read_without_regard_to_case_or_spaces() {
    let set = super::parsed(" ID ,Kind,PROMPT,Answer\nc1,recall,Q?,A\n");
    assert_eq!(set.cards[0].prompt, "Q?");
}

#[test]
fn a_missing_answer_column_is_reported_once_at_the_header_naming_the_first_card_that_needs_it() {
    let text = "id,kind,prompt,choices\nc1,choice,Q?,a|b\nc2,recall,Q?,\n";
    assert_eq!(
        problem(text),
        "1:answer: there is no \"answer\" column, but the choice card on line 2 needs one — add a \
         column named answer to the header"
    );
}

#[test]
fn a_missing_choices_or_answers_column_is_reported_for_the_kinds_that_need_them() {
    let text = "id,kind,prompt\nc1,multi,Q?\n";
    assert_eq!(
        problems(text),
        [
            "1:answers: there is no \"answers\" column, but the multi card on line 2 needs one — \
             add a column named answers to the header",
            "1:choices: there is no \"choices\" column, but the multi card on line 2 needs one — \
             add a column named choices to the header",
        ]
    );
}

#[test]
fn a_file_of_truefalse_cards_needs_no_column_but_answer() {
    let set = super::parsed("id,kind,prompt,answer\nc1,truefalse,Q?,true\n");
    assert_eq!(set.cards.len(), 1);
}

#[test]
fn a_value_in_a_column_without_a_name_is_reported_on_its_row() {
    let text = "id,kind,prompt,answer,\nc1,recall,Q?,A,\nc2,recall,Q?,A,oops,more\n";
    assert_eq!(places(text), [place(3, "column 5"), place(3, "column 6")]);
    assert!(problems(text)[0].contains("a value in a column with no name"));
}

#[test]
fn an_empty_file_and_a_header_without_rows_are_each_one_problem() {
    assert_eq!(
        problem(""),
        "1: the file is empty — start with a header row naming the columns: \
         id,kind,prompt,answer,accept,choices,answers,tags,explanation,source"
    );
    assert_eq!(
        problem("id,kind,prompt,answer\n"),
        "1: the set has no cards — add one row per card below the header"
    );
    assert_eq!(
        problem("id,kind,prompt,answer\n,,,\n"),
        "1: the set has no cards — add one row per card below the header"
    );
}
