//! What each caller's pages, downloads and API answers hold: a student's own data only; an
//! instructor's own classes, their own students' reviews and claims on their own sets; the
//! admin's, everything.

use serde_json::Value;

use crate::common::ESSAY_SET;
use crate::request::{Reply, Request};
use crate::world::{Caller, SET_A, Who, World};

fn get(world: &World, caller: &Caller, path: &str) -> Reply {
    world.send(caller, &Request::get(path))
}

/// `path` as `caller`, asserting 200.
#[track_caller]
fn read(world: &World, caller: &Caller, path: &str) -> String {
    let reply = get(world, caller, path);
    assert_eq!(reply.status, 200, "GET {path}: {}", reply.body);
    reply.body
}

#[test]
fn a_student_reaches_no_page_or_download_about_another_student() {
    let world = World::build();
    let s1 = world.caller(Who::S1);
    let class_b = format!("/teach/classes/{}", world.class_b);
    for path in [
        format!("/admin/users/{}/data.json", world.s2.0),
        format!("{class_b}/students/{}", world.s2.0),
        format!("{class_b}/dashboard"),
        format!("{class_b}/export/progress.csv"),
        format!("{class_b}/export/reviews.csv"),
        format!("/teach/sets/{ESSAY_SET}/analysis"),
        format!("/teach/sets/{ESSAY_SET}/export/reviews.csv"),
        "/teach/disputes".to_string(),
    ] {
        let reply = get(&world, s1, &path);
        assert_eq!(reply.status, 403, "GET {path}");
        assert!(
            !reply.body.contains("sam"),
            "GET {path} names S2: {}",
            reply.body
        );
    }
}

#[test]
fn the_account_download_and_the_api_progress_are_the_callers_own() {
    let world = World::build();
    let (s1, s2) = (world.caller(Who::S1), &world.s2_caller);
    let mine = read(&world, s1, "/account/data.json");
    assert!(mine.contains("\"sue\""), "{mine}");
    assert!(!mine.contains("sam"), "S1's download holds S2: {mine}");
    let theirs = read(&world, s2, "/account/data.json");
    assert!(
        theirs.contains("\"sam\"") && !theirs.contains("sue"),
        "{theirs}"
    );

    let reviews_today = |caller| {
        let body: Value =
            serde_json::from_str(&read(&world, caller, "/api/v1/me/progress")).expect("JSON");
        body["reviews_today"].as_u64().expect("a count")
    };
    assert_eq!(reviews_today(s1), 6, "S1's four claims and two essay cards");
    assert_eq!(reviews_today(s2), 1, "S2's one essay card");
    assert_eq!(
        reviews_today(world.caller(Who::B)),
        0,
        "an instructor who studied nothing"
    );
}

#[test]
fn a_restricted_set_is_there_for_its_class_and_not_for_another_student() {
    let world = World::build();
    let set_ids = |caller| {
        let body: Value =
            serde_json::from_str(&read(&world, caller, "/api/v1/sets")).expect("JSON");
        let sets = body["sets"].as_array().expect("a list").clone();
        sets.iter()
            .map(|set| set["id"].as_str().expect("an id").to_string())
            .collect::<Vec<_>>()
    };
    assert!(set_ids(world.caller(Who::S1)).contains(&SET_A.to_string()));
    let s2 = &world.s2_caller;
    assert!(!set_ids(s2).contains(&SET_A.to_string()));
    // Nor is it in S2's progress: the stages count the cards of the sets S2 may study.
    let body: Value = serde_json::from_str(&read(&world, s2, "/api/v1/sets")).expect("JSON");
    let studyable: u64 = body["sets"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|set| set["cards"].as_u64().expect("a card count"))
        .sum();
    let body: Value = serde_json::from_str(&read(&world, s2, "/api/v1/me/progress")).expect("JSON");
    let stages = &body["stages"];
    let staged: u64 = ["new", "learning", "young", "mature"]
        .iter()
        .map(|stage| stages[stage].as_u64().expect("a count"))
        .sum();
    assert_eq!(staged, studyable, "S2's stages: {stages}");
    for path in [
        format!("/study/{SET_A}"),
        format!("/api/v1/sets/{SET_A}/next"),
    ] {
        let reply = get(&world, s2, &path);
        assert_eq!(reply.status, 404, "GET {path} as S2: {}", reply.body);
        assert!(!reply.body.contains("Ana's Cold War"), "{}", reply.body);
    }
}

#[test]
fn an_instructor_sees_only_their_own_classes_students_reviews_and_claims() {
    let world = World::build();
    let (a, b, admin) = (
        world.caller(Who::A),
        world.caller(Who::B),
        world.caller(Who::Admin),
    );
    let teach = |caller| read(&world, caller, "/teach");
    let (for_a, for_b, for_admin) = (teach(a), teach(b), teach(admin));
    assert!(for_a.contains("History 7A") && !for_a.contains("History 7B"));
    assert!(for_b.contains("History 7B") && !for_b.contains("History 7A"));
    assert!(
        ["History 7A", "History 7B", "Open house"]
            .iter()
            .all(|class| for_admin.contains(class))
    );

    // A student of someone else's class, looked up through one's own class: no such student.
    let b_on_s1 = format!("/teach/classes/{}/students/{}", world.class_b, world.s1.0);
    assert_eq!(get(&world, b, &b_on_s1).status, 404, "{b_on_s1}");
    let a_on_s2 = world.class_a_path(&format!("/students/{}", world.s2.0));
    assert_eq!(get(&world, a, &a_on_s2).status, 404, "{a_on_s2}");

    // The essay set's review log: each instructor's own students, the admin's everyone's.
    let log = format!("/teach/sets/{ESSAY_SET}/export/reviews.csv");
    let students = |caller| {
        let csv = read(&world, caller, &log);
        (csv.contains(",sue,"), csv.contains(",sam,"))
    };
    assert_eq!(students(a), (true, false), "A's log");
    assert_eq!(students(b), (false, true), "B's log");
    assert_eq!(students(admin), (true, true), "the admin's log");
    let class_log = format!("/teach/classes/{}/export/reviews.csv", world.class_b);
    let csv = read(&world, b, &class_log);
    assert!(csv.contains(",sam,") && !csv.contains(",sue,"), "{csv}");

    // S1's claims are on A's set: A and the admin decide them, B never sees them.
    let disputes = |caller| read(&world, caller, "/teach/disputes");
    assert!(disputes(a).contains("Vienna"));
    assert!(disputes(admin).contains("Vienna"));
    let for_b = disputes(b);
    assert!(
        !for_b.contains("Vienna") && for_b.contains("No claims are waiting"),
        "{for_b}"
    );
}
