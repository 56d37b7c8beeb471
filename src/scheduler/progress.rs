//! A student's progress on one card across study days, with SuperMemo's same-day relearning:
//! only the first review of a card on a study day moves its SM-2 state; a card graded below 4
//! comes back later that day until the student recalls it well, and those repeats change nothing.
//! A card reviewed late (after its due day) is scheduled by the same rule, as classic SM-2 does.

use super::{CardState, Quality, StudyDay};

/// Where one card stands for one student.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub state: CardState,
    /// The study day the card is next due.
    pub due: StudyDay,
    /// The study day of the last review.
    pub last_review: StudyDay,
    /// Graded below 4 on `last_review`: the card comes back the same day.
    pub relearning: bool,
}

/// Whether a review moved the SM-2 state or was a same-day repeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewKind {
    /// The first review of the card on this study day: SM-2 ran.
    Scheduled,
    /// A repeat on the same study day: logged, but `n`, EF and I are unchanged.
    SameDayRepeat,
}

/// Same-day repeats go on until the card is recalled with at least this quality.
const RELEARNED: u8 = 4;

impl Progress {
    /// The progress after a review on `today`; `previous` is `None` for a card never reviewed.
    pub fn after_review(
        previous: Option<Progress>,
        quality: Quality,
        today: StudyDay,
    ) -> (Progress, ReviewKind) {
        let relearning = quality.value() < RELEARNED;
        match previous {
            Some(progress) if progress.last_review == today => (
                Progress {
                    relearning,
                    ..progress
                },
                ReviewKind::SameDayRepeat,
            ),
            _ => {
                let state = previous.map_or(CardState::NEW, |p| p.state).review(quality);
                let progress = Progress {
                    state,
                    due: today.plus_days(state.interval_days),
                    last_review: today,
                    relearning,
                };
                (progress, ReviewKind::Scheduled)
            }
        }
    }

    /// The card is waiting for a same-day repeat on `today`.
    pub fn relearns_on(&self, today: StudyDay) -> bool {
        self.relearning && self.last_review == today
    }

    /// The card should be shown on `today`: it is due, or it is being relearned.
    pub fn is_due_on(&self, today: StudyDay) -> bool {
        self.due <= today || self.relearns_on(today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> StudyDay {
        text.parse().unwrap()
    }

    fn q(value: u8) -> Quality {
        Quality::new(value).unwrap()
    }

    #[test]
    fn the_first_review_schedules_the_card_for_today_plus_its_interval() {
        let (progress, kind) = Progress::after_review(None, q(4), day("2026-01-01"));
        assert_eq!(kind, ReviewKind::Scheduled);
        assert_eq!(progress.due, day("2026-01-02"));
        assert!(!progress.relearning);
        assert!(!progress.is_due_on(day("2026-01-01")));
        assert!(progress.is_due_on(day("2026-01-02")));
    }

    #[test]
    fn a_card_graded_below_4_comes_back_the_same_day_without_changing_sm2() {
        let today = day("2026-01-01");
        let (first, _) = Progress::after_review(None, q(3), today);
        assert!(first.relearns_on(today));
        assert_eq!(first.state.repetitions, 1);

        let (second, kind) = Progress::after_review(Some(first), q(1), today);
        assert_eq!(kind, ReviewKind::SameDayRepeat);
        assert_eq!(
            second.state, first.state,
            "a repeat leaves n, EF and I alone"
        );
        assert_eq!(second.due, first.due);
        assert!(second.relearns_on(today));

        let (third, _) = Progress::after_review(Some(second), q(4), today);
        assert!(!third.relearns_on(today));
        assert_eq!(third.state, first.state);
        assert!(!third.is_due_on(today));
    }

    #[test]
    fn relearning_does_not_carry_over_to_the_next_day() {
        let (first, _) = Progress::after_review(None, q(2), day("2026-01-01"));
        assert!(first.relearns_on(day("2026-01-01")));
        assert!(!first.relearns_on(day("2026-01-02")));
        assert!(
            first.is_due_on(day("2026-01-02")),
            "a lapse is due the next day"
        );
    }

    #[test]
    fn a_late_review_is_scheduled_from_the_day_it_happens() {
        let (first, _) = Progress::after_review(None, q(5), day("2026-01-01"));
        let (second, _) = Progress::after_review(Some(first), q(5), day("2026-01-10"));
        assert_eq!(second.state.interval_days, 6);
        assert_eq!(second.due, day("2026-01-16"));
    }
}
