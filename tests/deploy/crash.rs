//! Crash safety: the server killed with SIGKILL a few times while students answer, then the
//! database checked. Every answer the server acknowledged (a 200) is there, each card's state is
//! the one its last review left, and SQLite's integrity check passes. Bounded: four students,
//! three kills, about two seconds of load in all, on 127.0.0.1.

use std::sync::Mutex;
use std::time::Duration;

use reqwest::blocking::Client;
use rusqlite::Connection;
use serde_json::{Value, json};

use crate::server::{Studyhall, an_answer_to};

const STUDENTS: [&str; 4] = ["sam", "sol", "sue", "sid"];
/// How long students answer before each SIGKILL: different, so the kill lands at different
/// points of the writer's group commits.
const LOAD_BEFORE_KILL: [Duration; 3] = [
    Duration::from_millis(450),
    Duration::from_millis(700),
    Duration::from_millis(950),
];
const SET: &str = "korean-war-1950";

/// An answer the server acknowledged, with the state it said the card is in.
#[derive(Debug)]
struct Acknowledged {
    review_token: String,
    repetitions: i64,
    easiness_hundredths: i64,
    interval: i64,
    due: String,
}

#[test]
fn after_sigkills_under_load_every_acknowledged_answer_and_the_card_states_it_left_are_kept() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let db = dir.path().join("studyhall.db");
    let client = Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("a client");
    let acknowledged = Mutex::new(Vec::new());
    let mut tokens = Vec::new();
    for (round, load) in LOAD_BEFORE_KILL.iter().enumerate() {
        let server = Studyhall::serve(&db, &[]);
        let address = server.address();
        if round == 0 {
            tokens = STUDENTS
                .iter()
                .map(|name| register(&client, &address, name))
                .collect();
        }
        let before = acknowledged.lock().unwrap().len();
        std::thread::scope(|scope| {
            for token in &tokens {
                let (client, address, acknowledged) = (&client, &address, &acknowledged);
                scope.spawn(move || answer_until_cut_off(client, address, token, acknowledged));
            }
            std::thread::sleep(*load);
            server.kill();
        });
        let answered = acknowledged.lock().unwrap().len() - before;
        assert!(
            answered > 0,
            "round {round}: no answer acknowledged before the kill"
        );
    }
    // It starts again on what the kills left, and answers.
    let server = Studyhall::serve(&db, &[]);
    let health = client
        .get(format!("{}/healthz", server.address()))
        .send()
        .unwrap();
    assert_eq!(health.status(), 200);
    drop(server);

    let acknowledged = acknowledged.into_inner().unwrap();
    let database = Connection::open(&db).expect("the database opens");
    let integrity: String = database
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let broken_references: i64 = database
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })
        .unwrap();
    assert_eq!(broken_references, 0);
    for answer in &acknowledged {
        assert_eq!(
            kept_review(&database, &answer.review_token),
            Some((
                answer.repetitions,
                answer.easiness_hundredths,
                answer.interval,
                answer.due.clone()
            )),
            "an acknowledged answer: {answer:?}"
        );
    }
    assert_eq!(
        states_unlike_their_last_review(&database),
        Vec::<String>::new()
    );
    println!(
        "{} answers acknowledged over {} SIGKILLs, all kept",
        acknowledged.len(),
        LOAD_BEFORE_KILL.len()
    );
}

/// Registers `name` through the API and signs in; the bearer token (sessions outlive restarts).
fn register(client: &Client, address: &str, name: &str) -> String {
    let credentials = json!({"username": name, "password": crate::PASSWORD});
    let registered = client
        .post(format!("{address}/api/v1/register"))
        .json(&credentials)
        .send()
        .unwrap();
    assert_eq!(registered.status(), 201);
    let login: Value = client
        .post(format!("{address}/api/v1/login"))
        .json(&credentials)
        .send()
        .unwrap()
        .json()
        .unwrap();
    login["token"].as_str().expect("a token").to_string()
}

