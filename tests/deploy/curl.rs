//! curl as the test's HTTPS client: `-k` for the self-signed certificate, a cookie jar per
//! person, no redirects followed (each 303 is checked).

use std::path::{Path, PathBuf};
use std::process::Command;

/// One person's client: their own cookie jar.
pub struct Curl {
    jar: PathBuf,
    dir: PathBuf,
    /// The loopback address the requests come from (`--interface`), to be another client.
    from: Option<String>,
    /// Headers sent with every request.
    headers: Vec<String>,
}

/// A reply: status, headers (lower-cased names) and body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Curl {
    pub fn new(dir: &Path, name: &str) -> Curl {
        Curl {
            jar: dir.join(format!("{name}.cookies")),
            dir: dir.join(format!("{name}.curl")),
            from: None,
            headers: Vec::new(),
        }
    }

    /// A client connecting from `address` (a loopback address such as 127.0.0.3).
    pub fn from_address(dir: &Path, name: &str, address: &str) -> Curl {
        Curl {
            from: Some(address.to_string()),
            ..Curl::new(dir, name)
        }
    }

    /// The same client, sending `header` (e.g. "X-Forwarded-For: 10.0.0.1") with every request.
    pub fn sending(mut self, header: &str) -> Curl {
        self.headers.push(header.to_string());
        self
    }

    pub fn get(&self, url: &str) -> Reply {
        self.run(&[url])
    }

    /// Posts `fields` as a form.
    pub fn post(&self, url: &str, fields: &[(&str, &str)]) -> Reply {
        let mut args = vec![url.to_string()];
        for (name, value) in fields {
            args.push("--data-urlencode".into());
            args.push(format!("{name}={value}"));
        }
        self.run(&args.iter().map(String::as_str).collect::<Vec<_>>())
    }

    pub fn post_json(&self, url: &str, body: &serde_json::Value, token: Option<&str>) -> Reply {
        let bearer = token.map(|token| format!("Authorization: Bearer {token}"));
        let body = body.to_string();
        let mut args = vec![
            url,
            "-H",
            "Content-Type: application/json",
            "--data-binary",
            &body,
        ];
        if let Some(bearer) = &bearer {
            args.extend(["-H", bearer]);
        }
        self.run(&args)
    }

    /// GETs `url` with a bearer token; the body as JSON (the status must be 200).
    pub fn get_json(&self, url: &str, token: &str) -> serde_json::Value {
        let reply = self.run(&[url, "-H", &format!("Authorization: Bearer {token}")]);
        assert_eq!(reply.status, 200, "{url}: {}", reply.body);
        reply.json()
    }

    fn run(&self, args: &[&str]) -> Reply {
        std::fs::create_dir_all(&self.dir).expect("a folder for curl");
        let (headers, body) = (self.dir.join("headers"), self.dir.join("body"));
        let output = Command::new("curl")
            .args(["-sS", "-k", "--max-time", "20"])
            .arg("-c")
            .arg(&self.jar)
            .arg("-b")
            .arg(&self.jar)
            .arg("-D")
            .arg(&headers)
            .arg("-o")
            .arg(&body)
            .args(["-w", "%{http_code}"])
            .args(
                self.from
                    .iter()
                    .flat_map(|from| ["--interface", from.as_str()]),
            )
            .args(
                self.headers
                    .iter()
                    .flat_map(|header| ["-H", header.as_str()]),
            )
            .args(args)
            .output()
            .expect("curl runs (apt-get install curl)");
        let status = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "curl {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let headers = std::fs::read_to_string(headers).expect("the headers");
        Reply {
            status: status.trim().parse().expect("a status"),
            headers: headers
                .lines()
                .filter_map(|line| line.split_once(':'))
                .map(|(name, value)| (name.trim().to_lowercase(), value.trim().to_string()))
                .collect(),
            body: std::fs::read_to_string(body).unwrap_or_default(),
        }
    }
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.all(name).next()
    }

    pub fn all<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a str> {
        let name = name.to_string();
        self.headers
            .iter()
            .filter(move |(key, _)| *key == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn location(&self) -> &str {
        self.header("location").unwrap_or("")
    }

    pub fn sets_cookie(&self, name: &str) -> bool {
        self.all("set-cookie")
            .any(|cookie| cookie.starts_with(&format!("{name}=")))
    }

    /// The CSRF token of the page's forms.
    pub fn csrf(&self) -> String {
        let marker = r#"name="csrf_token" value=""#;
        let start = self
            .body
            .find(marker)
            .unwrap_or_else(|| panic!("no CSRF token in {}", self.body))
            + marker.len();
        self.body[start..].split('"').next().unwrap().to_string()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("JSON: {}", self.body))
    }
}
