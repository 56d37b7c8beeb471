//! What a response holds, not only its status: every row of the table is sent as every caller,
//! and every page, download and API answer a GET row reaches is also read as S2 (a student in
//! B's class); no response to someone who may not see A's set or S1's answers holds one of the
//! [`CANARIES`] planted in them, unless the request itself carried it (a refused upload shows
//! the file it was sent).

use crate::request::Reply;
use crate::table::table;
use crate::world::{CANARIES, Who, World};

/// The callers of the table who may see neither A's set nor S1's answers.
const OUTSIDERS: [Who; 2] = [Who::SignedOut, Who::B];

/// The canaries `reply` holds that its request did not carry.
fn leaked(reply: &Reply) -> Vec<&'static str> {
    CANARIES
        .into_iter()
        .filter(|canary| reply.body.contains(canary) && !reply.sent.contains(canary))
        .collect()
}

#[test]
fn no_response_to_a_caller_who_may_not_see_a_restricted_set_or_an_answer_holds_them() {
    let world = World::build();
    let mut leaks = Vec::new();
    let mut note = |what: String, reply: &Reply| {
        let found = leaked(reply);
        if !found.is_empty() {
            leaks.push(format!("{what} ({}): {found:?}", reply.status));
        }
    };
    for row in &table(&world) {
        if row.method == "GET" {
            let reply = row.send_as_student(&world, &world.s2_caller);
            note(format!("GET {} as S2", row.path), &reply);
        }
        for who in Who::ALL {
            let reply = row.send_as(&world, who);
            if OUTSIDERS.contains(&who) {
                note(format!("{} {} as {who}", row.method, row.path), &reply);
            }
        }
    }
    assert!(leaks.is_empty(), "canaries leaked:\n{}", leaks.join("\n"));
}

#[test]
fn the_canaries_are_there_for_those_who_may_see_them() {
    // Without this, a canary misspelt in the world would make the test above pass vacuously.
    let world = World::build();
    let seen = |who, path: &str| {
        let reply = world.send(world.caller(who), &crate::request::Request::get(path));
        assert_eq!(reply.status, 200, "GET {path} as {who}");
        reply.body
    };
    let progress = seen(Who::S1, "/api/v1/me/progress");
    assert!(
        progress.contains(CANARIES[2]),
        "S1's progress lists A's tag"
    );
    let home = seen(Who::S1, "/");
    assert!(home.contains(CANARIES[0]), "S1's home page lists A's set");
    let study = seen(Who::A, &format!("/teach/sets/{}/file", crate::world::SET_A));
    assert!(
        study.contains(CANARIES[1]),
        "A's set file has the prompt word"
    );
    let log = seen(
        Who::A,
        &format!(
            "/teach/sets/{}/export/reviews.csv",
            crate::common::ESSAY_SET
        ),
    );
    assert!(
        log.contains(CANARIES[3]),
        "A's log of the essay set has S1's answer"
    );
}
