//! Turning what the clients saw into figures: rates and latency percentiles per endpoint, the
//! server's CPU time per request and memory; the tables a person reads and the JSON line a
//! script reads.

use std::time::Duration;

use serde::Serialize;

use crate::driver::{ENDPOINTS, Endpoint, Phase, Tally};
use crate::server::Usage;

/// One endpoint's figures in one phase.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct EndpointFigures {
    pub requests: u64,
    pub per_s: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub p999_ms: f64,
    pub errors: u64,
}

/// One phase's figures.
pub struct PhaseFigures {
    pub phase: Phase,
    pub endpoints: Vec<(Endpoint, EndpointFigures)>,
    pub requests: u64,
    pub errors: u64,
    pub nothing_due: u64,
    /// Server CPU time (user + system) per request sent in the phase.
    pub cpu_us_per_request: f64,
    /// The share of the machine's cores the server used.
    pub server_cores: f64,
    pub rss_mib: f64,
    /// The driver's own CPU time per request: what the simulated students took from the server.
    pub driver_cpu_us_per_request: f64,
    pub described: Vec<String>,
}

impl PhaseFigures {
    pub fn new(
        phase: Phase,
        mut tally: Tally,
        elapsed: Duration,
        before: Usage,
        after: Usage,
    ) -> PhaseFigures {
        let seconds = elapsed.as_secs_f64().max(1e-9);
        let endpoints = ENDPOINTS
            .iter()
            .zip(tally.latencies_us.iter_mut().zip(tally.errors))
            .filter(|(_, (latencies, errors))| !latencies.is_empty() || *errors > 0)
            .map(|(&endpoint, (latencies, errors))| (endpoint, figures(latencies, errors, seconds)))
            .collect();
        let requests = tally.requests();
        let cpu_us = after.cpu_us.saturating_sub(before.cpu_us) as f64;
        PhaseFigures {
            phase,
            endpoints,
            requests,
            errors: tally.total_errors(),
            nothing_due: tally.nothing_due,
            cpu_us_per_request: cpu_us / requests.max(1) as f64,
            server_cores: cpu_us / 1e6 / seconds,
            rss_mib: after.rss_kib as f64 / 1024.0,
            driver_cpu_us_per_request: 0.0,
            described: tally.described,
        }
    }

    /// Records the driver's CPU time over the phase.
    pub fn note_driver_cpu(&mut self, cpu_us: u64) {
        self.driver_cpu_us_per_request = cpu_us as f64 / self.requests.max(1) as f64;
    }

    pub fn endpoint(&self, endpoint: Endpoint) -> EndpointFigures {
        self.endpoints
            .iter()
            .find(|(e, _)| *e == endpoint)
            .map(|(_, figures)| *figures)
            .unwrap_or_default()
    }
}

fn figures(latencies: &mut [u32], errors: u64, seconds: f64) -> EndpointFigures {
    latencies.sort_unstable();
    let at = |share: f64| -> f64 {
        if latencies.is_empty() {
            return 0.0;
        }
        let index =
            ((latencies.len() as f64 * share).ceil() as usize).clamp(1, latencies.len()) - 1;
        f64::from(latencies[index]) / 1000.0
    };
    EndpointFigures {
        requests: latencies.len() as u64 + errors,
        per_s: latencies.len() as f64 / seconds,
        p50_ms: at(0.50),
        p99_ms: at(0.99),
        p999_ms: at(0.999),
        errors,
    }
}

/// The per-endpoint table of one run.
pub fn print_phases(phases: &[PhaseFigures]) {
    println!(
        "{:<8} {:<33} {:>10} {:>9} {:>9} {:>9} {:>7}",
        "phase", "endpoint", "req/s", "p50 ms", "p99 ms", "p99.9 ms", "errors"
    );
    for phase in phases {
        for (endpoint, f) in &phase.endpoints {
            println!(
                "{:<8} {:<33} {:>10.0} {:>9.2} {:>9.2} {:>9.2} {:>7}",
                phase.phase.name(),
                endpoint.route(),
                f.per_s,
                f.p50_ms,
                f.p99_ms,
                f.p999_ms,
                f.errors
            );
        }
        let nothing_due = if phase.nothing_due > 0 {
            format!(
                ", {} next-card requests found nothing due",
                phase.nothing_due
            )
        } else {
            String::new()
        };
        println!(
            "{:<8} {} requests; server: {:.1} µs CPU per request, {:.2} of 2 cores busy, RSS {:.1} MiB; \
             driver: {:.1} µs CPU per request{nothing_due}",
            "",
            phase.requests,
            phase.cpu_us_per_request,
            phase.server_cores,
            phase.rss_mib,
            phase.driver_cpu_us_per_request
        );
        for error in &phase.described {
            println!("{:<8} error: {error}", "");
        }
    }
}

