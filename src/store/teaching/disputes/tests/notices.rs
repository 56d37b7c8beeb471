//! What the student is told: each ruling on a claim of theirs, for two weeks, until they
//! answer the card again; on the verdict of that next answer, once.

use super::{DECIDED_MS, TODAY, world};
use crate::store::Ruling;
use crate::store::tests::day;

const HOUR_MS: i64 = 3_600_000;

#[test]
fn a_ruling_is_told_on_the_home_page_until_the_card_is_answered_again() {
    let world = world();
    world.claim(world.sue, world.who, "Koba");
    world.claim(world.sue, world.city, "Bonn");
    world.reject(world.ana, world.who, "koba").unwrap();
    let store = &world.fixture.store;
    let now = DECIDED_MS + HOUR_MS;
    let notices = store.claim_notices(world.sue, now).unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    let notice = &notices[0];
    assert_eq!(notice.ruling, Ruling::Rejected);
    assert_eq!(
        (notice.answer.as_str(), notice.prompt.as_str()),
        ("Koba", "What is who?")
    );
    assert!(
        notice.due_by(day(TODAY)),
        "a rejection makes the card due today"
    );
    assert!(store.claim_notices(world.sam, now).unwrap().is_empty());

    assert!(
        store
            .claim_notice(world.sue, world.who, now)
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .claim_notice(world.sue, world.city, now)
            .unwrap()
            .is_none(),
        "pending"
    );
    world.wrong(
        world.sue,
        world.who,
        "Koba",
        false,
        DECIDED_MS + 2 * HOUR_MS,
    );
    assert!(
        store
            .claim_notices(world.sue, now + 2 * HOUR_MS)
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .claim_notice(world.sue, world.who, now + 2 * HOUR_MS)
            .unwrap()
            .is_some(),
        "the verdict of the first answer since tells it"
    );
    world.wrong(
        world.sue,
        world.who,
        "Koba",
        false,
        DECIDED_MS + 3 * HOUR_MS,
    );
    assert!(
        store
            .claim_notice(world.sue, world.who, now + 3 * HOUR_MS)
            .unwrap()
            .is_none()
    );
}

#[test]
fn a_ruling_is_news_for_two_weeks_and_only_to_whoever_claimed() {
    let world = world();
    world.claim(world.ivy, world.city, "Bonn");
    world.wrong(world.sam, world.city, "Bonn", false, super::ANSWERED_MS);
    world.accept(world.olga, world.city, "bonn").unwrap();
    let store = &world.fixture.store;
    let day_ms = 24 * HOUR_MS;
    let notices = store
        .claim_notices(world.ivy, DECIDED_MS + 13 * day_ms)
        .unwrap();
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].ruling, Ruling::Accepted);
    assert!(
        store
            .claim_notices(world.ivy, DECIDED_MS + 15 * day_ms)
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .claim_notices(world.sam, DECIDED_MS + HOUR_MS)
            .unwrap()
            .is_empty(),
        "sam never claimed: his answer was regraded, not his claim decided"
    );
}
