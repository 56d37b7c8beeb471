//! The exam day a class gives a set, as the student reads it on the home page and in the study
//! bar: "Exam in 12 days", "Exam tomorrow", "Exam today". One wording, written once.

use serde::Serialize;

use crate::scheduler::StudyDay;

/// An exam day still to come, as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExamView {
    /// What the page says, from [`exam_countdown`], e.g. "Exam in 12 days".
    pub countdown: String,
    /// The day as `YYYY-MM-DD`, for `<time datetime>`.
    pub day: String,
    /// The day as the pages write it, e.g. "20 Mar 2026": the countdown's tooltip.
    pub date_label: String,
}

impl ExamView {
    /// The exam on `exam`, seen on `today`.
    pub fn new(today: StudyDay, exam: StudyDay) -> ExamView {
        ExamView {
            countdown: exam_countdown(today, exam),
            day: exam.to_string(),
            date_label: super::study_day_label(exam),
        }
    }

    /// [`ExamView::new`] when there is an exam day.
    pub fn of(today: StudyDay, exam: Option<StudyDay>) -> Option<ExamView> {
        exam.map(|exam| ExamView::new(today, exam))
    }
}

/// How long until the exam on `exam`, seen on `today`: "Exam today", "Exam tomorrow",
/// "Exam in 12 days". The store gives only exam days still to come; a past one reads
/// "Exam day passed" rather than a negative count.
pub fn exam_countdown(today: StudyDay, exam: StudyDay) -> String {
    match today.days_until(exam) {
        ..0 => "Exam day passed".to_string(),
        0 => "Exam today".to_string(),
        1 => "Exam tomorrow".to_string(),
        days => format!("Exam in {days} days"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> StudyDay {
        text.parse().unwrap()
    }

    #[test]
    fn the_countdown_says_today_tomorrow_or_the_days_left() {
        let today = day("2026-03-08");
        assert_eq!(exam_countdown(today, day("2026-03-08")), "Exam today");
        assert_eq!(exam_countdown(today, day("2026-03-09")), "Exam tomorrow");
        assert_eq!(exam_countdown(today, day("2026-03-10")), "Exam in 2 days");
        assert_eq!(exam_countdown(today, day("2026-03-20")), "Exam in 12 days");
        assert_eq!(
            exam_countdown(today, day("2027-03-08")),
            "Exam in 365 days",
            "counted in days, however far"
        );
        assert_eq!(exam_countdown(today, day("2026-03-07")), "Exam day passed");
    }

    #[test]
    fn the_view_carries_the_day_for_the_time_element_and_in_words() {
        let view = ExamView::new(day("2026-03-08"), day("2026-03-20"));
        assert_eq!(view.countdown, "Exam in 12 days");
        assert_eq!(view.day, "2026-03-20");
        assert_eq!(view.date_label, "20 Mar 2026");
        assert_eq!(ExamView::of(day("2026-03-08"), None), None);
    }
}
