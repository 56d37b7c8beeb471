//! Progress figures on a small history worked out by hand.

use super::{Fixture, card, day, open_store, set_id, with_cards};
use crate::store::{DayForecast, Stages, Teacher, UserId, Visibility};

/// One student's history in the set "history" (SM-2 worked by hand):
/// - a: 01-01, 01-02, 01-08, 01-25, all 5: intervals 1, 6, 17, 48: due 03-14, mature.
/// - b: 03-09 4 (due 03-10); 03-10 1 (a lapse: due 03-11) and a same-day repeat 4: learning.
/// - c: 03-01, 03-02, 03-08, all 4: intervals 1, 6, 15: due 03-23, young.
/// - d: never reviewed: new.
/// - e: 03-01 4: due 03-02, overdue on 03-10: learning.
fn history() -> (Fixture, UserId) {
    let fixture = open_store();
    let student = fixture.student("sam");
    let cards = vec![
        card("a", &["dates"]),
        card("b", &["dates", "people"]),
        card("c", &["people"]),
        card("d", &["people"]),
        card("e", &[]),
    ];
    fixture.import(&[with_cards("history", cards)]);
    let reviews = [
        ("a", 5, "2026-01-01"),
        ("a", 5, "2026-01-02"),
        ("a", 5, "2026-01-08"),
        ("a", 5, "2026-01-25"),
        ("c", 4, "2026-03-01"),
        ("e", 4, "2026-03-01"),
        ("c", 4, "2026-03-02"),
        ("c", 4, "2026-03-08"),
        ("b", 4, "2026-03-09"),
        ("b", 1, "2026-03-10"),
        ("b", 4, "2026-03-10"),
    ];
    for (at_ms, (card, quality, today)) in (0..).zip(reviews) {
        let row = fixture.row("history", card);
        fixture.review(student, row, quality, today, at_ms).unwrap();
    }
    (fixture, student)
}

#[test]
fn the_progress_figures_of_a_hand_built_history() {
    let (fixture, student) = history();
    let report = fixture.store.progress(student, day("2026-03-10")).unwrap();

    assert_eq!(report.reviews_today, 2);
    assert_eq!(report.streak_days, 3, "03-08, 03-09, 03-10");
    let expected = Stages {
        new: 1,
        learning: 2,
        young: 1,
        mature: 1,
    };
    assert_eq!(report.stages, expected);
    // From 02-09: c 4, 4, 4; e 4; b 4, 1 pass 5 of 6 (b's same-day repeat left out).
    assert_eq!(report.retention_30d, Some(5.0 / 6.0));

    let tags: Vec<_> = report
        .tags
        .iter()
        .map(|t| {
            (
                t.tag.as_str(),
                t.cards,
                t.studied,
                t.mature,
                t.retention_30d,
            )
        })
        .collect();
    assert_eq!(
        tags,
        [
            ("dates", 2, 2, 1, Some(0.5)),  // a (no review since 02-09), b 1 of 2
            ("people", 3, 2, 0, Some(0.8)), // b 1 of 2, c 3 of 3
        ]
    );

    assert_eq!(report.forecast.len(), 30);
    assert_eq!(report.forecast[29].day, day("2026-04-08"));
    let due_days: Vec<DayForecast> = report
        .forecast
        .iter()
        .copied()
        .filter(|f| f.due > 0)
        .collect();
    let expected_due = [
        ("2026-03-10", 1),
        ("2026-03-11", 1),
        ("2026-03-14", 1),
        ("2026-03-23", 1),
    ];
    let expected_due: Vec<DayForecast> = expected_due
        .iter()
        .map(|&(text, due)| DayForecast {
            day: day(text),
            due,
        })
        .collect();
    assert_eq!(due_days, expected_due, "e is overdue, so due today");
}

#[test]
fn a_streak_survives_until_a_whole_day_passes_without_reviews() {
    let (fixture, student) = history();
    let streak = |today: &str| {
        fixture
            .store
            .progress(student, day(today))
            .unwrap()
            .streak_days
    };
    assert_eq!(
        streak("2026-03-11"),
        3,
        "no review yet today: the streak ends yesterday"
    );
    assert_eq!(streak("2026-03-12"), 0);
    assert_eq!(streak("2026-01-02"), 2, "later reviews do not count");
}

#[test]
fn a_student_without_reviews_has_empty_figures_but_all_cards_new() {
    let (fixture, _) = history();
    let newcomer = fixture.student("newcomer");
    let report = fixture.store.progress(newcomer, day("2026-03-10")).unwrap();
    assert_eq!((report.reviews_today, report.streak_days), (0, 0));
    assert_eq!(report.retention_30d, None);
    assert_eq!(report.stages.new, 5);
    assert!(
        report
            .tags
            .iter()
            .all(|t| t.studied == 0 && t.retention_30d.is_none())
    );
    assert!(report.forecast.iter().all(|f| f.due == 0));
}

#[test]
fn the_report_serializes_days_as_dates() {
    let (fixture, student) = history();
    let report = fixture.store.progress(student, day("2026-03-10")).unwrap();
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["forecast"][0]["day"], "2026-03-10");
    assert_eq!(json["stages"]["mature"], 1);
}

