//! The load benchmark: `cargo bench --bench load [-- --seconds 20 --clients 64 ...]`.
//!
//! Builds a world in a temporary folder (the essay set, a generated 200-card set, students with
//! live sessions and a seeded history), measures SQLite's own ceiling for the answer transaction,
//! starts the real release binary on 127.0.0.1 as a child process, and drives it with simulated
//! students (see [`driver`]). Prints a table per endpoint and, as its last line, one JSON object
//! with the headline figures. `--scale` repeats the run at 10 thousand, 1 million and 10 million
//! card states and prints them side by side.
//!
//! Exits non-zero when a request failed or the server did not start: `.ci/run` runs a short
//! smoke version so the benchmark cannot rot, without asserting timings.
//!
//! ```text
//! cargo bench --bench load                              # 4 phases of 20 s, 64 clients
//! cargo bench --bench load -- --seconds 3               # the smoke run
//! cargo bench --bench load -- --scale --seconds 10      # 10 k, 1 M and 10 M card states
//! cargo bench --bench load -- --phases pages,baseline   # one phase (to profile), and the HTTP floor
//! STUDYHALL_LOAD_SERVER=/tmp/studyhall-candidate cargo bench --bench load   # another build
//! ```
//!
//! All traffic goes to the server this benchmark started, on 127.0.0.1; every loop is bounded
//! by time and by count.

mod answers;
mod driver;
mod http;
mod probe;
mod random;
mod report;
mod server;
mod sets;
mod world;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, ValueEnum};

use studyhall::store::Synchronous;
use studyhall::store::seed::raw_answer_ceiling;

use driver::{Endpoint, Phase};
use report::{PhaseFigures, RunFigures};
use server::{Launch, Server};
use world::{Plan, World};

/// The card-state counts of a scale run.
const SCALE: [u64; 3] = [10_000, 1_000_000, 10_000_000];
/// The unmeasured warm-up before the first phase: the server's caches fill, connections open.
const WARM_UP: Duration = Duration::from_millis(500);

/// Drives a real studyhall server with simulated students and reports what it sustained.
#[derive(Debug, Parser)]
#[command(name = "load")]
struct Args {
    /// Seconds per measured phase (answers, study loop, next card, study page).
    #[arg(long, default_value_t = 20.0)]
    seconds: f64,
    /// Simulated students sending requests at once, one connection and thread each.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u16).range(1..=1024))]
    clients: u16,
    /// Students in the database (raised if the card states need more).
    #[arg(long, default_value_t = 1_000)]
    students: u32,
    /// Card states in the database, spread over the students and the cards.
    #[arg(long, default_value_t = 200_000)]
    card_states: u64,
    /// Review rows of history per card state.
    #[arg(long, default_value_t = 1)]
    reviews_per_state: u32,
    /// The server's SQLite synchronous mode.
    #[arg(long, value_enum, default_value_t = SyncMode::Full)]
    synchronous: SyncMode,
    /// Run at 10 thousand, 1 million and 10 million card states and compare.
    #[arg(long)]
    scale: bool,
    /// The phases to run, in order (for profiling one of them); figures of a phase left out are 0.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "answers,study,next,pages"
    )]
    phases: Vec<Phase>,
    /// Passed by `cargo bench`; ignored.
    #[arg(long, hide = true)]
    bench: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SyncMode {
    Full,
    Normal,
}

impl SyncMode {
    fn store(self) -> Synchronous {
        match self {
            SyncMode::Full => Synchronous::Full,
            SyncMode::Normal => Synchronous::Normal,
        }
    }

