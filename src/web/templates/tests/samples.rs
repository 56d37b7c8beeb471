//! Sample view models for the template tests: realistic values, one builder per page.

use crate::web::views::*;

pub(super) fn layout(section: Section) -> LayoutView {
    LayoutView::signed_in("Page", "ada", "csrf-123", section)
}

pub(super) fn grade(quality: u8, label: &str, interval: &str, is_default: bool) -> GradeButton {
    GradeButton {
        quality,
        label: label.into(),
        interval_label: interval.into(),
        is_default,
    }
}

pub(super) fn four_grades() -> Vec<GradeButton> {
    vec![
        grade(1, "Again", "today", false),
        grade(3, "Hard", "1 day", false),
        grade(4, "Good", "6 days", true),
        grade(5, "Easy", "8 days", false),
    ]
}

pub(super) fn card(kind: AnswerForm, prompt: &str) -> StudyCardView {
    StudyCardView {
        date_hint: if matches!(kind, AnswerForm::Date) {
            "e.g. 14 July 1789".into()
        } else {
            String::new()
        },
        layout: layout(Section::Study),
        set_id: "korean-war-1950".into(),
        set_title: "Stalin, Mao and the Korean War".into(),
        card_id: "green-light-month".into(),
        kind,
        prompt: prompt.into(),
        choices: match kind {
            AnswerForm::Choice | AnswerForm::Multi => vec!["Archives".into(), "Memoirs".into()],
            _ => vec![],
        },
        review_token: "token-9".into(),
        started_at: "2025-03-04T10:00:00Z".into(),
        due: 12,
        new_left: 5,
        message: None,
        kept_answer: String::new(),
        reveal: (kind == AnswerForm::Recall).then(|| RevealView {
            answer: "Kim Il Sung".into(),
            explanation: Some("He led the North.".into()),
            source: Some("paragraph 2".into()),
            grades: four_grades(),
        }),
        exam: None,
        trial: None,
    }
}

pub(super) fn answered(verdict: Verdict) -> AnsweredView {
    let wrong = verdict == Verdict::Wrong;
    AnsweredView {
        layout: layout(Section::Study),
        set_id: "korean-war-1950".into(),
        set_title: "Stalin, Mao and the Korean War".into(),
        card_id: "responsible-for-outbreak".into(),
        prompt: "Who bore final responsibility?".into(),
        review_token: "token-9".into(),
        due: 11,
        new_left: 5,
        verdict,
        verdict_label: if wrong { "Not quite" } else { "Right" }.into(),
        given: if wrong { "Mao" } else { "Stalin" }.into(),
        expected: "Stalin".into(),
        options: Vec::new(),
        explanation: Some("The archives show Stalin approved the attack.".into()),
        source: Some("paragraph 9".into()),
        grades: if wrong {
            vec![grade(1, "Continue", "", true)]
        } else {
            four_grades()
        },
        graded_label: None,
        forgiven: None,
        claim_notice: None,
        can_claim_right: wrong,
        claim_interval_label: "1 day".into(),
        message: None,
        exam: None,
        trial: None,
    }
}

pub(super) fn home(sets: Vec<SetSummary>) -> HomeView {
    HomeView {
        layout: layout(Section::Study),
        sets,
        new_cards_per_day: 20,
        notice: None,
        classes: Vec::new(),
        claim_notices: Vec::new(),
    }
}

pub(super) fn progress(retention_percent: Option<u8>) -> ProgressView {
    let days: Vec<(String, u32)> = (1..=30)
        .map(|d| (format!("2025-03-{d:02}"), d % 7))
        .collect();
    ProgressView {
        layout: layout(Section::Progress),
        reviews_today: 24,
        streak_days: 6,
        stages: card_stages(40, 8, 20, 8),
        total_cards: 76,
        retention_percent,
        tags: vec![TagMastery::new("date", 3, 4)],
        forecast: forecast_chart(&days),
        set: None,
    }
}

pub(super) fn done() -> DoneView {
    DoneView {
        layout: layout(Section::Study),
        set_id: "korean-war-1950".into(),
        set_title: "Stalin, Mao and the Korean War".into(),
        reviews_today: 24,
        right_percent: Some(83),
        next: Some(NextDue {
            cards: 3,
            when: "tomorrow".into(),
        }),
    }
}

pub(super) fn error_view() -> ErrorView {
    ErrorView {
        layout: LayoutView::signed_out("Not found", "csrf-123"),
        status: 404,
        heading: "Page not found".into(),
        message: "That set does not exist (any more).".into(),
    }
}
