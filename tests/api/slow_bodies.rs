//! A body that never arrives: the request is answered 408 and its connection closed after the
//! body timeout, and the server keeps answering others meanwhile. A request answered before
//! its body was read (401, 303) closes its connection too, chunked or not: actix drained a
//! dropped chunked body for ever.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use studyhall::web::limits::Limits;

use crate::helpers::Api;

/// Sends a request head announcing a body of 1,000 bytes, and no body.
fn head_without_body(api: &Api) -> TcpStream {
    head_to(api, "/api/v1/login", "Content-Length: 1000")
}

/// Sends the head of a POST to `path` with the body header `framing`, and no body.
fn head_to(api: &Api, path: &str, framing: &str) -> TcpStream {
    let address = api.app.address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).expect("a connection");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: studyhall\r\nContent-Type: application/json\r\n\
         {framing}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).expect("the head is sent");
    stream
}

/// Everything the server sends until it closes the connection, and how long that took; a
/// connection still open after 10 s fails the read.
fn answer_then_close(mut stream: TcpStream) -> (String, Duration) {
    let started = Instant::now();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut answer = String::new();
    stream
        .read_to_string(&mut answer)
        .expect("the server answers, then closes the connection");
    (answer, started.elapsed())
}

#[test]
fn a_chunked_body_that_never_arrives_is_cut_off_and_its_connection_closed() {
    let api = Api::start_with(Limits {
        body_timeout: Duration::from_secs(1),
        ..Limits::default()
    });
    let stalled = head_to(&api, "/api/v1/login", "Transfer-Encoding: chunked");
    let (answer, waited) = answer_then_close(stalled);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(waited < Duration::from_secs(5), "{waited:?}");
}

#[test]
fn a_request_answered_before_its_body_is_read_closes_its_connection() {
    let api = Api::start_with(Limits {
        body_timeout: Duration::from_secs(30),
        ..Limits::default()
    });
    for (path, status) in [
        ("/api/v1/sets/korean-war-1950/answers", "401"),
        ("/teach/sets/preview", "303"),
    ] {
        for framing in ["Transfer-Encoding: chunked", "Content-Length: 1000"] {
            let (answer, waited) = answer_then_close(head_to(&api, path, framing));
            assert!(
                answer.starts_with(&format!("HTTP/1.1 {status}")),
                "{path} {framing}: {answer}"
            );
            assert!(
                waited < Duration::from_secs(5),
                "{path} {framing}: {waited:?}"
            );
        }
    }
}

#[test]
fn a_body_that_never_arrives_is_cut_off_after_the_timeout_while_healthz_answers() {
    let api = Api::start_with(Limits {
        body_timeout: Duration::from_secs(1),
        ..Limits::default()
    });
    let started = Instant::now();
    let mut stalled = head_without_body(&api);
    let health = reqwest::blocking::get(format!("{}/healthz", api.app.address)).unwrap();
    assert_eq!(health.status(), 200, "the server answers others meanwhile");

    stalled
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut answer = String::new();
    stalled
        .read_to_string(&mut answer)
        .expect("the server answers, then closes the connection");
    let waited = started.elapsed();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("body_timeout"), "{answer}");
    assert!(waited >= Duration::from_secs(1), "{waited:?}");
    assert!(waited < Duration::from_secs(5), "{waited:?}");
}
