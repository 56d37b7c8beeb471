//! Who decides whose claims, and what a decision writes.

use super::{TODAY, World, world};
use crate::store::teaching::disputes::claim_standing;
use crate::store::tests::{day, set_id};
use crate::store::{ClaimStanding, Refusal, Teacher};

fn standing(
    world: &World,
    user: crate::store::UserId,
    card: crate::store::CardRow,
    answer: &str,
) -> Option<ClaimStanding> {
    let answer = answer.to_string();
    world
        .fixture
        .store
        .read(move |connection| claim_standing(connection, user, card, &answer))
        .unwrap()
}

#[test]
fn a_class_instructor_decides_for_their_students_on_the_servers_set_and_only_for_them() {
    let world = world();
    world.claim(world.sue, world.who, "Koba");
    world.claim(world.sam, world.who, "Koba");
    assert_eq!(
        world.pending_for(world.ana, world.who),
        [("koba".into(), 1)]
    );
    assert_eq!(
        world.pending_for(world.ben, world.who),
        [("koba".into(), 1)]
    );
    assert_eq!(
        world.pending_for(world.root, world.who),
        [("koba".into(), 2)]
    );
    assert!(
        world.pending_for(world.olga, world.who).is_empty(),
        "olga teaches no one"
    );

    let decided = world.accept(world.ana, world.who, "koba").unwrap();
    assert_eq!(
        (decided.students, decided.for_everyone, decided.added),
        (1, false, None)
    );
    assert!(
        world.accepted_answers("server", "who").is_empty(),
        "a class instructor's accept leaves the card to its owner"
    );
    assert_eq!(
        standing(&world, world.sue, world.who, "koba"),
        Some(ClaimStanding::Accepted)
    );
    assert_eq!(
        standing(&world, world.sam, world.who, "koba"),
        Some(ClaimStanding::Pending)
    );
    assert!(world.pending_for(world.ana, world.who).is_empty());
    assert_eq!(
        world.pending_for(world.ben, world.who),
        [("koba".into(), 1)]
    );
    assert_eq!(
        world.pending_for(world.root, world.who),
        [("koba".into(), 1)],
        "sam's only"
    );

    let rejected = world.reject(world.ben, world.who, "koba").unwrap();
    assert_eq!((rejected.students, rejected.for_everyone), (1, false));
    assert_eq!(
        standing(&world, world.sam, world.who, "koba"),
        Some(ClaimStanding::Rejected)
    );
    assert_eq!(
        standing(&world, world.sue, world.who, "koba"),
        Some(ClaimStanding::Accepted)
    );
}

#[test]
fn the_sets_owner_decides_for_everyone_and_the_card_takes_the_answer() {
    let world = world();
    world.claim(world.sue, world.city, "Bonn");
    world.claim(world.ivy, world.city, "Bonn");
    world.wrong(world.sam, world.city, "Bonn", false, super::ANSWERED_MS);
    assert_eq!(
        world.pending_for(world.olga, world.city),
        [("bonn".into(), 2)]
    );
    assert_eq!(
        world.pending_for(world.ana, world.city),
        [("bonn".into(), 1)]
    );

    let decided = world.accept(world.olga, world.city, "bonn").unwrap();
    assert_eq!(decided.students, 2);
    assert!(decided.for_everyone);
    assert_eq!(decided.added.as_deref(), Some("Bonn"));
    assert_eq!(world.accepted_answers("owned", "city"), ["Bonn"]);
    let file = world
        .fixture
        .store
        .set_file_text(&set_id("owned"))
        .unwrap()
        .unwrap();
    assert!(file.contains("\"Bonn\""), "{file}");
    for user in [world.sue, world.ivy, world.sam] {
        assert_eq!(
            standing(&world, user, world.city, "bonn"),
            Some(ClaimStanding::Accepted),
            "claimed or not, the answer is right for whoever gave it"
        );
    }
    assert!(world.pending_for(world.root, world.city).is_empty());
}

