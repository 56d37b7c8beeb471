//! Bulk generation of a populated database, for the benchmarks and tests only: the server never
//! calls this. It fills a database whose sets are already imported with students, live sessions
//! and a realistic history of card states and reviews, fast enough to make 20 million rows in
//! under two minutes, and measures SQLite's own ceiling for the answer transaction
//! ([`raw_answer_ceiling`]) so that the server's throughput can be judged against it.
//!
//! Everything is generated from a seed, so a benchmark's world is the same from run to run.
//! [`seed`] works on a connection of its own with durability switched off (no journal, no
//! fsync, foreign keys unchecked): run it before the server, or any [`Store`](super::Store), opens the file.
//! A crash half-way leaves a database fit only for deletion, which is all a benchmark needs.

mod ceiling;
#[cfg(test)]
mod tests;

use std::path::Path;

use rusqlite::{Connection, Statement, params};
use uuid::Uuid;

use crate::scheduler::StudyDay;

use super::accounts::sessions::token_hash;
use super::{StoreError, UserId, migrate};

pub use ceiling::raw_answer_ceiling;

/// Rows per transaction while seeding: big enough that commits cost nothing, small enough that
/// SQLite's cache never has to spill half a transaction.
const ROWS_PER_TRANSACTION: u64 = 200_000;
/// SQLite's page cache while seeding, in KiB (negative `cache_size` means KiB): the hot ends of
/// the indexes being appended to stay in memory.
const SEED_CACHE_KIB: i64 = 256 * 1024;
/// A student holds states for at most this share of the cards on average, so that every
/// student still has new cards to meet (the most active, at 1.4x the average, too).
const MAX_AVERAGE_SHARE: f64 = 0.7;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;
const SESSION_DAYS: i64 = 30;

/// What to generate.
#[derive(Debug, Clone)]
pub struct SeedPlan {
    /// Students to create (raised when `card_states` would not fit; see [`SeedReport`]).
    pub students: u32,
    /// Card states to create in total, spread over the students and the imported cards.
    pub card_states: u64,
    /// Review rows per card state (the history that produced it); 0 for none.
    pub reviews_per_state: u32,
    /// The PHC string every student signs in with: one hash shared by all, since hashing a
    /// thousand passwords with argon2 would take minutes.
    pub password_hash: String,
    /// Due days fall between `today - overdue_days` and `today + ahead_days`, so that there is
    /// always work due today.
    pub today: StudyDay,
    pub overdue_days: u32,
    pub ahead_days: u32,
    /// Unix milliseconds now: session expiry and review timestamps count from it.
    pub now_ms: i64,
    /// The random seed.
    pub seed: u64,
}

/// A student made by [`seed`], signed in with a live session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeededStudent {
    pub user: UserId,
    pub username: String,
    /// The session token: send it as `Authorization: Bearer TOKEN` or the session cookie.
    pub token: String,
}

/// What [`seed`] made.
#[derive(Debug, Clone)]
pub struct SeedReport {
    pub students: Vec<SeededStudent>,
    pub card_states: u64,
    pub reviews: u64,
}

