//! The studyhall binary as a child process on a free port of 127.0.0.1, with its own database,
//! and what a student sends to answer a card.

use std::io::{BufRead, BufReader, Lines, Write};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

/// The server, killed when dropped.
pub struct Studyhall {
    pub port: u16,
    /// The set-up link it printed at start-up (while the database has no admin).
    pub setup_link: String,
    child: Child,
    /// Held open: a server writing to a closed pipe would fail.
    _stdout: Lines<BufReader<ChildStdout>>,
}

/// A port nothing listens on now (bound and released: another process could take it before
/// it is used, which on a test machine's loopback does not happen in practice).
pub fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("an address").port()
}

impl Studyhall {
    /// Starts `studyhall serve` on a free port with the database `db` and the built-in essay
    /// set, plus `extra` flags; returns once it printed its set-up link (it is listening).
    pub fn serve(db: &Path, extra: &[&str]) -> Studyhall {
        let port = free_port();
        let mut child = Command::new(env!("CARGO_BIN_EXE_studyhall"))
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .arg("--db")
            .arg(db)
            .arg("--questions")
            .arg(db.with_extension("no-questions-folder")) // the built-in essay set
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let setup_link = stdout
            .by_ref()
            .map_while(Result::ok)
            .find_map(|line| {
                line.strip_prefix("Set up the admin account: ")
                    .map(str::to_string)
            })
            .expect("the server prints its set-up link");
        Studyhall {
            port,
            setup_link,
            child,
            _stdout: stdout,
        }
    }

    /// Starts the server reached at `public_url`, then adds the student `ada` with
    /// `studyhall user add` (the database exists once the server has started).
    pub fn start(dir: &Path, public_url: &str) -> Studyhall {
        let db = dir.join("studyhall.db");
        // nginx on this machine is the only proxy whose X-Forwarded-For is believed.
        let server = Studyhall::serve(
            &db,
            &["--public-url", public_url, "--trusted-proxy", "127.0.0.1"],
        );
        let mut add = Command::new(env!("CARGO_BIN_EXE_studyhall"))
            .args(["user", "add", "ada", "--role", "student", "--db"])
            .arg(&db)
            .stdin(Stdio::piped())
            .spawn()
            .expect("studyhall user add runs");
        writeln!(add.stdin.take().expect("stdin"), "{}", crate::PASSWORD).expect("a password");
        assert!(add.wait().expect("user add ends").success(), "user add");
        server
    }

    /// `http://127.0.0.1:PORT`
    pub fn address(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Ends the server with SIGKILL: no shutdown, no flush, as a power cut ends it for the
    /// process (the OS still writes what it was handed).
    pub fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("the server ended");
    }
}

impl Drop for Studyhall {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An answer to the card of `next` (`GET .../next`), of the kind the card asks for; right or
/// wrong does not matter, only that it is recorded.
pub fn an_answer_to(next: &Value) -> Value {
    let card = &next["card"];
    let first_choice = card["choices"][0].clone();
    let mut answer = json!({
        "card_id": card["id"],
        "review_token": next["review_token"],
    });
    match card["kind"].as_str().expect("a kind") {
        "recall" => answer["quality"] = json!(4),
        "number" => answer["answer"] = json!(1),
        "truefalse" => answer["answer"] = json!(true),
        "choice" => answer["answer"] = first_choice,
        "multi" => answer["answer"] = json!([first_choice]),
        "date" => answer["answer"] = json!("25 June 1950"),
        _ => answer["answer"] = json!("an answer"),
    }
    answer
}
