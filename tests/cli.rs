//! The command line, run as a real process: exit statuses and the lines scripts rely on.

use std::net::TcpListener;

#[path = "common/process.rs"]
mod process;

use process::{stderr, stdout, studyhall};

#[test]
fn sm2_json_prints_one_object_per_review_with_exactly_four_keys() {
    let output = studyhall(&["sm2", "--json", "5", "5", "5", "5", "5", "5", "5"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let intervals: Vec<u64> = stdout(&output)
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
            assert_eq!(keys.len(), 4, "{line}");
            for key in ["quality", "repetitions", "ef", "interval"] {
                assert!(value.get(key).is_some(), "{key} missing in {line}");
            }
            value["interval"].as_u64().unwrap()
        })
        .collect();
    assert_eq!(intervals, [1, 6, 17, 48, 140, 420, 1302]);
}

#[test]
fn sm2_prints_a_table_for_people() {
    let output = studyhall(&["sm2", "4", "2"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.contains("2.50"), "{text}");
}

#[test]
fn sm2_with_a_quality_out_of_range_or_not_a_number_exits_2_naming_the_argument() {
    for (bad, position) in [
        ("6", "argument 2"),
        ("good", "argument 2"),
        ("-1", "argument 2"),
    ] {
        let output = studyhall(&["sm2", "4", bad]);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        let message = stderr(&output);
        assert_eq!(message.trim().lines().count(), 1, "{message}");
        assert!(
            message.contains(position) && message.contains(bad),
            "{message}"
        );
    }
}

#[test]
fn check_passes_the_essay_set() {
    let output = studyhall(&["check", "questions/korean-war-1950.toml"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("korean-war-1950"));
}

#[test]
fn check_lists_every_error_of_a_file_with_its_line_and_column_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.toml");
    std::fs::write(
        &path,
        "[set]\nid = \"broken\"\ntitle = \"Broken\"\n\n[[cards]]\nid = \"a\"\nkind = \"essay\"\nprompt = \"x\"\n\n[[cards]]\nid = \"b\"\nkind = \"date\"\nprompt = \"When?\"\nanswer = \"1950-13\"\n",
    )
    .unwrap();
    let output = studyhall(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    let file = path.display().to_string();
    assert!(message.contains(&format!("{file}:7:8:")), "{message}");
    assert!(message.contains(&format!("{file}:14:10:")), "{message}");
    assert!(
        message.contains(" — "),
        "each error says how to fix it: {message}"
    );
}

#[test]
fn import_loads_a_set_and_reimporting_reports_it_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db = db.to_str().unwrap();
    let first = studyhall(&["import", "questions/korean-war-1950.toml", "--db", db]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains("created"), "{}", stdout(&first));
    let second = studyhall(&["import", "questions/korean-war-1950.toml", "--db", db]);
    assert!(
        stdout(&second).contains("0 added, 0 changed, 0 retired"),
        "{}",
        stdout(&second)
    );
}

#[test]
fn import_over_a_set_an_instructor_uploaded_is_refused_and_leaves_it_theirs() {
    use studyhall::store::{Role, Store, StoreConfig, Teacher, Visibility};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let file = "[set]\nid = \"cold-war\"\ntitle = \"Ana's\"\n\n[[cards]]\nid = \"a\"\nkind = \"truefalse\"\nprompt = \"P\"\nanswer = true\n";
    {
        let store = Store::open(&StoreConfig::new(&db)).unwrap();
        let ana = store.create_user("ana", "$argon2id$x", Role::Instructor);
        let ana = store.user_by_id(ana.wait().unwrap()).unwrap().unwrap();
        let set = studyhall::questions::parse::parse_set(file).unwrap();
        let teacher = Teacher::of(&ana).unwrap();
        let published = store.publish_set(teacher, set, file.into(), Visibility::Restricted);
        published.wait().unwrap();
    }
    let mine = dir.path().join("mine.toml");
    std::fs::write(&mine, file.replace("answer = true", "answer = false")).unwrap();
    let output = studyhall(&[
        "import",
        mine.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("uploaded in the browser by ana")
            && message.contains("nothing was imported"),
        "{message}"
    );
    let store = Store::open(&StoreConfig::new(&db)).unwrap();
    let set = studyhall::questions::SetId::parse("cold-war").unwrap();
    let ownership = store.set_ownership(&set).unwrap().unwrap();
    assert_eq!(ownership.owner_name.as_deref(), Some("ana"));
    assert_eq!(ownership.visibility, Visibility::Restricted);
}

#[test]
fn import_of_a_file_with_errors_loads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let good = dir.path().join("good.toml");
    let bad = dir.path().join("bad.toml");
    std::fs::write(&good, "[set]\nid = \"good\"\ntitle = \"G\"\n\n[[cards]]\nid = \"a\"\nkind = \"truefalse\"\nprompt = \"P\"\nanswer = true\n").unwrap();
    std::fs::write(&bad, "[set]\nid = \"bad\"\n").unwrap();
    let output = studyhall(&[
        "import",
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("nothing was imported"));
    assert!(!db.exists(), "the database is not even created");
}

#[test]
fn serve_on_a_port_in_use_says_what_to_do_and_exits_1() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let output = studyhall(&["serve", "--addr", &addr, "--db", db.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains(&addr) && message.contains("--addr"),
        "{message}"
    );
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn serve_with_an_unwritable_database_path_says_what_to_do_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("no-such-folder").join("s.db");
    let output = studyhall(&[
        "serve",
        "--addr",
        "127.0.0.1:0",
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("--db") && message.contains("no-such-folder"),
        "{message}"
    );
}

#[test]
fn serve_with_a_broken_question_file_lists_its_errors_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("broken.toml"),
        "[set]\nid = \"x\"\ntitle = \"X\"\n",
    )
    .unwrap();
    let db = dir.path().join("s.db");
    let output = studyhall(&[
        "serve",
        "--addr",
        "127.0.0.1:0",
        "--db",
        db.to_str().unwrap(),
        "--questions",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("broken.toml:"), "{message}");
    assert!(message.contains("studyhall check"), "{message}");
}
