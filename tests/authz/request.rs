//! One request as one person sends it: their cookies set by hand (so nothing a response sets
//! changes who they are for the next row), the CSRF token a form of theirs carries, no
//! redirects followed.

use reqwest::blocking::{Client, RequestBuilder};
use serde_json::Value;

use crate::world::Caller;

/// What a request carries.
#[derive(Debug, Clone)]
pub enum Body {
    None,
    /// A url-encoded form; the caller's CSRF token is added.
    Form(Vec<(String, String)>),
    /// A multipart/form-data form (the set upload); the caller's CSRF token is added.
    Upload(Vec<(String, String)>),
    /// JSON for the API; a POST gets the caller's CSRF token in `X-CSRF-Token`.
    Json(Value),
}

impl Body {
    pub fn form(fields: &[(&str, &str)]) -> Body {
        Body::Form(owned(fields))
    }

    pub fn upload(fields: &[(&str, &str)]) -> Body {
        Body::Upload(owned(fields))
    }
}

fn owned(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect()
}

/// Which CSRF token a form carries: the session's, or (for the forms shown before signing in:
/// sign in, register, set up) the one of the `studyhall_csrf` cookie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Csrf {
    Session,
    Anonymous,
    /// None at all: a form without `csrf_token`, JSON without `X-CSRF-Token`, as a page of
    /// another site would post it with the caller's cookies.
    Missing,
}

#[derive(Debug, Clone)]
pub struct Request {
    pub post: bool,
    pub path: String,
    pub body: Body,
    pub csrf: Csrf,
}

/// What came back.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
    /// What the request carried, as text: a response may echo it without leaking anything.
    pub sent: String,
}

const BOUNDARY: &str = "studyhall-authz-boundary-81c3";

impl Request {
    pub fn get(path: &str) -> Request {
        Request {
            post: false,
            path: path.to_string(),
            body: Body::None,
            csrf: Csrf::Session,
        }
    }

    pub fn post(path: &str, body: Body) -> Request {
        Request {
            post: true,
            path: path.to_string(),
            body,
            csrf: Csrf::Session,
        }
    }

    pub fn api_post(path: &str, body: Value) -> Request {
        Request::post(path, Body::Json(body))
    }

    pub fn send(&self, http: &Client, address: &str, caller: &Caller) -> Reply {
        let url = format!("{address}{}", self.path);
        let mut request = if self.post {
            http.post(url)
        } else {
            http.get(url)
        };
        let mut cookies = vec![format!("studyhall_csrf={}", caller.anonymous_csrf)];
        if let Some(session) = &caller.session {
            cookies.push(format!("studyhall_session={session}"));
        }
        request = request.header("Cookie", cookies.join("; "));
        let token = match self.csrf {
            Csrf::Session => Some(caller.csrf.as_str()),
            Csrf::Anonymous => Some(caller.anonymous_csrf.as_str()),
            Csrf::Missing => None,
        };
        request = with_body(request, &self.body, token, self.post);
        let response = request.send().expect("the server answers");
        let location = response
            .headers()
            .get("location")
            .and_then(|value| value.to_str().ok())
            .map(str::to_string);
        Reply {
            status: response.status().as_u16(),
            location,
            body: response.text().unwrap_or_default(),
            sent: format!("{} {:?}", self.path, self.body),
        }
    }
}

fn with_body(
    request: RequestBuilder,
    body: &Body,
    token: Option<&str>,
    post: bool,
) -> RequestBuilder {
    let with_token = |fields: &[(String, String)]| {
        let mut all: Vec<(String, String)> = token
            .map(|token| ("csrf_token".to_string(), token.to_string()))
            .into_iter()
            .collect();
        all.extend_from_slice(fields);
        all
    };
    match body {
        Body::None => request,
        Body::Form(fields) => request.form(&with_token(fields)),
        Body::Upload(fields) => request
            .header(
                "Content-Type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(multipart(&with_token(fields))),
        Body::Json(json) => match token {
            Some(token) if post => request.header("X-CSRF-Token", token).json(json),
            _ => request.json(json),
        },
    }
}

/// The multipart/form-data body of `fields`, as a browser sends a form without a file.
fn multipart(fields: &[(String, String)]) -> Vec<u8> {
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str(&format!("--{BOUNDARY}--\r\n"));
    body.into_bytes()
}
