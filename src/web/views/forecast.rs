//! The review forecast as a bar chart: the geometry of every bar, gridline and label is worked
//! out here, in a pure function, so `progress.html` only copies numbers into an SVG.

use jiff::civil::Date;
use serde::Serialize;

/// The SVG's coordinate system (its `viewBox`); it scales to the page's width.
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 232.0;
/// Room for the gridline labels on the left and the day labels below, at the size a phone
/// draws them (26 units: the chart shrinks to half its size there, see `.chart text`).
const PLOT_LEFT: f64 = 44.0;
const PLOT_RIGHT: f64 = WIDTH - 16.0;
const PLOT_TOP: f64 = 14.0;
const PLOT_BOTTOM: f64 = HEIGHT - 38.0;
/// A bar takes this share of its day's slot; the rest is the gap between bars.
const BAR_SHARE: f64 = 0.7;
/// Every `LABEL_EVERY`th day gets a label under the axis.
const LABEL_EVERY: usize = 7;
/// At most this many gridline steps above zero.
const MAX_STEPS: u32 = 4;

/// The whole chart, ready to draw.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForecastChart {
    /// The `viewBox` width.
    pub width: f64,
    /// The `viewBox` height.
    pub height: f64,
    /// The plot area: bars stand on `plot_bottom`, the top gridline is at `plot_top`.
    pub plot_left: f64,
    pub plot_right: f64,
    pub plot_top: f64,
    pub plot_bottom: f64,
    /// One bar per day, in order.
    pub bars: Vec<ForecastBar>,
    /// Horizontal gridlines with their values, from 0 upwards.
    pub ticks: Vec<ForecastTick>,
    /// Reviews due over all the days.
    pub total: u32,
    /// The most reviews due on one day.
    pub max: u32,
    /// One sentence describing the chart, for its `<desc>`.
    pub summary: String,
}

/// One day's bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForecastBar {
    /// The day, as YYYY-MM-DD.
    pub day: String,
    /// Reviews due that day.
    pub count: u32,
    /// The bar's left edge, top edge, width and height in `viewBox` units.
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// The bar's centre, where its axis label is anchored.
    pub center: f64,
    /// The day, e.g. "4 Mar 2025", for the data table.
    pub day_label: String,
    /// The day and count in words, e.g. "4 Mar 2025: 3 reviews", for the bar's tooltip.
    pub label: String,
    /// A short label under the axis, e.g. "4 Mar", on every seventh day; empty on the others.
    pub axis_label: String,
}

/// One horizontal gridline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForecastTick {
    pub y: f64,
    pub value: u32,
}

/// Lays out `points` (day as YYYY-MM-DD, reviews due) as bars scaled to a rounded top value
/// (1, 2 or 5 times a power of ten per gridline step), so the gridlines read as whole numbers.
pub fn forecast_chart(points: &[(String, u32)]) -> ForecastChart {
    let max = points.iter().map(|(_, count)| *count).max().unwrap_or(0);
    let total = points
        .iter()
        .fold(0_u32, |sum, (_, count)| sum.saturating_add(*count));
    let step = nice_step(max);
    let top = max.div_ceil(step).saturating_mul(step);
    let plot_height = PLOT_BOTTOM - PLOT_TOP;
    let y_of = |value: u32| match top {
        0 => PLOT_BOTTOM,
        _ => PLOT_BOTTOM - f64::from(value) / f64::from(top) * plot_height,
    };
    let slot = (PLOT_RIGHT - PLOT_LEFT) / points.len().max(1) as f64;
    let bars = points
        .iter()
        .enumerate()
        .map(|(index, (day, count))| {
            let date: Option<Date> = day.parse().ok();
            let x = PLOT_LEFT + index as f64 * slot + slot * (1.0 - BAR_SHARE) / 2.0;
            let y = y_of(*count);
            let day_label = long_day(day, date);
            ForecastBar {
                day: day.clone(),
                count: *count,
                x: tenths(x),
                y: tenths(y),
                width: tenths(slot * BAR_SHARE),
                height: tenths(PLOT_BOTTOM - y),
                center: tenths(PLOT_LEFT + (index as f64 + 0.5) * slot),
                label: format!("{day_label}: {}", reviews(*count)),
                day_label,
                axis_label: match (index % LABEL_EVERY, date) {
                    (0, Some(date)) => date.strftime("%-d %b").to_string(),
                    (0, None) => day.clone(),
                    _ => String::new(),
                },
            }
        })
        .collect::<Vec<_>>();
    let ticks = (0..=top / step)
        .map(|n| ForecastTick {
            y: tenths(y_of(n * step)),
            value: n * step,
        })
        .collect();
    let summary = match bars
        .iter()
        .max_by_key(|bar| (bar.count, std::cmp::Reverse(&bar.day)))
    {
        Some(busiest) if total > 0 => format!(
            "{} due over the next {} days, most on {} ({}).",
            reviews(total),
            bars.len(),
            busiest.day_label,
            busiest.count
        ),
        _ => format!("No reviews due in the next {} days.", points.len()),
    };
    ForecastChart {
        width: WIDTH,
        height: HEIGHT,
        plot_left: PLOT_LEFT,
        plot_right: PLOT_RIGHT,
        plot_top: PLOT_TOP,
        plot_bottom: PLOT_BOTTOM,
        bars,
        ticks,
        total,
        max,
        summary,
    }
}

