//! A body that never arrives: the request is answered 408 and its connection closed after the
//! body timeout, and the server keeps answering others meanwhile.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use studyhall::web::limits::Limits;

use crate::helpers::Api;

/// Sends a request head announcing a body of 1,000 bytes, and no body.
fn head_without_body(api: &Api) -> TcpStream {
    let address = api.app.address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).expect("a connection");
    let head = "POST /api/v1/login HTTP/1.1\r\nHost: studyhall\r\n\
                Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
    stream.write_all(head.as_bytes()).expect("the head is sent");
    stream
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
