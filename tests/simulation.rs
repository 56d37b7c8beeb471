//! Two weeks of study, simulated day by day against the real store (a SQLite file) with the
//! essay set: every due date the store computes is checked against SM-2 worked out here by hand,
//! independently of the scheduler module.

use std::collections::HashMap;

use studyhall::questions::SetId;
use studyhall::questions::folder::BUILT_IN_SET;
use studyhall::questions::parse::parse_set;
use studyhall::scheduler::{Quality, StudyDay};
use studyhall::store::{NewReview, Queue, Role, Store, StoreConfig};

/// SM-2 by the book, for one card: n, EF in hundredths, I, and the day rules.
#[derive(Debug, Clone, Copy)]
struct ExpectedCard {
    repetitions: u32,
    easiness: u32,
    interval: u32,
    due: StudyDay,
    last_day: StudyDay,
    relearning: bool,
}

impl ExpectedCard {
    fn review(previous: Option<ExpectedCard>, quality: u32, today: StudyDay) -> ExpectedCard {
        if let Some(card) = previous.filter(|card| card.last_day == today) {
            // A same-day repeat: logged, schedule untouched.
            return ExpectedCard {
                relearning: quality < 4,
                ..card
            };
        }
        let (mut repetitions, mut easiness, mut interval) =
            previous.map_or((0, 250, 0), |c| (c.repetitions, c.easiness, c.interval));
        if quality >= 3 {
            interval = match repetitions {
                0 => 1,
                1 => 6,
                _ => (interval * easiness).div_ceil(100),
            };
            repetitions += 1;
            let miss = 5 - quality as i64;
            easiness = (easiness as i64 + 10 - miss * (8 + 2 * miss)).max(130) as u32;
        } else {
            repetitions = 0;
            interval = 1;
        }
        ExpectedCard {
            repetitions,
            easiness,
            interval,
            due: today.plus_days(interval),
            last_day: today,
            relearning: quality < 4,
        }
    }
}

/// A small deterministic generator, so the run is the same every time.
struct Grades(u64);

impl Grades {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        // Mostly passes, some lapses: 5, 4, 4, 3, 4, 5, 1, 2, 0, 4 ...
        [5, 4, 4, 3, 4, 5, 1, 4, 2, 0, 5, 4][((self.0 >> 33) % 12) as usize]
    }
}

#[test]
fn two_weeks_of_study_follow_sm2_day_by_day() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&StoreConfig::new(dir.path().join("sim.db"))).unwrap();
    let set = parse_set(BUILT_IN_SET).unwrap();
    let total_cards = set.cards.len();
    store
        .import_sets(vec![(set, BUILT_IN_SET.to_string())])
        .wait()
        .unwrap();
    let user = store
        .create_user("student", "not-a-real-hash", Role::Student)
        .wait()
        .unwrap();
    let set_id = SetId::parse("korean-war-1950").unwrap();

    let first_day: StudyDay = "2026-03-02".parse().unwrap();
    let mut expected: HashMap<i64, ExpectedCard> = HashMap::new();
    let mut grades = Grades(7);
    let mut reviews: usize = 0;
    let mut repeats_seen = 0;

    for day in 0..14 {
        let today = first_day.plus_days(day);
        let mut introduced_today = 0;
        for _ in 0..1000 {
            let Some(next) = store.next_card(user, &set_id, today).unwrap() else {
                break;
            };
            let previous = expected.get(&next.card_row.0).copied();
            match (next.queue, previous) {
                (Queue::New, None) => introduced_today += 1,
                (Queue::Due, Some(card)) => {
                    assert!(card.due <= today, "{today}: shown before due: {card:?}");
                    assert_ne!(
                        card.last_day, today,
                        "a due card was already reviewed today"
                    );
                }
                (Queue::Relearn, Some(card)) => {
                    assert!(card.relearning && card.last_day == today, "{card:?}");
                    repeats_seen += 1;
                }
                (queue, previous) => panic!("{today}: queue {queue:?} for {previous:?}"),
            }
            let quality = grades.next();
            let recorded = store
                .record_review(NewReview {
                    user,
                    card: next.card_row,
                    review_token: uuid::Uuid::new_v4().to_string(),
                    quality: Quality::new(quality as u8).unwrap(),
                    today,
                    reviewed_at_ms: 1_772_400_000_000 + reviews as i64 * 60_000,
                    answer: Some("an answer".into()),
                    verdict: if quality >= 3 { "correct" } else { "wrong" }.into(),
                    normalized_answer: "an answer".into(),
                    duration_ms: Some(4000),
                    overridden: false,
                })
                .wait()
                .unwrap();
            reviews += 1;
            let want = ExpectedCard::review(previous, quality, today);
            let got = recorded.progress;
            assert_eq!(got.due, want.due, "{today}: due date of {}", next.card.id);
            assert_eq!(got.state.repetitions, want.repetitions);
            assert_eq!(u32::from(got.state.easiness.hundredths()), want.easiness);
            assert_eq!(got.state.interval_days, want.interval);
            assert_eq!(got.relearning, want.relearning);
            expected.insert(next.card_row.0, want);
        }
        assert!(
            introduced_today <= 20,
            "{today}: {introduced_today} new cards, limit 20"
        );
        for card in expected.values() {
            assert!(card.due > today, "{today}: a due card was left: {card:?}");
            assert!(
                !(card.relearning && card.last_day == today),
                "{today}: a relearning card was left"
            );
        }
    }
    assert_eq!(
        expected.len(),
        total_cards,
        "every card was introduced within two weeks"
    );
    assert!(repeats_seen > 0, "the run exercised same-day relearning");
    assert!(
        reviews > total_cards * 2,
        "cards came back for review: {reviews} reviews"
    );
}
