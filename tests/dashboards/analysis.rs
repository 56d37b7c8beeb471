//! Item analysis: the figures of each card, the order, the common wrong answers, and whose
//! reviews are counted.

use serde_json::json;

use crate::support::{KIM_CARD, NUMBER_CARD, WHO_CARD, answered_class, own_essay_set};
use studyhall::store::Role;

/// The analysis table's row of `card`.
fn card_row<'a>(html: &'a str, card: &str) -> &'a str {
    let start = html
        .find(&format!("{card} · "))
        .unwrap_or_else(|| panic!("no row for {card}: {html}"));
    &html[start..start + html[start..].find("</tr>").unwrap()]
}

const ANALYSIS: &str = "/teach/sets/korean-war-1950/analysis";

#[test]
fn each_card_shows_its_first_try_share_attempts_and_most_common_wrong_answers() {
    let class = answered_class();
    let page = class.room.instructor().get(ANALYSIS);
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("the members of History 7B"),
        "an instructor teaching with the set sees their class"
    );
    let who = card_row(&page.body, WHO_CARD);
    // ann and ben "Mao" (wrong), cat "Koba" claimed right (undecided: counts as cat graded it).
    assert!(
        who.contains("33% <span class=\"muted\">of 3</span>"),
        "{who}"
    );
    assert!(
        who.contains("<q>mao</q> <span class=\"muted\">×2</span>"),
        "normalised, with its count: {who}"
    );
    assert!(
        !who.contains("<q>koba</q>"),
        "counted right at the first try, so not a common wrong answer: {who}"
    );
    // Two misses keep EF 2.50, the claim (quality 3) takes it to 2.36: (2.50 + 2.50 + 2.36) / 3.
    assert!(
        who.contains(r#"<td class="number">2.45</td>"#),
        "the mean EF: {who}"
    );
    let kim = card_row(&page.body, KIM_CARD);
    assert!(
        kim.contains("100% <span class=\"muted\">of 3</span>"),
        "{kim}"
    );
    assert!(card_row(&page.body, NUMBER_CARD).contains("100% <span class=\"muted\">of 1</span>"));
}

#[test]
fn cards_come_hardest_first_and_untried_cards_are_folded_under_their_count() {
    let class = answered_class();
    let body = class.room.instructor().get(ANALYSIS).body;
    let at = |card: &str| body.find(&format!("{card} · ")).unwrap();
    assert!(at(WHO_CARD) < at(KIM_CARD), "33% before 100%");
    // 84 cards: the three the students answered and the ten dora reviewed were tried.
    assert!(
        body.contains("Cards tried <span class=\"muted\">(13)</span>"),
        "{body}"
    );
    let folded = body
        .find("<summary>71 cards not tried yet</summary>")
        .unwrap_or_else(|| panic!("the untried cards, counted: {body}"));
    assert!(at(KIM_CARD) < folded, "tried before untried");
    let untried = &body[folded..];
    assert!(untried.contains("long-term-legacy"), "listed in the fold");
    assert!(
        !body[..folded].contains("long-term-legacy"),
        "no empty row for an untried card"
    );
}

#[test]
fn a_class_filter_counts_only_its_members_and_the_owner_sees_everyone() {
    let class = answered_class();
    let (_, eve) = class.room.outsider("eve");
    class.room.answer(&eve, WHO_CARD, json!("Trotsky"), false);
    let teacher = class.room.instructor();
    let mine = teacher
        .get(&format!("{ANALYSIS}?class={}", class.room.class.0))
        .body;
    assert!(!mine.contains("trotsky"), "eve is in no class of ms-h's");
    class.room.user("root", Role::Admin);
    let everyone = class.room.browser("root").get(ANALYSIS).body;
    assert!(
        everyone.contains("<q>trotsky</q>"),
        "the admin sees every student"
    );
    assert!(everyone.contains("25% <span class=\"muted\">of 4</span>"));
    own_essay_set(&class.room.app, class.room.app.user_id("ms-h"));
    assert!(
        teacher.get(ANALYSIS).body.contains("<q>trotsky</q>"),
        "the set's owner sees everyone"
    );
}
