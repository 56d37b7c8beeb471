//! `studyhall check` and `studyhall import` with spreadsheets (CSV and TSV), run as a real
//! process: the set id and title from the file name or `--set`/`--title`, every problem as a
//! `FILE:LINE:COLUMN` line, and nothing imported when any file has one.

use studyhall::questions::SetId;
use studyhall::store::{Store, StoreConfig, Visibility};

const ROWS: &str = "id,kind,prompt,answer,choices,tags\n\
c1,truefalse,The Berlin Wall fell in 1989.,true,,date\n\
c2,choice,\"Which city, then?\",Berlin,Berlin|Vienna,place|city\n";

#[path = "common/process.rs"]
mod process;

use process::{stderr, stdout, studyhall, write};

#[test]
fn check_passes_a_csv_and_a_tsv_naming_each_set_after_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(dir.path(), "cold-war.csv", ROWS);
    let tsv = write(
        dir.path(),
        "berlin.tsv",
        &ROWS
            .replace(',', "\t")
            .replace("\"Which city\t then?\"", "Which city, then?"),
    );
    let output = studyhall(&["check", csv.to_str().unwrap(), tsv.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("ok: set cold-war with 2 cards"), "{text}");
    assert!(text.contains("ok: set berlin with 2 cards"), "{text}");
}

#[test]
fn check_lists_every_problem_as_file_line_and_column_name_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "cold-war.csv",
        "id,kind,prompt,answer\nc1,truefalse,Q?,maybe\nc1,date,\"Two\nlines\",someday\n",
    );
    let output = studyhall(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    let file = path.display().to_string();
    for expected in [
        format!("{file}:2:answer: \"maybe\" is not true or false — write true or false"),
        format!("{file}:3:id: duplicate card id \"c1\", first used on line 2"),
        format!("{file}:3:answer: \"someday\" is not a date"),
        "3 errors in 1 file".to_string(),
    ] {
        assert!(message.contains(&expected), "{expected:?} in {message}");
    }
}

#[test]
fn check_reports_a_missing_required_column_at_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "cold-war.csv",
        "id,kind,answer\nc1,truefalse,true\n",
    );
    let output = studyhall(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let file = path.display().to_string();
    assert!(
        stderr(&output).contains(&format!("{file}:1:prompt: there is no \"prompt\" column")),
        "{}",
        stderr(&output)
    );
}

#[test]
fn import_loads_a_csv_as_an_open_set_named_by_set_and_title() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let path = write(dir.path(), "Export (3).csv", ROWS);
    let arguments = [
        "import",
        path.to_str().unwrap(),
        "--set",
        "cold-war",
        "--title",
        "The Cold War",
        "--db",
        db.to_str().unwrap(),
    ];
    let output = studyhall(&arguments);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("set cold-war: created: 2 added"),
        "{}",
        stdout(&output)
    );
    let again = studyhall(&arguments);
    assert!(
        stdout(&again).contains("0 added, 0 changed, 0 retired"),
        "{}",
        stdout(&again)
    );

    let store = Store::open(&StoreConfig::new(&db)).unwrap();
    let id = SetId::parse("cold-war").unwrap();
    assert_eq!(
        store.set_by_slug(&id).unwrap().unwrap().title,
        "The Cold War"
    );
    let ownership = store.set_ownership(&id).unwrap().unwrap();
    assert_eq!(
        (ownership.owner, ownership.visibility),
        (None, Visibility::Open)
    );
    let kept = store.set_file_text(&id).unwrap().unwrap();
    assert!(
        kept.starts_with("[set]\nid = \"cold-war\"\ntitle = \"The Cold War\""),
        "kept as TOML: {kept}"
    );
}

#[test]
fn a_file_name_that_is_no_set_id_asks_for_set() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "Cold War.csv", ROWS);
    let output = studyhall(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("rename the file, e.g. to cold-war.csv, or give --set cold-war"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn set_and_title_with_several_files_or_a_toml_file_are_bad_usage() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.csv", ROWS);
    let b = write(dir.path(), "b.csv", ROWS);
    let several = studyhall(&[
        "check",
        "--set",
        "x",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert_eq!(several.status.code(), Some(2));
    assert!(
        stderr(&several).contains("--set and --title apply to a single file"),
        "{}",
        stderr(&several)
    );
    let toml = studyhall(&["import", "--title", "T", "questions/korean-war-1950.toml"]);
    assert_eq!(toml.status.code(), Some(2));
    assert!(
        stderr(&toml).contains("a TOML file names its set in [set]"),
        "{}",
        stderr(&toml)
    );
}

#[test]
fn import_of_a_broken_csv_with_a_good_toml_loads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let bad = write(dir.path(), "bad.csv", "id,kind,prompt\nc1,essay,Q?\n");
    let output = studyhall(&[
        "import",
        "questions/korean-war-1950.toml",
        bad.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains(":2:kind: unknown kind \"essay\""),
        "{message}"
    );
    assert!(message.contains("nothing was imported"), "{message}");
    assert!(!db.exists(), "the database is not even created");
}
