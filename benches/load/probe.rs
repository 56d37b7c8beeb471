//! Measurements outside the HTTP load: the next-card query in-process, importing a big set,
//! and one real sign-in to prove the seeded password works.

use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use studyhall::questions::parse::parse_set;
use studyhall::store::{Store, StoreConfig};

use crate::http::Connection;
use crate::random::Random;
use crate::sets::generated_set_text;
use crate::world::{PASSWORD, World};

/// In-process next-card samples: at most this many, for at most [`PROBE_TIME`].
const PROBE_SAMPLES: usize = 20_000;
const PROBE_TIME: Duration = Duration::from_secs(2);

pub struct Latency {
    pub p50_us: f64,
    pub p99_us: f64,
}

/// `Store::next_card` for random students and sets, one call at a time: the query's own cost,
/// which is what grows (or must not) with the number of card states.
pub fn next_card_latency(world: &World) -> Result<Latency, String> {
    let store = Store::open(&StoreConfig::new(&world.db)).map_err(|error| error.to_string())?;
    let mut random = Random::new(0x9E0B);
    let mut samples = Vec::with_capacity(PROBE_SAMPLES);
    let started = Instant::now();
    while samples.len() < PROBE_SAMPLES && started.elapsed() < PROBE_TIME {
        let student = &world.students[random.below(world.students.len())];
        let set = &world.sets[random.below(world.sets.len())];
        let asked = Instant::now();
        store
            .next_card(student.user, &set.id, world.today)
            .map_err(|error| format!("next_card failed: {error}"))?;
        samples.push(asked.elapsed().as_secs_f64() * 1e6);
    }
    samples.sort_by(f64::total_cmp);
    let at = |share: f64| {
        samples.get(((samples.len() as f64 * share) as usize).min(samples.len().saturating_sub(1)))
    };
    Ok(Latency {
        p50_us: at(0.5).copied().unwrap_or(0.0),
        p99_us: at(0.99).copied().unwrap_or(0.0),
    })
}

pub struct Import {
    pub parse_ms: f64,
    pub import_ms: f64,
}

/// Parses and validates a generated 10,000-card set file, then imports it into a new database
/// through the store, as `studyhall import` does.
pub fn import_10k(folder: &Path) -> Result<Import, String> {
    let text = generated_set_text("ten-thousand", 10_000);
    let started = Instant::now();
    let set =
        parse_set(&text).map_err(|errors| format!("the 10k set does not parse: {errors:?}"))?;
    let parse_ms = started.elapsed().as_secs_f64() * 1000.0;
    let store = Store::open(&StoreConfig::new(folder.join("import-10k.db")))
        .map_err(|error| error.to_string())?;
    let started = Instant::now();
    store
        .import_sets(vec![(set, text)])
        .wait()
        .map_err(|error| format!("import failed: {error}"))?;
    let import_ms = started.elapsed().as_secs_f64() * 1000.0;
    Ok(Import {
        parse_ms,
        import_ms,
    })
}

/// Signs the first student in through `POST /api/v1/login`; returns the number of errors (0 or 1).
pub fn login(world: &World, addr: SocketAddr) -> u64 {
    let Some(student) = world.students.first() else {
        return 0;
    };
    let body =
        serde_json::json!({ "username": student.username, "password": PASSWORD }).to_string();
    let signed_in = Connection::open(addr)
        .and_then(|mut connection| connection.post_json("/api/v1/login", None, body.as_bytes()));
    match signed_in {
        Ok(response) if response.status == 200 => 0,
        Ok(response) => {
            eprintln!(
                "load: signing in failed with status {}: {}",
                response.status,
                String::from_utf8_lossy(&response.body)
            );
            1
        }
        Err(error) => {
            eprintln!("load: signing in failed: {error}");
            1
        }
    }
}
