//! The writer's group commit, driven directly on a small table of its own.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;

use rusqlite::Connection;

use super::{block_on, open_store};
use crate::store::writer::Writer;
use crate::store::{Pending, Role, StoreError};

/// A writer on a fresh database with a `notes` table whose text is unique, so a write can be
/// made to fail on demand by repeating a note.
fn notes_writer(dir: &Path) -> (Writer, PathBuf) {
    let path = dir.join("notes.db");
    let connection = Connection::open(&path).unwrap();
    connection
        .execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA foreign_keys = ON;
             CREATE TABLE notes (text TEXT NOT NULL UNIQUE) STRICT;
             CREATE TABLE parents (id INTEGER PRIMARY KEY) STRICT;
             CREATE TABLE children (
                 parent INTEGER NOT NULL REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED
             ) STRICT;",
        )
        .unwrap();
    (Writer::spawn(connection, || {}, |_| {}).unwrap(), path)
}

fn add_note(connection: &Connection, text: &str) -> Result<(), StoreError> {
    connection.execute("INSERT INTO notes (text) VALUES (?1)", [text])?;
    Ok(())
}

fn notes(path: &Path) -> Vec<String> {
    let connection = Connection::open(path).unwrap();
    let mut statement = connection
        .prepare("SELECT text FROM notes ORDER BY text")
        .unwrap();
    statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Holds the writer inside a write until the returned sender is used, so that the writes queued
/// meanwhile all join the next group.
fn hold_writer(writer: &Writer) -> (mpsc::Sender<()>, Pending<()>) {
    let (release, gate) = mpsc::channel::<()>();
    let held = writer.submit(move |_| {
        let _ = gate.recv();
        Ok(())
    });
    (release, held)
}

#[test]
fn a_failing_write_rolls_back_alone_and_its_group_neighbours_commit() {
    let dir = tempfile::tempdir().unwrap();
    let (writer, path) = notes_writer(dir.path());
    let (release, held) = hold_writer(&writer);

    let first = writer.submit(|connection| add_note(connection, "first"));
    let failing = writer.submit(|connection| {
        add_note(connection, "half-done")?;
        add_note(connection, "first") // already there: this write fails
    });
    let reader_path = path.clone();
    let last = writer.submit(move |connection| {
        add_note(connection, "last")?;
        // Another connection sees nothing yet: "first" is not committed, so it shares this
        // write's transaction.
        let others_see: i64 =
            Connection::open(&reader_path)?
                .query_row("SELECT count(*) FROM notes", [], |row| row.get(0))?;
        Ok(others_see)
    });
    release.send(()).unwrap();

    held.wait().unwrap();
    first.wait().unwrap();
    assert!(matches!(failing.wait(), Err(StoreError::Sqlite(_))));
    assert_eq!(last.wait().unwrap(), 0, "the three writes were one group");
    assert_eq!(notes(&path), ["first", "last"]);
}

#[test]
fn a_failed_commit_fails_every_write_of_the_group_and_the_writer_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let (writer, path) = notes_writer(dir.path());
    let (release, held) = hold_writer(&writer);

    let innocent = writer.submit(|connection| add_note(connection, "innocent"));
    // A deferred foreign key passes the statement and fails only at COMMIT.
    let orphan = writer.submit(|connection| {
        connection.execute("INSERT INTO children (parent) VALUES (99)", [])?;
        Ok(())
    });
    release.send(()).unwrap();

    for answer in [held.wait(), innocent.wait(), orphan.wait()] {
        assert!(
            matches!(
                &answer,
                Err(StoreError::Transaction {
                    action: "commit",
                    ..
                })
            ),
            "{answer:?}"
        );
    }
    assert!(notes(&path).is_empty(), "nothing of the group was saved");

    writer
        .submit(|connection| add_note(connection, "later"))
        .wait()
        .unwrap();
    assert_eq!(notes(&path), ["later"]);
}

#[test]
fn a_panicking_write_fails_alone_and_the_writer_survives() {
    let dir = tempfile::tempdir().unwrap();
    let (writer, path) = notes_writer(dir.path());
    let (release, held) = hold_writer(&writer);
    let panicking = writer.submit(|connection| -> Result<(), StoreError> {
        add_note(connection, "before the panic")?;
        panic!("a bug in a write");
    });
    let neighbour = writer.submit(|connection| add_note(connection, "neighbour"));
    release.send(()).unwrap();

    held.wait().unwrap();
    assert!(matches!(panicking.wait(), Err(StoreError::WritePanicked)));
    neighbour.wait().unwrap();
    assert_eq!(notes(&path), ["neighbour"]);
}

#[test]
fn awaiting_a_write_answers_like_waiting_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let (writer, path) = notes_writer(dir.path());
    block_on(writer.submit(|connection| add_note(connection, "awaited"))).unwrap();
    let repeated = block_on(writer.submit(|connection| add_note(connection, "awaited")));
    assert!(repeated.is_err());
    assert_eq!(notes(&path), ["awaited"]);
}

#[test]
fn many_writes_from_many_threads_all_succeed() {
    let fixture = open_store();
    thread::scope(|scope| {
        for thread_number in 0..8 {
            let store = fixture.store.clone();
            scope.spawn(move || {
                let pending: Vec<_> = (0..25)
                    .map(|n| {
                        store.create_user(
                            &format!("user-{thread_number}-{n}"),
                            "hash",
                            Role::Student,
                        )
                    })
                    .collect();
                for answer in pending {
                    answer.wait().unwrap();
                }
            });
        }
    });
    assert_eq!(fixture.store.user_count().unwrap(), 200);
}

/// The writer does not checkpoint; the checkpoint thread copies its commits into the database
/// file soon after. `immutable=1` reads the database file alone, without the WAL.
#[test]
fn commits_reach_the_database_file_through_the_checkpoint_thread() {
    let dir = tempfile::tempdir().unwrap();
    let config = crate::store::StoreConfig::new(dir.path().join("checkpointed.db"));
    let store = crate::store::Store::open(&config).unwrap();
    for name in ["ada", "bo", "cy"] {
        store
            .create_user(name, "hash", Role::Student)
            .wait()
            .unwrap();
    }
    let uri = format!("file:{}?immutable=1", config.path.display());
    let in_file = || {
        let flags =
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI;
        Connection::open_with_flags(&uri, flags)
            .and_then(|file| file.query_row("SELECT count(*) FROM users", [], |row| row.get(0)))
            .unwrap_or(0_i64)
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while in_file() < 3 && std::time::Instant::now() < deadline {
        thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(in_file(), 3, "the three users are in the database file");
    let autocheckpoint: i64 = store
        .write(|connection| {
            Ok(connection.pragma_query_value(None, "wal_autocheckpoint", |row| row.get(0))?)
        })
        .wait()
        .unwrap();
    assert_eq!(
        autocheckpoint, 0,
        "the writer leaves checkpoints to the thread"
    );
}
