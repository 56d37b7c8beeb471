//! A real deployment, tested: the release-shaped binary behind Debian's nginx with TLS (a
//! self-signed certificate made at test time), everything on 127.0.0.1, as `docs/deploy.md`
//! describes it. Through the proxy: the set-up link and join links use the public URL, cookies
//! are `Secure`, responses carry HSTS and the Content-Security-Policy, a student signs in and
//! an answer is recorded.
//!
//! nginx and openssl are required: a missing one fails the test (CI installs both, see
//! `.ci/run`); it is never skipped quietly. curl (`-k`, the certificate is self-signed) is the
//! client, because the dev-dependencies' reqwest is built without TLS.
//!
//! [`crash`] kills the server under load and checks what the database kept.

mod crash;
mod curl;
mod proxy;
mod server;

use curl::{Curl, Reply};
use proxy::Nginx;
use server::Studyhall;

const PASSWORD: &str = "correct horse battery staple";

#[test]
fn through_nginx_with_tls_links_cookies_headers_sign_in_and_answers_work() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let nginx_port = server::free_port();
    let public_url = format!("https://127.0.0.1:{nginx_port}");
    let app = Studyhall::start(dir.path(), &public_url);
    let _nginx = Nginx::start(dir.path(), nginx_port, app.port);

    // The set-up link printed at start-up is the public one, and opens through the proxy.
    let setup = app.setup_link.clone();
    assert!(
        setup.starts_with(&format!("{public_url}/setup/")),
        "{setup}"
    );
    let root = Curl::new(dir.path(), "root");
    let form = root.get(&setup);
    assert_eq!(form.status, 200, "{}", form.body);
    assert_secure_headers(&form);
    let created = root.post(
        &setup,
        &[
            ("csrf_token", &form.csrf()),
            ("username", "root"),
            ("password", PASSWORD),
            ("password_again", PASSWORD),
        ],
    );
    assert_eq!((created.status, created.location()), (303, "/admin"));
    assert_secure_headers(&created);
    assert!(
        created.sets_cookie("studyhall_session"),
        "{:?}",
        created.headers
    );

    // The admin teaches: a class's join link starts with the public URL.
    let teach = root.get(&format!("{public_url}/teach"));
    let class = root.post(
        &format!("{public_url}/teach/classes"),
        &[("csrf_token", &teach.csrf()), ("name", "History 9B")],
    );
    assert_eq!(class.status, 303, "{}", class.body);
    let class_path = class.location().split('?').next().unwrap().to_string();
    let class_page = root.get(&format!("{public_url}{class_path}"));
    let join_link = format!(r#"<p class="join-link"><a href="{public_url}/join/"#);
    assert!(
        class_page.body.replace("&#x2f;", "/").contains(&join_link),
        "{}",
        class_page.body
    );

    // A student (added with `studyhall user add`) signs in through the form.
    let ada = Curl::new(dir.path(), "ada");
    let login = ada.get(&format!("{public_url}/login"));
    let signed_in = ada.post(
        &format!("{public_url}/login"),
        &[
            ("csrf_token", &login.csrf()),
            ("username", "ada"),
            ("password", PASSWORD),
        ],
    );
    assert_eq!((signed_in.status, signed_in.location()), (303, "/"));
    assert_secure_headers(&signed_in);
    assert_eq!(ada.get(&format!("{public_url}/")).status, 200);

    // ... and answers a card through the API, which the store then holds.
    let api = Curl::new(dir.path(), "api");
    let token = api
        .post_json(
            &format!("{public_url}/api/v1/login"),
            &serde_json::json!({"username": "ada", "password": PASSWORD}),
            None,
        )
        .json()["token"]
        .as_str()
        .expect("a token")
        .to_string();
    let next = api.get_json(
        &format!("{public_url}/api/v1/sets/korean-war-1950/next"),
        &token,
    );
    let answer = server::an_answer_to(&next);
    let answered = api.post_json(
        &format!("{public_url}/api/v1/sets/korean-war-1950/answers"),
        &answer,
        Some(&token),
    );
    assert_eq!(answered.status, 200, "{}", answered.body);
    let progress = api.get_json(&format!("{public_url}/api/v1/me/progress"), &token);
    assert_eq!(progress["reviews_today"], 1, "{progress}");

    // The throttle sees each client's own address through nginx (`--trusted-proxy 127.0.0.1`):
    // wrong passwords for ada from 127.0.0.3 shut that address out for ada, an
    // X-Forwarded-For the client makes up does not get it out, and ada signing in from
    // 127.0.0.4 is not slowed.
    let login_url = format!("{public_url}/api/v1/login");
    let wrong = serde_json::json!({"username": "ada", "password": "not her password"});
    let right = serde_json::json!({"username": "ada", "password": PASSWORD});
    let attacker = Curl::from_address(dir.path(), "attacker", "127.0.0.3");
    let statuses: Vec<u16> = (0..6)
        .map(|_| attacker.post_json(&login_url, &wrong, None).status)
        .collect();
    assert_eq!(statuses, [401, 401, 401, 401, 401, 429]);
    let disguised = Curl::from_address(dir.path(), "disguised", "127.0.0.3")
        .sending("X-Forwarded-For: 127.0.0.4");
    assert_eq!(disguised.post_json(&login_url, &right, None).status, 429);
    let owner = Curl::from_address(dir.path(), "owner", "127.0.0.4");
    assert_eq!(owner.post_json(&login_url, &right, None).status, 200);
}

/// HSTS and the Content-Security-Policy on the reply, and `Secure` on every cookie it sets.
#[track_caller]
fn assert_secure_headers(reply: &Reply) {
    assert!(
        reply.header("strict-transport-security").is_some(),
        "no HSTS: {:?}",
        reply.headers
    );
    let policy = reply.header("content-security-policy").unwrap_or_default();
    assert!(policy.contains("script-src 'self'"), "{policy}");
    for cookie in reply.all("set-cookie") {
        assert!(cookie.contains("; Secure"), "{cookie}");
    }
}