/// The smallest of 1, 2, 5, 10, 20, 50, ... that covers `max` in `MAX_STEPS` steps.
fn nice_step(max: u32) -> u32 {
    let mut power = 1_u32;
    loop {
        for factor in [1, 2, 5] {
            let step = factor * power;
            if step.saturating_mul(MAX_STEPS) >= max {
                return step;
            }
        }
        power = power.saturating_mul(10);
    }
}

fn long_day(day: &str, date: Option<Date>) -> String {
    date.map_or_else(|| day.to_string(), super::day_label)
}

fn reviews(count: u32) -> String {
    match count {
        1 => "1 review".to_string(),
        _ => format!("{count} reviews"),
    }
}

/// Rounds to one decimal: plenty for an SVG, and it keeps the markup short.
fn tenths(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(counts: &[u32]) -> Vec<(String, u32)> {
        let start: Date = "2025-03-04".parse().unwrap();
        counts
            .iter()
            .enumerate()
            .map(|(i, count)| {
                (
                    start
                        .saturating_add(jiff::Span::new().days(i as i64))
                        .to_string(),
                    *count,
                )
            })
            .collect()
    }

    #[test]
    fn an_empty_forecast_has_no_bars_and_says_nothing_is_due() {
        let chart = forecast_chart(&[]);
        assert!(chart.bars.is_empty());
        assert_eq!((chart.total, chart.max), (0, 0));
        assert_eq!(chart.summary, "No reviews due in the next 0 days.");
    }

    #[test]
    fn a_forecast_of_zeros_draws_flat_bars_on_the_baseline() {
        let chart = forecast_chart(&days(&[0; 30]));
        assert_eq!(chart.bars.len(), 30);
        for bar in &chart.bars {
            assert_eq!((bar.height, bar.y), (0.0, PLOT_BOTTOM));
            assert!(bar.x.is_finite() && bar.width > 0.0);
        }
        assert_eq!(chart.summary, "No reviews due in the next 30 days.");
    }

    #[test]
    fn the_busiest_day_fills_the_plot_when_it_is_a_round_number() {
        let chart = forecast_chart(&days(&[10, 5, 0, 1]));
        let full = PLOT_BOTTOM - PLOT_TOP;
        assert_eq!(chart.bars[0].height, full);
        assert_eq!(chart.bars[0].y, PLOT_TOP);
        assert_eq!(chart.bars[1].height, full / 2.0);
        assert_eq!(chart.bars[2].height, 0.0);
        assert_eq!((chart.total, chart.max), (16, 10));
        let values: Vec<u32> = chart.ticks.iter().map(|t| t.value).collect();
        assert_eq!(values, [0, 5, 10]);
    }

    #[test]
    fn gridlines_step_by_one_two_or_five_times_a_power_of_ten() {
        let values = |max| {
            forecast_chart(&days(&[max]))
                .ticks
                .iter()
                .map(|t| t.value)
                .collect::<Vec<_>>()
        };
        assert_eq!(values(1), [0, 1]);
        assert_eq!(values(7), [0, 2, 4, 6, 8]);
        assert_eq!(values(23), [0, 10, 20, 30]);
        assert_eq!(values(0), [0]);
        // Even the largest count gets a step, without overflowing.
        assert!(u64::from(nice_step(u32::MAX)) * u64::from(MAX_STEPS) >= u64::from(u32::MAX));
        let huge = forecast_chart(&days(&[u32::MAX, u32::MAX]));
        assert_eq!((huge.total, huge.bars[0].y), (u32::MAX, PLOT_TOP));
    }

    #[test]
    fn bars_run_left_to_right_inside_the_plot() {
        let chart = forecast_chart(&days(&[3; 30]));
        for pair in chart.bars.windows(2) {
            assert!(pair[0].x < pair[1].x);
        }
        let last = chart.bars.last().unwrap();
        assert!(chart.bars[0].x >= PLOT_LEFT && last.x + last.width <= PLOT_RIGHT + 0.1);
    }

    #[test]
    fn bars_are_labelled_with_the_day_and_count_in_words() {
        let chart = forecast_chart(&days(&[1, 2, 0, 0, 0, 0, 0, 4]));
        assert_eq!(chart.bars[0].label, "4 Mar 2025: 1 review");
        assert_eq!(chart.bars[1].label, "5 Mar 2025: 2 reviews");
        let axis: Vec<&str> = chart.bars.iter().map(|b| b.axis_label.as_str()).collect();
        assert_eq!(axis, ["4 Mar", "", "", "", "", "", "", "11 Mar"]);
        assert_eq!(
            chart.summary,
            "7 reviews due over the next 8 days, most on 11 Mar 2025 (4)."
        );
    }

    #[test]
    fn a_day_that_is_not_a_date_is_shown_as_written() {
        let chart = forecast_chart(&[("soon".to_string(), 2)]);
        assert_eq!(chart.bars[0].label, "soon: 2 reviews");
        assert_eq!(chart.bars[0].axis_label, "soon");
    }
}
