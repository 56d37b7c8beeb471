//! The home page: each set with what is due and new today (and the exam day a class gives it),
//! the daily new-card setting, and the student's classes with the form to join one.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::web::blocking;
use crate::web::error::{AppError, PageError};
use crate::web::state::AppState;
use crate::web::views::{ExamView, HomeView, Section, SetSummary};

use super::{FormFields, Visitor, layout, redirect, render};

/// The most new cards a day a student may ask for.
const MAX_NEW_CARDS_PER_DAY: u32 = 999;

#[derive(Debug, Deserialize)]
pub struct HomeQuery {
    /// Set after saving the daily limit, to confirm it.
    saved: Option<u32>,
    /// Set after joining a class (its id), to confirm it.
    joined: Option<i64>,
}

pub async fn show(
    state: web::Data<AppState>,
    visitor: Visitor,
    query: web::Query<HomeQuery>,
) -> Result<HttpResponse, PageError> {
    let (store, user, today) = (state.store.clone(), visitor.user.id, state.today());
    let (sets, classes) = blocking(move || {
        Ok::<_, crate::store::StoreError>((
            store.list_sets(user, today)?,
            store.classes_joined(user)?,
        ))
    })
    .await?;
    let claim_notices = super::claims::home_notices(&state, user).await?;
    let notice = match (query.saved, query.joined) {
        (Some(limit), _) => Some(format!("Saved: {limit} new cards a day")),
        (None, Some(joined)) => super::join::joined_notice(&classes, joined),
        (None, None) => None,
    };
    let view = HomeView {
        layout: layout(&visitor, "Study", Section::Study),
        sets: sets
            .into_iter()
            .map(|set| SetSummary {
                set_id: set.id.to_string(),
                title: set.title,
                description: set.description,
                card_count: set.cards,
                due: set.due,
                new_left: set.new_left,
                exam: ExamView::of(today, set.exam),
            })
            .collect(),
        new_cards_per_day: visitor.user.daily_new_limit,
        notice,
        classes: classes.into_iter().map(super::join::class_view).collect(),
        claim_notices,
    };
    render(&state, "home.html", &view)
}

pub async fn set_new_cards(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    visitor.verify_csrf(form.get("csrf_token"))?;
    let limit = form
        .get("new_cards_per_day")
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|limit| *limit <= MAX_NEW_CARDS_PER_DAY)
        .ok_or_else(|| {
            AppError::Invalid(format!(
                "New cards per day is a whole number from 0 to {MAX_NEW_CARDS_PER_DAY}."
            ))
        })?;
    state
        .store
        .set_daily_new_limit(visitor.user.id, limit)
        .await
        .map_err(AppError::from)?;
    Ok(redirect(&format!("/?saved={limit}")))
}
