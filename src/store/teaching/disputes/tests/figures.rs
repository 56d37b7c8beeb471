//! One definition of right: the student's own progress and day, the class dashboard, item
//! analysis and the review log all count a claim as its ruling says.

use super::{ANSWERED_MS, TODAY, World, world};
use crate::store::tests::{day, set_id};
use crate::store::{Audience, ClassId, LogScope, UserId};

/// Everything that counts `user`'s answers to the `who` card, as one line to compare.
#[derive(Debug, PartialEq)]
struct Figures {
    /// The student's retention on the progress page, and right answers on the done page.
    retention: Option<f64>,
    tag_retention: Option<f64>,
    right_today: u32,
    /// The class dashboard's recalled reviews for the student (their class `class`).
    recalled_on_dashboard: u32,
    /// The review log's claim column, for the student's review.
    log: Option<String>,
}

fn figures(world: &World, user: UserId, class: ClassId) -> Figures {
    let store = &world.fixture.store;
    let progress = store.progress(user, day(TODAY)).unwrap();
    let class_figures = store.class_figures(class, Some(user), day(TODAY)).unwrap();
    let scope = LogScope::Set {
        set: set_id("server"),
        audience: Audience::Everyone,
    };
    let log = store.review_log(&scope, None).unwrap();
    let username = store.user_by_id(user).unwrap().unwrap().username;
    Figures {
        retention: progress.retention_30d,
        tag_retention: progress
            .tags
            .iter()
            .find(|tag| tag.tag == "war")
            .unwrap()
            .retention_30d,
        right_today: store
            .day_summary(user, &set_id("server"), day(TODAY))
            .unwrap()
            .expect("the student may study the set")
            .right,
        recalled_on_dashboard: class_figures.students[0].total().recalled_30d,
        log: log
            .into_iter()
            .find(|entry| entry.username == username)
            .unwrap()
            .claim_decision,
    }
}

fn counted(retention: f64, decision: Option<&str>) -> Figures {
    let right = u32::from(retention > 0.5);
    Figures {
        retention: Some(retention),
        tag_retention: Some(retention),
        right_today: right,
        recalled_on_dashboard: right,
        log: decision.map(str::to_string),
    }
}

/// Item analysis of the `who` card for `audience`: (right at the first try, wrong answers).
fn analysis(world: &World, audience: Audience) -> (u32, Vec<(String, u32)>) {
    let cards = world
        .fixture
        .store
        .item_analysis(&set_id("server"), &audience)
        .unwrap();
    let who = cards
        .into_iter()
        .find(|card| card.row == world.who)
        .unwrap();
    let wrong = who.wrong_answers.into_iter();
    (
        who.first_right,
        wrong
            .map(|answer| (answer.normalized, answer.count))
            .collect(),
    )
}

#[test]
fn a_claim_counts_as_its_ruling_says_in_every_figure() {
    let world = world();
    let class_b = world.class_b;
    world.claim(world.sue, world.who, "Koba");
    world.wrong(world.sam, world.who, "Koba", false, ANSWERED_MS);

    // Pending: as the student graded it, right; so "koba" is no common wrong answer.
    assert_eq!(
        figures(&world, world.sue, world.class_a),
        counted(1.0, Some("pending"))
    );
    assert_eq!(figures(&world, world.sam, class_b), counted(0.0, None));
    assert_eq!(analysis(&world, Audience::Everyone), (1, vec![]));
    let only_b = analysis(&world, Audience::Classes(vec![class_b]));
    assert_eq!(only_b, (0, vec![("koba".into(), 1)]), "sue is not in B");

    world.reject(world.ana, world.who, "koba").unwrap();
    assert_eq!(
        figures(&world, world.sue, world.class_a),
        counted(0.0, Some("rejected"))
    );
    assert_eq!(
        analysis(&world, Audience::Everyone),
        (0, vec![("koba".into(), 2)])
    );

    world.undo(world.ana, world.who, "koba").unwrap();
    world.accept(world.root, world.who, "koba").unwrap();
    assert_eq!(
        figures(&world, world.sue, world.class_a),
        counted(1.0, Some("accepted"))
    );
    assert_eq!(
        figures(&world, world.sam, class_b),
        counted(1.0, Some("accepted")),
        "the card takes the answer now: sam's is regraded too"
    );
    assert_eq!(analysis(&world, Audience::Everyone), (2, vec![]));
}

#[test]
fn a_class_instructors_accept_counts_for_their_claimant_only() {
    let world = world();
    let class_b = world.class_b;
    world.claim(world.sue, world.who, "Koba");
    world.wrong(world.sam, world.who, "Koba", false, ANSWERED_MS);
    world.accept(world.ana, world.who, "koba").unwrap();
    assert_eq!(
        figures(&world, world.sue, world.class_a),
        counted(1.0, Some("accepted"))
    );
    assert_eq!(figures(&world, world.sam, class_b), counted(0.0, None));
    let everyone = analysis(&world, Audience::Everyone);
    assert_eq!(everyone, (1, vec![]), "right for sue: not listed as wrong");
    let only_b = analysis(&world, Audience::Classes(vec![class_b]));
    assert_eq!(only_b, (0, vec![("koba".into(), 1)]));
}
