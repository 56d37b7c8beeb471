//! Going on after the session ended mid-study. An answer posted without a valid session (it
//! expired, or the student signed out in another tab) sends the student to sign in, with the way
//! back in `next`: the set's study page, the card and the typed answer in its query. Once signed
//! in, the study page puts the answer back in the field if it shows that card again, so nothing
//! typed is lost. Nothing is checked or recorded before signing in.

use actix_web::{HttpResponse, web};

use crate::questions::{CardId, SetId};
use crate::web::auth::SignedIn;
use crate::web::error::PageError;
use crate::web::local_path::LocalPath;
use crate::web::pages::{FormFields, Visitor, redirect};
use crate::web::state::AppState;

use super::StudyQuery;

/// The longest answer carried through signing in, in characters; a longer one is cut.
const KEPT_ANSWER_CHARS: usize = 300;

/// `POST /study/{set}/answer`: checked as usual when signed in ([`super::answer`]), else sent to
/// sign in and back.
pub async fn answer(
    state: web::Data<AppState>,
    visitor: Option<SignedIn>,
    path: web::Path<String>,
    form: FormFields,
) -> Result<HttpResponse, PageError> {
    match visitor {
        Some(visitor) => super::answer(state, Visitor(visitor), path, form).await,
        None => {
            let back = back_to_card(&path, &form);
            Ok(redirect(&LocalPath::link("/login", &[], back.as_ref())))
        }
    }
}

/// `/study/SET?card=CARD&answer=TEXT`; just the set's page without a card id, and nothing for
/// an id no set has.
fn back_to_card(set: &str, form: &FormFields) -> Option<LocalPath> {
    let set = SetId::parse(set).ok()?;
    let page = format!("/study/{set}");
    let answer: String = form.get("answer").chars().take(KEPT_ANSWER_CHARS).collect();
    match CardId::parse(form.get("card_id")) {
        Ok(card) if !answer.trim().is_empty() => {
            LocalPath::with_query(&page, [("card", card.as_str()), ("answer", &answer)])
        }
        _ => LocalPath::parse(&page),
    }
}

impl StudyQuery {
    /// The answer to put back in the field of `card`: the one carried through signing in, if it
    /// was typed for this card; empty otherwise.
    pub(super) fn kept_answer(&self, card: &CardId) -> String {
        match (&self.card, &self.answer) {
            (Some(for_card), Some(answer)) if for_card == card.as_str() => {
                answer.chars().take(KEPT_ANSWER_CHARS).collect()
            }
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(fields: &str) -> FormFields {
        FormFields::parse(fields.as_bytes())
    }

    #[test]
    fn the_way_back_carries_the_card_and_the_typed_answer() {
        let back = back_to_card(
            "korean-war-1950",
            &form("csrf_token=x&card_id=key-port&answer=Port+Arthur+%26+L%C3%BCshun"),
        );
        assert_eq!(
            back.map(|back| back.to_string()),
            Some("/study/korean-war-1950?card=key-port&answer=Port+Arthur+%26+L%C3%BCshun".into())
        );
        let blank = back_to_card("korean-war-1950", &form("card_id=key-port&answer=+"));
        assert_eq!(
            blank.map(|back| back.to_string()),
            Some("/study/korean-war-1950".into())
        );
        assert_eq!(back_to_card("../../evil", &form("answer=x")), None);
        let long = format!("card_id=c&answer={}", "a".repeat(5000));
        let back = back_to_card("s", &form(&long)).expect("a way back");
        assert_eq!(back.as_str().len(), "/study/s?card=c&answer=".len() + 300);
    }

    #[test]
    fn the_answer_is_kept_only_for_the_card_it_was_typed_for() {
        let query = StudyQuery {
            notice: None,
            card: Some("key-port".into()),
            answer: Some("Port Arthur".into()),
        };
        let card = |id| CardId::parse(id).unwrap();
        assert_eq!(query.kept_answer(&card("key-port")), "Port Arthur");
        assert_eq!(query.kept_answer(&card("cer-expansion")), "");
        let none = StudyQuery {
            notice: None,
            card: None,
            answer: None,
        };
        assert_eq!(none.kept_answer(&card("key-port")), "");
    }
}
