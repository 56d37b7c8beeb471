//! Problems in the rows: each cell checked by the same rules as a TOML card.

use super::{place, places, problem, problems, with_rows};

#[test]
fn a_row_without_id_kind_or_prompt_reports_each_under_its_column() {
    let text = with_rows(",,,A\n");
    assert_eq!(
        places(&text),
        [place(2, "id"), place(2, "kind"), place(2, "prompt")]
    );
    assert_eq!(
        problems(&text)[2],
        "2:prompt: this card has no prompt — write the question the card asks in the prompt column"
    );
}

#[test]
fn a_bad_card_id_suggests_a_slug() {
    assert_eq!(
        problem(&with_rows("Kim Visit,recall,Q?,A\n")),
        "2:id: bad id \"Kim Visit\": an id uses only a-z, 0-9 and '-', found 'K' — use 1 to 64 of \
         a-z, 0-9 and '-', e.g. kim-visit"
    );
}

#[test]
fn a_duplicate_card_id_points_back_at_the_line_it_was_first_used_on() {
    let text = with_rows("c1,recall,Q?,A\nc2,recall,Q?,A\nc1,recall,Q?,A\n");
    assert_eq!(
        problem(&text),
        "4:id: duplicate card id \"c1\", first used on line 2 — give this card an id of its own; \
         progress is tied to card ids"
    );
}

#[test]
fn an_unknown_kind_gets_a_guess() {
    let found = problem(&with_rows("c1,choise,Q?,a,,a|b\n"));
    assert!(
        found.starts_with("2:kind: unknown kind \"choise\" — did you mean \"choice\"?"),
        "{found}"
    );
}

#[test]
fn a_kind_is_read_in_any_case() {
    let set = super::parsed(&with_rows("c1,TrueFalse,Q?,TRUE\n"));
    assert_eq!(set.cards[0].kind.name(), "truefalse");
}

#[test]
fn a_card_without_its_answer_is_told_which_column_to_fill() {
    assert_eq!(
        problem(&with_rows("c1,text,Q?,\n")),
        "2:answer: this text card has no answer — write the expected answer in the answer column"
    );
}

#[test]
fn a_cell_the_kind_does_not_take_names_the_kinds_that_take_it() {
    assert_eq!(
        problem(&with_rows("c1,text,Q?,A,,x|y\n")),
        "2:choices: \"choices\" is not a field of text cards — empty the cell, or use a kind that \
         takes it: choice, multi"
    );
    assert_eq!(
        problem(&with_rows("c1,choice,Q?,x,,x|y,y\n")),
        "2:answers: \"answers\" is not a field of choice cards — only multi cards take answers; \
         put the one right answer in the answer column"
    );
    assert_eq!(
        problem(&with_rows("c1,date,Q?,1950,,,,2\n")),
        "2:tolerance: \"tolerance\" is not a field of date cards — empty the cell, or use a kind \
         that takes it: number"
    );
}

#[test]
fn a_multi_card_with_an_answer_is_told_to_use_answers() {
    let text = with_rows("c1,multi,Q?,x,,x|y,\n");
    assert_eq!(
        problems(&text),
        [
            "2:answer: \"answer\" is not a field of multi cards — a multi card lists what must be \
             picked in the answers column",
            "2:answers: this multi card has no answers — write the choices that must be picked, \
             separated by |, in the answers column",
        ]
    );
}

#[test]
fn choices_are_two_to_ten_without_repeats_and_hold_the_answer() {
    assert!(
        problem(&with_rows("c1,choice,Q?,x,,x\n"))
            .starts_with("2:choices: \"choices\" has 1 option;")
    );
    let eleven = (1..=11)
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join("|");
    assert!(problem(&with_rows(&format!("c1,choice,Q?,1,,{eleven}\n"))).contains("at most 10"));
    assert_eq!(
        problem(&with_rows("c1,choice,Q?,x,,x|y|x\n")),
        "2:choices: choice \"x\" is listed twice — remove the repeat"
    );
    assert_eq!(
        problem(&with_rows("c1,choice,Q?,Seol,,Seoul|Busan\n")),
        "2:answer: answer \"Seol\" is not one of the choices — did you mean \"Seoul\"? It must \
         match a choice exactly"
    );
}

