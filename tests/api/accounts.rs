//! Registering, logging in (with the throttle) and logging out.

use reqwest::Method;

use crate::helpers::{Api, PASSWORD, Student, assert_error};

#[test]
fn registering_returns_201_and_a_student_account_even_on_an_empty_instance() {
    let api = Api::start();
    let first = api.register("ada", PASSWORD);
    assert_eq!(first.status, 201, "{}", first.text);
    assert_eq!(first.body["username"], "ada");
    assert_eq!(
        first.body["role"], "student",
        "self-registration never makes an admin"
    );
    let second = api.register("grace", PASSWORD);
    assert_eq!(second.status, 201, "{}", second.text);
    assert_eq!(second.body["role"], "student");
}

#[test]
fn registering_a_taken_username_in_any_case_returns_409() {
    let api = Api::start();
    assert_eq!(api.register("ada", PASSWORD).status, 201);
    assert_error(&api.register("ada", PASSWORD), 409, "username_taken");
    assert_error(
        &api.register("ADA", "another password"),
        409,
        "username_taken",
    );
}

#[test]
fn registering_with_a_short_password_or_a_bad_username_returns_422() {
    let api = Api::start();
    let short = api.register("ada", "123456789");
    assert_error(&short, 422, "invalid");
    assert!(
        short.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("10 characters")
    );
    assert_error(&api.register("ada lovelace", PASSWORD), 422, "invalid");
    assert_error(&api.register("ab", PASSWORD), 422, "invalid");
    assert_eq!(
        api.login("ada", "123456789").status,
        401,
        "nothing was created"
    );
}

#[test]
fn logging_in_returns_a_bearer_token_that_signs_requests_in() {
    let api = Api::start();
    assert_eq!(api.register("ada", PASSWORD).status, 201);
    let login = api.login("Ada", PASSWORD);
    assert_eq!(login.status, 200, "{}", login.text);
    let token = login.body["token"].as_str().expect("a token");
    assert_eq!(token.len(), 64);
    assert_eq!(login.body["token_type"], "Bearer");
    assert!(login.body["expires_at"].as_str().is_some());
    let student = Student {
        username: "ada".into(),
        token: token.into(),
    };
    assert_eq!(api.get("/sets", &student).status, 200);
}

#[test]
fn a_wrong_password_and_an_unknown_username_get_the_same_401() {
    let api = Api::start();
    assert_eq!(api.register("ada", PASSWORD).status, 201);
    let wrong_password = api.login("ada", "not the password");
    let unknown_user = api.login("nobody", PASSWORD);
    let impossible_name = api.login("no body", PASSWORD);
    assert_error(&wrong_password, 401, "sign_in_failed");
    assert_error(&unknown_user, 401, "sign_in_failed");
    assert_error(&impossible_name, 401, "sign_in_failed");
    assert_eq!(wrong_password.body, unknown_user.body);
    assert_eq!(wrong_password.body, impossible_name.body);
}

#[test]
fn repeated_failed_logins_are_slowed_down_with_429_and_retry_after() {
    let api = Api::start();
    assert_eq!(api.register("ada", PASSWORD).status, 201);
    for _ in 0..5 {
        assert_error(
            &api.login("ada", "guess guess guess"),
            401,
            "sign_in_failed",
        );
    }
    let throttled = api.login("ada", PASSWORD);
    assert_error(&throttled, 429, "too_many_attempts");
    let retry_after = throttled.headers.get("retry-after").expect("Retry-After");
    let seconds: u64 = retry_after
        .to_str()
        .unwrap()
        .parse()
        .expect("whole seconds");
    assert!((1..=2).contains(&seconds), "{seconds}");
    assert_eq!(
        api.login("grace", PASSWORD).status,
        401,
        "other usernames are not slowed"
    );
}

#[test]
fn logging_out_returns_204_and_the_token_stops_working() {
    let api = Api::start();
    let ada = api.student("ada");
    let logout = api.send(api.request(Method::POST, "/logout").bearer_auth(&ada.token));
    assert_eq!(logout.status, 204, "{}", logout.text);
    assert_error(&api.get("/sets", &ada), 401, "unauthorized");
}

#[test]
fn requests_without_a_token_or_with_a_made_up_one_return_401() {
    let api = Api::start();
    for path in ["/sets", "/me/progress", "/sets/korean-war-1950/next"] {
        let anonymous = api.send(api.request(Method::GET, path));
        assert_error(&anonymous, 401, "unauthorized");
        let made_up = Student {
            username: "mallory".into(),
            token: "0".repeat(64),
        };
        assert_error(&api.get(path, &made_up), 401, "unauthorized");
    }
    let logout = api.send(api.request(Method::POST, "/logout"));
    assert_error(&logout, 401, "unauthorized");
}
