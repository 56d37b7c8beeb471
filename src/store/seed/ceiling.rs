//! SQLite's own ceiling for the answer transaction, measured in-process on a seeded database:
//! what the server's answer throughput is judged against.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::{Connection, params};
use uuid::Uuid;

use crate::scheduler::StudyDay;

use super::super::{StoreError, Synchronous, configure_writer};
use super::{SplitMix64, count, day_at};

/// SQLite's own rate for the answer's write, without studyhall around it: one transaction per
/// answer (insert one review row, upsert one card state, with the statements of
/// `reviews::record`), one after the other for `duration`, on a connection set up like the
/// server's writer with `synchronous`. Runs against the database at `path`, which must be seeded
/// (it answers for random students and cards) and not open in a [`Store`](crate::store::Store).
/// Returns transactions per second.
pub fn raw_answer_ceiling(
    path: &Path,
    duration: Duration,
    synchronous: Synchronous,
) -> Result<f64, StoreError> {
    let connection = Connection::open(path).map_err(|source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    configure_writer(&connection, synchronous)?;
    let users = count(&connection, "SELECT coalesce(max(id), 0) FROM users")?;
    if users == 0 {
        return Err(StoreError::Corrupt(
            "no students to answer as: seed first".into(),
        ));
    }
    let cards: Vec<(i64, i64)> = connection
        .prepare("SELECT id, set_id FROM cards WHERE retired = 0")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    if cards.is_empty() {
        return Err(StoreError::Corrupt(
            "no cards to answer: import a set first".into(),
        ));
    }
    let mut review = connection.prepare(RAW_REVIEW)?;
    let mut state = connection.prepare(RAW_STATE)?;
    let mut random = SplitMix64(0x5EED);
    // Yesterday's review, due in two weeks: the rows written here change nothing that the
    // server will count for today (reviews today, new cards met today, work due).
    let today = StudyDay::from_date(jiff::Zoned::now().date());
    let (yesterday, due) = (day_at(today, -1), day_at(today, 14));
    let started = Instant::now();
    let mut done = 0_u64;
    while started.elapsed() < duration {
        let user = 1 + random.below(users) as i64;
        let (card, set) = cards[random.below(cards.len() as u64) as usize];
        let at = jiff::Timestamp::now().as_millisecond();
        // A fresh token, as the server makes one per answer form (`study::new_review_token`).
        let token = Uuid::now_v7().to_string();
        connection.execute_batch("BEGIN IMMEDIATE")?;
        review.execute(params![user, card, set, at, yesterday, due, token])?;
        state.execute(params![user, card, set, due, yesterday, at])?;
        connection.execute_batch("COMMIT")?;
        done += 1;
    }
    Ok(done as f64 / started.elapsed().as_secs_f64())
}

/// The review row of an answer, shaped as `reviews::record` writes it.
const RAW_REVIEW: &str = "
    INSERT INTO reviews (user_id, card_id, set_id, reviewed_at, study_day, answer, verdict,
        normalized_answer, quality, scheduled, repetitions_before, easiness_before,
        interval_before, repetitions_after, easiness_after, interval_after, due_day_after,
        duration_ms, overridden, review_token)
    VALUES (?1, ?2, ?3, ?4, ?5, 'stalin', 'correct', 'stalin', 4, 1, 2, 250, 6, 3, 250, 15,
        ?6, 9000, 0, ?7)";

/// The card-state upsert of an answer, as `reviews::save_progress` writes it.
const RAW_STATE: &str = "
    INSERT INTO card_states (user_id, card_id, set_id, repetitions, easiness_hundredths,
        interval_days, lapses, due_day, last_review_day, last_reviewed_at, relearning,
        introduced_day)
    VALUES (?1, ?2, ?3, 3, 250, 15, 0, ?4, ?5, ?6, 0, ?5)
    ON CONFLICT (user_id, card_id) DO UPDATE SET
        repetitions = excluded.repetitions,
        easiness_hundredths = excluded.easiness_hundredths,
        interval_days = excluded.interval_days,
        lapses = excluded.lapses,
        due_day = excluded.due_day,
        last_review_day = excluded.last_review_day,
        last_reviewed_at = excluded.last_reviewed_at,
        relearning = excluded.relearning";