#[test]
fn a_multi_cards_answers_are_choices_without_repeats() {
    let text = with_rows("c1,multi,Q?,,,alpha|beta|gamma,alpha|alpha|omega\n");
    assert_eq!(
        problems(&text),
        [
            "2:answers: answer \"alpha\" is listed twice — remove the repeat",
            "2:answers: answer \"omega\" is not one of the choices — make it exactly one of the \
             choices, or add it to \"choices\"",
        ]
    );
}

#[test]
fn an_empty_list_item_is_reported() {
    assert_eq!(
        problem(&with_rows("c1,choice,Q?,x,,x||y\n")),
        "2:choices: \"choices\" has an empty item — remove the extra |: items are separated by a \
         single |"
    );
    assert!(
        problem(&with_rows("c1,recall,Q?,A,,,,,date|\n"))
            .starts_with("2:tags: \"tags\" has an empty item")
    );
}

#[test]
fn a_truefalse_answer_is_true_or_false() {
    assert_eq!(
        problem(&with_rows("c1,truefalse,Q?,yes\n")),
        "2:answer: \"yes\" is not true or false — write true or false"
    );
}

#[test]
fn a_date_must_have_a_shape_and_exist() {
    assert!(
        problem(&with_rows("c1,date,Q?,someday\n"))
            .starts_with("2:answer: \"someday\" is not a date")
    );
    assert!(
        problem(&with_rows("c1,date,Q?,1950-02-30\n"))
            .starts_with("2:answer: impossible date \"1950-02-30\"")
    );
}

#[test]
fn a_number_and_its_tolerance_must_be_finite_numbers_and_the_tolerance_not_negative() {
    assert_eq!(
        problem(&with_rows("c1,number,Q?,seventy\n")),
        "2:answer: \"answer\" \"seventy\" is not a number — write a number with a point for \
         decimals, e.g. 70 or 2.5"
    );
    assert!(
        problem(&with_rows("c1,number,Q?,inf\n"))
            .starts_with("2:answer: \"answer\" inf is not a usable number")
    );
    assert_eq!(
        problem(&with_rows("c1,number,Q?,70,,,,-1\n")),
        "2:tolerance: \"tolerance\" -1 is negative — write how far off a guess may be, 0 or more"
    );
}

#[test]
fn every_problem_of_every_row_is_listed_in_line_order() {
    let text = with_rows("c1,truefalse,Q?,maybe\nBad,recall,Q?,A\nc3,date,Q?,someday\n");
    assert_eq!(
        places(&text),
        [place(2, "answer"), place(3, "id"), place(4, "answer")]
    );
}

#[test]
fn a_quoted_cell_over_several_lines_moves_the_next_rows_line_numbers() {
    let text = with_rows("c1,recall,\"Line one\nline two\nline three\",A\nc2,truefalse,Q?,maybe\n");
    assert_eq!(places(&text), [place(5, "answer")]);
}

#[test]
fn an_ambiguous_date_is_refused_with_both_readings() {
    assert_eq!(
        problem(&with_rows("c1,date,Q?,05/06/1950\n")),
        "2:answer: \"05/06/1950\" is ambiguous: 5 June 1950 read day first, May 6, 1950 read \
         month first — write the month as a word, \"5 June 1950\" or \"May 6, 1950\""
    );
}

#[test]
fn a_cell_with_a_nul_character_is_refused_like_in_toml() {
    let text = with_rows("a,text,Who?,Kim\0 Il Sung\n");
    assert_eq!(
        problems(&text),
        [
            "2:answer: a NUL character in the cell — remove the NUL character (a damaged or binary file?)"
        ]
    );
}
