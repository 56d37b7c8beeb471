//! The simulated class: `clients` threads, each a student at a browser or a script, each with a
//! keep-alive connection and a share of the seeded students of its own (so two clients never
//! act as one student at once, as two tabs of one student would not). A phase runs until its
//! deadline or until each client has sent [`MAX_REQUESTS_PER_CLIENT`], whichever comes first.
//!
//! - [`Phase::Answers`]: answer POSTs only, to random cards of random students, each with a
//!   fresh review token of the student's own for that card (issued with the database's key,
//!   as a study page would have): the write path alone, what the answer-throughput target is
//!   about.
//! - [`Phase::Study`]: a student's loop: GET the next card (JSON API), POST an answer to it, and
//!   every eighth card look at the progress figures (the API's or the HTML page).
//! - [`Phase::Pages`]: the HTML study page alone (GET `/study/{set}`, next card rendered), with
//!   the session cookie as a browser sends it.
//! - [`Phase::Next`]: `GET …/next` of the JSON API alone, read-only: the
//!   next-card query with auth and JSON around it, without the page's figures and template.
//! - [`Phase::Baseline`] (only when asked for): a static file, no session, no database: what
//!   HTTP alone costs the server and the driver on this machine, the floor under every route.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use serde::Deserialize;

use studyhall::web::assets;

use crate::answers::answer_body;
use crate::http::{Auth, Connection, Response};
use crate::random::Random;
use crate::world::World;

/// A bound on every client's loop besides its deadline.
const MAX_REQUESTS_PER_CLIENT: u64 = 5_000_000;
/// Errors described in full (status and body), per phase; the rest are only counted.
const ERRORS_DESCRIBED: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Phase {
    Answers,
    Study,
    Pages,
    Next,
    Baseline,
}

impl Phase {
    pub fn name(self) -> &'static str {
        match self {
            Phase::Answers => "answers",
            Phase::Study => "study",
            Phase::Pages => "pages",
            Phase::Next => "next",
            Phase::Baseline => "baseline",
        }
    }
}

/// The routes the driver calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `POST /api/v1/sets/{set}/answers`
    Answer,
    /// `GET /api/v1/sets/{set}/next`
    Next,
    /// `GET /study/{set}`: the HTML study page.
    StudyPage,
    /// `GET /api/v1/me/progress`
    Progress,
    /// `GET /progress`: the HTML progress page.
    ProgressPage,
    /// `GET /static/favicon.*.svg`: no session, no database.
    Static,
}

pub const ENDPOINTS: [Endpoint; 6] = [
    Endpoint::Answer,
    Endpoint::Next,
    Endpoint::StudyPage,
    Endpoint::Progress,
    Endpoint::ProgressPage,
    Endpoint::Static,
];

impl Endpoint {
    pub fn route(self) -> &'static str {
        match self {
            Endpoint::Answer => "POST /api/v1/sets/{set}/answers",
            Endpoint::Next => "GET /api/v1/sets/{set}/next",
            Endpoint::StudyPage => "GET /study/{set}",
            Endpoint::Progress => "GET /api/v1/me/progress",
            Endpoint::ProgressPage => "GET /progress",
            Endpoint::Static => "GET /static/{file}",
        }
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// What one phase's clients saw, merged.
#[derive(Default)]
pub struct Tally {
    /// Per endpoint (in [`ENDPOINTS`] order): the latency of each successful request, in µs.
    pub latencies_us: [Vec<u32>; 6],
    pub errors: [u64; 6],
    /// `GET …/next` answered 204: nothing left today for that student in that set.
    pub nothing_due: u64,
    /// The first few errors, described.
    pub described: Vec<String>,
}

impl Tally {
    pub fn requests(&self) -> u64 {
        self.latencies_us
            .iter()
            .map(|l| l.len() as u64)
            .sum::<u64>()
            + self.total_errors()
    }

    pub fn total_errors(&self) -> u64 {
        self.errors.iter().sum()
    }