/// Fills the database at `path` as `plan` says. The sets must be imported first (the card states
/// refer to their cards); the database is migrated if it is new. Returns the students, in id
/// order, with their session tokens.
pub fn seed(path: &Path, plan: &SeedPlan) -> Result<SeedReport, StoreError> {
    let mut connection = Connection::open(path).map_err(|source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    migrate::migrate(&mut connection, path)?;
    // Durability off for the bulk load only; the server sets its own pragmas when it opens.
    connection.pragma_update(None, "journal_mode", "OFF")?;
    connection.pragma_update(None, "synchronous", "OFF")?;
    connection.pragma_update(None, "foreign_keys", false)?;
    connection.pragma_update(None, "cache_size", -SEED_CACHE_KIB)?;

    let cards = cards_by_set(&connection)?;
    let card_count: usize = cards.iter().map(|(_, cards)| cards.len()).sum();
    if card_count == 0 && plan.card_states > 0 {
        return Err(StoreError::Corrupt(
            "seeding card states needs imported cards: import a set first".into(),
        ));
    }
    let fit = (plan.card_states as f64 / (card_count.max(1) as f64 * MAX_AVERAGE_SHARE)).ceil();
    let students = plan.students.max(fit as u32).max(1);

    let mut random = SplitMix64(plan.seed);
    let mut rows = Batch::begin(&connection)?;
    let made = insert_students(&mut rows, students, plan, &mut random)?;
    let mut history = History::new(&connection, plan)?;
    let shares = shares(students, plan.card_states, card_count, &mut random);
    for (student, share) in made.iter().zip(shares) {
        for (set, set_cards) in &cards {
            // The student has met the first cards of each set, in file order, like a real one.
            // Rounded up or down at random, so the total comes out as planned on average.
            let met = (share * set_cards.len() as f64 + random.unit()) as usize;
            for &card in &set_cards[..met.min(set_cards.len())] {
                history.add(&mut random, student.user, card, *set)?;
                rows.count(1 + u64::from(plan.reviews_per_state))?;
            }
        }
    }
    drop(history);
    rows.finish()?;
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "foreign_keys", true)?;
    let report = SeedReport {
        students: made,
        card_states: count(&connection, "SELECT count(*) FROM card_states")?,
        reviews: count(&connection, "SELECT count(*) FROM reviews")?,
    };
    Ok(report)
}

/// Each student's share of each set's cards: the average times 0.6 to 1.4 (1 on average),
/// capped at the whole set.
fn shares(students: u32, states: u64, cards: usize, random: &mut SplitMix64) -> Vec<f64> {
    let average = states as f64 / f64::from(students) / cards.max(1) as f64;
    (0..students)
        .map(|_| (average * (0.6 + 0.8 * random.unit())).min(1.0))
        .collect()
}

fn cards_by_set(connection: &Connection) -> Result<Vec<(i64, Vec<i64>)>, StoreError> {
    let mut statement = connection
        .prepare("SELECT set_id, id FROM cards WHERE retired = 0 ORDER BY set_id, position")?;
    let mut sets: Vec<(i64, Vec<i64>)> = Vec::new();
    let rows = statement.query_map([], |row| Ok((row.get::<_, i64>(0)?, row.get(1)?)))?;
    for row in rows {
        let (set, card) = row?;
        match sets.last_mut() {
            Some((last, cards)) if *last == set => cards.push(card),
            _ => sets.push((set, vec![card])),
        }
    }
    // Inserting each student's states in key order keeps every index append-mostly.
    for (_, cards) in &mut sets {
        cards.sort_unstable();
    }
    Ok(sets)
}

fn insert_students(
    rows: &mut Batch<'_>,
    students: u32,
    plan: &SeedPlan,
    random: &mut SplitMix64,
) -> Result<Vec<SeededStudent>, StoreError> {
    let connection = rows.connection;
    let first: i64 = connection.query_row("SELECT count(*) FROM users", [], |row| row.get(0))?;
    let mut user = connection.prepare(
        "INSERT INTO users (username, password_hash, role, created_at)
         VALUES (?1, ?2, 'student', ?3)",
    )?;
    let mut session = connection.prepare(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let expires = plan.now_ms + SESSION_DAYS * DAY_MS;
    let mut made = Vec::with_capacity(students as usize);
    for number in 0..students {
        let username = format!("student{:06}", first + i64::from(number) + 1);
        let id = user.insert(params![username, plan.password_hash, plan.now_ms])?;
        let token = random.hex_token();
        let csrf = random.hex_token();
        session.execute(params![token_hash(&token), id, csrf, plan.now_ms, expires])?;
        made.push(SeededStudent {
            user: UserId(id),
            username,
            token,
        });
        rows.count(2)?;
    }
    Ok(made)
}

/// Writes one card state and the reviews that led to it.
struct History<'c> {
    state: Statement<'c>,
    review: Statement<'c>,
    plan: SeedPlan,
    /// Seed review tokens count up, so their UNIQUE index is appended to, not shuffled.
    next_token: u64,
}

