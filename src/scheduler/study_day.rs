//! Study days: the calendar day a review counts for. A day starts at a configurable hour (04:00 by
//! default) in a configurable time zone, so a session that runs past midnight stays on one day.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

/// One study day, as a calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StudyDay(Date);

impl StudyDay {
    pub fn from_date(date: Date) -> StudyDay {
        StudyDay(date)
    }

    pub fn date(self) -> Date {
        self.0
    }

    /// The day `days` later (saturating at the end of jiff's calendar, year 9999).
    pub fn plus_days(self, days: u32) -> StudyDay {
        let days = i64::from(days.min(3_000_000));
        self.0
            .checked_add(days.days())
            .map(StudyDay)
            .unwrap_or(StudyDay(Date::MAX))
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: StudyDay) -> i32 {
        later
            .0
            .since(self.0)
            .map(|span| span.get_days())
            .unwrap_or(0)
    }
}

impl fmt::Display for StudyDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl FromStr for StudyDay {
    type Err = jiff::Error;

    /// Parses `YYYY-MM-DD`.
    fn from_str(text: &str) -> Result<StudyDay, jiff::Error> {
        text.parse::<Date>().map(StudyDay)
    }
}

/// Turns instants into study days.
#[derive(Debug, Clone)]
pub struct StudyClock {
    day_start_hour: i8,
    time_zone: TimeZone,
}

impl StudyClock {
    /// A clock whose days start at `day_start_hour` (0 to 23) in `time_zone`.
    pub fn new(day_start_hour: u8, time_zone: TimeZone) -> Option<StudyClock> {
        (day_start_hour < 24).then(|| StudyClock {
            day_start_hour: day_start_hour as i8,
            time_zone,
        })
    }

    /// Days start at 04:00 in the server's time zone.
    pub fn system_default() -> StudyClock {
        StudyClock {
            day_start_hour: 4,
            time_zone: TimeZone::system(),
        }
    }

    pub fn day_start_hour(&self) -> u8 {
        self.day_start_hour as u8
    }

    /// The study day `instant` belongs to: its local date, or the day before when it comes
    /// before the day-start hour.
    pub fn study_day(&self, instant: Timestamp) -> StudyDay {
        let local = instant.to_zoned(self.time_zone.clone()).datetime();
        let shifted = local
            .checked_sub(i64::from(self.day_start_hour).hours())
            .unwrap_or(local);
        StudyDay(shifted.date())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(hour: u8, zone: &str) -> StudyClock {
        StudyClock::new(hour, TimeZone::get(zone).unwrap()).unwrap()
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn a_review_after_midnight_but_before_the_day_start_counts_for_the_day_before() {
        let utc = clock(4, "UTC");
        assert_eq!(
            utc.study_day(at("2026-03-10T03:59:59Z")).to_string(),
            "2026-03-09"
        );
        assert_eq!(
            utc.study_day(at("2026-03-10T04:00:00Z")).to_string(),
            "2026-03-10"
        );
        assert_eq!(
            utc.study_day(at("2026-03-10T23:59:59Z")).to_string(),
            "2026-03-10"
        );
    }

    #[test]
    fn the_time_zone_decides_the_local_date() {
        let seoul = clock(4, "Asia/Seoul"); // UTC+9
        assert_eq!(
            seoul.study_day(at("2026-03-09T19:30:00Z")).to_string(),
            "2026-03-10"
        );
        assert_eq!(
            seoul.study_day(at("2026-03-09T18:30:00Z")).to_string(),
            "2026-03-09"
        );
    }

    #[test]
    fn a_midnight_day_start_uses_the_plain_date() {
        let utc = clock(0, "UTC");
        assert_eq!(
            utc.study_day(at("2026-03-10T00:00:00Z")).to_string(),
            "2026-03-10"
        );
    }

    #[test]
    fn day_start_hour_must_be_below_24() {
        assert!(StudyClock::new(24, TimeZone::UTC).is_none());
        assert_eq!(StudyClock::system_default().day_start_hour(), 4);
    }

    #[test]
    fn days_add_across_months_and_years() {
        let day: StudyDay = "2026-12-30".parse().unwrap();
        assert_eq!(day.plus_days(3).to_string(), "2027-01-02");
        assert_eq!(day.days_until(day.plus_days(420)), 420);
        assert_eq!(day.plus_days(u32::MAX).date(), Date::MAX);
    }
}
