//! One SM-2 review step, exactly as Wozniak's published text gives it, in integer arithmetic.

use std::fmt;

/// The easiness factor (E-Factor), held as a whole number of hundredths so that no float error
/// creeps in: every change SM-2 makes is a multiple of 0.02.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Easiness(u16);

impl Easiness {
    /// The E-Factor of a new card: 2.50.
    pub const INITIAL: Easiness = Easiness(250);
    /// SM-2 never lets the E-Factor fall below 1.30.
    pub const MIN: Easiness = Easiness(130);

    /// From hundredths (250 = 2.50); values below 1.30 are raised to 1.30.
    pub fn from_hundredths(hundredths: u16) -> Easiness {
        Easiness(hundredths.max(Self::MIN.0))
    }

    pub fn hundredths(self) -> u16 {
        self.0
    }

    /// As a number for JSON (2.36, never 2.3600000000000003: hundredths / 100 is the closest f64).
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 100.0
    }

    /// `EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02))`, in hundredths, floored at 1.30.
    fn after(self, quality: Quality) -> Easiness {
        let miss = i32::from(5 - quality.0);
        let delta = 10 - miss * (8 + miss * 2);
        let next = (i32::from(self.0) + delta).max(i32::from(Self::MIN.0));
        Easiness(u16::try_from(next).unwrap_or(u16::MAX))
    }
}

impl fmt::Display for Easiness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

/// The grade of one recall, 0 (blackout) to 5 (perfect). Valid by construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quality(u8);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a quality is a whole number from 0 to 5, not {0:?}")]
pub struct QualityError(pub String);

impl Quality {
    /// SM-2's "complete blackout": what a blank answer is graded.
    pub const BLACKOUT: Quality = Quality(0);
    pub const AGAIN: Quality = Quality(1);
    pub const HARD: Quality = Quality(3);
    pub const GOOD: Quality = Quality(4);
    pub const EASY: Quality = Quality(5);

    pub fn new(value: u8) -> Result<Quality, QualityError> {
        if value <= 5 {
            Ok(Quality(value))
        } else {
            Err(QualityError(value.to_string()))
        }
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// SM-2 counts a review as recalled (the repetition goes on) from quality 3 up.
    pub fn is_pass(self) -> bool {
        self.0 >= 3
    }
}

impl std::str::FromStr for Quality {
    type Err = QualityError;

    fn from_str(text: &str) -> Result<Quality, QualityError> {
        text.trim()
            .parse::<u8>()
            .ok()
            .and_then(|value| Quality::new(value).ok())
            .ok_or_else(|| QualityError(text.to_string()))
    }
}

impl fmt::Display for Quality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The SM-2 state of one card for one student.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CardState {
    /// Successful repetitions in a row (`n`); 0 for a new or lapsed card.
    pub repetitions: u32,
    pub easiness: Easiness,
    /// Days until the next review (`I`); 0 only for a card never reviewed.
    pub interval_days: u32,
    /// How many times the card was forgotten (quality below 3).
    pub lapses: u32,
}

impl CardState {
    /// A card the student has never reviewed.
    pub const NEW: CardState = CardState {
        repetitions: 0,
        easiness: Easiness::INITIAL,
        interval_days: 0,
        lapses: 0,
    };