    fn merge(&mut self, other: Tally) {
        for (mine, theirs) in self.latencies_us.iter_mut().zip(other.latencies_us) {
            mine.extend(theirs);
        }
        for (mine, theirs) in self.errors.iter_mut().zip(other.errors) {
            *mine += theirs;
        }
        self.nothing_due += other.nothing_due;
        for error in other.described {
            if self.described.len() < ERRORS_DESCRIBED {
                self.described.push(error);
            }
        }
    }
}

/// Runs `phase` with `clients` clients for `duration` against the server at `addr`.
pub fn run(
    phase: Phase,
    world: &World,
    addr: SocketAddr,
    clients: usize,
    duration: Duration,
) -> (Tally, Duration) {
    let started = Instant::now();
    let deadline = started + duration;
    let mut tally = Tally::default();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|index| {
                std::thread::Builder::new()
                    .name(format!("client-{index}"))
                    .stack_size(256 * 1024)
                    .spawn_scoped(scope, move || {
                        let mut client = Client::new(world, addr, index, clients);
                        client.run(phase, deadline);
                        client.tally
                    })
                    .expect("the driver could not start a client thread")
            })
            .collect();
        for handle in handles {
            match handle.join() {
                Ok(client) => tally.merge(client),
                Err(_) => {
                    tally.errors[Endpoint::Answer.slot()] += 1;
                    tally.described.push("a client thread panicked".into());
                }
            }
        }
    });
    (tally, started.elapsed())
}

/// One simulated client.
struct Client<'w> {
    world: &'w World,
    addr: SocketAddr,
    /// Indexes into `world.students`: this client's share.
    students: Vec<usize>,
    connection: Option<Connection>,
    random: Random,
    tally: Tally,
    sent: u64,
}

/// `GET …/next`'s body, the parts the driver needs.
#[derive(Deserialize)]
struct NextBody {
    card: NextCard,
    review_token: String,
}

#[derive(Deserialize)]
struct NextCard {
    id: String,
}