    fn flag(self) -> &'static str {
        match self {
            SyncMode::Full => "full",
            SyncMode::Normal => "normal",
        }
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    if !(args.seconds > 0.0 && args.seconds <= 3600.0) {
        eprintln!("--seconds must be more than 0 and at most 3600");
        return ExitCode::from(2);
    }
    let sizes: Vec<u64> = if args.scale {
        SCALE.to_vec()
    } else {
        vec![args.card_states]
    };
    let mut runs = Vec::new();
    for (number, &card_states) in sizes.iter().enumerate() {
        match run(&args, card_states, number == 0) {
            Ok(figures) => runs.push(figures),
            Err(message) => {
                eprintln!("load: {message}");
                return ExitCode::FAILURE;
            }
        }
    }
    let errors: u64 = runs.iter().map(|run| run.errors).sum();
    if args.scale {
        println!("\nscale: the same run at {} sizes", sizes.len());
        report::print_scale(&runs);
        println!("{}", serde_json::json!({ "scale": runs, "errors": errors }));
    } else if let Some(run) = runs.first() {
        println!("{}", serde_json::to_string(run).unwrap_or_default());
    }
    if errors > 0 {
        eprintln!("load: {errors} requests failed");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// One whole run at `card_states`: build, measure the ceiling, serve, drive, report.
fn run(args: &Args, card_states: u64, measure_import: bool) -> Result<RunFigures, String> {
    let phase_time = Duration::from_secs_f64(args.seconds);
    let clients = usize::from(args.clients);
    eprintln!("load: building a world with {card_states} card states ...");
    let world = World::build(&Plan {
        students: args.students,
        card_states,
        reviews_per_state: args.reviews_per_state,
    })?;
    println!(
        "\nworld: {} students, {} card states, {} reviews, 2 sets ({} cards); built in {:.1} s",
        world.students.len(),
        world.card_states,
        world.reviews,
        world.sets.iter().map(|set| set.cards.len()).sum::<usize>(),
        world.build_time.as_secs_f64()
    );

    // A quarter of a phase, between 1 and 5 s: long enough for a stable rate.
    let ceiling_time = (phase_time / 4).clamp(Duration::from_secs(1), Duration::from_secs(5));
    let ceiling = |synchronous| {
        raw_answer_ceiling(&world.db, ceiling_time, synchronous)
            .map_err(|error| format!("raw ceiling: {error}"))
    };
    let raw_normal = ceiling(Synchronous::Normal)?;
    let raw_server_sync = match args.synchronous {
        SyncMode::Normal => raw_normal,
        other => ceiling(other.store())?,
    };
    println!(
        "raw SQLite answer transaction, one per commit: {raw_normal:.0}/s NORMAL, {raw_server_sync:.0}/s {}",
        args.synchronous.flag().to_uppercase()
    );
    let store_next = probe::next_card_latency(&world)?;
    println!(
        "Store::next_card in-process: p50 {:.0} µs, p99 {:.0} µs",
        store_next.p50_us, store_next.p99_us
    );
    let import = if measure_import {
        Some(probe::import_10k(world.dir.path())?)
    } else {
        None
    };
    if let Some(import) = &import {
        println!(
            "10,000-card set: parse and validate {:.0} ms, import into a new database {:.0} ms",
            import.parse_ms, import.import_ms
        );
    }

    let other_work = other_work();
    if other_work > 0.2 {
        println!(
            "warning: other work kept {other_work:.2} of the cores busy before the server started: the figures below are low"
        );
    }
    // Another build of the server can be measured against the same world, e.g. to compare a
    // candidate fix with the current code: STUDYHALL_LOAD_SERVER=/path/to/studyhall.
    let binary = std::env::var_os("STUDYHALL_LOAD_SERVER")
        .filter(|path| !path.is_empty())
        .map_or_else(
            || PathBuf::from(env!("CARGO_BIN_EXE_studyhall")),
            PathBuf::from,
        );
    let mut server = Server::start(&Launch {
        binary: &binary,
        db: &world.db,
        questions: &world.questions,
        synchronous: args.synchronous.flag(),
        log: world.dir.path().join("server.log"),
    })?;
    println!(
        "server start-up to a healthy /healthz: {:.0} ms",
        server.startup.as_secs_f64() * 1000.0
    );
    let login_errors = probe::login(&world, server.addr);

    driver::run(Phase::Study, &world, server.addr, clients, WARM_UP);
    let mut phases = Vec::new();
    for &phase in &args.phases {
        eprintln!(
            "load: {} phase, {clients} clients, {:.0} s ...",
            phase.name(),
            args.seconds
        );
        let (before, driver_before) = (server.usage(), server::cpu_us("self"));
        let (tally, elapsed) = driver::run(phase, &world, server.addr, clients, phase_time);
        let mut figures = PhaseFigures::new(phase, tally, elapsed, before, server.usage());
        figures.note_driver_cpu(server::cpu_us("self").saturating_sub(driver_before));
        phases.push(figures);
    }
    if !server.running() {
        return Err(format!(
            "the server died during the run:\n{}",
            server.log_tail()
        ));
    }
    let (peak, startup) = (server.usage().peak_rss_kib, server.startup);
    drop(server);
    report::print_phases(&phases);

    let of = |wanted: Phase| phases.iter().find(|figures| figures.phase == wanted);
    let endpoint = |phase: Phase, endpoint: Endpoint| {
        of(phase).map(|f| f.endpoint(endpoint)).unwrap_or_default()
    };
    let cpu = |phase: Phase| of(phase).map_or(0.0, |f| f.cpu_us_per_request);
    let answer = endpoint(Phase::Answers, Endpoint::Answer);
    let page = endpoint(Phase::Pages, Endpoint::StudyPage);
    let next = endpoint(Phase::Study, Endpoint::Next);
    let next_alone = endpoint(Phase::Next, Endpoint::Next);
    let figures = RunFigures {
        answers_per_s: answer.per_s,
        raw_txn_per_s: raw_normal,
        raw_server_sync_txn_per_s: raw_server_sync,
        ratio: answer.per_s / raw_normal.max(1e-9),
        answer_p50_ms: answer.p50_ms,
        answer_p99_ms: answer.p99_ms,
        answer_p999_ms: answer.p999_ms,
        page_per_s: page.per_s,
        page_p50_ms: page.p50_ms,
        page_p99_ms: page.p99_ms,
        errors: phases.iter().map(|phase| phase.errors).sum::<u64>() + login_errors,
        rss_mb: peak as f64 / 1024.0,
        cpu_us_per_answer: cpu(Phase::Answers),
        cpu_us_per_page: cpu(Phase::Pages),
        study_answers_per_s: endpoint(Phase::Study, Endpoint::Answer).per_s,
        study_next_p50_ms: next.p50_ms,
        study_next_p99_ms: next.p99_ms,
        next_per_s: next_alone.per_s,
        next_p50_ms: next_alone.p50_ms,
        next_p99_ms: next_alone.p99_ms,
        next_card_store_p50_us: store_next.p50_us,
        next_card_store_p99_us: store_next.p99_us,
        startup_ms: startup.as_secs_f64() * 1000.0,
        parse_10k_ms: import.as_ref().map(|i| i.parse_ms),
        import_10k_ms: import.as_ref().map(|i| i.import_ms),
        card_states: world.card_states,
        reviews: world.reviews,
        students: world.students.len(),
        build_s: world.build_time.as_secs_f64(),
        clients,
        seconds: args.seconds,
        synchronous: args.synchronous.flag().to_string(),
        other_work_cores: other_work,
    };
    report::print_targets(&figures);
    Ok(figures)
}

/// How busy the machine is without us, in cores: sampled over half a second right before the
/// server starts, while this process waits. Other work on this two-core machine (a build, say)
/// takes CPU from the server and the driver, so the figures should be read with it.
fn other_work() -> f64 {
    fn ticks() -> Option<(u64, u64)> {
        let stat = std::fs::read_to_string("/proc/stat").ok()?;
        let values: Vec<u64> = stat
            .lines()
            .next()?
            .split_whitespace()
            .skip(1)
            .filter_map(|v| v.parse().ok())
            .collect();
        let idle = values.get(3)? + values.get(4).unwrap_or(&0);
        Some((values.iter().sum(), idle))
    }
    let Some((total_before, idle_before)) = ticks() else {
        return 0.0;
    };
    std::thread::sleep(Duration::from_millis(500));
    let Some((total, idle)) = ticks() else {
        return 0.0;
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    let elapsed = total.saturating_sub(total_before).max(1) as f64;
    cores * (1.0 - idle.saturating_sub(idle_before) as f64 / elapsed)
}
