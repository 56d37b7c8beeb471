//! The CSV exports from the dashboard and from `studyhall export`, and what deleting a student
//! takes out of them.

use serde_json::json;

use crate::support::{Reply, WHO_CARD, answered_class};

const REVIEW_HEADER: &str = "reviewed_at,study_day,username,set,card,kind,answer,verdict,normalized_answer,quality,scheduled,repetitions_before,ef_before,interval_before,repetitions_after,ef_after,interval_after,due_day_after,duration_ms,overridden,claim_decision";

fn assert_csv_download(reply: &Reply, file_name: &str) {
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.content_type, "text/csv; charset=utf-8");
    assert_eq!(
        reply.disposition,
        format!("attachment; filename=\"{file_name}\"")
    );
}

fn studyhall(arguments: &[&str]) -> (bool, String, String) {
    let output = crate::common::process::command()
        .args(arguments)
        .output()
        .unwrap();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (
        output.status.success(),
        text(&output.stdout),
        text(&output.stderr),
    )
}

#[test]
fn the_progress_export_has_one_row_per_student_and_set() {
    let class = answered_class();
    let reply = class
        .room
        .instructor()
        .get(&class.room.path("export/progress.csv"));
    assert_csv_download(
        &reply,
        &format!("class-{}-progress.csv", class.room.class.0),
    );
    let lines: Vec<&str> = reply.body.lines().collect();
    assert_eq!(
        lines[0],
        "username,set,studied,due,overdue,retention_30d,last_active"
    );
    assert_eq!(lines.len(), 5, "four students, one set: {}", reply.body);
    assert!(
        lines[1].starts_with("ann,korean-war-1950,3,0,0,0.667,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[4].starts_with("dora,korean-war-1950,10,10,10,1.000,"),
        "{}",
        lines[4]
    );
}

#[test]
fn the_review_log_export_holds_every_review_with_quoting_where_needed() {
    let class = answered_class();
    let (_, token) = class.room.student("hal");
    class
        .room
        .answer(&token, WHO_CARD, json!("Lenin, \"the elder\""), false);
    let reply = class
        .room
        .instructor()
        .get(&class.room.path("export/reviews.csv"));
    assert_csv_download(&reply, &format!("class-{}-reviews.csv", class.room.class.0));
    let mut lines = reply.body.lines();
    assert_eq!(lines.next(), Some(REVIEW_HEADER));
    assert_eq!(
        lines.count(),
        3 + 2 + 2 + 10 + 1,
        "ann, ben, cat, dora, hal"
    );
    assert!(
        reply.body.contains(
            r#",hal,korean-war-1950,responsible-for-outbreak,text,"Lenin, ""the elder""",wrong,"#
        ),
        "{}",
        reply.body
    );
}

#[test]
fn the_set_export_and_the_cli_give_the_same_review_log() {
    let class = answered_class();
    class.room.user("root", studyhall::store::Role::Admin);
    let web = class
        .room
        .browser("root")
        .get("/teach/sets/korean-war-1950/export/reviews.csv");
    assert_csv_download(&web, "korean-war-1950-reviews.csv");
    let db = class.room.app.db_path.to_str().unwrap();
    let (ok, cli, errors) =
        studyhall(&["export", "reviews", "--set", "korean-war-1950", "--db", db]);
    assert!(ok, "{errors}");
    assert_eq!(cli, web.body);
    let class_id = class.room.class.0.to_string();
    // On the server's clock: due and overdue depend on the day it is.
    let clock = crate::common::clock_flags();
    let mut arguments = vec!["export", "progress", "--class", &class_id, "--db", db];
    arguments.extend(clock.iter().map(String::as_str));
    let (ok, progress, errors) = studyhall(&arguments);
    assert!(ok, "{errors}");
    assert_eq!(
        progress,
        class
            .room
            .instructor()
            .get(&class.room.path("export/progress.csv"))
            .body
    );
}

#[test]
fn the_cli_export_names_a_missing_class_or_set_and_needs_one_of_them() {
    let class = answered_class();
    let db = class.room.app.db_path.to_str().unwrap();
    let (ok, _, errors) = studyhall(&["export", "progress", "--class", "999", "--db", db]);
    assert!(!ok && errors.contains("there is no class 999"), "{errors}");
    let (ok, _, errors) = studyhall(&["export", "reviews", "--set", "nope", "--db", db]);
    assert!(!ok && errors.contains("there is no set"), "{errors}");
    let (ok, _, errors) = studyhall(&["export", "reviews", "--db", db]);
    assert!(!ok && errors.contains("--class"), "{errors}");
}

#[test]
fn a_deleted_students_reviews_vanish_from_the_dashboard_and_the_exports() {
    let class = answered_class();
    class
        .room
        .app
        .store
        .delete_user(class.ann, None)
        .wait()
        .unwrap()
        .unwrap();
    let teacher = class.room.instructor();
    assert!(
        !teacher
            .get(&class.room.path("dashboard"))
            .body
            .contains(">ann</a>")
    );
    assert!(
        !teacher
            .get(&class.room.path("export/progress.csv"))
            .body
            .contains("ann,")
    );
    let log = teacher.get(&class.room.path("export/reviews.csv")).body;
    assert!(!log.contains(",ann,"), "{log}");
    let analysis = teacher.get("/teach/sets/korean-war-1950/analysis").body;
    assert!(
        analysis.contains("<q>mao</q> <span class=\"muted\">×1</span>"),
        "only ben's Mao is left"
    );
}
