//! `GET /teach/sets/{set_id}/analysis[?class=ID]`: each card of a set that was tried, hardest
//! first, with the most common wrong answers; the cards nobody tried, counted and folded.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::store::{Audience, CardAnalysis, ClassId, ClassRef};
use crate::web::blocking;
use crate::web::error::PageError;
use crate::web::pages::{Visitor, layout, render};
use crate::web::state::AppState;
use crate::web::views::{AnalysisView, ItemRow, ScopeLink, Section, UntriedCard, percent};

use super::access::{SetAccess, set_for};

#[derive(Debug, Deserialize)]
pub struct ClassQuery {
    pub class: Option<String>,
}

pub async fn show(
    state: web::Data<AppState>,
    visitor: Visitor,
    path: web::Path<String>,
    query: web::Query<ClassQuery>,
) -> Result<HttpResponse, PageError> {
    visitor.require_teacher()?;
    let access = set_for(&state, &visitor, &path, query.class.as_deref()).await?;
    let (store, set_id, audience) = (
        state.store.clone(),
        access.set.id.clone(),
        access.audience.clone(),
    );
    let cards = blocking(move || store.item_analysis(&set_id, &audience)).await?;
    let (tried, untried): (Vec<&CardAnalysis>, Vec<&CardAnalysis>) =
        cards.iter().partition(|card| card.attempts > 0);
    let view = AnalysisView {
        layout: layout(
            &visitor,
            &format!("Item analysis: {}", access.set.title),
            Section::Teach,
        ),
        set_id: access.set.id.to_string(),
        set_title: access.set.title.clone(),
        audience: audience_label(&access.audience, &access.own),
        scopes: scope_links(&access),
        cards: tried.into_iter().map(item_row).collect(),
        untried: untried
            .into_iter()
            .map(|card| UntriedCard {
                card_id: card.card.to_string(),
                prompt: card.prompt.clone(),
            })
            .collect(),
        class_id: access.requested.map(|class| class.0),
    };
    render(&state, "set_analysis.html", &view)
}

/// Whose reviews are counted, in words.
fn audience_label(audience: &Audience, own: &[ClassRef]) -> String {
    match audience {
        Audience::Everyone => "every student".to_string(),
        Audience::Classes(classes) => {
            let name = |id: &ClassId| {
                own.iter()
                    .find(|class| class.id == *id)
                    .map_or_else(|| format!("class {}", id.0), |class| class.name.clone())
            };
            let names: Vec<String> = classes.iter().map(name).collect();
            format!("the members of {}", names.join(", "))
        }
    }
}

/// "All" (everyone the visitor may see), then each of the visitor's classes with the set.
fn scope_links(access: &SetAccess) -> Vec<ScopeLink> {
    if access.own.is_empty() {
        return Vec::new();
    }
    let all = ScopeLink {
        label: "All".to_string(),
        class_id: None,
        current: access.requested.is_none(),
    };
    let classes = access.own.iter().map(|class| ScopeLink {
        label: class.name.clone(),
        class_id: Some(class.id.0),
        current: access.requested == Some(class.id),
    });
    std::iter::once(all).chain(classes).collect()
}

fn item_row(card: &CardAnalysis) -> ItemRow {
    let wrong = |answer: &crate::store::WrongAnswer| {
        let shown = if answer.normalized.is_empty() {
            "(blank)"
        } else {
            answer.normalized.as_str()
        };
        (shown.to_string(), answer.count)
    };
    ItemRow {
        card_id: card.card.to_string(),
        kind: card.kind.clone(),
        prompt: card.prompt.clone(),
        students: card.students,
        attempts: card.attempts,
        first_try_percent: card
            .first_try_share()
            .map(|_| percent(card.first_right, card.students)),
        lapse_percent: card
            .lapse_rate()
            .map(|_| percent(card.lapses, card.later_reviews)),
        mean_ef: card
            .mean_ef
            .map_or_else(|| "—".to_string(), |ef| format!("{ef:.2}")),
        wrong_answers: card.wrong_answers.iter().map(wrong).collect(),
    }
}
