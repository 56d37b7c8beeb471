//! Review tokens: one per showing of a card, issued by the server to one student for one card.
//!
//! A token is `ISSUED-NONCE-MAC` in hex: when it was issued (Unix milliseconds, so tokens made
//! together sort together in the review log's unique index), 64 random bits, and an
//! HMAC-SHA-256 (cut to 128 bits) over the student, the set, the card, the time and the nonce,
//! with a key only the server holds. So an answer is accepted only with a token the server
//! issued to that student for that card, without a lookup; another student's token, a made-up
//! one or a token for another card fails the MAC, and one student can never use up another's.
//! A token also fixes the order a showing lists a card's choices in ([`ReviewToken::order_seed`]),
//! so a re-check or the verdict shows the same order.

use std::fmt;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::questions::{CardId, SetId};
use crate::store::UserId;

/// A token older than this is stale: the page was left open too long; a fresh one is issued.
pub const TOKEN_LIFETIME_MS: i64 = 2 * 24 * 60 * 60 * 1000;
/// How far ahead of the server's clock an issue time may be (none is, unless the clock stepped).
const CLOCK_SLACK_MS: i64 = 60 * 1000;
const MAC_BYTES: usize = 16;

/// The server's key for signing review tokens.
#[derive(Clone)]
pub struct TokenKey([u8; 32]);

impl fmt::Debug for TokenKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TokenKey(…)")
    }
}

/// Whom and what a token is for.
#[derive(Debug, Clone, Copy)]
pub struct TokenSubject<'a> {
    pub user: UserId,
    pub set: &'a SetId,
    pub card: &'a CardId,
}

/// A review token the server issued (or one checked to be).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewToken {
    text: String,
    mac: [u8; MAC_BYTES],
}

/// Why a token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenRefusal {
    #[error("the review token is not one this server issues: send back the one the card came with")]
    Malformed,
    #[error(
        "this review token was not issued to you for this card: answer the card with the token it came with"
    )]
    NotIssued,
    #[error("this card was shown too long ago: load it again to answer it")]
    Stale,
}

impl TokenKey {
    pub fn new(key: [u8; 32]) -> TokenKey {
        TokenKey(key)
    }

    /// A new token for `subject`, issued at `now_ms`.
    pub fn issue(&self, subject: TokenSubject<'_>, now_ms: i64) -> ReviewToken {
        let nonce = uuid::Uuid::new_v4().as_u64_pair().0;
        let issued = u64::try_from(now_ms).unwrap_or(0);
        let mac = self.mac(subject, issued, nonce);
        ReviewToken {
            text: format!("{issued:012x}-{nonce:016x}-{}", hex(&mac)),
            mac,
        }
    }

    /// `text` if it is a token issued for `subject` and not stale at `now_ms`.
    pub fn verify(
        &self,
        text: &str,
        subject: TokenSubject<'_>,
        now_ms: i64,
    ) -> Result<ReviewToken, TokenRefusal> {
        let (issued, nonce, mac) = parse(text).ok_or(TokenRefusal::Malformed)?;
        let check = self.hasher(subject, issued, nonce);
        // Constant-time comparison of the truncated MAC.
        check
            .verify_truncated_left(&mac)
            .map_err(|_| TokenRefusal::NotIssued)?;
        let issued_ms = i64::try_from(issued).map_err(|_| TokenRefusal::NotIssued)?;
        if issued_ms > now_ms + CLOCK_SLACK_MS {
            return Err(TokenRefusal::NotIssued);
        }
        if now_ms - issued_ms > TOKEN_LIFETIME_MS {
            return Err(TokenRefusal::Stale);
        }
        Ok(ReviewToken {
            text: text.to_string(),
            mac,
        })
    }

    fn hasher(&self, subject: TokenSubject<'_>, issued: u64, nonce: u64) -> Hmac<Sha256> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("any key length");
        mac.update(b"studyhall review token 1\0");
        mac.update(&subject.user.0.to_le_bytes());
        mac.update(subject.set.as_str().as_bytes());
        mac.update(b"\0");
        mac.update(subject.card.as_str().as_bytes());
        mac.update(b"\0");
        mac.update(&issued.to_le_bytes());
        mac.update(&nonce.to_le_bytes());
        mac
    }

    fn mac(&self, subject: TokenSubject<'_>, issued: u64, nonce: u64) -> [u8; MAC_BYTES] {
        let full = self.hasher(subject, issued, nonce).finalize().into_bytes();
        let mut mac = [0; MAC_BYTES];
        mac.copy_from_slice(&full[..MAC_BYTES]);
        mac
    }
}

impl ReviewToken {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// 64 bits that look random and are fixed for this showing: the choices' order.
    pub fn order_seed(&self) -> u64 {
        let mut first = [0; 8];
        first.copy_from_slice(&self.mac[..8]);
        u64::from_le_bytes(first)
    }
}

impl fmt::Display for ReviewToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

fn parse(text: &str) -> Option<(u64, u64, [u8; MAC_BYTES])> {
    let mut parts = text.split('-');
    let (issued, nonce, mac) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || issued.len() != 12 || nonce.len() != 16 {
        return None;
    }
    let issued = u64::from_str_radix(issued, 16).ok()?;
    let nonce = u64::from_str_radix(nonce, 16).ok()?;
    if mac.len() != MAC_BYTES * 2 || !mac.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let mut bytes = [0; MAC_BYTES];
    for (byte, pair) in bytes.iter_mut().zip(mac.as_bytes().chunks(2)) {
        let pair = std::str::from_utf8(pair).ok()?;
        *byte = u8::from_str_radix(pair, 16).ok()?;
    }
    Some((issued, nonce, bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The order to show `len` choices in for a showing with `seed`: a Fisher–Yates shuffle driven
/// by SplitMix64, so the same seed always gives the same order.
pub fn shown_order(len: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut state = seed;
    for last in (1..len).rev() {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        // The bias of a modulo by at most 10 options out of 2^64 is far below what matters.
        let pick = usize::try_from(z % (last as u64 + 1)).unwrap_or(0);
        order.swap(last, pick);
    }
    order
}

#[cfg(test)]
mod tests;
