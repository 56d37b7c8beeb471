//! The disputes page: students' "I was right" claims on the sets the visitor decides on (their
//! own sets; every set for the admin), and the two decisions, each a POST with the session's
//! CSRF token, then a 303 back to the page with what was done. See `store::disputes` for what
//! accepting and rejecting change.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::store::{CardRow, Decided, Decider, Dispute, Refusal, Role};
use crate::web::auth::SignedIn;
use crate::web::blocking;
use crate::web::error::{AppError, PageError};
use crate::web::pages::{FormFields, Visitor, layout, redirect, render};
use crate::web::state::{AppState, now_ms};
use crate::web::views::{DisputeRow, DisputesView, Section, instant_label};

/// What the last decision did, as the redirect after it tells the page.
#[derive(Debug, Deserialize)]
pub struct DoneQuery {
    /// `accepted` or `rejected`.
    done: Option<String>,
    /// `set/card`.
    card: Option<String>,
    /// Students whose claims were decided.
    n: Option<u32>,
    /// The answer added to the card, if one was.
    added: Option<String>,
    /// 1 when the set is loaded from the server's questions folder.
    server: Option<u8>,
}

/// `GET /teach/disputes`
pub async fn show(
    state: web::Data<AppState>,
    visitor: Visitor,
    query: web::Query<DoneQuery>,
) -> Result<HttpResponse, PageError> {
    visitor.require_teacher()?;
    let is_admin = visitor.user.role == Role::Admin;
    let (store, owner) = (state.store.clone(), (!is_admin).then_some(visitor.user.id));
    let disputes = blocking(move || store.open_disputes(owner)).await?;
    let view = DisputesView {
        layout: layout(&visitor, "Disputed answers", Section::Teach),
        disputes: disputes.iter().map(dispute_row).collect(),
        notice: notice(&query),
        is_admin,
    };
    render(&state, "disputes.html", &view)
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
    Ok(redirect(&location("accepted", &decided.map_err(refused)?)))
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
    Ok(redirect(&location("rejected", &decided.map_err(refused)?)))
}

/// Checks the role and the CSRF token, then reads the card (its row) and the normalised answer.
fn claim_fields(visitor: &SignedIn, form: &FormFields) -> Result<(CardRow, String), AppError> {
    visitor.require_teacher()?;
    visitor.verify_csrf(form.get("csrf_token"))?;
    let card = form.get("card").trim().parse::<i64>().map_err(|_| {
        AppError::Invalid("The form names no card: reload the disputes page and try again.".into())
    })?;
    Ok((CardRow(card), form.get("answer").to_string()))
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
        Refusal::NoClaims => AppError::NotFound(refusal.to_string()),
        Refusal::Blank | Refusal::NotText(_) => AppError::Invalid(refusal.to_string()),
    }
}

/// The disputes page, saying what the decision did.
fn location(done: &str, decided: &Decided) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("done", done);
    query.append_pair("card", &format!("{}/{}", decided.set, decided.card));
    query.append_pair("n", &decided.students.to_string());
    if let Some(added) = &decided.added {
        query.append_pair("added", added);
    }
    if decided.server_loaded {
        query.append_pair("server", "1");
    }
    format!("/teach/disputes?{}", query.finish())
}

fn notice(query: &DoneQuery) -> Option<String> {
    let card = query.card.as_deref().unwrap_or("the card");
    let students = match query.n.unwrap_or(0) {
        1 => "1 student".to_string(),
        n => format!("{n} students"),
    };
    let mut notice = match (query.done.as_deref(), &query.added) {
        (Some("accepted"), Some(added)) => format!(
            "Accepted on {card}: “{added}” is now an accepted answer, and {students} regraded as right."
        ),
        (Some("accepted"), None) => format!(
            "Accepted on {card}: {students} regraded as right (the card already took that answer)."
        ),
        (Some("rejected"), _) => {
            format!("Rejected on {card}: the card comes back today for {students}, as a lapse.")
        }
        _ => return None,
    };
    if query.server == Some(1) && query.added.is_some() {
        notice.push_str(" This set is loaded from the server's questions folder: add the answer to its file there too, or the next start-up loads the old file again.");
    }
    Some(notice)
}

fn dispute_row(dispute: &Dispute) -> DisputeRow {
    DisputeRow {
        card_row: dispute.card_row.0,
        set_id: dispute.set.to_string(),
        set_title: dispute.set_title.clone(),
        card_id: dispute.card.to_string(),
        prompt: dispute.prompt.clone(),
        expected: dispute.expected.clone(),
        normalized: dispute.normalized.clone(),
        given: dispute.given.clone(),
        students: dispute.students,
        last_claim: instant_label(dispute.last_claim_ms),
        can_accept: dispute.kind == "text" && !dispute.normalized.is_empty(),
    }
}