impl<'w> Client<'w> {
    fn new(world: &'w World, addr: SocketAddr, index: usize, clients: usize) -> Client<'w> {
        let count = world.students.len();
        let mut students: Vec<usize> = (index..count).step_by(clients).collect();
        if students.is_empty() {
            // Fewer students than clients: some share one.
            students.push(index % count.max(1));
        }
        Client {
            world,
            addr,
            students,
            connection: None,
            random: Random::new(0xC11E_0000 + index as u64),
            tally: Tally::default(),
            sent: 0,
        }
    }

    fn run(&mut self, phase: Phase, deadline: Instant) {
        let mut round = 0_u64;
        while Instant::now() < deadline && self.sent < MAX_REQUESTS_PER_CLIENT {
            round += 1;
            let student = self.students[self.random.below(self.students.len())];
            let set = self.random.below(self.world.sets.len());
            match phase {
                Phase::Answers => self.answer_any(student, set),
                Phase::Pages => self.study_page(student, set),
                Phase::Next => {
                    self.next_card(student, set);
                }
                Phase::Baseline => self.static_file(),
                Phase::Study => {
                    self.study_one(student, set);
                    if round.is_multiple_of(8) {
                        self.progress(student, round.is_multiple_of(16));
                    }
                }
            }
        }
    }

    /// An answer to a random card of the set.
    fn answer_any(&mut self, student: usize, set: usize) {
        let study_set = &self.world.sets[set];
        let card = &study_set.cards[self.random.below(study_set.cards.len())];
        // Issued as the server issues one for a study page: a token of the student's own.
        let token = studyhall::study::issue_token(
            &self.world.tokens,
            self.world.students[student].user,
            &study_set.id,
            &card.id,
            jiff::Timestamp::now().as_millisecond(),
        )
        .to_string();
        let body = answer_body(card, &token, &mut self.random);
        self.post_answer(student, set, &body);
    }

    /// The next card of the set, then an answer to it.
    fn study_one(&mut self, student: usize, set: usize) {
        let world = self.world;
        let Some(response) = self.next_card(student, set) else {
            return;
        };
        let next: NextBody = match serde_json::from_slice(&response.body) {
            Ok(next) => next,
            Err(error) => {
                return self.describe(Endpoint::Next, format!("unreadable next card: {error}"));
            }
        };
        let Some(card) = world.sets[set].card(&next.card.id) else {
            return self.describe(
                Endpoint::Next,
                format!("an unknown card {:?}", next.card.id),
            );
        };
        let body = answer_body(card, &next.review_token, &mut self.random);
        self.post_answer(student, set, &body);
    }

    /// `GET …/next`: the response if a card came (a 204 is counted as nothing due).
    fn next_card(&mut self, student: usize, set: usize) -> Option<Response> {
        let world = self.world;
        let path = format!("/api/v1/sets/{}/next", world.sets[set].id.as_str());
        let token = world.students[student].token.as_str();
        let response = self.call(Endpoint::Next, |c| c.get(&path, Some(Auth::Bearer(token))))?;
        if response.status == 204 {
            self.tally.nothing_due += 1;
            return None;
        }
        Some(response)
    }

    fn post_answer(&mut self, student: usize, set: usize, body: &[u8]) {
        let world = self.world;
        let path = format!("/api/v1/sets/{}/answers", world.sets[set].id.as_str());
        let token = world.students[student].token.as_str();
        self.call(Endpoint::Answer, |c| {
            c.post_json(&path, Some(Auth::Bearer(token)), body)
        });
    }

    fn study_page(&mut self, student: usize, set: usize) {
        let world = self.world;
        let path = format!("/study/{}", world.sets[set].id.as_str());
        let token = world.students[student].token.as_str();
        self.call(Endpoint::StudyPage, |c| {
            c.get(&path, Some(Auth::Cookie(token)))
        });
    }

    fn static_file(&mut self) {
        let path = assets::url("favicon.svg").unwrap_or("/static/favicon.svg");
        self.call(Endpoint::Static, |c| c.get(path, None));
    }

    fn progress(&mut self, student: usize, page: bool) {
        let token = self.world.students[student].token.as_str();
        if page {
            self.call(Endpoint::ProgressPage, |c| {
                c.get("/progress", Some(Auth::Cookie(token)))
            });
        } else {
            self.call(Endpoint::Progress, |c| {
                c.get("/api/v1/me/progress", Some(Auth::Bearer(token)))
            });
        }
    }

    /// Sends one request on the client's connection (opening one if needed), times it and
    /// counts it. Returns the response if it succeeded (a 2xx status).
    fn call(
        &mut self,
        endpoint: Endpoint,
        send: impl FnOnce(&mut Connection) -> std::io::Result<Response>,
    ) -> Option<Response> {
        self.sent += 1;
        let started = Instant::now();
        let connection = match self.connection.take() {
            Some(connection) => Ok(connection),
            None => Connection::open(self.addr),
        };
        let result =
            connection.and_then(|mut connection| send(&mut connection).map(|r| (r, connection)));
        let elapsed = started.elapsed();
        match result {
            Ok((response, connection)) => {
                self.connection = Some(connection);
                if (200..300).contains(&response.status) {
                    let micros = u32::try_from(elapsed.as_micros()).unwrap_or(u32::MAX);
                    self.tally.latencies_us[endpoint.slot()].push(micros);
                    Some(response)
                } else {
                    let body = String::from_utf8_lossy(&response.body);
                    let snippet: String = body.chars().take(200).collect();
                    self.describe(endpoint, format!("status {}: {snippet}", response.status));
                    None
                }
            }
            Err(error) => {
                // The connection is dropped; the next request opens a new one.
                self.describe(endpoint, format!("{error}"));
                None
            }
        }
    }

    fn describe(&mut self, endpoint: Endpoint, what: String) {
        self.tally.errors[endpoint.slot()] += 1;
        if self.tally.described.len() < ERRORS_DESCRIBED {
            self.tally
                .described
                .push(format!("{}: {what}", endpoint.route()));
        }
    }
}
