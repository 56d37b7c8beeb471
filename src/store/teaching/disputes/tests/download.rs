//! A student's data download tells what became of each claim, next to its review.

use super::world;

#[test]
fn the_data_download_gives_each_claimed_review_its_decision() {
    let world = world();
    world.claim(world.sue, world.who, "Koba");
    world.claim(world.sue, world.year, "1949");
    world.claim(world.sue, world.city, "Pyongyang");
    world.accept(world.root, world.who, "koba").unwrap();
    world.reject(world.root, world.year, "1949").unwrap();

    let data = world.fixture.store.user_data(world.sue).unwrap().unwrap();
    let decisions: Vec<(String, Option<String>)> = data
        .reviews
        .iter()
        .map(|review| {
            (
                review.answer.clone().unwrap_or_default(),
                review.claim_decision.clone(),
            )
        })
        .collect();
    assert_eq!(
        decisions,
        [
            ("Koba".to_string(), Some("accepted".to_string())),
            ("1949".into(), Some("rejected".into())),
            ("Pyongyang".into(), Some("pending".into())),
        ]
    );
}
