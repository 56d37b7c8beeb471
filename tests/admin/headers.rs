//! Security headers: every page sends a Content-Security-Policy that lets only the server's own
//! scripts and styles run (the templates hold no inline script or style for it to allow), and
//! a server whose public URL is https:// marks its cookies `Secure` and sends HSTS.

use reqwest::blocking::{Client, Response};

use crate::common::{TestApp, spawn_app, spawn_app_at};
use crate::site::{PASSWORD, with_people};

/// A client with no cookie jar (a `Secure` cookie would not be sent back over the test's plain
/// HTTP) and no redirects.
fn client() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client")
}

fn header(response: &Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|value| value.to_str().expect("ASCII").to_string())
}

fn set_cookies(response: &Response) -> Vec<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|value| value.to_str().expect("ASCII").to_string())
        .collect()
}

/// Signs `username` in through the form, sending the sign-in page's CSRF cookie back by hand;
/// answers the sign-in page's and the sign-in's responses.
fn sign_in(app: &TestApp, username: &str) -> (Response, Response) {
    let http = client();
    let form = http.get(format!("{}/login", app.address)).send().unwrap();
    let cookie = set_cookies(&form)
        .into_iter()
        .find(|cookie| cookie.starts_with("studyhall_csrf="))
        .expect("a CSRF cookie on the sign-in page");
    let pair = cookie.split(';').next().unwrap().to_string();
    let token = pair.trim_start_matches("studyhall_csrf=").to_string();
    let signed_in = http
        .post(format!("{}/login", app.address))
        .header("Cookie", pair)
        .form(&[
            ("csrf_token", token.as_str()),
            ("username", username),
            ("password", PASSWORD),
        ])
        .send()
        .unwrap();
    assert_eq!(signed_in.status().as_u16(), 303, "signing in");
    (form, signed_in)
}

#[test]
fn every_page_allows_only_the_servers_own_scripts_and_styles() {
    let app = spawn_app();
    let http = client();
    for path in ["/", "/login", "/register", "/no-such-page", "/api/v1/sets"] {
        let response = http.get(format!("{}{path}", app.address)).send().unwrap();
        let policy = header(&response, "content-security-policy")
            .unwrap_or_else(|| panic!("no Content-Security-Policy on {path}"));
        for directive in [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
        ] {
            assert!(policy.contains(directive), "{path}: {policy}");
        }
        assert!(!policy.contains("unsafe"), "{path}: {policy}");
    }
}

#[test]
fn the_templates_hold_no_inline_script_or_style_for_the_policy_to_block() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.display();
        assert!(!text.contains("<style"), "{name}: a <style> element");
        assert!(!text.contains("style="), "{name}: a style= attribute");
        for (at, _) in text.match_indices("<script") {
            let tag_end = at + text[at..].find('>').expect("a closed tag");
            assert!(
                text[at..tag_end].contains(" src=") && text[tag_end..].starts_with("></script>"),
                "{name}: an inline script"
            );
        }
        assert!(
            !text.contains(" onclick=") && !text.contains(" onsubmit="),
            "{name}: an inline event handler"
        );
    }
}

#[test]
fn a_plain_http_server_sends_no_hsts_and_no_secure_cookies() {
    let app = spawn_app();
    with_people(&app);
    let (form, signed_in) = sign_in(&app, "ada");
    assert_eq!(header(&signed_in, "strict-transport-security"), None);
    for cookie in set_cookies(&form).iter().chain(&set_cookies(&signed_in)) {
        assert!(!cookie.contains("Secure"), "{cookie}");
    }
}

#[test]
fn an_https_public_url_makes_every_cookie_secure_and_turns_hsts_on() {
    let app = spawn_app_at("https://study.example.org");
    with_people(&app);
    let (form, signed_in) = sign_in(&app, "ada");
    let cookies: Vec<String> = set_cookies(&form)
        .into_iter()
        .chain(set_cookies(&signed_in))
        .collect();
    assert!(
        cookies.iter().any(|c| c.starts_with("studyhall_session=")),
        "{cookies:?}"
    );
    for cookie in &cookies {
        assert!(cookie.contains("; Secure"), "{cookie}");
    }
    for response in [&form, &signed_in] {
        let hsts = header(response, "strict-transport-security").expect("HSTS");
        assert!(hsts.starts_with("max-age="), "{hsts}");
    }
    let missing = client()
        .get(format!("{}/no-such-page", app.address))
        .send()
        .unwrap();
    assert!(
        header(&missing, "strict-transport-security").is_some(),
        "on errors too"
    );
}
