//! Before a card is answered its page must not give the answer away: not in the text, not in an
//! attribute, not in a hint. Recall cards hold their model answer behind "Show answer" only.
//! Every card of the essay set is shown once and checked.

use studyhall::questions::{Card, CardKind};
use studyhall::scheduler::Quality;
use studyhall::store::{NewReview, UserId};

use crate::common::today;
use crate::html;
use crate::site::{Page, Site};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The ways an answer could be written on the page, lowercased.
fn giveaways(card: &Card) -> Vec<String> {
    let mut words = Vec::new();
    if let Some(explanation) = &card.explanation {
        words.push(explanation.clone());
    }
    match &card.kind {
        CardKind::Text { answer, accept } => {
            words.push(answer.clone());
            words.extend(accept.iter().cloned());
        }
        CardKind::Date { answer } => {
            words.push(answer.to_string());
            let year = answer.year_part();
            if let Some(month) = answer.month_part() {
                let name = MONTHS[usize::from(month) - 1];
                words.push(format!("{name} {year}"));
                if let Some(day) = answer.day_part() {
                    words.push(format!("{day} {name}"));
                    words.push(format!("{name} {day}"));
                }
            }
        }
        CardKind::Number { answer, .. } => words.push(answer.to_string()),
        CardKind::Cloze { .. } => words.push(card.kind.expected_text()),
        CardKind::Recall { .. }
        | CardKind::Choice { .. }
        | CardKind::Multi { .. }
        | CardKind::TrueFalse { .. } => {}
    }
    words.into_iter().map(|word| word.to_lowercase()).collect()
}

/// Whether `needle` stands in `haystack` as a whole word (or words).
fn contains_word(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The card's part of the page as a reader or a script could see it, lowercased: its markup,
/// unescaped, without the random tokens and the card's id (which the forms must carry) and,
/// for a recall card, without what waits behind "Show answer".
fn card_as_seen(page: &Page, recall: bool) -> String {
    let (_, article) = page
        .element("article", "class", "card")
        .expect("the card's <article>");
    let mut markup = article.to_string();
    if recall {
        let (_, reveal) = page
            .element("details", "class", "reveal")
            .expect("Show answer");
        markup = markup.replacen(reveal, "", 1);
    }
    for input in html::tags(article, "input") {
        let random = matches!(
            input.attr("name"),
            Some("csrf_token" | "review_token" | "started_at" | "card_id")
        );
        if let (true, Some(value)) = (random, input.attr("value")) {
            markup = markup.replace(&format!("value=\"{value}\""), "value=\"\"");
        }
    }
    html::unescape(&markup).to_lowercase()
}

/// Records a Good review today, so the card leaves today's queue.
fn move_on(site: &Site, user: UserId, card: &str) {
    let review = NewReview {
        user,
        card: site.app.essay_card(card).row,
        review_token: uuid::Uuid::new_v4().to_string(),
        quality: Quality::GOOD,
        today: today(),
        reviewed_at_ms: 1,
        answer: None,
        verdict: "correct".to_string(),
        normalized_answer: String::new(),
        duration_ms: None,
        overridden: false,
    };
    site.app
        .store
        .record_review(review)
        .wait()
        .expect("recorded");
}

#[test]
fn no_card_page_of_the_essay_set_gives_its_answer_away_before_it_is_answered() {
    let site = Site::start();
    let ada = site.student_with_limit("ada", 84);
    let user = site.app.user_id("ada");

    let mut seen = 0;
    loop {
        let page = ada.get(&crate::site::study_path());
        if !page.has_card() {
            break;
        }
        let card = site.app.essay_card(&page.card_id()).card;
        let recall = matches!(card.kind, CardKind::Recall { .. });
        let markup = card_as_seen(&page, recall);
        for giveaway in giveaways(&card) {
            assert!(
                !contains_word(&markup, &giveaway),
                "card {} shows {giveaway:?} before it is answered",
                card.id
            );
        }
        assert!(
            !markup.contains("source:"),
            "card {}: the source comes with the verdict",
            card.id
        );
        let form = html::forms(&page.html)
            .into_iter()
            .find(|form| form.action.ends_with("/answer"));
        if let Some(form) = form {
            assert!(
                form.value("answer").is_none_or(str::is_empty),
                "card {}: a blank field",
                card.id
            );
            assert!(
                form.inputs.iter().all(|input| !input.has("checked")),
                "card {}: no choice is ticked beforehand",
                card.id
            );
        }
        if let CardKind::Recall { answer } = &card.kind {
            let (details, reveal) = page
                .element("details", "class", "reveal")
                .expect("Show answer");
            assert!(
                !details.has("open"),
                "card {}: the answer starts hidden",
                card.id
            );
            let reveal = html::text(reveal);
            assert!(
                reveal.contains(answer.as_str()),
                "card {}: the model answer is behind Show answer",
                card.id
            );
        }
        move_on(&site, user, card.id.as_str());
        seen += 1;
    }
    assert_eq!(seen, 84, "every card was shown");
}
