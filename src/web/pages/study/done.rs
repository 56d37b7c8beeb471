//! "Done for today": the day's reviews in the set, the share right, and when its next cards
//! are due, with a link to the set's own progress page.

use actix_web::HttpResponse;

use crate::questions::SetId;
use crate::web::auth::SignedIn;
use crate::web::blocking;
use crate::web::error::PageError;
use crate::web::pages::{layout, render};
use crate::web::state::AppState;
use crate::web::views::{DoneView, NextDue, Section, study_day_label};

pub(super) async fn show(
    state: &AppState,
    visitor: &SignedIn,
    set: &SetId,
    set_title: String,
) -> Result<HttpResponse, PageError> {
    let (store, user, today) = (state.store.clone(), visitor.user.id, state.today());
    let found = set.clone();
    let summary = blocking(move || store.day_summary(user, &found, today))
        .await?
        .ok_or_else(|| super::context::unknown_set(set))?;
    let next = summary.next_due.map(|due| NextDue {
        cards: due.due,
        when: match today.days_until(due.day) {
            1 => "tomorrow".to_string(),
            days => format!("in {days} days, on {}", study_day_label(due.day)),
        },
    });
    let view = DoneView {
        layout: layout(visitor, "Done for today", Section::Study),
        set_id: set.to_string(),
        set_title,
        reviews_today: summary.reviews,
        right_percent: (summary.reviews > 0).then(|| {
            ((f64::from(summary.right) * 100.0 / f64::from(summary.reviews)).round()) as u8
        }),
        next,
    };
    render(state, "done.html", &view)
}
