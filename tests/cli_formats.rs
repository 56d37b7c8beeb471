//! `studyhall check`, `import` and `export set` with other tools' formats, run as a real
//! process: the format from `--format`, the extension or the content (the guess printed), the
//! set named after the file, and sets written out again.

#[path = "common/process.rs"]
mod process;

use process::{stderr, stdout, studyhall, write};

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
    let checked = studyhall(&["check", package.to_str().unwrap()]);
    assert!(
        stdout(&checked).contains("treaty.apkg: ok: set treaty with 3 cards"),
        "the package reads back: {}{}",
        stdout(&checked),
        stderr(&checked)
    );
    assert!(
        !dir.path().join("treaty.apkg.partial").exists(),
        "no partial file is left"
    );

    let missing = studyhall(&["export", "set", "nope", "--db", db_arg]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("there is no set \"nope\""),
        "{}",
        stderr(&missing)
    );
}

const FIXTURES: &str = "tests/fixtures/formats";

#[test]
fn every_text_format_imports_and_importing_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db_arg = db.to_str().unwrap();
    let cases: [(&str, &[&str], &str, &str); 5] = [
        ("korean-war.gift", &[], "set korean-war: ", "10 added"),
        (
            "korean-war.aiken.txt",
            &[],
            "set korean-war-aiken: ",
            "4 added",
        ),
        (
            "korean-war.anki.txt",
            &["--format", "anki-text"],
            "set korean-war-anki: ",
            "5 added",
        ),
        (
            "korean-war.quizlet.tsv",
            &["--format", "quizlet", "--set", "quizlet-terms"],
            "set quizlet-terms: ",
            "5 added",
        ),
        (
            "korean-war.quizlet-custom.txt",
            &[
                "--format",
                "quizlet",
                "--separator",
                ";",
                "--row-separator",
                ";;",
                "--ask",
                "definition",
            ],
            "set korean-war-quizlet-custom: ",
            "3 added",
        ),
    ];
    for (file, flags, set, added) in cases {
        let path = format!("{FIXTURES}/{file}");
        let mut arguments = vec!["import", path.as_str(), "--db", db_arg];
        arguments.extend_from_slice(flags);
        let first = studyhall(&arguments);
        assert!(first.status.success(), "{file}: {}", stderr(&first));
        let out = stdout(&first);
        assert!(
            out.contains(&format!("{set}created: {added}")),
            "{file}: {out}"
        );
        let again = studyhall(&arguments);
        assert!(
            stdout(&again).contains(&format!("{set}updated: 0 added, 0 changed, 0 retired")),
            "{file}: {}",
            stdout(&again)
        );
    }
}

#[test]
fn check_prints_the_guessed_format_and_what_was_not_imported() {
    let gift = studyhall(&["check", &format!("{FIXTURES}/korean-war.gift")]);
    assert!(gift.status.success(), "{}", stderr(&gift));
    let out = stdout(&gift);
    for line in [
        "korean-war.gift: ok: set korean-war with 10 cards",
        "korean-war.gift: note: line 47: essay question skipped",
        "korean-war.gift: note: line 53: matching question skipped",
    ] {
        assert!(out.contains(line), "{line:?} in {out}");
    }
    let aiken = studyhall(&["check", &format!("{FIXTURES}/korean-war.aiken.txt")]);
    assert!(
        stdout(&aiken).contains("korean-war.aiken.txt: read as aiken (guessed from its content"),
        "{}",
        stdout(&aiken)
    );
}

#[test]
fn a_gift_file_with_errors_lists_each_at_its_line_and_column_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let path = write(
        dir.path(),
        "broken.gift",
        "::a:: Who led the North? {=Kim ~Rhee}\n\n::b:: Which year? {#19x50}\n\n::c:: Unclosed {=x ~y\n",
    );
    let output = studyhall(&[
        "import",
        path.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let err = stderr(&output);
    let lines: Vec<&str> = err
        .lines()
        .filter(|line| line.contains("broken.gift:"))
        .collect();
    assert!(lines.len() >= 2, "{err}");
    assert!(
        lines.iter().any(|line| line.contains("broken.gift:3:")),
        "{err}"
    );
    assert!(
        lines.iter().any(|line| line.contains("broken.gift:5:")),
        "{err}"
    );
    assert!(err.contains("nothing was imported"), "{err}");
}

#[test]
fn a_set_exported_as_gift_imports_back_to_the_same_cards() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db_arg = db.to_str().unwrap();
    let gift = format!("{FIXTURES}/korean-war.gift");
    assert!(
        studyhall(&["import", &gift, "--db", db_arg])
            .status
            .success()
    );
    let exported = studyhall(&[
        "export",
        "set",
        "korean-war",
        "--format",
        "gift",
        "--db",
        db_arg,
    ]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    let again = write(dir.path(), "korean-war.gift", &stdout(&exported));
    let reimported = studyhall(&["import", again.to_str().unwrap(), "--db", db_arg]);
    assert!(reimported.status.success(), "{}", stderr(&reimported));
    assert!(
        stdout(&reimported).contains("set korean-war: updated: 0 added, 0 changed, 0 retired"),
        "{}",
        stdout(&reimported)
    );
}

/// The essay set (dates, recall cards, sources, tags) through GIFT and back: the same cards,
/// and the same set file, title and sources included.
#[test]
fn the_essay_set_exported_as_gift_imports_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db_arg = db.to_str().unwrap();
    let essay = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questions/korean-war-1950.toml"
    );
    let imported = studyhall(&["import", essay, "--db", db_arg]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let export = |format: &str| {
        let output = studyhall(&[
            "export",
            "set",
            "korean-war-1950",
            "--format",
            format,
            "--db",
            db_arg,
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let before = export("toml");
    let gift = write(dir.path(), "korean-war-1950.gift", &export("gift"));
    let again = studyhall(&["import", gift.to_str().unwrap(), "--db", db_arg]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("updated: 0 added, 0 changed, 0 retired"),
        "{}",
        stdout(&again)
    );
    assert_eq!(export("toml"), before, "the set file is as it was");
}
