use super::*;

fn card(position: i64, students: u32, first_right: u32, later: u32, lapses: u32) -> CardAnalysis {
    CardAnalysis {
        row: CardRow(position),
        card: CardId::parse(&format!("c{position}")).unwrap(),
        kind: "text".into(),
        prompt: String::new(),
        position,
        students,
        attempts: students + later,
        first_right,
        later_reviews: later,
        lapses,
        mean_ef: None,
        wrong_answers: Vec::new(),
    }
}

fn order(mut cards: Vec<CardAnalysis>) -> Vec<i64> {
    cards.sort_by(hardest_first);
    cards.iter().map(|card| card.position).collect()
}

#[test]
fn the_card_fewest_get_right_at_the_first_try_comes_first() {
    let cards = vec![
        card(0, 4, 4, 0, 0),
        card(1, 4, 1, 0, 0),
        card(2, 4, 2, 0, 0),
    ];
    assert_eq!(order(cards), [1, 2, 0]);
}

#[test]
fn among_equal_first_tries_the_higher_lapse_rate_comes_first() {
    let cards = vec![
        card(0, 2, 1, 4, 1),
        card(1, 2, 1, 4, 3),
        card(2, 2, 1, 0, 0),
    ];
    assert_eq!(order(cards), [1, 0, 2]);
}

#[test]
fn cards_nobody_tried_come_last_in_file_order() {
    let cards = vec![
        card(0, 0, 0, 0, 0),
        card(1, 3, 3, 0, 0),
        card(2, 0, 0, 0, 0),
    ];
    assert_eq!(order(cards), [1, 0, 2]);
}

#[test]
fn shares_are_none_without_anything_to_divide() {
    let untried = card(0, 0, 0, 0, 0);
    assert_eq!(
        (untried.first_try_share(), untried.lapse_rate()),
        (None, None)
    );
    let tried = card(1, 4, 3, 4, 1);
    assert_eq!(
        (tried.first_try_share(), tried.lapse_rate()),
        (Some(0.75), Some(0.25))
    );
}

#[test]
fn the_audience_binds_as_a_json_list_of_classes_or_null() {
    assert_eq!(Audience::Everyone.bound(), None);
    assert_eq!(
        Audience::Classes(vec![ClassId(3), ClassId(7)])
            .bound()
            .as_deref(),
        Some("[3,7]")
    );
    assert_eq!(Audience::Classes(Vec::new()).bound().as_deref(), Some("[]"));
}