impl<'c> History<'c> {
    fn new(connection: &'c Connection, plan: &SeedPlan) -> Result<History<'c>, StoreError> {
        Ok(History {
            state: connection.prepare(
                "INSERT INTO card_states (user_id, card_id, set_id, repetitions,
                     easiness_hundredths, interval_days, lapses, due_day, last_review_day,
                     last_reviewed_at, relearning, introduced_day)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, ?11)",
            )?,
            review: connection.prepare(
                "INSERT INTO reviews (user_id, card_id, set_id, reviewed_at, study_day, answer,
                     verdict, normalized_answer, quality, scheduled, repetitions_before,
                     easiness_before, interval_before, repetitions_after, easiness_after,
                     interval_after, due_day_after, duration_ms, overridden, review_token)
                 VALUES (?1, ?2, ?3, ?4, ?5, NULL, 'correct', '', 4, 1, ?6, ?7, ?8, ?9, ?10,
                     ?11, ?12, ?13, 0, ?14)",
            )?,
            plan: plan.clone(),
            next_token: 0,
        })
    }

    fn add(
        &mut self,
        random: &mut SplitMix64,
        user: UserId,
        card: i64,
        set: i64,
    ) -> Result<(), StoreError> {
        let plan = &self.plan;
        let repetitions = random.below(9) as u32;
        let easiness = 130 + random.below(171) as u32;
        let interval = match repetitions {
            0 | 1 => 1,
            2 => 6,
            _ => 6 + random.below(120) as u32,
        };
        let spread = u64::from(plan.overdue_days + plan.ahead_days) + 1;
        let due_offset = random.below(spread) as i64 - i64::from(plan.overdue_days);
        // The last review came `interval` days before the due day, and before today.
        let last_offset = (due_offset - i64::from(interval)).min(-1);
        let introduced_offset = last_offset - random.below(60) as i64;
        let last_at = plan.now_ms + last_offset * DAY_MS;
        let last_day = day_at(plan.today, last_offset);
        let due_day = day_at(plan.today, due_offset);
        self.state.execute(params![
            user,
            card,
            set,
            repetitions,
            easiness,
            interval,
            random.below(3) as i64,
            due_day,
            last_day,
            last_at,
            day_at(plan.today, introduced_offset),
        ])?;
        for back in 0..i64::from(plan.reviews_per_state) {
            self.next_token += 1;
            let token = Uuid::from_u64_pair(plan.seed, self.next_token).to_string();
            self.review.execute(params![
                user,
                card,
                set,
                last_at - back * DAY_MS,
                day_at(plan.today, last_offset - back),
                repetitions.saturating_sub(1),
                easiness,
                interval,
                repetitions,
                easiness,
                interval,
                due_day,
                4_000 + random.below(20_000) as i64,
                token,
            ])?;
        }
        Ok(())
    }
}

fn day_at(today: StudyDay, offset: i64) -> String {
    let day = today
        .date()
        .checked_add(jiff::Span::new().days(offset))
        .unwrap_or(today.date());
    day.to_string()
}

fn count(connection: &Connection, sql: &str) -> Result<u64, StoreError> {
    let count: i64 = connection.query_row(sql, [], |row| row.get(0))?;
    Ok(count.unsigned_abs())
}

/// Commits every [`ROWS_PER_TRANSACTION`] rows and opens the next transaction.
struct Batch<'c> {
    connection: &'c Connection,
    rows: u64,
}

impl<'c> Batch<'c> {
    fn begin(connection: &'c Connection) -> Result<Batch<'c>, StoreError> {
        connection.execute_batch("BEGIN")?;
        Ok(Batch {
            connection,
            rows: 0,
        })
    }

    fn count(&mut self, rows: u64) -> Result<(), StoreError> {
        self.rows += rows;
        if self.rows >= ROWS_PER_TRANSACTION {
            self.connection.execute_batch("COMMIT; BEGIN")?;
            self.rows = 0;
        }
        Ok(())
    }

    fn finish(self) -> Result<(), StoreError> {
        Ok(self.connection.execute_batch("COMMIT")?)
    }
}

/// SplitMix64: a tiny, fast generator, plenty for spreading made-up data (not for secrets).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`bound` > 0).
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }

    /// A number in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// 64 hex digits, the shape of `accounts::random_token`.
    fn hex_token(&mut self) -> String {
        (0..4).map(|_| format!("{:016x}", self.next())).collect()
    }
}
