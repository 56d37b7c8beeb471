//! `studyhall user add`, `studyhall user role` and the start-up of `studyhall serve` (the
//! set-up link, `--registration`), run as real processes. The account commands work on the
//! database the server made: the tests make it first, as `serve` would.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use studyhall::store::{RegistrationMode, Role, Store, StoreConfig};

const PASSWORD: &str = "a long enough password";

/// Runs `studyhall ARGS` with `stdin` piped in.
fn studyhall(arguments: &[&str], stdin: &str) -> Output {
    let mut child = crate::common::process::command()
        .args(arguments)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("stdin is written");
    child.wait_with_output().expect("the binary ends")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn open(db: &Path) -> Store {
    Store::open(&StoreConfig::new(db)).expect("the database opens")
}

/// A new database, as `studyhall serve` makes it: the account commands make none.
fn server_database(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let db = dir.path().join("s.db");
    drop(open(&db));
    db
}

fn add(db: &Path, name: &str, role: &str, stdin: &str) -> Output {
    studyhall(
        &[
            "user",
            "add",
            name,
            "--role",
            role,
            "--db",
            db.to_str().unwrap(),
        ],
        stdin,
    )
}

#[test]
fn user_add_reads_one_piped_line_as_the_password_and_logs_the_new_user() {
    let dir = tempfile::tempdir().unwrap();
    let db = server_database(&dir);
    let output = add(
        &db,
        "teacher",
        "instructor",
        &format!("{PASSWORD}\nignored second line\n"),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("added teacher as instructor"),
        "{}",
        text(&output.stdout)
    );
    let store = open(&db);
    let teacher = store
        .user_by_name("teacher")
        .unwrap()
        .expect("the user was added");
    assert_eq!(teacher.role, Role::Instructor);
    assert!(studyhall::accounts::verify_password(
        &teacher.password_hash,
        PASSWORD
    ));
    let log = store.audit_log(1).unwrap();
    assert_eq!(
        (log[0].action.as_str(), log[0].detail.as_str()),
        ("user.add", "teacher as instructor")
    );
}

#[test]
fn user_add_refuses_a_taken_name_a_short_password_or_no_password_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = server_database(&dir);
    assert!(add(&db, "ada", "student", PASSWORD).status.success());
    let cases = [
        ("ADA", format!("{PASSWORD}\n"), "taken"),
        ("bob", "short\n".to_string(), "10 characters"),
        ("bob", String::new(), "no password"),
        ("b b", format!("{PASSWORD}\n"), "username"),
    ];
    for (name, stdin, says) in cases {
        let output = add(&db, name, "student", &stdin);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{name}: {}",
            text(&output.stderr)
        );
        let message = text(&output.stderr);
        assert!(message.contains(says), "{name}: {message}");
        assert!(!message.contains("panicked"), "{message}");
    }
    assert!(
        open(&db).user_by_name("bob").unwrap().is_none(),
        "nothing was added"
    );
}

#[test]
fn user_role_changes_a_role_and_refuses_an_unknown_user_or_the_last_admin() {
    let dir = tempfile::tempdir().unwrap();
    let db = server_database(&dir);
    let db_arg = db.to_str().unwrap();
    assert!(add(&db, "root", "admin", PASSWORD).status.success());
    assert!(add(&db, "ada", "student", PASSWORD).status.success());

    let promoted = studyhall(&["user", "role", "ada", "instructor", "--db", db_arg], "");
    assert!(promoted.status.success(), "{}", text(&promoted.stderr));
    assert!(text(&promoted.stdout).contains("ada is now instructor (was student)"));
    assert_eq!(
        open(&db).user_by_name("ada").unwrap().unwrap().role,
        Role::Instructor
    );

    let unknown = studyhall(&["user", "role", "nobody", "admin", "--db", db_arg], "");
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        text(&unknown.stderr).contains("no user \"nobody\""),
        "{}",
        text(&unknown.stderr)
    );

    let last_admin = studyhall(&["user", "role", "root", "student", "--db", db_arg], "");
    assert_eq!(last_admin.status.code(), Some(1));
    assert!(
        text(&last_admin.stderr).contains("only admin"),
        "{}",
        text(&last_admin.stderr)
    );

    let bad_role = studyhall(&["user", "role", "ada", "overlord", "--db", db_arg], "");
    assert_eq!(bad_role.status.code(), Some(2), "a usage error");
    let store = open(&db);
    assert_eq!(
        store.user_by_name("root").unwrap().unwrap().role,
        Role::Admin
    );
    assert_eq!(
        store.audit_log(10).unwrap()[0].detail,
        "ada: student -> instructor"
    );
}

