//! The response headers that hold whatever a page shows to the server's own code: a
//! Content-Security-Policy on every response, and, when the public URL is `https://`, HSTS and
//! `Secure` on every cookie.
//!
//! `Secure` is added here, on the way out, rather than where each cookie is made, so a cookie
//! added later cannot forget it; and only with an https:// public URL, because studyhall itself
//! speaks plain HTTP (to its reverse proxy, or on localhost) and a browser drops a `Secure`
//! cookie sent over plain HTTP.

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderValue, SET_COOKIE, STRICT_TRANSPORT_SECURITY};
use actix_web::middleware::Next;

/// Only the server's own scripts, styles and images; no inline script or style (the templates
/// hold none, and a test keeps it so), no plug-ins, no framing, forms posted only here.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; \
     frame-ancestors 'none'; base-uri 'none'";

/// A year: browsers then refuse plain HTTP to this host for that long. Not `includeSubDomains`
/// or `preload`: those bind the whole domain, which is its owner's decision, not studyhall's.
pub const STRICT_TRANSPORT_SECURITY_VALUE: &str = "max-age=31536000";

/// For a server reached over TLS: HSTS on every response, `Secure` on every cookie set.
pub async fn tls_only(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let mut response = next.call(request).await?;
    let headers = response.headers_mut();
    headers.insert(
        STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static(STRICT_TRANSPORT_SECURITY_VALUE),
    );
    let cookies: Vec<HeaderValue> = headers.get_all(SET_COOKIE).cloned().collect();
    if !cookies.is_empty() {
        headers.remove(SET_COOKIE);
        for cookie in cookies {
            headers.append(SET_COOKIE, secure(cookie));
        }
    }
    Ok(response)
}

/// The cookie with `; Secure` added, unless it has it already.
fn secure(cookie: HeaderValue) -> HeaderValue {
    let Ok(text) = cookie.to_str() else {
        return cookie;
    };
    if text
        .split(';')
        .any(|part| part.trim().eq_ignore_ascii_case("secure"))
    {
        return cookie;
    }
    HeaderValue::from_str(&format!("{text}; Secure")).unwrap_or(cookie)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cookie_gets_secure_once() {
        let made = secure(HeaderValue::from_static("a=b; HttpOnly; Path=/"));
        assert_eq!(made, "a=b; HttpOnly; Path=/; Secure");
        assert_eq!(secure(made.clone()), made);
    }

    #[test]
    fn the_policy_allows_nothing_inline() {
        assert!(!CONTENT_SECURITY_POLICY.contains("unsafe"));
        assert!(CONTENT_SECURITY_POLICY.contains("script-src 'self'"));
    }
}
