//! A browser-like client for the instructors' pages: a cookie jar, no redirects followed, and
//! the session's CSRF token read from the page as a browser's form would send it.

use std::sync::Arc;

use reqwest::blocking::Client;
use reqwest::cookie::Jar;
use reqwest::redirect::Policy;

/// What a page or a download answered.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub location: Option<String>,
    pub content_type: String,
    pub disposition: String,
    pub body: String,
}

/// A signed-in visitor of the pages.
pub struct Browser {
    http: Client,
    address: String,
}

impl Browser {
    /// A visitor with an empty cookie jar.
    pub fn new(address: &str) -> Browser {
        let http = Client::builder()
            .cookie_provider(Arc::new(Jar::default()))
            .redirect(Policy::none())
            .build()
            .unwrap();
        Browser {
            http,
            address: address.to_string(),
        }
    }

    pub fn get(&self, path: &str) -> Reply {
        reply(
            self.http
                .get(format!("{}{path}", self.address))
                .send()
                .unwrap(),
        )
    }

    pub fn post(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        reply(
            self.http
                .post(format!("{}{path}", self.address))
                .form(fields)
                .send()
                .unwrap(),
        )
    }

    /// The session's CSRF token, from the sign-out form every page has.
    pub fn csrf(&self) -> String {
        csrf_of(&self.get("/").body)
    }
}

fn reply(response: reqwest::blocking::Response) -> Reply {
    let header = |name: &str| {
        let value = response.headers().get(name);
        value.map(|v| v.to_str().unwrap().to_string())
    };
    Reply {
        status: response.status().as_u16(),
        location: header("location"),
        content_type: header("content-type").unwrap_or_default(),
        disposition: header("content-disposition").unwrap_or_default(),
        body: response.text().unwrap(),
    }
}

/// The first CSRF token in a page's forms.
pub fn csrf_of(html: &str) -> String {
    let marker = r#"name="csrf_token" value=""#;
    let start = html
        .find(marker)
        .unwrap_or_else(|| panic!("no CSRF token in {html}"))
        + marker.len();
    html[start..].split('"').next().unwrap().to_string()
}
