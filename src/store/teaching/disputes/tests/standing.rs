//! Where a claim stands, as the answer path asks inside its write.

use super::{ANSWERED_MS, World, world};
use crate::store::teaching::disputes::claim_standing;
use crate::store::teaching::disputes::standing::{CLAIMED, RULING};
use crate::store::{CardRow, ClaimStanding, UserId};

/// Asked on the writer's connection, as the answer path does.
fn standing(world: &World, user: UserId, card: CardRow, answer: &str) -> Option<ClaimStanding> {
    let answer = answer.to_string();
    let asked = world
        .fixture
        .store
        .write(move |connection| claim_standing(connection, user, card, &answer));
    asked.wait().unwrap()
}

#[test]
fn a_claim_is_pending_until_ruled_and_pending_again_once_undone() {
    let world = world();
    assert_eq!(standing(&world, world.sue, world.who, "koba"), None);
    world.wrong(world.sue, world.who, "Koba", false, ANSWERED_MS);
    assert_eq!(
        standing(&world, world.sue, world.who, "koba"),
        None,
        "not claimed"
    );
    world.claim(world.sue, world.who, "Koba");
    assert_eq!(
        standing(&world, world.sue, world.who, "koba"),
        Some(ClaimStanding::Pending)
    );
    assert_eq!(
        standing(&world, world.sam, world.who, "koba"),
        None,
        "sue's claim only"
    );
    assert_eq!(standing(&world, world.sue, world.who, "uncle joe"), None);
    world.reject(world.ana, world.who, "koba").unwrap();
    assert_eq!(
        standing(&world, world.sue, world.who, "koba"),
        Some(ClaimStanding::Rejected)
    );
    world.undo(world.root, world.who, "koba").unwrap();
    assert_eq!(
        standing(&world, world.sue, world.who, "koba"),
        Some(ClaimStanding::Pending)
    );
    world.accept(world.root, world.who, "koba").unwrap();
    assert_eq!(
        standing(&world, world.sue, world.who, "koba"),
        Some(ClaimStanding::Accepted)
    );
}

/// The lead's migration 0006 lets a review take a claim after it was recorded: the standing
/// reads the reviews as they are.
#[test]
fn a_claim_added_to_a_recorded_review_counts() {
    let world = world();
    world.wrong(world.sue, world.who, "Koba", false, ANSWERED_MS);
    let claimed = world.fixture.store.write(|connection| {
        connection.execute_batch(
            "DROP TRIGGER IF EXISTS reviews_are_append_only;
             UPDATE reviews SET overridden = 1, quality = 3;",
        )?;
        Ok(())
    });
    claimed.wait().unwrap();
    assert_eq!(
        standing(&world, world.sue, world.who, "koba"),
        Some(ClaimStanding::Pending)
    );
}

/// It runs on every wrong answer: each of its two reads is one search of one index.
#[test]
fn each_read_is_one_index_search() {
    let world = world();
    let plans = world
        .fixture
        .store
        .read(|connection| {
            let plan = |sql: &str| -> Result<String, crate::store::StoreError> {
                let mut statement = connection.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
                let rows = statement.query_map((1, 2, "x"), |row| row.get::<_, String>(3))?;
                Ok(rows.collect::<Result<Vec<_>, _>>()?.join(" | "))
            };
            Ok((plan(RULING)?, plan(CLAIMED)?))
        })
        .unwrap();
    assert_eq!(
        plans.0,
        "SEARCH claim_rulings USING PRIMARY KEY (user_id=? AND card_id=? AND normalized_answer=?)"
    );
    assert_eq!(
        plans.1,
        "SEARCH reviews USING COVERING INDEX reviews_claims (card_id=? AND normalized_answer=? AND user_id=?)"
    );
}