#[test]
fn a_day_summary_counts_that_days_reviews_in_the_set_and_the_right_ones() {
    let (fixture, student) = history();
    let history = set_id("history");
    let summary = |today| {
        let summary = fixture.store.day_summary(student, &history, day(today));
        summary.unwrap().expect("the student sees the set")
    };
    let busy = summary("2026-03-10");
    assert_eq!((busy.reviews, busy.right), (2, 1), "b: 1 then 4");
    let quiet = summary("2026-03-11");
    assert_eq!((quiet.reviews, quiet.right), (0, 0));

    with_geography(&fixture, student);
    let busy = summary("2026-03-10");
    assert_eq!(
        (busy.reviews, busy.right),
        (2, 1),
        "the other set's review is not this set's"
    );
    let geography = fixture
        .store
        .day_summary(student, &set_id("geography"), day("2026-03-10"));
    let geography = geography.unwrap().expect("the student sees the set");
    assert_eq!((geography.reviews, geography.right), (1, 0));
    assert_eq!(
        geography.next_due.map(|due| (due.day, due.due)),
        Some((day("2026-03-11"), 1))
    );
}

/// The done page's next due day is the set's progress forecast's first later day with cards due.
#[test]
fn a_day_summarys_next_due_day_is_the_forecasts_first_later_day_with_cards() {
    let (fixture, student) = history();
    with_geography(&fixture, student);
    let history = set_id("history");
    for (today, expected) in [
        ("2026-03-10", Some(("2026-03-11", 1))),
        ("2026-03-11", Some(("2026-03-14", 1))),
        ("2026-03-23", None),
        ("2026-02-01", Some(("2026-03-02", 1))), // e, on the window's last day
    ] {
        let today = day(today);
        let summary = fixture.store.day_summary(student, &history, today).unwrap();
        let next_due = summary.expect("a visible set").next_due;
        let progress = fixture
            .store
            .set_progress(student, &history, today)
            .unwrap();
        let forecast = progress.expect("a visible set").report.forecast;
        let first_later = forecast
            .into_iter()
            .find(|forecast| forecast.day > today && forecast.due > 0);
        assert_eq!(next_due, first_later, "{today:?}");
        let expected = expected.map(|(text, due)| DayForecast {
            day: day(text),
            due,
        });
        assert_eq!(next_due, expected, "{today:?}");
    }
}

/// A second set, "geography": card f (tagged "places" and "dates") missed on 03-10, so due
/// 03-11, and card g never seen.
fn with_geography(fixture: &Fixture, student: UserId) {
    let cards = vec![card("f", &["places", "dates"]), card("g", &[])];
    fixture.import(&[with_cards("geography", cards)]);
    let row = fixture.row("geography", "f");
    fixture.review(student, row, 1, "2026-03-10", 100).unwrap();
}

#[test]
fn one_sets_figures_count_its_cards_and_reviews_and_the_whole_counts_every_set() {
    let (fixture, student) = history();
    let today = day("2026-03-10");
    let before = fixture.store.progress(student, today).unwrap();
    with_geography(&fixture, student);

    let history = fixture
        .store
        .set_progress(student, &set_id("history"), today);
    let history = history.unwrap().expect("the student sees the set");
    assert_eq!(history.title, "The history set");
    assert_eq!(history.report, before, "the figures of the one set it was");

    let geography = fixture
        .store
        .set_progress(student, &set_id("geography"), today);
    let geography = geography.unwrap().expect("the student sees the set").report;
    assert_eq!((geography.reviews_today, geography.streak_days), (1, 1));
    let stages = Stages {
        new: 1,
        learning: 1,
        young: 0,
        mature: 0,
    };
    assert_eq!(geography.stages, stages);
    assert_eq!(geography.retention_30d, Some(0.0));
    let tags: Vec<_> = geography
        .tags
        .iter()
        .map(|t| (t.tag.as_str(), t.cards))
        .collect();
    assert_eq!(tags, [("dates", 1), ("places", 1)]);
    assert_eq!(geography.forecast[1].due, 1, "f is due tomorrow");

    let all = fixture.store.progress(student, today).unwrap();
    assert_eq!(all.reviews_today, 3);
    assert_eq!(all.stages.new, before.stages.new + 1);
    assert_eq!(all.retention_30d, Some(5.0 / 7.0));
}

#[test]
fn a_set_the_student_may_not_see_has_no_figures_for_them() {
    let (fixture, student) = history();
    let history = set_id("history");
    fixture
        .store
        .set_visibility(Teacher::console(), &history, Visibility::Restricted)
        .wait()
        .unwrap();
    let today = day("2026-03-10");
    assert_eq!(
        fixture
            .store
            .set_progress(student, &history, today)
            .unwrap(),
        None
    );
    assert_eq!(
        fixture.store.day_summary(student, &history, today).unwrap(),
        None
    );
    let unknown = set_id("no-such-set");
    assert_eq!(
        fixture
            .store
            .set_progress(student, &unknown, today)
            .unwrap(),
        None
    );
}
