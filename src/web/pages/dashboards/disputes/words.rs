//! What the disputes page says: its rows, and the notice after a decision or an undo, carried
//! by the redirect's query.

use serde::Deserialize;

use crate::store::{Decided, DecidedDispute, Dispute, Undone};
use crate::web::views::{DecidedRow, DisputeRow, instant_label};

/// What the last decision did, as the redirect after it tells the page.
#[derive(Debug, Deserialize)]
pub struct DoneQuery {
    /// `accepted`, `rejected` or `undone`.
    done: Option<String>,
    /// `set/card`.
    card: Option<String>,
    /// Students whose claims were decided (or reopened).
    n: Option<u32>,
    /// The answer added to the card, if one was.
    added: Option<String>,
    /// The answer taken off the card by an undo, if one was.
    removed: Option<String>,
    /// 1 when the decision was for everyone (the set's owner or the admin).
    everyone: Option<u8>,
    /// 1 when the set is loaded from the server's questions folder.
    server: Option<u8>,
}

/// The disputes page, saying what the decision did.
pub fn decided_location(done: &str, decided: &Decided) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("done", done);
    query.append_pair("card", &format!("{}/{}", decided.set, decided.card));
    query.append_pair("n", &decided.students.to_string());
    if let Some(added) = &decided.added {
        query.append_pair("added", added);
    }
    if decided.for_everyone {
        query.append_pair("everyone", "1");
    }
    if decided.server_loaded {
        query.append_pair("server", "1");
    }
    format!("/teach/disputes?{}", query.finish())
}

/// The disputes page, saying what the undo did.
pub fn undone_location(undone: &Undone) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("done", "undone");
    query.append_pair("card", &format!("{}/{}", undone.set, undone.card));
    query.append_pair("n", &undone.reopened.to_string());
    if let Some(removed) = &undone.removed {
        query.append_pair("removed", removed);
    }
    if undone.server_loaded {
        query.append_pair("server", "1");
    }
    format!("/teach/disputes?{}", query.finish())
}

pub fn notice(query: &DoneQuery) -> Option<String> {
    let card = query.card.as_deref().unwrap_or("the card");
    let students = students(query.n.unwrap_or(0));
    let everyone = query.everyone == Some(1);
    let mut notice = match (query.done.as_deref(), &query.added) {
        (Some("accepted"), Some(added)) => format!(
            "Accepted on {card}: “{added}” is now an accepted answer, and {students} regraded as right."
        ),
        (Some("accepted"), None) if everyone => format!(
            "Accepted on {card}: {students} regraded as right (the card already took that answer)."
        ),
        (Some("accepted"), None) => format!(
            "Accepted on {card} for your students: {students} regraded as right. The card is \
             unchanged: only the set's owner or the admin adds an accepted answer."
        ),
        (Some("rejected"), _) => {
            format!("Rejected on {card}: the card comes back today for {students}, as a lapse.")
        }
        (Some("undone"), _) => format!(
            "Undone on {card}: the claims of {students} are pending again.{}",
            query
                .removed
                .as_ref()
                .map_or(String::new(), |removed| format!(
                    " “{removed}” is no longer an accepted answer."
                ))
        ),
        _ => return None,
    };
    if query.server == Some(1) && (query.added.is_some() || query.removed.is_some()) {
        notice.push_str(" This set is loaded from the server's questions folder: change its file there too, or the next start-up loads the old file again.");
    }
    Some(notice)
}

fn students(n: u32) -> String {
    match n {
        1 => "1 student".to_string(),
        n => format!("{n} students"),
    }
}

pub fn dispute_row(dispute: &Dispute) -> DisputeRow {
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
        can_accept: dispute.kind == "text" && !dispute.normalized.trim().is_empty(),
    }
}

pub fn decided_row(decided: &DecidedDispute) -> DecidedRow {
    let mut parts = Vec::new();
    if decided.accepted > 0 {
        parts.push(format!("accepted for {}", students(decided.accepted)));
    }
    if decided.rejected > 0 {
        parts.push(format!("rejected for {}", students(decided.rejected)));
    }
    let mut summary = parts.join(", ");
    if decided.for_everyone {
        summary.push_str(" (for everyone)");
    }
    DecidedRow {
        card_row: decided.card_row.0,
        set_title: decided.set_title.clone(),
        card_id: decided.card.to_string(),
        prompt: decided.prompt.clone(),
        normalized: decided.normalized.clone(),
        shown: decided.shown.clone(),
        summary,
        last_decided: instant_label(decided.last_decided_ms),
    }
}
