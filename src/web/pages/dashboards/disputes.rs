//! The disputes page: students' "I was right" claims that the visitor decides (on their own
//! sets, and their classes' students' on the sets assigned to those classes; everything for
//! the admin), the decisions they may undo, and the decisions themselves. Accept and undo are
//! a POST with the session's CSRF token; Reject first shows a confirmation page whose form
//! posts it. Each POST answers 303 back to the page, saying what was done. See
//! `store::disputes` for what each decision changes.

mod words;

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::store::{CardRow, Decider, Refusal, Role};
use crate::web::auth::SignedIn;
use crate::web::blocking;
use crate::web::error::{AppError, PageError};
use crate::web::pages::{FormFields, Visitor, layout, redirect, render};
use crate::web::state::{AppState, now_ms};
use crate::web::views::{DisputesView, RejectView, Section};

use words::{DoneQuery, decided_location, decided_row, dispute_row, notice, undone_location};

/// The claim a confirmation page is about: `?card=ROW&answer=NORMALISED`.
#[derive(Debug, Deserialize)]
pub struct ClaimQuery {
    card: Option<String>,
    answer: Option<String>,
}

/// `GET /teach/disputes`
pub async fn show(
    state: web::Data<AppState>,
    visitor: Visitor,
    query: web::Query<DoneQuery>,
) -> Result<HttpResponse, PageError> {
    visitor.require_teacher()?;
    let (store, by) = (state.store.clone(), decider(&visitor));
    let (disputes, decided) = blocking(move || {
        Ok::<_, crate::store::StoreError>((store.open_disputes(by)?, store.decided_disputes(by)?))
    })
    .await?;
    let view = DisputesView {
        layout: layout(&visitor, "Disputed answers", Section::Teach),
        disputes: disputes.iter().map(dispute_row).collect(),
        decided: decided.iter().map(decided_row).collect(),
        notice: notice(&query),
        is_admin: by.is_admin,
    };
    render(&state, "disputes.html", &view)
}

/// `GET /teach/disputes/reject`: what rejecting the claim would do, and the form that does it.
pub async fn confirm_reject(
    state: web::Data<AppState>,
    visitor: Visitor,
    query: web::Query<ClaimQuery>,
) -> Result<HttpResponse, PageError> {
    visitor.require_teacher()?;
    let card = card_row(query.card.as_deref().unwrap_or(""))?;
    let answer = query.answer.clone().unwrap_or_default();
    let (store, by) = (state.store.clone(), decider(&visitor));
    let dispute = blocking(move || store.dispute(card, &answer, by)).await?;
    let dispute = dispute.map_err(refused)?;
    let whom = match dispute.for_everyone {
        true => "for everyone who claimed it",
        false => "for your classes' students who claimed it",
    };
    let view = RejectView {
        layout: layout(&visitor, "Reject a claim?", Section::Teach),
        dispute: dispute_row(&dispute),
        whom: whom.to_string(),
    };
    render(&state, "dispute_reject.html", &view)
}

/// `POST /teach/disputes/accept`
pub async fn accept(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    let (card, answer) = claim_fields(&visitor, &form)?;
    let decided = state
        .store
        .accept_claim(card, answer, decider(&visitor), now_ms())
        .await
        .map_err(AppError::from)?;
    Ok(redirect(&decided_location(
        "accepted",
        &decided.map_err(refused)?,
    )))
}

/// `POST /teach/disputes/reject`
pub async fn reject(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    let (card, answer) = claim_fields(&visitor, &form)?;
    let pending =
        state
            .store
            .reject_claim(card, answer, decider(&visitor), state.today(), now_ms());
    let decided = pending.await.map_err(AppError::from)?;
    Ok(redirect(&decided_location(
        "rejected",
        &decided.map_err(refused)?,
    )))
}

/// `POST /teach/disputes/undo`
pub async fn undo(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    let (card, answer) = claim_fields(&visitor, &form)?;
    let pending = state
        .store
        .undo_claim_decision(card, answer, decider(&visitor));
    let undone = pending.await.map_err(AppError::from)?;
    Ok(redirect(&undone_location(&undone.map_err(refused)?)))
}

/// Checks the role and the CSRF token, then reads the card (its row) and the normalised answer.
fn claim_fields(visitor: &SignedIn, form: &FormFields) -> Result<(CardRow, String), AppError> {
    visitor.require_teacher()?;
    visitor.verify_csrf(form.get("csrf_token"))?;
    Ok((card_row(form.get("card"))?, form.get("answer").to_string()))
}

fn card_row(text: &str) -> Result<CardRow, AppError> {
    let card = text.trim().parse::<i64>().map_err(|_| {
        AppError::Invalid("The form names no card: reload the disputes page and try again.".into())
    })?;
    Ok(CardRow(card))
}

fn decider(visitor: &SignedIn) -> Decider {
    Decider {
        user: visitor.user.id,
        is_admin: visitor.user.role == Role::Admin,
    }
}

fn refused(refusal: Refusal) -> AppError {
    match refusal {
        Refusal::NotYours => AppError::Forbidden(refusal.to_string()),
        Refusal::AlreadyDecided(_) => AppError::Conflict {
            code: "already_decided",
            message: refusal.to_string(),
        },
        Refusal::NoClaims | Refusal::NothingToUndo => AppError::NotFound(refusal.to_string()),
        Refusal::Blank | Refusal::NotText(_) => AppError::Invalid(refusal.to_string()),
    }
}
