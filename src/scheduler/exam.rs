//! Exam days: a class may give a set an exam day, and no card of that set is then scheduled past
//! it. SM-2 knows nothing of exams: a card answered well three weeks before one may get a 30-day
//! interval and first come back after the exam. [`due_before_exam`] moves such a due day to the
//! day before the exam, so the student sees the card once more in time.
//!
//! Only the due day moves. The interval SM-2 keeps in the card's state stays its own, because
//! SM-2 grows each interval from the last one (I(n) = I(n-1) × EF): storing the shortened one
//! would make the card start over with short intervals after the exam, as if it had been
//! forgotten, when the student knows it well. With SM-2's interval kept, the review before the
//! exam is an early review, and after the exam the card returns to its long spacing.

use super::StudyDay;

/// The day to schedule a card for, given the day SM-2 chose (`due`), the day of the review
/// (`today`) and the exam day.
///
/// - Before the exam (`today < exam`), a `due` after the exam becomes the day before the exam,
///   but never earlier than tomorrow: a review never makes a card due the same day (same-day
///   repeats are the relearning queue's job).
/// - So when the exam is tomorrow, the card is due on the exam day itself: the day before would
///   be today, and a last look on the morning of the exam is worth more than none.
/// - A `due` on or before the exam day, and any review on or after the exam day, keep SM-2's
///   day: the exam no longer constrains anything once it has come.
pub fn due_before_exam(due: StudyDay, today: StudyDay, exam: StudyDay) -> StudyDay {
    if today >= exam || due <= exam {
        return due;
    }
    // today < exam, so there is at least one day to go.
    let days_to_exam = u32::try_from(today.days_until(exam)).unwrap_or(1);
    today.plus_days(days_to_exam.saturating_sub(1).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> StudyDay {
        text.parse().unwrap()
    }

    #[test]
    fn a_due_day_after_the_exam_moves_to_the_day_before_it() {
        let due = due_before_exam(day("2026-06-30"), day("2026-06-01"), day("2026-06-15"));
        assert_eq!(due, day("2026-06-14"));
    }

    #[test]
    fn a_due_day_before_or_on_the_exam_day_is_kept() {
        let (today, exam) = (day("2026-06-01"), day("2026-06-15"));
        assert_eq!(
            due_before_exam(day("2026-06-07"), today, exam),
            day("2026-06-07")
        );
        assert_eq!(
            due_before_exam(day("2026-06-14"), today, exam),
            day("2026-06-14")
        );
        assert_eq!(
            due_before_exam(day("2026-06-15"), today, exam),
            day("2026-06-15")
        );
    }

    #[test]
    fn with_the_exam_tomorrow_the_card_is_due_on_the_exam_day() {
        let due = due_before_exam(day("2026-06-20"), day("2026-06-14"), day("2026-06-15"));
        assert_eq!(due, day("2026-06-15"));
    }

    #[test]
    fn with_the_exam_in_two_days_the_card_is_due_tomorrow() {
        let due = due_before_exam(day("2026-06-20"), day("2026-06-13"), day("2026-06-15"));
        assert_eq!(due, day("2026-06-14"));
    }

    #[test]
    fn on_the_exam_day_and_after_it_sm2_decides_alone() {
        let exam = day("2026-06-15");
        assert_eq!(
            due_before_exam(day("2026-07-20"), exam, exam),
            day("2026-07-20")
        );
        let after = day("2026-06-16");
        assert_eq!(
            due_before_exam(day("2026-07-20"), after, exam),
            day("2026-07-20")
        );
    }

    #[test]
    fn across_a_year_of_days_the_rule_holds_for_every_combination() {
        let start = day("2026-01-01");
        for today_offset in 0..40u32 {
            let today = start.plus_days(today_offset);
            for exam_offset in 0..40u32 {
                let exam = start.plus_days(exam_offset);
                for interval in 1..=400u32 {
                    let sm2 = today.plus_days(interval);
                    let due = due_before_exam(sm2, today, exam);
                    assert!(
                        due > today,
                        "a review makes a card due tomorrow at the earliest"
                    );
                    assert!(due <= sm2, "the exam only ever brings a card forward");
                    if today < exam {
                        assert!(due <= exam, "{today} {exam} {sm2}: seen by the exam day");
                        if sm2 > exam {
                            let eve = exam.date().yesterday().map(StudyDay::from_date).unwrap();
                            assert_eq!(due, eve.max(today.plus_days(1)), "{today} {exam} {sm2}");
                        } else {
                            assert_eq!(due, sm2, "{today} {exam} {sm2}: already in time");
                        }
                    } else {
                        assert_eq!(due, sm2, "{today} {exam} {sm2}: the exam is past");
                    }
                }
            }
        }
    }
}
