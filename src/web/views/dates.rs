//! Dates as every page writes them, in one place: a day as "3 Dec 2026" and an instant as
//! "3 Dec 2026, 09:38 UTC". Forms and `datetime` attributes keep ISO 8601 (`2026-12-03`),
//! which is for machines; what a person reads comes from here.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::scheduler::StudyDay;

/// The format of a day: "3 Dec 2026".
const DAY: &str = "%-d %b %Y";

/// A day as the pages write it: "3 Dec 2026".
pub fn day_label(date: Date) -> String {
    date.strftime(DAY).to_string()
}

/// A study day as the pages write it: "3 Dec 2026".
pub fn study_day_label(day: StudyDay) -> String {
    day_label(day.date())
}

/// An instant as the pages write it: "3 Dec 2026, 09:38 UTC"; out of range (a hand-edited
/// database), the number as stored.
pub fn instant_label(at_ms: i64) -> String {
    Timestamp::from_millisecond(at_ms).map_or_else(
        |_| at_ms.to_string(),
        |at| at.strftime(&format!("{DAY}, %H:%M UTC")).to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_instants_are_written_one_way_each() {
        assert_eq!(day_label(jiff::civil::date(2025, 3, 3)), "3 Mar 2025");
        let day: StudyDay = "2026-12-17".parse().unwrap();
        assert_eq!(study_day_label(day), "17 Dec 2026");
        assert_eq!(instant_label(1_741_010_700_000), "3 Mar 2025, 14:05 UTC");
        assert_eq!(instant_label(i64::MAX), i64::MAX.to_string());
    }
}
