//! `studyhall check`, `import` and `export set` with other tools' formats, run as a real
//! process: the format from `--format`, the extension or the content (the guess printed), the
//! set named after the file, and sets written out again.

use std::path::{Path, PathBuf};

#[path = "common/process.rs"]
mod process;

use process::{stderr, stdout, studyhall};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const CLOZE_SET: &str = "[set]\nid = \"treaty\"\ntitle = \"The treaty\"\n\n[[cards]]\n\
    id = \"treaty\"\nkind = \"cloze\"\n\
    text = \"The {{c1::Sino-Soviet}} treaty was signed in {{c2::February 1950}}.\"\n\n\
    [[cards]]\nid = \"who\"\nkind = \"text\"\nprompt = \"Who signed for China?\"\n\
    answer = \"Mao Zedong\"\n";

#[test]
fn a_txt_file_whose_format_cannot_be_told_asks_for_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "notes.txt", "just some prose\nand more of it\n");
    let output = studyhall(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output)
            .contains("notes.txt: cannot tell which format this .txt file is in — give --format"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_bad_format_name_is_bad_usage() {
    let output = studyhall(&["check", "--format", "moodle-xml", "x.xml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("possible values"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn export_set_writes_the_kept_toml_and_a_csv_to_standard_output_and_a_package_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let set = write(dir.path(), "treaty.toml", CLOZE_SET);
    let db_arg = db.to_str().unwrap();
    let imported = studyhall(&["import", set.to_str().unwrap(), "--db", db_arg]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(
        stdout(&imported).contains("set treaty: created: 3 added"),
        "{}",
        stdout(&imported)
    );

    let toml = studyhall(&["export", "set", "treaty", "--db", db_arg]);
    assert!(toml.status.success(), "{}", stderr(&toml));
    assert_eq!(stdout(&toml), CLOZE_SET, "the file the database keeps");

    let csv = studyhall(&["export", "set", "treaty", "--format", "csv", "--db", db_arg]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    assert!(
        stdout(&csv).starts_with("id,kind,prompt,text,answer,"),
        "{}",
        stdout(&csv)
    );

    let package = dir.path().join("treaty.apkg");
    let apkg = studyhall(&[
        "export",
        "set",
        "treaty",
        "--format",
        "apkg",
        "-o",
        package.to_str().unwrap(),
        "--db",
        db_arg,
    ]);
    assert!(apkg.status.success(), "{}", stderr(&apkg));
    assert!(std::fs::metadata(&package).unwrap().len() > 0);

    let missing = studyhall(&["export", "set", "nope", "--db", db_arg]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("there is no set \"nope\""),
        "{}",
        stderr(&missing)
    );
}
