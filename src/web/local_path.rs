//! Where to send someone once they have signed in: a path on this server, carried as `next` by
//! the sign-in and register pages (`/login?next=/join/K7MQ2X`). Only a local path is ever
//! followed, so a link to the sign-in page cannot send anyone to another site (no open redirect).

use std::fmt;

/// The longest `next` followed; longer ones are dropped (the visitor goes home instead).
const MAX_CHARS: usize = 2048;

/// A path on this server, with its query if any: `/study/korean-war-1950?card=x&answer=Stalin`.
/// Valid by construction: it starts with one `/` (not `//` or `/\`, which browsers read as
/// another host), and holds no backslash, whitespace or control character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalPath(String);

impl LocalPath {
    /// The path in `text`, if it is a local one; `None` for anything else.
    pub fn parse(text: &str) -> Option<LocalPath> {
        let rest = text.strip_prefix('/')?;
        let local = !rest.starts_with('/')
            && text.len() <= MAX_CHARS
            && !text
                .chars()
                .any(|c| c == '\\' || c.is_whitespace() || c.is_control());
        local.then(|| LocalPath(text.to_string()))
    }

    /// As [`LocalPath::parse`], for a form field or a query parameter that may be empty.
    pub fn from_field(text: Option<&str>) -> Option<LocalPath> {
        text.map(str::trim)
            .filter(|text| !text.is_empty())
            .and_then(LocalPath::parse)
    }

    /// The path with a query built from `pairs`, each encoded: `/study/x?card=y&answer=z`.
    pub fn with_query<'a>(
        path: &str,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Option<LocalPath> {
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        if query.is_empty() {
            LocalPath::parse(path)
        } else {
            LocalPath::parse(&format!("{path}?{query}"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `page` with `next` (and the `extra` pairs first) in its query, e.g.
    /// `/login?next=%2Fjoin%2FK7MQ2X`: how a link to the sign-in or register page carries it.
    pub fn link(page: &str, extra: &[(&str, &str)], next: Option<&LocalPath>) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.extend_pairs(extra.iter().copied());
        if let Some(next) = next {
            query.append_pair("next", next.as_str());
        }
        match query.finish() {
            query if query.is_empty() => page.to_string(),
            query => format!("{page}?{query}"),
        }
    }
}

impl fmt::Display for LocalPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_on_this_server_is_followed() {
        for local in [
            "/",
            "/join/K7MQ2X",
            "/study/korean-war-1950?card=key-port&answer=Port%20Arthur",
            "/progress?set=korean-war-1950",
        ] {
            assert_eq!(
                LocalPath::parse(local).map(|p| p.to_string()),
                Some(local.into())
            );
        }
    }

    #[test]
    fn anything_that_could_leave_the_site_is_not() {
        for foreign in [
            "",
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example/",
            "\\\\evil.example",
            "/\t/evil.example",
            "/ /evil.example",
            "/join/\r\nSet-Cookie: x=y",
            "javascript:alert(1)",
            "join/K7MQ2X",
        ] {
            assert_eq!(LocalPath::parse(foreign), None, "{foreign:?}");
        }
        let long = format!("/{}", "a".repeat(MAX_CHARS));
        assert_eq!(LocalPath::parse(&long), None, "too long");
        assert_eq!(LocalPath::from_field(Some("  ")), None);
        assert_eq!(LocalPath::from_field(None), None);
        assert_eq!(
            LocalPath::from_field(Some(" /progress ")).map(|p| p.to_string()),
            Some("/progress".into())
        );
    }

    #[test]
    fn queries_and_links_are_encoded() {
        let back = LocalPath::with_query("/study/s", [("card", "c"), ("answer", "Kim & Mao?")]);
        let back = back.expect("a local path");
        assert_eq!(back.as_str(), "/study/s?card=c&answer=Kim+%26+Mao%3F");
        assert_eq!(
            LocalPath::link("/login", &[], Some(&back)),
            "/login?next=%2Fstudy%2Fs%3Fcard%3Dc%26answer%3DKim%2B%2526%2BMao%253F"
        );
        let join = LocalPath::parse("/join/K7MQ2X");
        assert_eq!(
            LocalPath::link("/register", &[("code", "K7MQ2X")], join.as_ref()),
            "/register?code=K7MQ2X&next=%2Fjoin%2FK7MQ2X"
        );
        assert_eq!(LocalPath::link("/login", &[], None), "/login");
        assert_eq!(
            LocalPath::with_query("/study/s", []).map(|p| p.to_string()),
            Some("/study/s".into())
        );
    }
}
