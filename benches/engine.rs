//! Micro-benchmarks of the engine, without HTTP: `cargo bench --bench engine`.
//!
//! - one SM-2 step (`CardState::review`);
//! - answer checking, per card kind (`questions::check::check`), with answers as students write
//!   them (a typo, a written-out date, a number with a thousands separator);
//! - parsing and validating a 10,000-card set file (`questions::parse::parse_set`), and the two
//!   1 MB files built to be slow to check (a card of 111,000 choices; 20,000 cards with two
//!   problems each), which took 25-54 s when checking was quadratic;
//! - the next-card query (`Store::next_card`) and the study page's whole read
//!   (`Store::next_in_set`) on a database seeded like the load benchmark's (1,000 students,
//!   200,000 card states);
//! - rendering the study page's template for a text card;
//! - issuing and checking a review token (HMAC-SHA-256), once per card shown and per answer;
//! - importing a 10,000-note Anki package (`apkg::read`, target: under 2 s), written by
//!   `apkg::write` from recall, text and cloze cards.

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
use studyhall::questions::{CardId, SetId};
use studyhall::questions::{CardKind, PartialDate};
use studyhall::scheduler::{CardState, Quality};
use studyhall::store::{Store, StoreConfig, UserId};
use studyhall::study::{TokenKey, TokenSubject};
use studyhall::web::templates::Templates;
use studyhall::web::views::{AnswerForm, LayoutView, Section, StudyCardView};

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
            "text (a name, titles set aside)",
            CardKind::Text {
                answer: "General Douglas MacArthur".into(),
                accept: texts(&["MacArthur"]),
            },
            Response::Text("Gen. Douglas McArthur".into()),
        ),
        (
            "choice",
            CardKind::Choice {
                choices: choices.clone(),
                answer: "Mao".into(),
                shuffle: true,
            },
            Response::Text("Mao".into()),
        ),
        (
            "multi",
            CardKind::Multi {
                choices: choices.clone(),
                answers: texts(&["Mao", "Stalin"]),
                shuffle: true,
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
    let options: Vec<String> = (0..111_000).map(|n| format!("\"o{n}\"")).collect();
    let many_choices = format!(
        "[set]\nid = \"s\"\ntitle = \"T\"\n\n[[cards]]\nid = \"c\"\nkind = \"choice\"\n\
         prompt = \"p\"\nanswer = \"none\"\nchoices = [{}]\n",
        options.join(",")
    );
    group.bench_function("one card of 111,000 choices (1 MB, refused)", |b| {
        b.iter(|| parse_set(black_box(&many_choices)).expect_err("too many choices"))
    });
    let card = "[[cards]]\nid = \"same\"\nkind = \"essay\"\nprompt = \"p\"\n";
    let many_problems = format!(
        "[set]\nid = \"s\"\ntitle = \"T\"\n\n{}",
        card.repeat(20_000)
    );
    group.bench_function("20,000 cards with two problems each (1 MB, refused)", |b| {
        b.iter(|| parse_set(black_box(&many_problems)).expect_err("problems"))
    });
    group.finish();
}

fn study_queries(c: &mut Criterion) {
    let world = World::build(&Plan {
        students: 1_000,
        card_states: 200_000,
        reviews_per_state: 1,
    })
    .expect("the benchmark's database could not be built");
    let store =
        Store::open(&StoreConfig::new(&world.db)).expect("the seeded database does not open");
    let (students, sets, today) = (&world.students, &world.sets, world.today);
    let mut random = Random::new(1);
    let mut pick = move || {
        (
            &students[random.below(students.len())],
            &sets[random.below(sets.len())],
        )
    };
    c.bench_function("next_card (200k card states)", |b| {
        b.iter(|| {
            let (student, set) = pick();
            store
                .next_card(student.user, &set.id, today)
                .expect("next_card works")
        })
    });
    c.bench_function("study page read (200k card states)", |b| {
        b.iter(|| {
            let (student, set) = pick();
            store
                .next_in_set(student.user, &set.id, today)
                .expect("next_in_set works")
        })
    });
}

fn study_page_render(c: &mut Criterion) {
    let templates = Templates::new().expect("the templates compile");
    let view = StudyCardView {
        layout: LayoutView::signed_in(
            "Two hundred cards",
            "student-0042",
            "6f1c0d1e9a7b4c2d8e3f5a6b7c8d9e0f",
            Section::Study,
        ),
        set_id: "compare-200".into(),
        set_title: "Two hundred cards".into(),
        card_id: "card-17".into(),
        kind: AnswerForm::Text,
        prompt: "In which year did event number 17 take place?".into(),
        choices: Vec::new(),
        date_hint: String::new(),
        review_token: "0190f5e2-7c1a-7b3e-9d4f-2a6b8c0d1e2f".into(),
        started_at: "1795000000000".into(),
        due: 12,
        new_left: 20,
        message: None,
        kept_answer: String::new(),
        reveal: None,
        exam: None,
        trial: None,
    };
    c.bench_function("study page render (text card)", |b| {
        b.iter(|| {
            templates
                .render("study.html", black_box(&view))
                .expect("renders")
        })
    });
}

fn review_tokens(c: &mut Criterion) {
    let key = TokenKey::new([7; 32]);
    let set = SetId::parse("compare-200").expect("a set id");
    let card = CardId::parse("card-17").expect("a card id");
    let subject = TokenSubject {
        user: UserId(42),
        set: &set,
        card: &card,
    };
    let now = 1_795_000_000_000;
    c.bench_function("review token issue", |b| {
        b.iter(|| key.issue(black_box(subject), now))
    });
    let token = key.issue(subject, now).to_string();
    c.bench_function("review token check", |b| {
        b.iter(|| key.verify(black_box(&token), subject, now).expect("valid"))
    });
}

/// The drafter on a reading of 10,000 words (target: under 1 s): a paragraph of dates, actors
/// and reasons, numbered and repeated with its years moved on.
fn drafting(c: &mut Criterion) {
    let mut text = String::new();
    for n in 0..125 {
        let year = 1900 + n % 100;
        text.push_str(&format!(
            "[{}] On 24 June {year}, Soviet forces cut the last rail and road links into West \
             Berlin. General Lucius Clay ordered the first flights two days later, and by late \
             July the airlift carried 2,000 tons a day. Ernest Bevin backed the airlift because \
             he feared that Berlin would fall. Bevin wanted to show that the West would stay. \
             The Soviets lifted the blockade on 12 May {}, in part because the counter-blockade \
             hurt their zone. In the spring of {year} the Western powers agreed to found a new \
             state, which Stalin opposed.\n\n",
            n + 1,
            year + 1
        ));
    }
    let words = text.split_whitespace().count();
    assert!(words >= 10_000, "{words} words");
    c.bench_function("draft a 10,000-word reading", |b| {
        b.iter(|| studyhall::draft::draft_cards(&studyhall::draft::paragraphs(black_box(&text))))
    });
}

/// Reading a 10,000-note Anki package (target: under 2 s in release): unzipping, opening the
/// collection in memory, and turning each note's HTML into cards.
fn anki_import(c: &mut Criterion) {
    use studyhall::questions::formats::apkg;
    use studyhall::questions::{Card, QuestionSet, cloze};

    let mut cards = Vec::new();
    for n in 0..10_000 {
        let id = CardId::parse(&format!("note-{n}")).expect("a valid id");
        let tags = vec!["korea".to_string(), format!("week {}", n % 12)];
        if n % 5 == 4 {
            let text = format!(
                "In {{{{c1::September}}}} 1950 ({n}), UN forces landed at {{{{c2::Inchon}}}} \
                 & retook <Seoul>."
            );
            cards.extend(
                cloze::cards(&id, &text, &tags, Some("Operation Chromite."), None)
                    .expect("a valid cloze text"),
            );
            continue;
        }
        let kind = if n % 2 == 0 {
            CardKind::Recall {
                answer: format!("The Naktong River, line {n}"),
            }
        } else {
            CardKind::Text {
                answer: "June".into(),
                accept: Vec::new(),
            }
        };
        cards.push(Card {
            id,
            prompt: format!("Which river held the Pusan Perimeter? ({n})"),
            kind,
            tags,
            explanation: Some("The last line before Pusan.".into()),
            source: None,
        });
    }
    let set = QuestionSet {
        id: SetId::parse("korean-war").expect("a valid id"),
        title: "Korean War::1950".into(),
        description: None,
        source: None,
        cards,
    };
    let package = apkg::write(&set).expect("the set is written");
    let read = apkg::read(&package).expect("the package reads");
    assert_eq!(read.cards.len(), 12_000);
    let mut group = c.benchmark_group("anki");
    group.sample_size(10);
    group.bench_function("read a 10,000-note package", |b| {
        b.iter(|| apkg::read(black_box(&package)).expect("the package reads"))
    });
    group.finish();
}

criterion_group!(
    engine,
    anki_import,
    drafting,
    review_tokens,
    sm2_step,
    answer_checking,
    set_parsing,
    study_queries,
    study_page_render
);
criterion_main!(engine);
