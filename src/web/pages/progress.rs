//! The progress page: today's reviews, the streak, cards by stage, retention, mastery per tag
//! and the forecast chart.

use actix_web::{HttpResponse, web};

use crate::store::ProgressReport;
use crate::web::blocking;
use crate::web::error::PageError;
use crate::web::state::AppState;
use crate::web::views::{
    LayoutView, ProgressView, Section, TagMastery, card_stages, forecast_chart,
};

use super::{Visitor, layout, render};

pub async fn show(state: web::Data<AppState>, visitor: Visitor) -> Result<HttpResponse, PageError> {
    let (store, user, today) = (state.store.clone(), visitor.user.id, state.today());
    let report = blocking(move || store.progress(user, today)).await?;
    let view = progress_view(layout(&visitor, "Progress", Section::Progress), &report);
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
    }
}