#[test]
fn claims_nobody_may_decide_are_refused_and_nothing_changes() {
    let world = world();
    world.claim(world.sue, world.city, "Bonn");
    world.claim(world.ivy, world.who, "Koba");
    assert_eq!(
        world.accept(world.ben, world.city, "bonn"),
        Err(Refusal::NotYours)
    );
    assert_eq!(
        world.reject(world.ana, world.who, "koba"),
        Err(Refusal::NotYours),
        "ivy is in no class of ana's"
    );
    assert_eq!(
        world.accept(world.olga, world.city, "rome"),
        Err(Refusal::NoClaims)
    );
    assert!(world.accepted_answers("owned", "city").is_empty());
    assert_eq!(world.pending_for(world.root, world.city).len(), 1);
    let ivy = world
        .fixture
        .store
        .progress_of(world.ivy, world.who)
        .unwrap()
        .unwrap();
    assert!(ivy.due > day(TODAY), "no lapse: {ivy:?}");
}

#[test]
fn an_archived_class_no_longer_brings_its_students_claims_to_its_instructor() {
    let world = world();
    world.claim(world.sue, world.who, "Koba");
    let console = Teacher::console();
    let archived = world
        .fixture
        .store
        .set_class_archived(console, world.class_a, true);
    archived.wait().unwrap();
    assert!(world.pending_for(world.ana, world.who).is_empty());
    assert_eq!(
        world.accept(world.ana, world.who, "koba"),
        Err(Refusal::NotYours)
    );
    assert_eq!(world.pending_for(world.root, world.who).len(), 1);
}

#[test]
fn a_decided_claim_is_not_decided_again_until_the_decision_is_undone() {
    let world = world();
    world.claim(world.sue, world.who, "Koba");
    world.reject(world.ana, world.who, "koba").unwrap();
    assert_eq!(
        world.accept(world.ana, world.who, "koba"),
        Err(Refusal::AlreadyDecided("rejected".into()))
    );
    assert_eq!(
        world.accept(world.root, world.who, "koba"),
        Err(Refusal::AlreadyDecided("rejected".into())),
        "the admin undoes ana's ruling first"
    );
    world.undo(world.ana, world.who, "koba").unwrap();
    assert_eq!(
        world.accept(world.ana, world.who, "koba").unwrap().students,
        1
    );
}

#[test]
fn only_a_text_card_is_accepted_and_never_a_blank_answer() {
    let world = world();
    world.claim(world.sue, world.year, "1949");
    world.claim(world.sue, world.who, " ");
    assert_eq!(
        world.accept(world.ana, world.year, "1949"),
        Err(Refusal::NotText("number"))
    );
    assert_eq!(world.accept(world.root, world.who, ""), Err(Refusal::Blank));
    assert_eq!(
        standing(&world, world.sue, world.who, ""),
        None,
        "a blank answer is no claim"
    );
    world.reject(world.ana, world.year, "1949").unwrap();
    world.reject(world.root, world.who, "").unwrap();
    let sue = world
        .fixture
        .store
        .progress_of(world.sue, world.year)
        .unwrap()
        .unwrap();
    assert_eq!(
        (sue.due, sue.state.repetitions, sue.state.lapses),
        (day(TODAY), 0, 1)
    );
}

#[test]
fn every_decision_is_in_the_audit_log_in_words() {
    let world = world();
    world.claim(world.sue, world.city, "Bonn");
    world.claim(world.sam, world.who, "Koba");
    world.accept(world.olga, world.city, "bonn").unwrap();
    world.reject(world.ben, world.who, "koba").unwrap();
    let log = world.fixture.store.audit_log(10).unwrap();
    let line = |action: &str| {
        let entry = log.iter().find(|entry| entry.action == action);
        entry
            .unwrap_or_else(|| panic!("no {action} in {log:?}"))
            .detail
            .clone()
    };
    assert_eq!(
        line("claim.accept"),
        "accepted “Bonn” on owned/city for everyone: 1 student who claimed it; added to the \
         card's accepted answers"
    );
    assert_eq!(
        line("claim.reject"),
        "rejected “Koba” on server/who for their class's students: 1 student who claimed it; \
         their cards are due again today, as lapses"
    );
}
