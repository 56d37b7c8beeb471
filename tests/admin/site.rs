//! A browser for the tests: a cookie jar, no automatic redirects (so each 303 can be checked),
//! and the CSRF token of the forms on the last page.

use reqwest::blocking::{Client, Response};
use reqwest::header::HeaderMap;

use studyhall::accounts::hash_password;
use studyhall::store::{Role, UserId};

use crate::common::TestApp;

pub const PASSWORD: &str = "correct horse battery staple";

/// One browser, with its own cookies.
pub struct Browser {
    base: String,
    client: Client,
}

/// What the server answered.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
}

impl Page {
    /// Where a redirect goes.
    pub fn location(&self) -> &str {
        self.headers
            .get("location")
            .and_then(|value| value.to_str().ok())
            .unwrap_or("")
    }

    /// The CSRF token of the page's forms (they all carry the same one).
    pub fn csrf(&self) -> String {
        let marker = r#"name="csrf_token" value=""#;
        let start = self
            .text
            .find(marker)
            .unwrap_or_else(|| panic!("no CSRF token in {}", self.text));
        let rest = &self.text[start + marker.len()..];
        rest[..rest.find('"').expect("a closing quote")].to_string()
    }

    pub fn assert_status(&self, status: u16) -> &Page {
        assert_eq!(self.status, status, "{}", self.text);
        self
    }
}

impl Browser {
    pub fn new(app: &TestApp) -> Browser {
        let client = Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("a client");
        Browser {
            base: app.address.clone(),
            client,
        }
    }

    pub fn get(&self, path: &str) -> Page {
        page(self.client.get(format!("{}{path}", self.base)).send())
    }

    /// Gets `path` with extra request headers, e.g. ones a client crafted.
    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut request = self.client.get(format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        page(request.send())
    }

    /// As [`Browser::submit`], the post sent with extra request headers.
    pub fn submit_with(
        &self,
        page_path: &str,
        action: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Page {
        let csrf = self.get(page_path).csrf();
        let mut all = vec![("csrf_token", csrf.as_str())];
        all.extend_from_slice(fields);
        let mut request = self
            .client
            .post(format!("{}{action}", self.base))
            .form(&all);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        page(request.send())
    }

    /// Posts `fields` as a form, as they are (add `csrf_token` yourself, or leave it out).
    pub fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        page(
            self.client
                .post(format!("{}{path}", self.base))
                .form(fields)
                .send(),
        )
    }

    /// Opens `page`, then posts `fields` with that page's CSRF token to `action`.
    pub fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let csrf = self.get(page).csrf();
        let mut all = vec![("csrf_token", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post(action, &all)
    }

    /// Signs in as `username` with [`PASSWORD`].
    pub fn signed_in(app: &TestApp, username: &str) -> Browser {
        let browser = Browser::new(app);
        let signed_in = browser.submit(
            "/login",
            "/login",
            &[("username", username), ("password", PASSWORD)],
        );
        assert_eq!(
            signed_in.status, 303,
            "signing in as {username}: {}",
            signed_in.text
        );
        browser
    }
}

fn page(sent: reqwest::Result<Response>) -> Page {
    let response = sent.expect("the server answers");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().expect("a readable body");
    Page {
        status,
        headers,
        text,
    }
}

/// Adds a user with [`PASSWORD`] and `role`, straight into the store.
pub fn add_user(app: &TestApp, username: &str, role: Role) -> UserId {
    let hash = hash_password(PASSWORD).expect("a hash");
    app.store
        .add_user(username, &hash, role, None)
        .wait()
        .expect("the user is added")
}

/// A server with an admin `root`, an instructor `teacher` and a student `ada`.
pub fn with_people(app: &TestApp) -> (UserId, UserId, UserId) {
    (
        add_user(app, "root", Role::Admin),
        add_user(app, "teacher", Role::Instructor),
        add_user(app, "ada", Role::Student),
    )
}
