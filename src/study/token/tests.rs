use super::*;

fn key(byte: u8) -> TokenKey {
    TokenKey::new([byte; 32])
}

fn ids() -> (SetId, CardId, CardId) {
    (
        SetId::parse("korean-war").unwrap(),
        CardId::parse("treaty-date").unwrap(),
        CardId::parse("other-card").unwrap(),
    )
}

const NOW: i64 = 1_790_000_000_000;

#[test]
fn a_token_verifies_for_its_student_and_card_only() {
    let (set, card, other) = ids();
    let ada = TokenSubject {
        user: UserId(1),
        set: &set,
        card: &card,
    };
    let token = key(7).issue(ada, NOW);
    assert_eq!(
        key(7).verify(token.as_str(), ada, NOW + 5),
        Ok(token.clone())
    );
    let bob = TokenSubject {
        user: UserId(2),
        ..ada
    };
    assert_eq!(
        key(7).verify(token.as_str(), bob, NOW),
        Err(TokenRefusal::NotIssued)
    );
    let other_card = TokenSubject {
        card: &other,
        ..ada
    };
    assert_eq!(
        key(7).verify(token.as_str(), other_card, NOW),
        Err(TokenRefusal::NotIssued)
    );
    assert_eq!(
        key(8).verify(token.as_str(), ada, NOW),
        Err(TokenRefusal::NotIssued),
        "another server's key"
    );
}

#[test]
fn forged_malformed_and_stale_tokens_are_refused() {
    let (set, card, _) = ids();
    let ada = TokenSubject {
        user: UserId(1),
        set: &set,
        card: &card,
    };
    let token = key(7).issue(ada, NOW);
    for text in [
        "",
        "00000000-0000-0000-0000-000000000000",
        "not a token",
        &token.as_str()[1..],
        &format!("{}0", token.as_str()),
    ] {
        assert_eq!(
            key(7).verify(text, ada, NOW),
            Err(TokenRefusal::Malformed),
            "{text:?}"
        );
    }
    // One hex digit of the MAC changed.
    let mut forged = token.as_str().to_string();
    let last = forged.pop().unwrap();
    forged.push(if last == '0' { '1' } else { '0' });
    assert_eq!(
        key(7).verify(&forged, ada, NOW),
        Err(TokenRefusal::NotIssued)
    );
    assert_eq!(
        key(7).verify(token.as_str(), ada, NOW + TOKEN_LIFETIME_MS + 1),
        Err(TokenRefusal::Stale)
    );
    assert_eq!(
        key(7).verify(token.as_str(), ada, NOW - 10 * 60 * 1000),
        Err(TokenRefusal::NotIssued),
        "issued in the future"
    );
}

#[test]
fn tokens_are_unique_and_sort_by_issue_time() {
    let (set, card, _) = ids();
    let ada = TokenSubject {
        user: UserId(1),
        set: &set,
        card: &card,
    };
    let tokens: Vec<String> = (0..200)
        .map(|i| key(7).issue(ada, NOW + i).to_string())
        .collect();
    assert!(tokens.windows(2).all(|pair| pair[0] < pair[1]));
}

#[test]
fn the_shown_order_is_a_permutation_fixed_by_its_seed() {
    for len in 0..12 {
        for seed in 0..50 {
            let order = shown_order(len, seed);
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..len).collect::<Vec<_>>());
            assert_eq!(order, shown_order(len, seed));
        }
    }
}

#[test]
fn every_choice_comes_first_about_equally_often() {
    let (set, card, _) = ids();
    let ada = TokenSubject {
        user: UserId(1),
        set: &set,
        card: &card,
    };
    let mut first = [0u32; 4];
    let showings = 8000;
    for i in 0..showings {
        let token = key(7).issue(ada, NOW + i);
        first[shown_order(4, token.order_seed())[0]] += 1;
    }
    // 2,000 expected each; a fair shuffle stays within ±10% (over 6 standard deviations).
    for count in first {
        assert!((1800..=2200).contains(&count), "{first:?}");
    }
}