/// The figures of one run: the last line of output, as JSON.
#[derive(Debug, Clone, Serialize)]
pub struct RunFigures {
    pub answers_per_s: f64,
    /// SQLite's own rate for the answer transaction, synchronous=NORMAL: the ratio's denominator.
    pub raw_txn_per_s: f64,
    /// The same with the server's synchronous setting.
    pub raw_server_sync_txn_per_s: f64,
    pub ratio: f64,
    pub answer_p50_ms: f64,
    pub answer_p99_ms: f64,
    pub answer_p999_ms: f64,
    pub page_per_s: f64,
    pub page_p50_ms: f64,
    pub page_p99_ms: f64,
    pub errors: u64,
    /// The server's peak resident set (VmHWM), start-up included.
    pub rss_mb: f64,
    pub cpu_us_per_answer: f64,
    pub cpu_us_per_page: f64,
    /// The student loop (next card, answer, sometimes progress).
    pub study_answers_per_s: f64,
    pub study_next_p50_ms: f64,
    pub study_next_p99_ms: f64,
    /// `GET …/next` of the JSON API alone (the next phase).
    pub next_per_s: f64,
    pub next_p50_ms: f64,
    pub next_p99_ms: f64,
    /// `Store::next_card` in-process, one caller: the query alone.
    pub next_card_store_p50_us: f64,
    pub next_card_store_p99_us: f64,
    pub startup_ms: f64,
    pub parse_10k_ms: Option<f64>,
    pub import_10k_ms: Option<f64>,
    pub card_states: u64,
    pub reviews: u64,
    pub students: usize,
    pub build_s: f64,
    pub clients: usize,
    pub seconds: f64,
    pub synchronous: String,
    /// Cores kept busy by other processes just before the server started (0 on a quiet machine).
    pub other_work_cores: f64,
}

/// The side-by-side table of a scale run.
pub fn print_scale(runs: &[RunFigures]) {
    let row = |name: &str, value: &dyn Fn(&RunFigures) -> String| {
        let cells: Vec<String> = runs
            .iter()
            .map(|run| format!("{:>14}", value(run)))
            .collect();
        println!("{name:<34}{}", cells.join(""));
    };
    row("card states", &|r| r.card_states.to_string());
    row("students", &|r| r.students.to_string());
    row("build (import + seed), s", &|r| format!("{:.1}", r.build_s));
    row("start-up, ms", &|r| format!("{:.0}", r.startup_ms));
    row("next card in-process p50, µs", &|r| {
        format!("{:.0}", r.next_card_store_p50_us)
    });
    row("next card in-process p99, µs", &|r| {
        format!("{:.0}", r.next_card_store_p99_us)
    });
    row("study page p50, ms", &|r| format!("{:.2}", r.page_p50_ms));
    row("study page p99, ms", &|r| format!("{:.2}", r.page_p99_ms));
    row("study page req/s", &|r| format!("{:.0}", r.page_per_s));
    row("API next alone req/s", &|r| format!("{:.0}", r.next_per_s));
    row("API next alone p50, ms", &|r| {
        format!("{:.2}", r.next_p50_ms)
    });
    row("API next alone p99, ms", &|r| {
        format!("{:.2}", r.next_p99_ms)
    });
    row("API next p50 (study loop), ms", &|r| {
        format!("{:.2}", r.study_next_p50_ms)
    });
    row("answers/s", &|r| format!("{:.0}", r.answers_per_s));
    row("answer p99, ms", &|r| format!("{:.2}", r.answer_p99_ms));
    row("raw NORMAL txn/s", &|r| format!("{:.0}", r.raw_txn_per_s));
    row("ratio", &|r| format!("{:.2}", r.ratio));
    row("RSS peak, MB", &|r| format!("{:.1}", r.rss_mb));
    row("errors", &|r| r.errors.to_string());
}

/// Each target of the issue against what this run measured. Informational: the smoke run in
/// CI must not fail on a slow machine, only on errors.
pub fn print_targets(run: &RunFigures) {
    let check = |met: bool| if met { "met" } else { "MISSED" };
    let line = |what: String, met: bool| println!("target: {what:<62} {}", check(met));
    line(
        format!(
            "answers/s >= 0.8 x raw NORMAL: {:.0} / {:.0} = {:.2}",
            run.answers_per_s, run.raw_txn_per_s, run.ratio
        ),
        run.ratio >= 0.8,
    );
    line(
        format!("answer p99 <= 10 ms: {:.2} ms", run.answer_p99_ms),
        run.answer_p99_ms <= 10.0,
    );
    line(
        format!("study page >= 25,000 req/s: {:.0}", run.page_per_s),
        run.page_per_s >= 25_000.0,
    );
    line(
        format!("study page p99 <= 10 ms: {:.2} ms", run.page_p99_ms),
        run.page_p99_ms <= 10.0,
    );
    line(
        format!("server RSS <= 64 MB: {:.1} MB", run.rss_mb),
        run.rss_mb <= 64.0,
    );
    line(
        format!("start-up < 1 s: {:.0} ms", run.startup_ms),
        run.startup_ms < 1000.0,
    );
    if let Some(import) = run.import_10k_ms {
        let total = import + run.parse_10k_ms.unwrap_or(0.0);
        line(
            format!("10,000-card set parsed and imported < 2 s: {total:.0} ms"),
            total < 2000.0,
        );
    }
    line(format!("zero errors: {}", run.errors), run.errors == 0);
}
