//! `studyhall serve` as a process from start to stop: a clean stop leaves no WAL to replay, and
//! `--backup-dir` takes snapshots on schedule and keeps only the newest `--keep`.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

/// Starts `studyhall serve` on a free port of 127.0.0.1 with the built-in set, plus `extra`,
/// and waits for its ready line.
fn serve(db: &Path, extra: &[&str]) -> Child {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let questions = db.with_extension("no-questions");
    let mut server = crate::common::process::command()
        .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--db"])
        .arg(db)
        .arg("--questions")
        .arg(&questions)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let mut stdout = BufReader::new(server.stdout.take().expect("stdout")).lines();
    let ready = (&mut stdout)
        .map_while(Result::ok)
        .any(|line| line.contains("studyhall is ready"));
    assert!(ready, "the server said it is ready");
    // Read on, so that the lines printed after it do not meet a closed pipe.
    std::thread::spawn(move || stdout.for_each(drop));
    server
}

/// Stops the server as a service manager does (SIGTERM) and waits for it.
fn stop(mut server: Child) {
    let status = std::process::Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let ended = server.wait().expect("the server ends");
    assert!(ended.success(), "a clean stop exits 0: {ended}");
}

#[test]
fn a_server_stopped_with_sigterm_leaves_an_empty_wal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let server = serve(&db, &[]);
    let wal = dir.path().join("s.db-wal");
    assert!(
        std::fs::metadata(&wal).unwrap().len() > 0,
        "the start-up wrote to the WAL"
    );
    stop(server);
    let left = std::fs::metadata(&wal).map_or(0, |metadata| metadata.len());
    assert_eq!(
        left, 0,
        "every page of the WAL was copied into the database"
    );
}

#[test]
fn scheduled_snapshots_appear_in_the_backup_folder_and_only_the_newest_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let snapshots = dir.path().join("snapshots");
    let server = serve(
        &db,
        &[
            "--backup-dir",
            snapshots.to_str().unwrap(),
            "--backup-every",
            "1s",
            "--keep",
            "2",
        ],
    );
    std::thread::sleep(Duration::from_millis(4500));
    stop(server);
    let mut names: Vec<String> = std::fs::read_dir(&snapshots)
        .expect("the folder was made")
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    for name in &names {
        assert!(
            name.starts_with("studyhall-") && name.ends_with(".db"),
            "{name}"
        );
        let copy = rusqlite::Connection::open(snapshots.join(name)).unwrap();
        let verdict: String = copy
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .unwrap();
        assert_eq!(verdict, "ok", "{name}");
    }
}

#[test]
fn a_backup_interval_without_a_unit_is_refused_at_start_up() {
    let output = crate::common::process::studyhall(&["serve", "--backup-every", "24"]);
    assert_eq!(output.status.code(), Some(2));
    let message = crate::common::process::stderr(&output);
    assert!(message.contains("24h"), "{message}");
}