#[test]
fn user_role_on_a_missing_database_says_so_and_creates_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    let output = studyhall(
        &["user", "role", "ada", "admin", "--db", db.to_str().unwrap()],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("no database"),
        "{}",
        text(&output.stderr)
    );
    assert!(!db.exists());
}

#[test]
fn user_add_on_a_missing_database_says_so_and_creates_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mistyped.db");
    let output = add(&db, "root", "admin", PASSWORD);
    assert_eq!(output.status.code(), Some(1));
    let message = text(&output.stderr);
    assert!(
        message.contains("no database") && message.contains("mistyped.db"),
        "{message}"
    );
    assert!(!db.exists(), "no database was created");
}

#[test]
fn user_add_on_an_older_database_says_to_start_the_server_and_migrates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = server_database(&dir);
    let older = i64::try_from(studyhall::store::SCHEMA_VERSION).unwrap() - 1;
    let connection = rusqlite::Connection::open(&db).unwrap();
    connection
        .pragma_update(None, "user_version", older)
        .unwrap();
    drop(connection);

    let output = add(&db, "root", "admin", PASSWORD);
    assert_eq!(output.status.code(), Some(1));
    let message = text(&output.stderr);
    assert!(
        message.contains("older") && message.contains("studyhall serve"),
        "{message}"
    );
    let connection = rusqlite::Connection::open(&db).unwrap();
    let version: i64 = connection
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    assert_eq!(version, older, "the database was not migrated");
    let users: i64 = connection
        .query_row("SELECT count(*) FROM users", [], |row| row.get(0))
        .unwrap();
    assert_eq!(users, 0, "nobody was added");
}

#[test]
fn serve_prints_the_ready_line_and_the_setup_link_after_the_log_lines() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    // Both streams in one pipe, in the order a terminal shows them.
    let mut server = Command::new("sh")
        .args([
            "-c",
            r#"exec "$0" serve --addr "$1" --db "$2" 2>&1"#,
            env!("CARGO_BIN_EXE_studyhall"),
            &format!("127.0.0.1:{port}"),
            db.to_str().unwrap(),
        ])
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .spawn()
        .expect("the server starts");
    let output = BufReader::new(server.stdout.take().expect("stdout"));
    let mut lines = Vec::new();
    for line in output.lines().map_while(Result::ok).take(40) {
        let done = line.starts_with("Set up the admin account: ");
        lines.push(line);
        if done {
            break;
        }
    }
    server.kill().expect("the server stops");
    server.wait().expect("the server ended");
    let ready = lines
        .iter()
        .position(|line| line.starts_with("studyhall is ready"))
        .unwrap_or_else(|| panic!("a ready line: {lines:#?}"));
    assert_eq!(
        ready + 2,
        lines.len(),
        "the set-up link follows: {lines:#?}"
    );
    assert!(
        lines[..ready]
            .iter()
            .any(|line| line.contains("starting service")),
        "actix's start-up lines come first: {lines:#?}"
    );
}

#[test]
fn serve_prints_a_setup_link_while_there_is_no_admin_and_stores_the_registration_mode() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let mut server = crate::common::process::command()
        .args([
            "serve",
            "--addr",
            &addr,
            "--db",
            db.to_str().unwrap(),
            "--registration",
            "code",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let stdout = BufReader::new(server.stdout.take().expect("stdout"));
    let link = stdout
        .lines()
        .map_while(Result::ok)
        .take(5)
        .find_map(|line| {
            line.strip_prefix("Set up the admin account: ")
                .map(str::to_string)
        });
    let setup_page = link
        .as_deref()
        .map(|link| reqwest::blocking::get(link).map(|r| r.status().as_u16()));
    server.kill().expect("the server stops");
    server.wait().expect("the server ended");

    let link = link.expect("the set-up line is printed");
    assert!(link.starts_with(&format!("http://{addr}/setup/")), "{link}");
    assert_eq!(
        setup_page.unwrap().unwrap(),
        200,
        "the printed link opens the form"
    );
    assert_eq!(
        open(&db).registration_mode().unwrap(),
        RegistrationMode::Code
    );
}