    /// The state after one review of the given quality.
    ///
    /// Pass (q >= 3): I(1) = 1, I(2) = 6, I(n) = I(n-1) * EF rounded up, with the EF from before
    /// this review; then n += 1 and EF is updated. Fail (q < 3): repetitions start again from the
    /// beginning (n = 0, I = 1) without changing the E-Factor, as the SM-2 text says.
    pub fn review(self, quality: Quality) -> CardState {
        if !quality.is_pass() {
            return CardState {
                repetitions: 0,
                interval_days: 1,
                lapses: self.lapses.saturating_add(1),
                ..self
            };
        }
        let interval_days = match self.repetitions {
            0 => 1,
            1 => 6,
            _ => {
                let scaled = u64::from(self.interval_days) * u64::from(self.easiness.0);
                u32::try_from(scaled.div_ceil(100)).unwrap_or(u32::MAX)
            }
        };
        CardState {
            repetitions: self.repetitions.saturating_add(1),
            easiness: self.easiness.after(quality),
            interval_days,
            lapses: self.lapses,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(value: u8) -> Quality {
        Quality::new(value).unwrap()
    }

    fn run(qualities: &[u8]) -> Vec<CardState> {
        let mut state = CardState::NEW;
        qualities
            .iter()
            .map(|&value| {
                state = state.review(q(value));
                state
            })
            .collect()
    }

    #[test]
    fn a_new_card_answered_5_every_time_follows_the_worked_example() {
        let intervals: Vec<u32> = run(&[5; 7]).iter().map(|s| s.interval_days).collect();
        assert_eq!(intervals, [1, 6, 17, 48, 140, 420, 1302]);
    }

    #[test]
    fn easiness_changes_by_plus_10_0_minus_14_minus_32_minus_54_minus_80_hundredths() {
        let deltas: Vec<i32> = (0..=5)
            .map(|value| i32::from(Easiness::INITIAL.after(q(value)).0) - 250)
            .collect();
        assert_eq!(deltas, [-80, -54, -32, -14, 0, 10]);
    }

    #[test]
    fn interval_uses_the_easiness_from_before_the_review() {
        // 4, 4 leaves EF at 2.50; a third review with q = 3 must use 2.50: ceil(6 * 2.5) = 15.
        let states = run(&[4, 4, 3]);
        assert_eq!(states[2].interval_days, 15);
        assert_eq!(states[2].easiness.to_string(), "2.36");
    }

    #[test]
    fn a_fraction_of_a_day_rounds_up() {
        // 3, 3, 3: EF 2.50 -> 2.36 -> 2.22 -> 2.08; I = 1, 6, ceil(6 * 2.22 = 13.32) = 14.
        let states = run(&[3, 3, 3]);
        let intervals: Vec<u32> = states.iter().map(|s| s.interval_days).collect();
        assert_eq!(intervals, [1, 6, 14]);
        assert_eq!(states[2].easiness.to_string(), "2.08");
        // ceil(14 * 2.08 = 29.12) = 30.
        assert_eq!(states[2].review(q(4)).interval_days, 30);
    }

    #[test]
    fn float_drift_does_not_add_a_day() {
        // With floats, 1.3 + 0.1 = 1.4000000000000001 and ceil(10 * that) = 15; exact hundredths give 14.
        let state = CardState {
            repetitions: 3,
            easiness: Easiness::from_hundredths(140),
            interval_days: 10,
            lapses: 0,
        };
        assert_eq!(state.review(q(4)).interval_days, 14);
    }

    #[test]
    fn a_lapse_restarts_repetitions_keeps_easiness_and_counts() {
        let before = run(&[5, 5, 5])[2];
        let after = before.review(q(2));
        assert_eq!(after.repetitions, 0);
        assert_eq!(after.interval_days, 1);
        assert_eq!(after.easiness, before.easiness);
        assert_eq!(after.lapses, 1);
        // Then it climbs again from I = 1, 6.
        assert_eq!(after.review(q(4)).interval_days, 1);
        assert_eq!(after.review(q(4)).review(q(4)).interval_days, 6);
    }

    #[test]
    fn easiness_never_drops_below_1_30() {
        let last = *run(&[3; 20]).last().unwrap();
        assert_eq!(last.easiness, Easiness::MIN);
        assert_eq!(last.easiness.to_string(), "1.30");
    }

    #[test]
    fn quality_parses_0_to_5_only() {
        assert_eq!("4".parse::<Quality>().unwrap().value(), 4);
        for bad in ["6", "-1", "x", "", "4.5", "256"] {
            assert!(bad.parse::<Quality>().is_err(), "{bad}");
        }
    }

    #[test]
    fn easiness_displays_two_decimals_and_converts_exactly() {
        assert_eq!(Easiness::from_hundredths(236).to_string(), "2.36");
        assert_eq!(Easiness::from_hundredths(260).as_f64(), 2.6);
        assert_eq!(Easiness::from_hundredths(100), Easiness::MIN);
    }

    proptest! {
        #[test]
        fn invariants_hold_after_any_sequence(qualities in proptest::collection::vec(0u8..=5, 1..60)) {
            let mut state = CardState::NEW;
            let mut easiness_float = 2.5_f64;
            let mut lapses = 0;
            for &value in &qualities {
                let before = state;
                state = state.review(q(value));
                prop_assert!(state.easiness >= Easiness::MIN);
                prop_assert!(state.interval_days >= 1);
                if value < 3 {
                    lapses += 1;
                    prop_assert_eq!(state.repetitions, 0);
                    prop_assert_eq!(state.interval_days, 1);
                    prop_assert_eq!(state.easiness, before.easiness);
                } else {
                    prop_assert_eq!(state.repetitions, before.repetitions + 1);
                    prop_assert!(state.interval_days >= before.interval_days);
                    let miss = f64::from(5 - value);
                    easiness_float = (easiness_float + 0.1 - miss * (0.08 + miss * 0.02)).max(1.3);
                }
                // Exact: the hundredths equal the float formula rounded to the nearest hundredth.
                prop_assert_eq!(i64::from(state.easiness.hundredths()), (easiness_float * 100.0).round() as i64);
                prop_assert_eq!(state.lapses, lapses);
            }
        }
    }
}
