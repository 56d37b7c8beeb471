//! Micro-benchmarks of the engine, without HTTP: `cargo bench --bench engine`.
//!
//! - one SM-2 step (`CardState::review`);
//! - answer checking, per card kind (`questions::check::check`), with answers as students write
//!   them (a typo, a written-out date, a number with a thousands separator);
//! - parsing and validating a 10,000-card set file (`questions::parse::parse_set`);
//! - the next-card query (`Store::next_card`) on a database seeded like the load benchmark's
//!   (1,000 students, 200,000 card states).

// The load benchmark's world and set generator, shared: this bench uses only part of them.
#[allow(dead_code)]
#[path = "load/random.rs"]
mod random;
#[allow(dead_code)]
#[path = "load/sets.rs"]
mod sets;
#[allow(dead_code)]
#[path = "load/world.rs"]
mod world;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use studyhall::questions::check::{Response, check};
use studyhall::questions::parse::parse_set;
use studyhall::questions::{CardKind, PartialDate};
use studyhall::scheduler::{CardState, Quality};
use studyhall::store::{Store, StoreConfig};

use random::Random;
use world::{Plan, World};

fn sm2_step(c: &mut Criterion) {
    let state = CardState {
        repetitions: 4,
        interval_days: 15,
        ..CardState::NEW
    };
    let good = Quality::new(4).expect("4 is a quality");
    c.bench_function("sm2 step", |b| {
        b.iter(|| black_box(state).review(black_box(good)))
    });
}

fn answer_checking(c: &mut Criterion) {
    let texts = |items: &[&str]| {
        items
            .iter()
            .map(|item| (*item).to_string())
            .collect::<Vec<_>>()
    };
    let choices = texts(&["Mao", "Zhou Enlai", "Kim Il Sung", "Stalin"]);
    let cases = [
        (
            "text (a typo)",
            CardKind::Text {
                answer: "Chinese Changchun Railway".into(),
                accept: texts(&["China Eastern Railway"]),
            },
            Response::Text("chinese changchun railwya".into()),
        ),
        (
            "choice",
            CardKind::Choice {
                choices: choices.clone(),
                answer: "Mao".into(),
            },
            Response::Text("Mao".into()),
        ),
        (
            "multi",
            CardKind::Multi {
                choices: choices.clone(),
                answers: texts(&["Mao", "Stalin"]),
            },
            Response::Choices(texts(&["Stalin", "Mao"])),
        ),
        (
            "truefalse",
            CardKind::TrueFalse { answer: false },
            Response::Text("false".into()),
        ),
        (
            "date (written out)",
            CardKind::Date {
                answer: PartialDate::day(1950, 1, 30).expect("30 January 1950 exists"),
            },
            Response::Text("30 January 1950".into()),
        ),
        (
            "number (with a separator)",
            CardKind::Number {
                answer: 1000.0,
                tolerance: 10.0,
            },
            Response::Text("1,005".into()),
        ),
        (
            "recall",
            CardKind::Recall {
                answer: "The Soviet Union's interests.".into(),
            },
            Response::Recall,
        ),
    ];
    let mut group = c.benchmark_group("check");
    for (name, kind, response) in &cases {
        group.bench_function(*name, |b| {
            b.iter(|| check(black_box(kind), black_box(response)))
        });
    }
    group.finish();
}

fn set_parsing(c: &mut Criterion) {
    let text = sets::generated_set_text("ten-thousand", 10_000);
    let mut group = c.benchmark_group("parse");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("10,000-card set", |b| {
        b.iter(|| parse_set(black_box(&text)).expect("the generated set is valid"))
    });
    group.finish();
}

fn next_card_query(c: &mut Criterion) {
    let world = World::build(&Plan {
        students: 1_000,
        card_states: 200_000,
        reviews_per_state: 1,
    })
    .expect("the benchmark's database could not be built");
    let store =
        Store::open(&StoreConfig::new(&world.db)).expect("the seeded database does not open");
    let mut random = Random::new(1);
    c.bench_function("next_card (200k card states)", |b| {
        b.iter(|| {
            let student = &world.students[random.below(world.students.len())];
            let set = &world.sets[random.below(world.sets.len())];
            store
                .next_card(student.user, &set.id, world.today)
                .expect("next_card works")
        })
    });
}

criterion_group!(
    engine,
    sm2_step,
    answer_checking,
    set_parsing,
    next_card_query
);
criterion_main!(engine);
