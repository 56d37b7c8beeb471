//! `studyhall class ...`, run as a real process on the test server's database while it runs:
//! what it does shows up on the instructor's pages at once.

use std::process::Output;

use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use crate::common::ESSAY_SET;
use crate::helpers::{instructor, join_code};
use crate::site::Site;

fn studyhall(site: &Site, arguments: &[&str]) -> Output {
    let db = site.app.db_path.to_str().expect("a UTF-8 path");
    crate::common::process::command()
        .arg("class")
        .args(arguments)
        .args(["--db", db])
        .output()
        .expect("the binary runs")
}

#[track_caller]
fn succeeds(site: &Site, arguments: &[&str]) -> String {
    let output = studyhall(site, arguments);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{arguments:?}: {stderr}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_class_made_and_run_from_the_command_line_is_the_instructors_in_the_browser() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let created = succeeds(&site, &["create", "History 9B", "--instructor", "ada"]);
    assert!(
        created.starts_with("created class 1 \"History 9B\" for ada: join code "),
        "{created}"
    );
    let code = created
        .trim()
        .rsplit(' ')
        .next()
        .expect("a code")
        .to_string();
    assert_eq!(join_code(&ada.get("/teach/classes/1")), code);

    site.student("sam");
    succeeds(&site, &["add", "1", "sam"]);
    let exam = crate::common::today().plus_days(20).to_string();
    succeeds(
        &site,
        &[
            "assign",
            "1",
            ESSAY_SET,
            "--daily-new-limit",
            "5",
            "--exam-date",
            &exam,
        ],
    );
    succeeds(&site, &["visibility", ESSAY_SET, "restricted"]);
    let shown = succeeds(&site, &["show", "1"]);
    assert!(shown.contains("students (1): sam"), "{shown}");
    assert!(
        shown.contains(&format!("restricted, 5 new a day, exam {exam}")),
        "{shown}"
    );
    let listed = succeeds(&site, &["list"]);
    assert!(
        listed
            .lines()
            .nth(1)
            .is_some_and(|line| line.contains("History 9B")),
        "{listed}"
    );

    let page = ada.get("/teach/classes/1").text();
    assert!(
        page.contains("sam") && page.contains("Its classes only 5"),
        "{page}"
    );
    succeeds(&site, &["remove", "1", "sam"]);
    succeeds(&site, &["archive", "1"]);
    assert!(ada.get("/teach").text().contains("archived"));
}

/// Far behind every real time zone's day: UTC-12 with days starting at 23:00, so "today" there
/// is at least a day before the study day anywhere on the default 04:00 clock.
const BEHIND: [&str; 4] = ["--time-zone", "Etc/GMT+12", "--day-start-hour", "23"];

#[test]
fn an_exam_date_is_checked_against_the_day_the_clock_flags_give() {
    let site = Site::start();
    instructor(&site, "ada");
    succeeds(&site, &["create", "History", "--instructor", "ada"]);
    let behind = Timestamp::now()
        .to_zoned(TimeZone::get("Etc/GMT+12").unwrap())
        .datetime()
        .checked_sub(23.hours())
        .unwrap()
        .date();
    let today_there = behind.to_string();
    let mut assign = vec!["assign", "1", ESSAY_SET, "--exam-date", &today_there];
    assign.extend(BEHIND);
    succeeds(&site, &assign);

    let day_before = behind.yesterday().unwrap().to_string();
    let mut assign = vec!["assign", "1", ESSAY_SET, "--exam-date", &day_before];
    assign.extend(BEHIND);
    let output = studyhall(&site, &assign);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("the exam date {day_before} has passed")),
        "{stderr}"
    );

    let output = studyhall(
        &site,
        &["assign", "1", ESSAY_SET, "--time-zone", "Mars/Olympus"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("unknown time zone \"Mars/Olympus\""),
        "{stderr}"
    );
}

#[test]
fn the_command_line_refuses_what_the_pages_refuse_with_exit_status_1() {
    let site = Site::start();
    site.student("sam");
    let cases: [(&[&str], &str); 5] = [
        (
            &["create", "History", "--instructor", "sam"],
            "sam is a student",
        ),
        (
            &["create", "History", "--instructor", "nobody"],
            "there is no user",
        ),
        (&["show", "9"], "there is no class 9"),
        (&["assign", "9", ESSAY_SET], "there is no class #9"),
        (&["visibility", "no-such-set", "open"], "there is no set"),
    ];
    for (arguments, expected) in cases {
        let output = studyhall(&site, arguments);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{arguments:?}: {stderr}");
        assert!(stderr.contains(expected), "{arguments:?}: {stderr}");
    }
    let too_many = studyhall(
        &site,
        &["assign", "1", ESSAY_SET, "--daily-new-limit", "1000"],
    );
    assert_eq!(
        too_many.status.code(),
        Some(2),
        "clap refuses a limit over 999"
    );
}
