//! The class dashboard and the page about one student.

use crate::support::{Classroom, WHO_CARD, answered_class, other_cards};

/// The table row of `username` on the dashboard.
fn row<'a>(html: &'a str, username: &str) -> &'a str {
    let start = html
        .find(&format!(">{username}</a>"))
        .unwrap_or_else(|| panic!("no row for {username}"));
    let end = html[start..].find("</tr>").unwrap() + start;
    &html[start..end]
}

fn cells(row: &str) -> Vec<String> {
    row.split(r#"<td class="number">"#)
        .skip(1)
        .map(|cell| cell.split("</td>").next().unwrap().to_string())
        .collect()
}

#[test]
fn the_dashboard_shows_each_students_figures_and_flags_the_one_falling_behind() {
    let class = answered_class();
    let page = class.room.instructor().get(&class.room.path("dashboard"));
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains(&format!(
            r#"<a href="{}" id="class-page-link">"#,
            class.room.path("").trim_end_matches('/')
        )),
        "a way back to the class page: {}",
        page.body
    );
    // studied, due now, overdue, retention over 30 days
    assert_eq!(cells(row(&page.body, "ann")), ["3", "0", "0", "67%"]);
    assert_eq!(
        cells(row(&page.body, "cat")),
        ["2", "0", "0", "100%"],
        "undecided claims count as the student graded them"
    );
    assert_eq!(cells(row(&page.body, "dora")), ["10", "10", "10", "100%"]);
    assert!(
        row(&page.body, "dora").contains("class=\"flag\""),
        "dora is flagged"
    );
    assert!(
        row(&page.body, "dora").contains("10 cards overdue; no review for 10 days with 10 due")
    );
    assert!(!row(&page.body, "ann").contains("class=\"flag\""));
    assert!(row(&page.body, "ann").contains("today"));
}

#[test]
fn sorting_by_a_column_orders_the_students_and_marks_the_heading() {
    let class = answered_class();
    let browser = class.room.instructor();
    let order = |query: &str| {
        let body = browser
            .get(&format!("{}{query}", class.room.path("dashboard")))
            .body;
        let mut names: Vec<(usize, &str)> = ["ann", "ben", "cat", "dora"]
            .into_iter()
            .map(|name| (body.find(&format!(">{name}</a>")).unwrap(), name))
            .collect();
        names.sort();
        (
            names.into_iter().map(|(_, name)| name).collect::<Vec<_>>(),
            body,
        )
    };
    let (names, body) = order("?sort=studied&dir=desc");
    assert_eq!(names, ["dora", "ann", "ben", "cat"], "ties stay A to Z");
    assert_eq!(body.matches(r#"aria-sort="descending""#).count(), 1);
    assert!(
        body.contains(
            r#"aria-sort="descending" class="number"><a href="?sort=studied&amp;dir=asc">"#
        ),
        "{body}"
    );
    assert_eq!(
        order("?sort=overdue&dir=asc").0,
        ["ann", "ben", "cat", "dora"]
    );
    assert_eq!(
        order("?sort=nonsense").0,
        ["ann", "ben", "cat", "dora"],
        "by name"
    );
}

#[test]
fn mastery_per_tag_counts_the_class_on_the_cards_with_each_tag() {
    let class = answered_class();
    let body = class
        .room
        .instructor()
        .get(&class.room.path("dashboard"))
        .body;
    let kim = body
        .find(r#"<th scope="row">kim</th>"#)
        .expect("the kim tag");
    let row = &body[kim..kim + body[kim..].find("</tr>").unwrap()];
    // Four cards have the tag. The Kim card: ann and ben right, cat's undecided claim counts
    // as she graded it; dora's Good on the green-light month ten days ago: 4 of 4 recalled.
    assert!(
        row.contains("100% <span class=\"muted\">of 4</span>"),
        "{row}"
    );
    assert!(
        row.contains("4 <span class=\"muted\">of 16</span>"),
        "4 of 4 cards x 4 students studied: {row}"
    );
}

#[test]
fn the_student_page_shows_progress_per_set_and_tag_and_the_history_newest_first() {
    let class = answered_class();
    let path = class.room.path(&format!("students/{}", class.ann.0));
    let page = class.room.instructor().get(&path);
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("3 <span class=\"muted\">of 84</span>"),
        "studied of the set's cards"
    );
    assert!(
        page.body
            .contains("Review history <span class=\"muted\">(3)</span>")
    );
    let number = page.body.find("essay-anniversary").unwrap();
    let who = page.body.find(WHO_CARD).unwrap();
    assert!(number < who, "the last answer comes first");
    assert!(
        page.body
            .contains(r#"<span class="answer-line">Mao</span>"#),
        "the answer as given"
    );
    assert!(page.body.contains("verdict-tag-wrong"));
}

#[test]
fn a_student_page_for_someone_outside_the_class_is_not_found() {
    let room = Classroom::start();
    let (outsider, _) = room.outsider("eve");
    let page = room
        .instructor()
        .get(&room.path(&format!("students/{}", outsider.0)));
    assert_eq!(page.status, 404);
    assert_eq!(
        room.instructor().get(&room.path("students/nobody")).status,
        404
    );
}

#[test]
fn a_long_review_history_comes_twenty_compact_rows_a_page() {
    let class = answered_class();
    let (dora, _) = class.room.student("dora2");
    for card in other_cards(25) {
        class.room.reviewed_days_ago(dora, &card, 3);
    }
    let path = class.room.path(&format!("students/{}", dora.0));
    let instructor = class.room.instructor();
    let first = instructor.get(&path);
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(first.body.matches(r#"<td class="when">"#).count(), 20);
    assert!(first.body.contains("Page 1 of 2"), "{}", first.body);
    assert!(first.body.contains(r#"href="?page=2" rel="next""#));
    let second = instructor.get(&format!("{path}?page=2"));
    assert_eq!(second.body.matches(r#"<td class="when">"#).count(), 5);
}
