//! Who the client is, for the sign-in throttle: the peer's address; or, when the peer is a
//! reverse proxy trusted with `--trusted-proxy`, the address that proxy says it served.
//!
//! `X-Forwarded-For` is only read from a trusted peer, and then right to left: each proxy
//! appends the address it received the request from, so the first address that is not one of
//! our proxies is the one they saw; anything left of it the client may have written itself.

use std::future::{Ready, ready};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use actix_web::dev::Payload;
use actix_web::http::header::HeaderMap;
use actix_web::{FromRequest, HttpRequest, web};

use crate::web::state::AppState;

/// The client's address, as [`client_address`] finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

impl FromRequest for ClientAddress {
    type Error = actix_web::Error;
    type Future = Ready<Result<ClientAddress, actix_web::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = request.app_data::<web::Data<AppState>>();
        let trusted = state.map_or(&[][..], |state| &state.limits.trusted_proxies[..]);
        ready(Ok(ClientAddress(client_address(request, trusted))))
    }
}

/// The client's address: see the module's documentation.
pub fn client_address(request: &HttpRequest, trusted: &[IpAddr]) -> IpAddr {
    // Only a test request has no peer; it is then one client like any other.
    let peer = request
        .peer_addr()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |peer| peer.ip());
    if !trusted.contains(&peer) {
        return peer;
    }
    forwarded_client(request.headers(), trusted).unwrap_or(peer)
}

/// The rightmost address of `X-Forwarded-For` (all its lines, in order) that is not a trusted
/// proxy; `None` when there is none, or when it cannot be read (then nothing left of it can be
/// believed either).
fn forwarded_client(headers: &HeaderMap, trusted: &[IpAddr]) -> Option<IpAddr> {
    let mut entries = Vec::new();
    for line in headers.get_all("x-forwarded-for") {
        entries.extend(line.to_str().ok()?.split(',').map(str::trim));
    }
    for entry in entries.into_iter().rev() {
        let address = entry
            .parse::<IpAddr>()
            .or_else(|_| entry.parse::<SocketAddr>().map(|socket| socket.ip()))
            .ok()?;
        if !trusted.contains(&address) {
            return Some(address);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn from(peer: &str, forwarded: &[&str], trusted: &[&str]) -> IpAddr {
        let mut request = TestRequest::default().peer_addr(peer.parse().unwrap());
        for line in forwarded {
            request = request.append_header(("X-Forwarded-For", *line));
        }
        let trusted: Vec<IpAddr> = trusted.iter().map(|a| a.parse().unwrap()).collect();
        client_address(&request.to_http_request(), &trusted)
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn the_header_is_ignored_unless_the_peer_is_a_trusted_proxy() {
        assert_eq!(
            from("192.0.2.1:5000", &["203.0.113.9"], &[]),
            ip("192.0.2.1")
        );
        let other_proxy = from("192.0.2.1:5000", &["203.0.113.9"], &["127.0.0.1"]);
        assert_eq!(other_proxy, ip("192.0.2.1"));
    }

    #[test]
    fn behind_trusted_proxies_the_rightmost_untrusted_address_is_the_client() {
        let trusted = ["127.0.0.1", "10.0.0.2"];
        let client = from(
            "127.0.0.1:5000",
            &["6.6.6.6, 203.0.113.9, 10.0.0.2"],
            &trusted,
        );
        assert_eq!(
            client,
            ip("203.0.113.9"),
            "the client's own entries are skipped"
        );
        let lines = from("127.0.0.1:5000", &["6.6.6.6", "203.0.113.9:4321"], &trusted);
        assert_eq!(
            lines,
            ip("203.0.113.9"),
            "header lines are one list; ports are dropped"
        );
        assert_eq!(from("127.0.0.1:5000", &[], &trusted), ip("127.0.0.1"));
        assert_eq!(from("127.0.0.1:5000", &["junk"], &trusted), ip("127.0.0.1"));
    }
}
