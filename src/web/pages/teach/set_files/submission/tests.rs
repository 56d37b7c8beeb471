//! From an upload to a checked set: format, text, naming and located problems.

use super::*;

const TOML_SET: &str = "[set]\nid = \"cold-war\"\ntitle = \"Cold War\"\n\n[[cards]]\nid = \"c1\"\nkind = \"truefalse\"\nprompt = \"Q?\"\nanswer = true\n";

fn upload(file_name: Option<&str>, file: &[u8], text: &str) -> SetUpload {
    SetUpload {
        file_name: file_name.map(str::to_string),
        file: file.to_vec(),
        text: text.as_bytes().to_vec(),
        ..SetUpload::default()
    }
}

fn checked(upload: &SetUpload) -> Checked {
    check(&submission(upload).unwrap()).unwrap()
}

#[test]
fn the_extension_decides_the_format_and_otherwise_the_choice_on_the_form() {
    assert_eq!(Format::of(Some("cold-war.CSV"), "toml", b""), Format::Sheet);
    assert_eq!(Format::of(Some("cold-war.tsv"), "toml", b""), Format::Sheet);
    assert_eq!(
        Format::of(Some("cold-war.toml"), "sheet", b""),
        Format::Toml
    );
    assert_eq!(Format::of(Some("notes.txt"), "sheet", b""), Format::Sheet);
    assert_eq!(Format::of(None, "", b""), Format::Toml);
}

#[test]
fn a_chosen_file_wins_over_pasted_text_and_windows_line_ends_become_plain() {
    let sent = upload(Some("a.toml"), b"[set]\r\nid = \"x\"\r\n", "pasted");
    assert_eq!(submission(&sent).unwrap().form.text, "[set]\nid = \"x\"\n");
    let pasted = upload(None, b"", "pasted");
    assert_eq!(submission(&pasted).unwrap().form.text, "pasted");
}

#[test]
fn nothing_to_check_and_a_binary_file_are_problems_with_the_form() {
    assert_eq!(
        submission(&upload(None, b"", "  \n")).unwrap_err(),
        "Choose a set file, or paste the set in the box."
    );
    let error = submission(&upload(Some("photo.png"), b"\x89PNG\r\n\x1a\n\0\0", "")).unwrap_err();
    assert!(error.starts_with("“photo.png” cannot be read as a set: the file is not UTF-8 text (byte 0x89) at line 1, column 1."), "{error}");
}

#[test]
fn a_valid_toml_file_is_kept_as_written() {
    let Checked::Valid { set, file_text } = checked(&upload(None, b"", TOML_SET)) else {
        panic!("valid")
    };
    assert_eq!(
        (set.id.as_str(), file_text.as_str()),
        ("cold-war", TOML_SET)
    );
}

#[test]
fn toml_problems_are_placed_at_line_and_column_and_numbered_for_their_anchors() {
    let text = TOML_SET.replace("answer = true", "answer = yes\nfoo = 1");
    let Checked::Invalid(rows) = checked(&upload(None, b"", &text)) else {
        panic!("invalid")
    };
    assert_eq!(rows[0].place, "9:10");
    assert_eq!(rows[0].anchor, "problem-1");
    assert!(
        rows[0].message.starts_with("TOML syntax"),
        "{}",
        rows[0].message
    );
}

#[test]
fn a_spreadsheet_takes_its_id_and_title_from_the_file_name_unless_given_and_is_kept_as_toml() {
    let rows = b"id,kind,prompt,answer\nc1,truefalse,Q?,true\n";
    let Checked::Valid { set, file_text } = checked(&upload(Some("cold-war.csv"), rows, "")) else {
        panic!("valid")
    };
    assert_eq!(
        (set.id.as_str(), set.title.as_str()),
        ("cold-war", "cold-war")
    );
    assert_eq!(parse_set(&file_text).unwrap(), set);
    let mut named = upload(Some("cold-war.csv"), rows, "");
    named.set_id = "korea".into();
    named.set_title = "Korea".into();
    let Checked::Valid { set, .. } = checked(&named) else {
        panic!("valid")
    };
    assert_eq!((set.id.as_str(), set.title.as_str()), ("korea", "Korea"));
}

#[test]
fn a_toml_file_leaves_the_spreadsheet_fields_empty() {
    let text = TOML_SET.replace("answer = true", "answer = yes");
    let form = submission(&upload(Some("cold-war.toml"), text.as_bytes(), ""))
        .unwrap()
        .form;
    assert_eq!(
        (form.set_id.as_str(), form.set_title.as_str()),
        ("", ""),
        "the form comes back with them as they were sent"
    );
}

#[test]
fn pasted_spreadsheet_text_needs_a_usable_set_id() {
    let mut pasted = upload(
        None,
        b"",
        "id\tkind\tprompt\tanswer\nc1\ttruefalse\tQ?\ttrue\n",
    );
    pasted.format = "sheet".into();
    let error = check(&submission(&pasted).unwrap()).unwrap_err();
    assert!(error.starts_with("Give the set an id"), "{error}");
    pasted.set_id = "Cold War".into();
    let error = check(&submission(&pasted).unwrap()).unwrap_err();
    assert!(error.contains("e.g. “cold-war”"), "{error}");
    pasted.set_id = "cold-war".into();
    assert!(
        matches!(
            check(&submission(&pasted).unwrap()).unwrap(),
            Checked::Valid { .. }
        ),
        "a tab-separated paste is sniffed"
    );
}

#[test]
fn spreadsheet_problems_are_placed_at_line_and_column_name() {
    let rows = b"id,kind,answer\nc1,truefalse,maybe\n";
    let Checked::Invalid(rows) = checked(&upload(Some("cold-war.csv"), rows, "")) else {
        panic!("invalid")
    };
    let places: Vec<&str> = rows.iter().map(|row| row.place.as_str()).collect();
    assert_eq!(places, ["1:prompt", "2:answer"]);
}
