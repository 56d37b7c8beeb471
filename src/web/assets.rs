//! The static files (CSS, JavaScript, icon), embedded in the binary and served under URLs that
//! carry a hash of their content, e.g. `/static/style.3f9a1c2b7d.css`. Because a changed file
//! gets a new URL, every asset can be cached forever ([`CACHE_CONTROL`]); templates ask for the
//! current URL by name through [`url`], and the static route finds the file with [`lookup`].

use std::sync::LazyLock;

/// The `Cache-Control` header for every asset: the URL changes whenever the content does.
pub const CACHE_CONTROL: &str = "public, max-age=31536000, immutable";

/// Where assets are served from.
const PREFIX: &str = "/static/";

/// One embedded file.
#[derive(Debug)]
pub struct Asset {
    /// The name templates ask for, e.g. "style.css".
    pub name: &'static str,
    /// The URL path it is served at, e.g. "/static/style.3f9a1c2b7d.css".
    pub url: String,
    /// The `Content-Type` header value.
    pub content_type: &'static str,
    /// The file's bytes.
    pub body: &'static [u8],
}

/// Name, content type and bytes of each embedded file.
const FILES: &[(&str, &str, &[u8])] = &[
    (
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/style.css"),
    ),
    (
        "study.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/study.js"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_bytes!("../../static/favicon.svg"),
    ),
];

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|&(name, content_type, body)| Asset {
            name,
            url: hashed_url(name, body),
            content_type,
            body,
        })
        .collect()
});

/// Every embedded asset.
pub fn all() -> &'static [Asset] {
    &ASSETS
}

/// The current URL of the asset called `name` ("style.css"), or `None` if there is no such file.
pub fn url(name: &str) -> Option<&'static str> {
    all()
        .iter()
        .find(|asset| asset.name == name)
        .map(|asset| asset.url.as_str())
}

/// The asset served at the URL path `path` ("/static/style.3f9a1c2b7d.css"). A path with an
/// outdated hash finds nothing: serving new content under an old, forever-cached URL would
/// leave browsers with a mix of versions.
pub fn lookup(path: &str) -> Option<&'static Asset> {
    all().iter().find(|asset| asset.url == path)
}

/// `/static/{stem}.{hash}.{extension}`, the hash being the first 10 hex digits of FNV-1a.
fn hashed_url(name: &str, body: &[u8]) -> String {
    let hash = format!("{:016x}", fnv1a(body));
    match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{PREFIX}{stem}.{}.{extension}", &hash[..10]),
        None => format!("{PREFIX}{name}.{}", &hash[..10]),
    }
}

/// FNV-1a, 64 bits: not cryptographic, only a fingerprint of the content for cache busting.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_asset_has_a_url_with_a_content_hash_that_lookup_finds() {
        for name in ["style.css", "study.js", "favicon.svg"] {
            let url = url(name).unwrap();
            let (stem, extension) = name.split_once('.').unwrap();
            let hash = url
                .strip_prefix(&format!("/static/{stem}."))
                .and_then(|rest| rest.strip_suffix(&format!(".{extension}")))
                .unwrap();
            assert!(
                hash.len() == 10 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
                "{url}"
            );
            assert_eq!(lookup(url).unwrap().name, name);
        }
    }

    #[test]
    fn unknown_names_and_outdated_hashes_find_nothing() {
        assert_eq!(url("missing.css"), None);
        assert!(lookup("/static/style.0000000000.css").is_none());
        assert!(lookup("/static/style.css").is_none());
    }

    #[test]
    fn assets_have_the_right_content_types_and_are_not_empty() {
        assert!(
            lookup(url("style.css").unwrap())
                .unwrap()
                .content_type
                .starts_with("text/css")
        );
        assert!(
            lookup(url("study.js").unwrap())
                .unwrap()
                .content_type
                .starts_with("text/javascript")
        );
        assert_eq!(
            lookup(url("favicon.svg").unwrap()).unwrap().content_type,
            "image/svg+xml"
        );
        assert!(all().iter().all(|asset| !asset.body.is_empty()));
    }

    #[test]
    fn the_content_hash_is_fnv1a() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hashed_url("x.css", b"a"), "/static/x.af63dc4c86.css");
    }
}
