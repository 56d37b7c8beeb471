//! `studyhall backup` while students answer: the copy is whole, and a server started on it
//! serves the data (students sign in, their reviews are there).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::common::process::{stderr, studyhall};
use crate::common::spawn_app_on;
use crate::helpers::{Api, PASSWORD};

/// The load runs until the backup is done, within these bounds.
const MAX_ANSWERS: usize = 3000;
const MAX_LOAD: Duration = Duration::from_secs(30);

#[test]
fn a_backup_taken_while_students_answer_is_whole_and_restores_to_a_working_server() {
    let api = Api::start();
    let students: Vec<_> = (0..3)
        .map(|n| api.student(&format!("student{n}")))
        .collect();
    let backups = tempfile::tempdir().expect("a temporary directory");
    let backup = backups.path().join("copy.db");
    let done = AtomicBool::new(false);
    let (output, answered) = std::thread::scope(|scope| {
        let load = scope.spawn(|| {
            let (started, mut answered) = (Instant::now(), 0);
            while !done.load(Ordering::Relaxed)
                && answered < MAX_ANSWERS
                && started.elapsed() < MAX_LOAD
            {
                for student in &students {
                    if let Some(next) = api.next(student) {
                        api.answer_wrong(student, &next);
                        answered += 1;
                    }
                }
            }
            answered
        });
        // Answers are flowing when the backup starts.
        std::thread::sleep(Duration::from_millis(500));
        let output = studyhall(&[
            "backup",
            backup.to_str().expect("a path"),
            "--db",
            api.app.db_path.to_str().expect("a path"),
        ]);
        std::thread::sleep(Duration::from_millis(200));
        done.store(true, Ordering::Relaxed);
        (output, load.join().expect("the load ran"))
    });
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(answered > 0, "answers were recorded during the backup");

    let copy = rusqlite::Connection::open(&backup).expect("the backup opens");
    let verdict: String = copy
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("an integrity check");
    assert_eq!(verdict, "ok");
    let reviews: i64 = copy
        .query_row("SELECT count(*) FROM reviews", [], |row| row.get(0))
        .expect("a count");
    assert!(reviews > 0, "the backup holds the reviews made before it");
    drop(copy);

    // Restore: the backup becomes the database of a new server.
    let restored_dir = tempfile::tempdir().expect("a temporary directory");
    let restored = restored_dir.path().join("studyhall.db");
    std::fs::copy(&backup, &restored).expect("the backup is copied into place");
    let api = Api::on(spawn_app_on(restored_dir, restored));
    assert_eq!(api.health().status, 200);
    let login = api.login("student0", PASSWORD);
    assert_eq!(login.status, 200, "{}", login.text);
    let user = api.app.user_id("student0");
    let progress = (api.app.store)
        .progress(user, crate::common::today())
        .expect("a read");
    assert!(progress.reviews_today > 0, "{progress:?}");
}

#[test]
fn backup_refuses_to_overwrite_a_file_and_exits_1() {
    let api = Api::start();
    let dir = tempfile::tempdir().expect("a temporary directory");
    let taken = dir.path().join("taken.db");
    std::fs::write(&taken, "keep me").expect("a file");
    let output = studyhall(&[
        "backup",
        taken.to_str().expect("a path"),
        "--db",
        api.app.db_path.to_str().expect("a path"),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("already exists"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&taken).expect("the file"),
        "keep me"
    );
}
