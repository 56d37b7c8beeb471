//! The error statuses every client can meet, each answered as JSON `{"error": {"code",
//! "message"}}`: 400, 403, 404, 413 and 422 here (401, 409 and 429 with the routes that give
//! them); and the health check.

use reqwest::Method;
use serde_json::json;

use crate::helpers::{Api, PASSWORD, SET, assert_error};

#[test]
fn malformed_json_returns_400() {
    let api = Api::start();
    let ada = api.student("ada");
    let broken = api.send(
        api.request(Method::POST, &format!("/sets/{SET}/answers"))
            .bearer_auth(&ada.token)
            .header("content-type", "application/json")
            .body(r#"{"card_id": "essay-anniversary", "answer": "#),
    );
    assert_error(&broken, 400, "bad_request");
    let register = api.send(
        api.request(Method::POST, "/register")
            .header("content-type", "application/json")
            .body("username=ada&password=x"),
    );
    assert_error(&register, 400, "bad_request");
}

#[test]
fn a_body_that_is_not_sent_as_json_returns_400() {
    let api = Api::start();
    let form = api.send(
        api.request(Method::POST, "/login")
            .form(&[("username", "ada"), ("password", PASSWORD)]),
    );
    assert_error(&form, 400, "bad_request");
}

#[test]
fn json_of_the_wrong_shape_returns_422() {
    let api = Api::start();
    let wrong_type = api.send(
        api.request(Method::POST, "/register")
            .json(&json!({"username": 42, "password": PASSWORD})),
    );
    assert_error(&wrong_type, 422, "invalid");
    let missing = api.send(
        api.request(Method::POST, "/login")
            .json(&json!({"username": "ada"})),
    );
    assert_error(&missing, 422, "invalid");
    let not_an_object = api.send(api.request(Method::POST, "/login").json(&json!(["ada"])));
    assert_error(&not_an_object, 422, "invalid");
}

#[test]
fn a_body_of_100_kb_returns_413() {
    let api = Api::start();
    let ada = api.student("ada");
    let huge = json!({
        "card_id": "responsible-for-outbreak",
        "review_token": uuid::Uuid::new_v4().to_string(),
        "answer": "x".repeat(100 * 1024),
    });
    let reply = api.post(&format!("/sets/{SET}/answers"), &ada, &huge);
    assert_error(&reply, 413, "too_large");
    let register = api.send(
        api.request(Method::POST, "/register")
            .json(&json!({"username": "grace", "password": "p".repeat(100 * 1024)})),
    );
    assert_error(&register, 413, "too_large");
    assert_eq!(api.progress(&ada)["reviews_today"], 0);
}

#[test]
fn an_unknown_route_or_method_under_api_v1_returns_a_json_404() {
    let api = Api::start();
    let ada = api.student("ada");
    assert_error(&api.get("/no-such-route", &ada), 404, "not_found");
    assert_error(&api.get(&format!("/sets/{SET}"), &ada), 404, "not_found");
    assert_error(&api.get("/login", &ada), 404, "not_found");
    let delete = api.send(api.request(Method::DELETE, "/sets").bearer_auth(&ada.token));
    assert_error(&delete, 404, "not_found");
    let anonymous = api.send(api.request(Method::GET, "/nothing/here"));
    assert_error(&anonymous, 404, "not_found");
}

/// A browser sends the session cookie with any request, forged ones too: a state-changing API
/// request signed in by cookie must carry the session's CSRF token as well.
#[test]
fn a_cookie_session_that_posts_without_its_csrf_token_gets_403() {
    let api = Api::start();
    let ada = api.student("ada");
    let user = api.user_id(&ada);
    let far_future = i64::MAX / 2;
    let session = api
        .app
        .store
        .create_session(user, "cookie-token", "csrf-token", far_future);
    session.wait().expect("a session");
    let cookie = "studyhall_session=cookie-token";

    let read = api.send(api.request(Method::GET, "/sets").header("cookie", cookie));
    assert_eq!(
        read.status, 200,
        "reading needs no CSRF token: {}",
        read.text
    );
    let answer = json!({
        "card_id": "responsible-for-outbreak",
        "review_token": api.app.token_for(user, SET, "responsible-for-outbreak"),
        "answer": "Stalin",
    });
    let path = format!("/sets/{SET}/answers");
    let forged = api.send(
        api.request(Method::POST, &path)
            .header("cookie", cookie)
            .json(&answer),
    );
    assert_error(&forged, 403, "forbidden");
    let wrong_token = api.send(
        api.request(Method::POST, &path)
            .header("cookie", cookie)
            .header("x-csrf-token", "csrf-guess")
            .json(&answer),
    );
    assert_error(&wrong_token, 403, "forbidden");
    assert_eq!(
        api.progress(&ada)["reviews_today"],
        0,
        "nothing was recorded"
    );
    let genuine = api.send(
        api.request(Method::POST, &path)
            .header("cookie", cookie)
            .header("x-csrf-token", "csrf-token")
            .json(&answer),
    );
    assert_eq!(genuine.status, 200, "{}", genuine.text);
}

#[test]
fn the_health_check_answers_503_while_the_database_takes_no_write_and_200_again_after() {
    let api = Api::start();
    let health =
        || api.send(reqwest::blocking::Client::new().get(format!("{}/healthz", api.app.address)));
    // Another process holds the write lock: the server's writer gives up after its busy
    // timeout, and the probe must say the server cannot take writes.
    let blocker = rusqlite::Connection::open(&api.app.db_path).expect("the database opens");
    blocker
        .execute_batch("BEGIN IMMEDIATE")
        .expect("the write lock is taken");
    let blocked = health();
    assert_eq!(blocked.status, 503, "{}", blocked.text);
    assert_eq!(blocked.body["status"], "unavailable");
    blocker
        .execute_batch("ROLLBACK")
        .expect("the lock is let go");
    let healthy = health();
    assert_eq!(healthy.status, 200, "{}", healthy.text);
}

#[test]
fn the_health_check_returns_200() {
    let api = Api::start();
    let reply =
        api.send(reqwest::blocking::Client::new().get(format!("{}/healthz", api.app.address)));
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.body["status"], "ok");
}