/// Answers card after card until the server stops answering (the kill), recording each answer
/// it acknowledged. Wrong answers bring cards back the same day, so the cards do not run out.
fn answer_until_cut_off(
    client: &Client,
    address: &str,
    token: &str,
    acknowledged: &Mutex<Vec<Acknowledged>>,
) {
    let bearer = format!("Bearer {token}");
    loop {
        let Ok(next) = client
            .get(format!("{address}/api/v1/sets/{SET}/next"))
            .header("Authorization", &bearer)
            .send()
        else {
            return;
        };
        if next.status() == 204 {
            return; // nothing left today (unlikely: wrong answers come back)
        }
        assert_eq!(next.status(), 200, "a card to answer");
        let Ok(next) = next.json::<Value>() else {
            return;
        };
        let answer = an_answer_to(&next);
        let Ok(reply) = client
            .post(format!("{address}/api/v1/sets/{SET}/answers"))
            .header("Authorization", &bearer)
            .json(&answer)
            .send()
        else {
            return;
        };
        assert_eq!(reply.status(), 200, "the answer is taken");
        // Cut off while the body was on its way: not known to be acknowledged.
        let Ok(body) = reply.json::<Value>() else {
            return;
        };
        acknowledged.lock().unwrap().push(Acknowledged {
            review_token: answer["review_token"].as_str().unwrap().to_string(),
            repetitions: body["repetitions"].as_i64().unwrap(),
            easiness_hundredths: (body["ef"].as_f64().unwrap() * 100.0).round() as i64,
            interval: body["interval"].as_i64().unwrap(),
            due: body["due"].as_str().unwrap().to_string(),
        });
    }
}

/// The state a kept review with `review_token` left the card in.
fn kept_review(database: &Connection, review_token: &str) -> Option<(i64, i64, i64, String)> {
    database
        .query_row(
            "SELECT repetitions_after, easiness_after, interval_after, due_day_after
             FROM reviews WHERE review_token = ?1",
            [review_token],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .ok()
}

/// The card states that differ from what their latest review left, described.
fn states_unlike_their_last_review(database: &Connection) -> Vec<String> {
    let mut statement = database
        .prepare(
            "SELECT s.user_id, s.card_id, s.repetitions, s.easiness_hundredths, s.interval_days,
                    s.due_day, r.repetitions_after, r.easiness_after, r.interval_after,
                    r.due_day_after
             FROM card_states s
             JOIN reviews r ON r.id = (SELECT max(id) FROM reviews
                                       WHERE user_id = s.user_id AND card_id = s.card_id)
             WHERE (s.repetitions, s.easiness_hundredths, s.interval_days, s.due_day)
                IS NOT (r.repetitions_after, r.easiness_after, r.interval_after, r.due_day_after)",
        )
        .unwrap();
    let rows = statement
        .query_map([], |row| {
            Ok(format!(
                "user {} card {}: state ({}, {}, {}, {}), last review ({}, {}, {}, {})",
                row.get::<_, i64>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, i64>(2)?,
                row.get::<_, i64>(3)?,
                row.get::<_, i64>(4)?,
                row.get::<_, String>(5)?,
                row.get::<_, i64>(6)?,
                row.get::<_, i64>(7)?,
                row.get::<_, i64>(8)?,
                row.get::<_, String>(9)?,
            ))
        })
        .unwrap();
    let mut unlike: Vec<String> = rows.map(Result::unwrap).collect();
    let orphans: i64 = database
        .query_row(
            "SELECT count(*) FROM card_states s WHERE NOT EXISTS
               (SELECT 1 FROM reviews r WHERE r.user_id = s.user_id AND r.card_id = s.card_id)",
            [],
            |row| row.get(0),
        )
        .unwrap();
    if orphans > 0 {
        unlike.push(format!("{orphans} card states with no review"));
    }
    unlike
}
