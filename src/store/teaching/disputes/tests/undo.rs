//! Undoing a decision: who may, what reopens, what the card keeps.

use super::{TODAY, world};
use crate::store::Refusal;
use crate::store::tests::{day, set_id};

#[test]
fn undoing_an_accept_for_everyone_reopens_the_claims_and_takes_the_answer_off_the_card() {
    let world = world();
    world.claim(world.sue, world.city, "Bonn");
    world.wrong(world.sam, world.city, "Bonn", false, super::ANSWERED_MS);
    world.accept(world.olga, world.city, "bonn").unwrap();
    let before = world.fixture.store.decided_disputes(world.olga).unwrap();
    assert_eq!(
        (before.len(), before[0].accepted, before[0].shown.as_str()),
        (1, 2, "Bonn")
    );

    let undone = world.undo(world.olga, world.city, "bonn").unwrap();
    assert_eq!(
        (undone.reopened, undone.removed.as_deref()),
        (1, Some("Bonn"))
    );
    assert!(world.accepted_answers("owned", "city").is_empty());
    let file = world
        .fixture
        .store
        .set_file_text(&set_id("owned"))
        .unwrap()
        .unwrap();
    assert!(!file.contains("Bonn"), "{file}");
    assert_eq!(
        world.pending_for(world.olga, world.city),
        [("bonn".into(), 1)]
    );
    assert!(
        world
            .fixture
            .store
            .decided_disputes(world.olga)
            .unwrap()
            .is_empty()
    );
    let rulings = world
        .fixture
        .number("SELECT count(*) FROM claim_rulings", []);
    assert_eq!(rulings, 0, "sam's regrade went with it");
    let log = world.fixture.store.audit_log(1).unwrap();
    assert_eq!(log[0].action, "claim.undo");
    assert_eq!(
        log[0].detail,
        "reopened the claims of 1 student on “Bonn” on owned/city (undid 1 accept and 0 \
         rejections); took “Bonn” off the card's accepted answers"
    );
}

#[test]
fn undoing_a_rejection_reopens_the_claim_and_leaves_the_card_due() {
    let world = world();
    world.claim(world.sue, world.who, "Koba");
    world.reject(world.ana, world.who, "koba").unwrap();
    let lapsed = world
        .fixture
        .store
        .progress_of(world.sue, world.who)
        .unwrap();
    world.undo(world.ana, world.who, "koba").unwrap();
    let after = world
        .fixture
        .store
        .progress_of(world.sue, world.who)
        .unwrap();
    assert_eq!(after, lapsed);
    assert_eq!(after.unwrap().due, day(TODAY));
    assert_eq!(
        world.pending_for(world.ana, world.who),
        [("koba".into(), 1)]
    );
}

#[test]
fn a_class_instructor_undoes_their_own_rulings_but_not_one_for_everyone() {
    let world = world();
    world.claim(world.sue, world.city, "Bonn");
    world.claim(world.sue, world.who, "Koba");
    world.claim(world.sam, world.who, "Koba");
    world.accept(world.olga, world.city, "bonn").unwrap();
    assert_eq!(
        world.undo(world.ana, world.city, "bonn"),
        Err(Refusal::NotYours)
    );
    assert!(
        world
            .fixture
            .store
            .decided_disputes(world.ana)
            .unwrap()
            .is_empty()
    );

    world.accept(world.ana, world.who, "koba").unwrap();
    world.reject(world.ben, world.who, "koba").unwrap();
    assert_eq!(
        world.undo(world.olga, world.who, "koba"),
        Err(Refusal::NotYours)
    );
    let undone = world.undo(world.ana, world.who, "koba").unwrap();
    assert_eq!(undone.reopened, 1, "sue's; sam's is ben's");
    assert_eq!(
        world.pending_for(world.root, world.who),
        [("koba".into(), 1)]
    );
    assert_eq!(
        world.undo(world.ana, world.who, "koba"),
        Err(Refusal::NotYours)
    );
    let undone = world.undo(world.root, world.who, "koba").unwrap();
    assert_eq!(undone.reopened, 1, "the admin undoes ben's");
    assert_eq!(
        world.undo(world.root, world.who, "koba"),
        Err(Refusal::NothingToUndo)
    );
}
