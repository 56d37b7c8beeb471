//! `questions/README.md` shows real behaviour: its example set parses, and its sample
//! problems are what the draft file below gives.

use super::{parsed, problems};

const README: &str = include_str!("../../../../questions/README.md");

/// The body of the README's first code block opening with `opening`.
fn code_block(opening: &str) -> &'static str {
    let start = README
        .find(opening)
        .map(|at| at + opening.len())
        .expect("the README has the code block");
    let length = README[start..]
        .find("```")
        .expect("the code block is closed");
    &README[start..start + length]
}

#[test]
fn the_readme_example_parses_with_one_card_of_every_kind() {
    let set = parsed(code_block("```toml\n"));
    let kinds: Vec<&str> = set.cards.iter().map(|card| card.kind.name()).collect();
    let every_kind = [
        "recall",
        "text",
        "choice",
        "multi",
        "truefalse",
        "date",
        "number",
        "cloze",
        "cloze",
    ];
    assert_eq!(kinds, every_kind);
}

#[test]
fn the_readme_error_sample_is_what_its_draft_file_gives() {
    let draft = r#"[set]
id = "draft"
title = "Draft"

[[cards]]
id = "kim-visit"
kind = "choise"
prompt = "Who visited Moscow?"
choices = ["Kim", "Mao"]
answer = "Kim"

[[cards]]
id = "acheson"
kind = "text"
answer = "Dean Acheson"

[[cards]]
id = "rejected-by"
kind = "choice"
prompt = "Who rejected it?"
choices = ["Mao", "Zhou Enlai"]
answer = "Stalin"

[[cards]]
id = "kim-visit"
kind = "date"
prompt = "When?"
answer = "1950-02-30"
"#;
    let sample: Vec<&str> = code_block("```text\n")
        .lines()
        .filter(|line| !line.starts_with('$'))
        .collect();
    let rendered: Vec<String> = problems(draft)
        .iter()
        .map(|problem| format!("questions/draft.toml:{problem}"))
        .collect();
    assert_eq!(rendered, sample);
}
