use super::*;

fn row(name: &str, studied: u32, retention: Option<u8>, last: Option<i64>) -> StudentRow {
    StudentRow {
        user_id: 0,
        username: name.to_string(),
        studied,
        due: 0,
        overdue: 0,
        retention_percent: retention,
        last_active: String::new(),
        last_active_ms: last,
        behind: Vec::new(),
    }
}

fn names(rows: &[StudentRow]) -> Vec<&str> {
    rows.iter().map(|row| row.username.as_str()).collect()
}

#[test]
fn ten_overdue_cards_flag_a_student_and_nine_do_not() {
    assert_eq!(falling_behind(10, 10, Some(0)), ["10 cards overdue"]);
    assert!(falling_behind(9, 9, Some(0)).is_empty());
}

#[test]
fn three_days_without_a_review_flag_a_student_only_with_cards_due() {
    assert_eq!(
        falling_behind(2, 4, Some(3)),
        ["no review for 3 days with 4 due"]
    );
    assert!(
        falling_behind(0, 0, Some(30)).is_empty(),
        "nothing due: nothing to catch up"
    );
    assert!(falling_behind(0, 4, Some(2)).is_empty());
    assert!(falling_behind(0, 0, None).is_empty(), "never started");
}

#[test]
fn both_reasons_are_given_when_both_hold() {
    assert_eq!(falling_behind(12, 12, Some(5)).len(), 2);
}

#[test]
fn students_sort_by_the_column_then_by_name_either_way() {
    let mut rows = vec![
        row("cy", 5, Some(80), Some(3)),
        row("Al", 5, None, None),
        row("bo", 9, Some(50), Some(9)),
    ];
    sort_students(&mut rows, SortKey::Studied, false);
    assert_eq!(names(&rows), ["Al", "cy", "bo"]);
    sort_students(&mut rows, SortKey::Studied, true);
    assert_eq!(names(&rows), ["bo", "Al", "cy"], "ties stay A to Z");
    sort_students(&mut rows, SortKey::Retention, false);
    assert_eq!(
        names(&rows),
        ["Al", "bo", "cy"],
        "no retention sorts lowest"
    );
    sort_students(&mut rows, SortKey::LastActive, true);
    assert_eq!(
        names(&rows),
        ["bo", "cy", "Al"],
        "never active sorts lowest"
    );
    sort_students(&mut rows, SortKey::Name, false);
    assert_eq!(names(&rows), ["Al", "bo", "cy"], "names ignore case");
    sort_students(&mut rows, SortKey::Name, true);
    assert_eq!(names(&rows), ["cy", "bo", "Al"]);
}

#[test]
fn unknown_sort_words_sort_by_name_ascending() {
    assert_eq!(SortKey::parse(Some("password")), SortKey::Name);
    assert_eq!(SortKey::parse(None), SortKey::Name);
    assert_eq!(SortKey::parse(Some("overdue")), SortKey::Overdue);
    assert!(!descending(Some("sideways")));
    assert!(descending(Some("desc")));
}

#[test]
fn the_sorted_column_links_to_the_other_direction_and_says_so_for_screen_readers() {
    let headers = sort_headers(SortKey::Due, false);
    let due = &headers[2];
    assert_eq!(
        (due.aria_sort, due.sort, due.dir),
        ("ascending", "due", "desc")
    );
    assert_eq!(
        (headers[0].aria_sort, headers[0].sort, headers[0].dir),
        ("none", "name", "asc")
    );
    let flipped = sort_headers(SortKey::Due, true);
    assert_eq!(
        (flipped[2].aria_sort, flipped[2].dir),
        ("descending", "asc")
    );
}

#[test]
fn a_tag_row_works_out_its_shares() {
    let tag = TagRow::new("date", [4, 6, 3, 10, 7], 3);
    assert_eq!(
        (tag.recalled_percent, tag.mature_percent, tag.possible),
        (Some(70), 50, 12)
    );
    assert_eq!(TagRow::new("x", [1, 0, 0, 0, 0], 2).recalled_percent, None);
}

#[test]
fn activity_reads_as_days_ago() {
    assert_eq!(days_ago_label(None), "never");
    assert_eq!(days_ago_label(Some(0)), "today");
    assert_eq!(days_ago_label(Some(1)), "yesterday");
    assert_eq!(days_ago_label(Some(4)), "4 days ago");
}
