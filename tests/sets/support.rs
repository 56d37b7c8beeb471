//! Signed-in teachers and students, the upload form posted as multipart/form-data, and the set
//! files the tests upload.

use reqwest::blocking::Client;
use reqwest::redirect::Policy;
use serde_json::{Value, json};

use studyhall::questions::SetId;
use studyhall::store::{Role, SetOwnership};

use crate::html::{self, Form};
use crate::site::{PASSWORD, Page, Site, Visitor};

/// A set of three true-or-false cards, c1 to c3, in TOML.
pub const COLD_WAR: &str = r#"[set]
id = "cold-war"
title = "The Cold War"

[[cards]]
id = "c1"
kind = "truefalse"
prompt = "The Berlin Wall fell in 1989."
answer = true

[[cards]]
id = "c2"
kind = "truefalse"
prompt = "The Korean War began in 1953."
answer = false

[[cards]]
id = "c3"
kind = "choice"
prompt = "Which city was divided by a wall?"
choices = ["Berlin", "Vienna"]
answer = "Berlin"
explanation = "From 1961 to 1989."
"#;

/// The same cards as a spreadsheet.
pub const COLD_WAR_CSV: &str = "id,kind,prompt,answer,choices,explanation\n\
c1,truefalse,The Berlin Wall fell in 1989.,true,,\n\
c2,truefalse,The Korean War began in 1953.,false,,\n\
c3,choice,Which city was divided by a wall?,Berlin,Berlin|Vienna,From 1961 to 1989.\n";

/// A signed-in user with a browser, and a second client carrying their session cookie for the
/// multipart posts (the site's visitor sends url-encoded forms only).
pub struct Teacher {
    pub visitor: Visitor,
    session: String,
    http: Client,
    address: String,
}

/// A user with `role` added to the store, then signed in through the sign-in form.
pub fn signed_in(site: &Site, username: &str, role: Role) -> Teacher {
    let hash = studyhall::accounts::hash_password(PASSWORD).expect("the password hashes");
    site.app
        .store
        .create_user(username, &hash, role)
        .wait()
        .expect("the user is added");
    let mut visitor = site.visitor();
    let signed_in = visitor.sign_in(username, PASSWORD);
    assert_eq!(signed_in.status, 303, "signing in: {}", signed_in.text());
    visitor.username = username.to_string();
    let session = visitor
        .cookie("studyhall_session")
        .expect("a session cookie");
    let http = Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("an HTTP client");
    Teacher {
        visitor,
        session,
        http,
        address: site.app.address.clone(),
    }
}

pub fn instructor(site: &Site, username: &str) -> Teacher {
    signed_in(site, username, Role::Instructor)
}

/// One part of a multipart body: a field, or a file with its name.
pub enum Part<'a> {
    Field(&'a str, &'a str),
    File(&'a str, &'a [u8]),
}

const BOUNDARY: &str = "studyhall-test-boundary-5f0c2a";

/// The multipart/form-data body of `parts`, as a browser sends it.
pub fn multipart(parts: &[Part<'_>]) -> Vec<u8> {
    let mut body = Vec::new();
    for part in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match part {
            Part::Field(name, value) => {
                body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
                );
                body.extend_from_slice(value.as_bytes());
            }
            Part::File(file_name, bytes) => {
                let disposition = format!(
                    "Content-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n"
                );
                body.extend_from_slice(disposition.as_bytes());
                body.extend_from_slice(b"Content-Type: application/octet-stream\r\n\r\n");
                body.extend_from_slice(bytes);
            }
        }
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

impl Teacher {
    pub fn get(&self, path: &str) -> Page {
        self.visitor.get(path)
    }

    /// `GET path` as a download: (status, Content-Type, Content-Disposition, body bytes).
    pub fn download(&self, path: &str) -> (u16, String, String, Vec<u8>) {
        let response = self
            .http
            .get(format!("{}{path}", self.address))
            .header("Cookie", format!("studyhall_session={}", self.session))
            .send()
            .expect("the server answers");
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|value| value.to_str().unwrap().to_string())
                .unwrap_or_default()
        };
        let (content_type, disposition) = (header("content-type"), header("content-disposition"));
        let status = response.status().as_u16();
        (
            status,
            content_type,
            disposition,
            response.bytes().unwrap().to_vec(),
        )
    }

    /// Posts `body` (see [`multipart`]) to `path`.
    pub fn post_multipart(&self, path: &str, body: Vec<u8>) -> Page {
        let response = self
            .http
            .post(format!("{}{path}", self.address))
            .header("Cookie", format!("studyhall_session={}", self.session))
            .header(
                "Content-Type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(body)
            .send()
            .expect("the server answers");
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .map(|value| value.to_str().unwrap().to_string());
        Page {
            status,
            location,
            set_cookies: Vec::new(),
            html: response.text().expect("a body"),
        }
    }

    /// Submits `form` (read from a page) as multipart, with `file` chosen (or none) and `text`
    /// in the text box, as a browser would.
    pub fn submit_upload(&self, form: &Form, file: Option<(&str, &[u8])>, text: &str) -> Page {
        let fields = form.submit();
        let mut parts: Vec<Part<'_>> = fields
            .iter()
            .filter(|(name, _)| name != "file" && name != "text")
            .map(|(name, value)| Part::Field(name, value))
            .collect();
        parts.push(match file {
            Some((name, bytes)) => Part::File(name, bytes),
            None => Part::File("", b""),
        });
        parts.push(Part::Field("text", text));
        self.post_multipart(&form.action, multipart(&parts))
    }

    /// Uploads a file with the form of `/teach/sets/new`.
    pub fn upload_file(&self, name: &str, bytes: &[u8]) -> Page {
        let form = self.get("/teach/sets/new").form("/teach/sets/preview");
        self.submit_upload(&form, Some((name, bytes)), "")
    }

    /// Pastes `text` into the form of `/teach/sets/new`, in `format` (`toml` or `sheet`).
    pub fn paste(&self, text: &str, format: &str) -> Page {
        let form = self.get("/teach/sets/new").form("/teach/sets/preview");
        let form = Form {
            fields: form
                .fields
                .into_iter()
                .filter(|(name, _)| name != "format")
                .collect(),
            ..form
        };
        let form = form.tick("format", format);
        self.submit_upload(&form, None, text)
    }

    /// Presses Publish on a preview page (asserting it is one), choosing `visibility` for a
    /// new set when given.
    #[track_caller]
    pub fn publish(&self, preview: &Page, visibility: Option<&str>) -> Page {
        assert_eq!(preview.status, 200, "a preview: {}", preview.text());
        let mut form = preview.form("/teach/sets/publish");
        if let Some(visibility) = visibility {
            form.fields.retain(|(name, _)| name != "visibility");
            form = form.tick("visibility", visibility);
        }
        self.post_fields(&form.action, &form.fields)
    }

    /// Posts `fields` to `path` as multipart/form-data, as a form of the set pages does.
    pub fn post_fields(&self, path: &str, fields: &[(String, String)]) -> Page {
        let parts: Vec<Part<'_>> = fields
            .iter()
            .map(|(name, value)| Part::Field(name, value))
            .collect();
        self.post_multipart(path, multipart(&parts))
    }

    /// Uploads `text` as `name` and publishes it, asserting each step.
    #[track_caller]
    pub fn publish_file(&self, name: &str, text: &str, visibility: Option<&str>) -> Page {
        let preview = self.upload_file(name, text.as_bytes());
        let published = self.publish(&preview, visibility);
        assert_eq!(published.status, 303, "published: {}", published.text());
        published
    }
}

