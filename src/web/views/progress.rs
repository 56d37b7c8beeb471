//! The progress page's view model and the small pure helpers that turn counts into the shares
//! its bars draw, so the template never does arithmetic.

use serde::Serialize;

use super::{ForecastChart, LayoutView, percent};

/// How many cards are at one stage, and where its segment sits in the stacked stage bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageCount {
    /// The stage's key, also its CSS class: "new", "learning", "young" or "mature".
    pub stage: &'static str,
    /// The stage's name for people: "New", "Learning", "Young", "Mature".
    pub label: &'static str,
    pub count: u32,
    /// The segment's width as a share of all cards, in percent (one decimal).
    pub share: f64,
    /// Where the segment starts: the shares of the stages before it, in percent.
    pub offset: f64,
}

/// The four stages in order, with their shares of the total for the stacked bar.
pub fn card_stages(new: u32, learning: u32, young: u32, mature: u32) -> Vec<StageCount> {
    let stages = [
        ("new", "New", new),
        ("learning", "Learning", learning),
        ("young", "Young", young),
        ("mature", "Mature", mature),
    ];
    let total: u64 = stages.iter().map(|(_, _, count)| u64::from(*count)).sum();
    let mut before = 0_u64;
    stages
        .into_iter()
        .map(|(stage, label, count)| {
            let share_of = |n: u64| match total {
                0 => 0.0,
                _ => (n as f64 * 1000.0 / total as f64).round() / 10.0,
            };
            let offset = share_of(before);
            before += u64::from(count);
            StageCount {
                stage,
                label,
                count,
                // Derived from the running sum so the segments meet exactly and end at 100.
                share: ((share_of(before) - offset) * 10.0).round() / 10.0,
                offset,
            }
        })
        .collect()
}

/// How well the student knows the cards with one tag.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TagMastery {
    pub tag: String,
    /// Cards with this tag the student has mastered (the handler's definition, e.g. "mature").
    pub mastered: u32,
    /// Cards with this tag.
    pub total: u32,
    /// `mastered` as a whole percentage of `total`: the bar's length.
    pub percent: u8,
}

impl TagMastery {
    /// The mastery of `tag`, with its percentage worked out.
    pub fn new(tag: impl Into<String>, mastered: u32, total: u32) -> TagMastery {
        TagMastery {
            tag: tag.into(),
            mastered,
            total,
            percent: percent(mastered, total),
        }
    }
}

/// The progress page (`progress.html`).
#[derive(Debug, Clone, Serialize)]
pub struct ProgressView {
    pub layout: LayoutView,
    /// Reviews made today.
    pub reviews_today: u32,
    /// Study days in a row, up to today, with at least one review.
    pub streak_days: u32,
    /// Cards by stage, from [`card_stages`].
    pub stages: Vec<StageCount>,
    /// All cards across the stages.
    pub total_cards: u32,
    /// The share of reviews in the last 30 days recalled, in percent; `None` shows "—".
    pub retention_percent: Option<u8>,
    /// Mastery per tag, in the order to show.
    pub tags: Vec<TagMastery>,
    /// Reviews due per day for the next 30 days, from [`super::forecast_chart`].
    pub forecast: ForecastChart,
    /// The one set the figures are of (`/progress?set=ID`); `None` for all sets.
    pub set: Option<ProgressSet>,
}

/// The set a progress page is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressSet {
    /// The set's id: the page links to its study page, `/study/{set_id}`.
    pub set_id: String,
    pub title: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_segments_follow_each_other_and_fill_the_bar() {
        let stages = card_stages(1, 1, 1, 0);
        let shares: Vec<f64> = stages.iter().map(|s| s.share).collect();
        assert_eq!(shares, [33.3, 33.4, 33.3, 0.0]);
        for pair in stages.windows(2) {
            assert!((pair[0].offset + pair[0].share - pair[1].offset).abs() < 1e-9);
        }
        assert_eq!(stages[3].offset, 100.0);
        assert_eq!(stages[0].label, "New");
    }

    #[test]
    fn stages_of_no_cards_have_empty_segments() {
        for stage in card_stages(0, 0, 0, 0) {
            assert_eq!((stage.share, stage.offset), (0.0, 0.0));
        }
    }

    #[test]
    fn tag_mastery_works_out_its_percentage() {
        assert_eq!(TagMastery::new("date", 3, 4).percent, 75);
        assert_eq!(TagMastery::new("actor", 0, 0).percent, 0);
    }
}
