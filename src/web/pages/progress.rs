//! The progress page: today's reviews, the streak, cards by stage, retention, mastery per tag
//! and the forecast chart; over all sets (`/progress`) or one set (`/progress?set=ID`).

use actix_web::{HttpResponse, web};

use crate::store::ProgressReport;
use crate::web::error::PageError;
use crate::web::progress::{self, ProgressQuery};
use crate::web::state::AppState;
use crate::web::views::{
    LayoutView, ProgressSet, ProgressView, Section, TagMastery, card_stages, forecast_chart,
};

use super::{Visitor, layout, render};

pub async fn show(
    state: web::Data<AppState>,
    visitor: Visitor,
    query: web::Query<ProgressQuery>,
) -> Result<HttpResponse, PageError> {
    let (report, one_set) = progress::figures(&state, visitor.user.id, query.set()?).await?;
    let title = match &one_set {
        Some(set) => format!("Progress: {}", set.title),
        None => "Progress".to_string(),
    };
    let mut view = progress_view(layout(&visitor, &title, Section::Progress), &report);
    view.set = one_set.map(|set| ProgressSet {
        set_id: set.id.to_string(),
        title: set.title,
    });
    render(&state, "progress.html", &view)
}

/// The page's figures from the store's. A tag's mastery is its share of mature cards (an
/// interval of 21 days or more): cards the student reliably remembers for weeks.
fn progress_view(layout: LayoutView, report: &ProgressReport) -> ProgressView {
    let stages = report.stages;
    let points: Vec<(String, u32)> = report
        .forecast
        .iter()
        .map(|day| (day.day.to_string(), day.due))
        .collect();
    ProgressView {
        layout,
        reviews_today: report.reviews_today,
        streak_days: report.streak_days,
        stages: card_stages(stages.new, stages.learning, stages.young, stages.mature),
        total_cards: stages.new + stages.learning + stages.young + stages.mature,
        retention_percent: report
            .retention_30d
            .map(|share| (share * 100.0).round() as u8),
        tags: report
            .tags
            .iter()
            .map(|tag| TagMastery::new(&tag.tag, tag.mature, tag.cards))
            .collect(),
        forecast: forecast_chart(&points),
        set: None,
    }
}
