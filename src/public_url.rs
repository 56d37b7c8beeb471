//! The server's public URL: where people reach it (`https://study.example.org`). Every absolute link the server prints or shows (join
//! links, the set-up link, one-time password links) starts with it; none is built from a
//! request's Host or X-Forwarded-* headers, which any client may set to anything (a crafted
//! header once made a join link a `javascript:` href).
//!
//! It comes from `--public-url`; without it, from the listening address (`http://...`). An
//! `https://` public URL also says the server is reached over TLS: cookies get `Secure` and
//! responses `Strict-Transport-Security`.

use std::fmt;
use std::net::SocketAddr;

/// An `http://` or `https://` origin (scheme, host, optional port; no path, query or fragment):
/// valid by construction, so a link made from it is always a plain web address. No path,
/// because the server's own redirects and pages link to `/...`: it is served at its host's root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

/// Why a `--public-url` cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error(
    "the public URL {given:?} {why}: give the address people open, e.g. \
     https://study.example.org (--public-url or STUDYHALL_PUBLIC_URL)"
)]
pub struct PublicUrlError {
    given: String,
    why: &'static str,
}

impl PublicUrl {
    /// Parses a public URL; a trailing slash is dropped, the scheme is lower-cased.
    pub fn parse(given: &str) -> Result<PublicUrl, PublicUrlError> {
        let refuse = |why| PublicUrlError {
            given: given.to_string(),
            why,
        };
        let text = given.trim();
        let lower = text.to_ascii_lowercase();
        let (scheme, rest) = if lower.starts_with("https://") {
            ("https", &text["https://".len()..])
        } else if lower.starts_with("http://") {
            ("http", &text["http://".len()..])
        } else {
            return Err(refuse("does not start with http:// or https://"));
        };
        let host = rest.strip_suffix('/').unwrap_or(rest);
        if host.is_empty() || host.starts_with('/') {
            return Err(refuse("names no host"));
        }
        if host.contains('/') {
            return Err(refuse(
                "has a path: studyhall is served at the root of its host",
            ));
        }
        // No user name, query, fragment, space or quote: a link is this plus a server path.
        let host_char = |c: char| c.is_ascii_alphanumeric() || ".-:[]".contains(c);
        if !host.chars().all(host_char) {
            return Err(refuse("has a character a host name cannot have"));
        }
        Ok(PublicUrl(format!(
            "{scheme}://{}",
            host.to_ascii_lowercase()
        )))
    }

    /// The URL of a server listening on `addr` with no public URL given: one listening on
    /// every interface (0.0.0.0 or ::) is reached on this machine as localhost.
    pub fn from_listen_addr(addr: SocketAddr) -> PublicUrl {
        if addr.ip().is_unspecified() {
            PublicUrl(format!("http://localhost:{}", addr.port()))
        } else {
            PublicUrl(format!("http://{addr}"))
        }
    }

    /// The absolute link to `path` (which starts with `/`) on this server.
    pub fn link(&self, path: &str) -> String {
        debug_assert!(path.starts_with('/'), "{path}");
        format!("{}{path}", self.0)
    }

    /// Reached over TLS: cookies are marked `Secure` and responses carry HSTS.
    pub fn is_https(&self) -> bool {
        self.0.starts_with("https://")
    }
}

impl fmt::Display for PublicUrl {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<String, PublicUrlError> {
        PublicUrl::parse(text).map(|url| url.to_string())
    }

    #[test]
    fn a_public_url_is_an_http_or_https_origin() {
        assert_eq!(
            parse("https://Study.Example.org/").unwrap(),
            "https://study.example.org"
        );
        assert_eq!(
            parse("HTTP://10.0.0.5:8080").unwrap(),
            "http://10.0.0.5:8080"
        );
        assert_eq!(parse("http://[::1]:8080").unwrap(), "http://[::1]:8080");
        assert!(PublicUrl::parse("https://example.org").unwrap().is_https());
        assert!(!PublicUrl::parse("http://example.org").unwrap().is_https());
    }

    #[test]
    fn anything_that_could_make_a_link_more_than_an_address_is_refused() {
        for bad in [
            "javascript:alert(1)",
            "javascript://example.org/%0aalert(1)",
            "ftp://example.org",
            "example.org",
            "https://",
            "https:///path",
            "https://user@example.org",
            "https://example.org/?q=1",
            "https://example.org/study",
            "https://example.org/#x",
            "https://exa mple.org",
            "https://example.org/a\"b",
            "https://example.org/<script>",
        ] {
            assert!(PublicUrl::parse(bad).is_err(), "{bad}");
        }
        let message = PublicUrl::parse("study.example.org")
            .unwrap_err()
            .to_string();
        assert!(message.contains("--public-url"), "{message}");
    }

    #[test]
    fn without_one_the_listening_address_is_used_and_every_interface_is_localhost() {
        let from = |addr: &str| PublicUrl::from_listen_addr(addr.parse().unwrap()).to_string();
        assert_eq!(from("127.0.0.1:8080"), "http://127.0.0.1:8080");
        assert_eq!(from("0.0.0.0:8080"), "http://localhost:8080");
        assert_eq!(from("[::]:80"), "http://localhost:80");
        assert_eq!(from("[::1]:8080"), "http://[::1]:8080");
    }

    #[test]
    fn links_are_the_url_and_a_path() {
        let url = PublicUrl::parse("https://example.org/").unwrap();
        assert_eq!(url.link("/join/K7MQ2X"), "https://example.org/join/K7MQ2X");
    }
}