/// Who owns the set `id` now, and who may study it; `None` when there is no such set.
pub fn ownership(site: &Site, id: &str) -> Option<SetOwnership> {
    site.app
        .store
        .set_ownership(&SetId::parse(id).unwrap())
        .expect("the store reads")
}

/// The set's stored file text.
pub fn file_text(site: &Site, id: &str) -> Option<String> {
    site.app
        .store
        .set_file_text(&SetId::parse(id).unwrap())
        .expect("the store reads")
}

/// The problem notes the page shows under the file's lines: (line number above it, text).
pub fn problems_under_lines(page: &Page) -> Vec<(usize, String)> {
    let html_text = &page.html;
    let mut found = Vec::new();
    let mut line = 0;
    for tag in html::tags(html_text, "div") {
        match tag.attr("class").unwrap_or_default() {
            class if class.starts_with("listing-line") => {
                line = tag
                    .attr("id")
                    .and_then(|id| id.strip_prefix("line-"))
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
            }
            "listing-problem" => found.push((line, html::text(html::inner(html_text, &tag)))),
            _ => {}
        }
    }
    found
}

/// A JSON API client signed in as a student: answers the next card of `set` right.
pub struct Student {
    http: Client,
    base: String,
    token: String,
}

impl Student {
    pub fn register(site: &Site, username: &str) -> Student {
        let http = Client::new();
        let base = format!("{}/api/v1", site.app.address);
        let registered = http
            .post(format!("{base}/register"))
            .json(&json!({"username": username, "password": PASSWORD}))
            .send()
            .expect("the server answers");
        assert_eq!(registered.status().as_u16(), 201, "registering");
        let login = http
            .post(format!("{base}/login"))
            .json(&json!({"username": username, "password": PASSWORD}))
            .send()
            .expect("the server answers");
        let body: Value = login.json().expect("JSON");
        let token = body["token"].as_str().expect("a token").to_string();
        Student { http, base, token }
    }

    /// `GET {path}` of the API: (status, body).
    pub fn get(&self, path: &str) -> (u16, Value) {
        let response = self
            .http
            .get(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .send()
            .unwrap();
        (
            response.status().as_u16(),
            response.json().unwrap_or(Value::Null),
        )
    }

    /// Answers the next card of `set` with `answer`; returns the card's id.
    pub fn answer_next(&self, set: &str, answer: Value) -> String {
        let (status, next) = self.get(&format!("/sets/{set}/next"));
        assert_eq!(status, 200, "a card: {next}");
        let (status, _) = self.answer(set, &next, answer);
        assert_eq!(status, 200);
        next["card"]["id"].as_str().unwrap().to_string()
    }

    /// Answers the card `next` (a `/next` body) with `answer`: (status, the check's body).
    pub fn answer(&self, set: &str, next: &Value, answer: Value) -> (u16, Value) {
        let body = json!({"card_id": next["card"]["id"], "review_token": next["review_token"], "answer": answer});
        let response = self
            .http
            .post(format!("{}/sets/{set}/answers", self.base))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .unwrap();
        (
            response.status().as_u16(),
            response.json().unwrap_or(Value::Null),
        )
    }
}
