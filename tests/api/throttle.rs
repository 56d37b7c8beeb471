//! The sign-in throttle under attack: concurrent guesses, someone else's failures, and how
//! many password hashes run at once.

use std::net::IpAddr;

use studyhall::accounts::FREE_FAILURES;
use studyhall::web::limits::Limits;

use crate::helpers::{Api, PASSWORD, assert_error};

fn behind_a_proxy() -> Api {
    let localhost: IpAddr = "127.0.0.1".parse().unwrap();
    Api::start_with(Limits {
        trusted_proxies: vec![localhost],
        ..Limits::default()
    })
}

/// Sends `count` logins at once, one thread each; the statuses, sorted.
fn at_once(api: &Api, count: usize, login: impl Fn(&Api, usize) -> u16 + Sync) -> Vec<u16> {
    let mut statuses: Vec<u16> = std::thread::scope(|scope| {
        let login = &login;
        let sent: Vec<_> = (0..count)
            .map(|n| scope.spawn(move || login(api, n)))
            .collect();
        sent.into_iter()
            .map(|thread| thread.join().unwrap())
            .collect()
    });
    statuses.sort_unstable();
    statuses
}

#[test]
fn concurrent_wrong_passwords_are_checked_only_up_to_the_limit() {
    let api = Api::start();
    assert_eq!(api.register("ada", PASSWORD).status, 201);
    let statuses = at_once(&api, 40, |api, _| {
        api.login("ada", "guess guess guess").status
    });
    let checked = statuses.iter().filter(|status| **status == 401).count();
    let throttled = statuses.iter().filter(|status| **status == 429).count();
    assert_eq!(checked, FREE_FAILURES as usize, "{statuses:?}");
    assert_eq!(throttled, 40 - FREE_FAILURES as usize, "{statuses:?}");
}

/// The admin's account, and an attacker at 203.0.113.66 who has used up their free guesses.
fn admin_attacked(api: &Api) {
    assert_eq!(api.register("admin", PASSWORD).status, 201);
    for _ in 0..FREE_FAILURES {
        let guess = api.login_from("203.0.113.66", "admin", "guess guess guess");
        assert_error(&guess, 401, "sign_in_failed");
    }
}

#[test]
fn the_owner_signs_in_from_another_address_while_an_attackers_is_throttled() {
    let api = behind_a_proxy();
    admin_attacked(&api);
    let attacker = api.login_from("203.0.113.66", "admin", PASSWORD);
    assert_error(&attacker, 429, "too_many_attempts");
    let owner = api.login_from("198.51.100.7", "admin", PASSWORD);
    assert_eq!(owner.status, 200, "{}", owner.text);
}

#[test]
fn without_a_trusted_proxy_x_forwarded_for_is_ignored() {
    let api = Api::start();
    admin_attacked(&api);
    let claimed_elsewhere = api.login_from("198.51.100.7", "admin", PASSWORD);
    assert_error(&claimed_elsewhere, 429, "too_many_attempts");
}

#[test]
fn fifty_concurrent_sign_ins_hash_at_most_the_cap_at_once() {
    let api = Api::start_with(Limits {
        hashes_at_once: 2,
        ..Limits::default()
    });
    for n in 0..50 {
        assert_eq!(api.register(&format!("student{n}"), PASSWORD).status, 201);
    }
    let statuses = at_once(&api, 50, |api, n| {
        api.login(&format!("student{n}"), PASSWORD).status
    });
    assert_eq!(statuses, [200; 50]);
    let peak = api.app.hashing.peak();
    assert!((1..=2).contains(&peak), "{peak} hashes ran at once");
}
