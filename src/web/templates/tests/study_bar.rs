//! What the student is told around a card: the exam countdown in the study bar (study and verdict
//! pages) and on the home page, the help button, and the links to one set's progress.

use super::render;
use super::samples::*;
use crate::scheduler::StudyDay;
use crate::web::views::*;

fn exam() -> Option<ExamView> {
    let day = |text: &str| text.parse::<StudyDay>().unwrap();
    Some(ExamView::new(day("2026-03-08"), day("2026-03-20")))
}

const EXAM_TIME: &str =
    r#"<time class="exam" datetime="2026-03-20" title="20 Mar 2026">Exam in 12 days</time>"#;

#[test]
fn the_study_bar_counts_down_to_the_exam_above_a_card_and_a_verdict() {
    let with_exam = StudyCardView {
        exam: exam(),
        ..card(AnswerForm::Text, "Which leader?")
    };
    let verdict = AnsweredView {
        exam: exam(),
        ..answered(Verdict::Right)
    };
    for html in [
        render("study.html", &with_exam),
        render("answer.html", &verdict),
    ] {
        assert!(html.contains(EXAM_TIME), "{html}");
        assert!(
            html.contains(r#"data-keyboard-help aria-keyshortcuts="?" hidden>"#),
            "the bar's help button: {html}"
        );
    }
    let without = render("study.html", &card(AnswerForm::Text, "Which leader?"));
    assert!(!without.contains("<time") && !without.contains("Exam"));
}

#[test]
fn the_home_page_gives_each_set_its_exam_and_a_link_to_its_progress() {
    let set = SetSummary {
        set_id: "korean-war-1950".into(),
        title: "Stalin, Mao and the Korean War".into(),
        description: None,
        card_count: 76,
        due: 0,
        new_left: 0,
        exam: exam(),
    };
    let html = render("home.html", &home(vec![set]));
    assert!(
        html.contains(r#"<li class="exam"><time datetime="2026-03-20""#),
        "{html}"
    );
    assert!(html.contains(">Exam in 12 days</time></li>"), "{html}");
    assert!(html.contains(
        r#"<a class="set-progress" href="/progress?set=korean-war-1950" aria-describedby="set-korean-war-1950">Progress</a>"#
    ));
}

#[test]
fn the_done_page_and_one_sets_progress_page_link_to_each_other() {
    let done = render("done.html", &done());
    assert!(
        done.contains(r#"href="/progress?set=korean-war-1950""#),
        "{done}"
    );

    let one_set = ProgressView {
        set: Some(ProgressSet {
            set_id: "korean-war-1950".into(),
            title: "Stalin, Mao & the Korean War".into(),
        }),
        ..progress(Some(87))
    };
    let html = render("progress.html", &one_set);
    assert!(
        html.contains("Stalin, Mao &amp; the Korean War</h1>"),
        "{html}"
    );
    assert!(html.contains(r#"<a href="/study/korean-war-1950">Study this set</a>"#));
    assert!(html.contains(r#"<a href="/progress">All sets</a>"#));
}
