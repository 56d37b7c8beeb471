//! Managing a class from its page: a new join code, removing a student, archiving and
//! restoring, and what a refused form leaves unchanged.

use crate::helpers::{
    assign_essay_set, create_class, instructor, join, join_code, post_form, restrict_essay_set,
};
use crate::site::{Site, study_path};

#[test]
fn a_new_code_makes_the_old_one_stop_working_and_keeps_the_students() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    let sam = site.student("sam");
    assert_eq!(join(&sam, &class.code).status, 303);

    let renewed = post_form(&ada, &class.path, &class.at("code"), &[]);
    let page = ada.follow(&renewed);
    assert!(
        page.text().contains("New join code made"),
        "{}",
        page.text()
    );
    let new_code = join_code(&page);
    assert_ne!(new_code, class.code);

    let kim = site.student("kim");
    assert_eq!(join(&kim, &class.code).status, 422, "the old code is dead");
    assert_eq!(join(&kim, &new_code).status, 303);
    let members = ada.get(&class.path).text();
    assert!(
        members.contains("sam") && members.contains("kim"),
        "{members}"
    );
}

#[test]
fn a_removed_student_loses_the_restricted_set_of_the_class() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    assert_eq!(assign_essay_set(&ada, &class, "", "").status, 303);
    restrict_essay_set(&site);
    let sam = site.student("sam");
    join(&sam, &class.code);
    assert_eq!(
        sam.get(&study_path()).status,
        200,
        "a member studies the set"
    );

    let sam_id = site.app.user_id("sam").0;
    let removed = post_form(
        &ada,
        &class.path,
        &class.at(&format!("members/{sam_id}/remove")),
        &[],
    );
    assert!(ada.follow(&removed).text().contains("Student removed"));
    assert_eq!(sam.get(&study_path()).status, 404, "gone with the class");
    assert!(!sam.get("/").text().contains("History 9B"));
    let twice = ada.post(
        &class.at(&format!("members/{sam_id}/remove")),
        &[csrf(&ada, &class.path)],
    );
    assert_eq!(twice.status, 404, "sam is not in the class any more");
}

#[test]
fn an_archived_class_takes_no_one_leaves_its_students_lists_and_can_be_restored() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    assign_essay_set(&ada, &class, "", "");
    restrict_essay_set(&site);
    let sam = site.student("sam");
    join(&sam, &class.code);

    let archived = post_form(&ada, &class.path, &class.at("archive"), &[]);
    let page = ada.follow(&archived);
    assert!(page.text().contains("Class archived"), "{}", page.text());
    assert!(
        page.element("p", "class", "join-code").is_none(),
        "no code for an archived class"
    );
    assert!(ada.get("/teach").text().contains("archived"));
    assert!(
        !sam.get("/").text().contains("History 9B"),
        "gone from sam's list"
    );
    assert_eq!(
        sam.get(&study_path()).status,
        404,
        "its restricted set with it"
    );
    let kim = site.student("kim");
    assert_eq!(join(&kim, &class.code).status, 422);

    let restored = post_form(&ada, &class.path, &class.at("restore"), &[]);
    assert!(ada.follow(&restored).text().contains("Class restored"));
    assert_eq!(join(&kim, &class.code).status, 303);
    assert_eq!(sam.get(&study_path()).status, 200);
}

#[test]
fn a_bad_class_name_is_refused_and_creates_nothing() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    for name in ["   ", &"x".repeat(81)] {
        let refused = post_form(&ada, "/teach", "/teach/classes", &[("name", name)]);
        assert_eq!(refused.status, 422, "{name:?}");
        let text = refused.text();
        assert!(
            text.contains("Give the class a name") || text.contains("at most 80 characters"),
            "{text}"
        );
    }
    assert!(ada.get("/teach").text().contains("No classes yet"));
}

#[test]
fn a_bad_assignment_is_refused_next_to_the_form_and_assigns_nothing() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    let cases = [
        ("1000", "", "whole number from 0 to 999"),
        ("five", "", "whole number from 0 to 999"),
        ("", "2001-01-01", "exam date, 1 Jan 2001, has passed"),
        ("", "next week", "is not a date"),
    ];
    for (limit, exam, expected) in cases {
        let refused = assign_essay_set(&ada, &class, limit, exam);
        assert_eq!(refused.status, 422, "{limit:?} {exam:?}");
        assert!(
            refused.text().contains(expected),
            "{expected}: {}",
            refused.text()
        );
        let form = refused.form(&class.at("sets"));
        assert_eq!(
            form.value("daily_new_limit"),
            Some(limit),
            "the fields stay as typed"
        );
    }
    let missing = post_form(
        &ada,
        &class.path,
        &class.at("sets"),
        &[("set_id", "no-such-set")],
    );
    assert_eq!(missing.status, 404, "{}", missing.text());
    assert!(ada.get(&class.path).text().contains("No sets assigned yet"));

    assert_eq!(
        assign_essay_set(&ada, &class, "", "").status,
        303,
        "a good one goes through"
    );
    let page = ada.get(&class.path).text();
    assert!(page.contains("Stalin, Mao and the Korean War"), "{page}");
    assert!(!page.contains("No sets assigned yet"), "{page}");
}

/// The CSRF token field of the page at `path`, to post a form the page no longer shows.
fn csrf(visitor: &crate::site::Visitor, path: &str) -> (String, String) {
    let page = visitor.get(path);
    let form = crate::html::forms(&page.html)
        .into_iter()
        .next()
        .expect("a form");
    (
        "csrf_token".to_string(),
        form.value("csrf_token").expect("a token").to_string(),
    )
}

#[test]
fn assigning_an_assigned_set_again_changes_its_limit_and_exam_date() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    assert_eq!(assign_essay_set(&ada, &class, "2", "").status, 303);
    let exam = crate::common::today().plus_days(30);
    assert_eq!(
        assign_essay_set(&ada, &class, "7", &exam.to_string()).status,
        303
    );
    let page = ada.get(&class.path).text();
    let label = exam.date().strftime("%-d %b %Y").to_string();
    assert!(page.contains(&format!("Everyone 7 {label}")), "{page}");
    assert_eq!(assign_essay_set(&ada, &class, "", "").status, 303);
    assert!(
        ada.get(&class.path).text().contains("Everyone — —"),
        "limit and exam cleared"
    );
}
