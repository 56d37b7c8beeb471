//! The sign-in throttle: slows down password guessing without letting anyone lock an account.
//!
//! Failures are counted per (username, client address) and per client address, never per
//! username alone: someone guessing from one address slows down only themselves, and the owner
//! signing in from anywhere else is never refused because of them (OWASP's advice against
//! lockout as a denial of service). After [`FREE_FAILURES`] failures of one pair, or
//! [`FREE_FAILURES_PER_ADDRESS`] from one address over every username, each further attempt must
//! wait twice as long as the last (1 s, 2 s, 4 s ... up to 15 minutes).
//!
//! An attempt is counted *before* its password is hashed, under one lock, so that a burst of
//! concurrent guesses cannot all pass the check before the first of them is counted; a success
//! gives its attempt back. Kept in memory: a restart forgets it, which costs an attacker a restart.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed attempts of one username from one address before the waits start.
pub const FREE_FAILURES: u32 = 5;
/// Failed attempts from one address, over every username, before the waits start. Larger than
/// [`FREE_FAILURES`]: a school's students often share one public address.
pub const FREE_FAILURES_PER_ADDRESS: u32 = 100;
const MAX_WAIT: Duration = Duration::from_secs(15 * 60);
/// How often forgotten entries are swept out (a sweep walks the whole map).
const SWEEP_EVERY: Duration = Duration::from_secs(60);

/// Where a sign-in comes from, as the throttle counts it: an IPv4 address, or the /64 network of
/// an IPv6 address (one host is usually given a whole /64, so its single addresses are free).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientKey(IpAddr);

impl ClientKey {
    pub fn of(address: IpAddr) -> ClientKey {
        match address {
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => ClientKey(IpAddr::V4(v4)),
                None => {
                    let network = u128::from(v6) & !((1u128 << 64) - 1);
                    ClientKey(IpAddr::V6(Ipv6Addr::from(network)))
                }
            },
            v4 => ClientKey(v4),
        }
    }
}

/// An attempt counted in advance; hand it back with [`SignInThrottle::succeeded`] when the
/// password was right. Dropped otherwise: the failure is already counted.
#[derive(Debug)]
#[must_use = "a successful sign-in gives its reservation back"]
pub struct Reservation {
    username: String,
    client: ClientKey,
}

/// The failures counted so far; see the module's documentation.
#[derive(Debug, Default)]
pub struct SignInThrottle {
    ledger: Mutex<Ledger>,
}

#[derive(Debug, Default)]
struct Ledger {
    pairs: HashMap<(String, ClientKey), Failures>,
    addresses: HashMap<ClientKey, Failures>,
    swept: Option<Instant>,
}

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    last: Instant,
}

impl SignInThrottle {
    /// Counts an attempt of `username` from `client` now, before its password is checked; or,
    /// while either is throttled, how long to wait before the next one (nothing is counted).
    pub fn reserve(
        &self,
        username: &str,
        client: ClientKey,
        now: Instant,
    ) -> Result<Reservation, Duration> {
        let username = username.trim().to_lowercase();
        let mut ledger = self.lock();
        ledger.sweep(now);
        let pair = (username.clone(), client);
        let pair_wait = ledger
            .pairs
            .get(&pair)
            .and_then(|f| f.wait(FREE_FAILURES, now));
        let address_wait =
            (ledger.addresses.get(&client)).and_then(|f| f.wait(FREE_FAILURES_PER_ADDRESS, now));
        if let Some(wait) = pair_wait.max(address_wait) {
            return Err(wait);
        }
        ledger
            .pairs
            .entry(pair)
            .or_insert(Failures::none(now))
            .add(now);
        ledger
            .addresses
            .entry(client)
            .or_insert(Failures::none(now))
            .add(now);
        Ok(Reservation { username, client })
    }

    /// The reserved attempt was right: the pair starts afresh, and the address gets its attempt
    /// back (but not its other failures, or signing in to one's own account would clear them).
    pub fn succeeded(&self, reservation: Reservation) {
        let mut ledger = self.lock();
        ledger
            .pairs
            .remove(&(reservation.username, reservation.client));
        if let Some(address) = ledger.addresses.get_mut(&reservation.client) {
            address.count = address.count.saturating_sub(1);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Ledger> {
        // A panic while holding this lock cannot leave the maps inconsistent: keep using them.
        self.ledger
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Ledger {
    /// Forgets entries quiet for longer than the longest wait, so the maps stay small.
    fn sweep(&mut self, now: Instant) {
        if self
            .swept
            .is_some_and(|swept| now.saturating_duration_since(swept) < SWEEP_EVERY)
        {
            return;
        }
        self.swept = Some(now);
        let recent = |entry: &Failures| now.saturating_duration_since(entry.last) < MAX_WAIT;
        self.pairs.retain(|_, entry| recent(entry));
        self.addresses.retain(|_, entry| recent(entry));
    }
}

impl Failures {
    fn none(now: Instant) -> Failures {
        Failures {
            count: 0,
            last: now,
        }
    }

    fn add(&mut self, now: Instant) {
        self.count = self.count.saturating_add(1);
        self.last = now;
    }

    /// The wait still to run before another attempt, once more than `free` failures are counted.
    fn wait(&self, free: u32, now: Instant) -> Option<Duration> {
        let ready = self.last + wait_after(self.count, free)?;
        (now < ready).then(|| ready - now)
    }
}

fn wait_after(failures: u32, free: u32) -> Option<Duration> {
    let over = failures.checked_sub(free)?;
    Some(Duration::from_secs(1u64 << over.min(20)).min(MAX_WAIT))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(last: u8) -> ClientKey {
        ClientKey::of(IpAddr::from([192, 0, 2, last]))
    }

    #[test]
    fn five_failures_pass_then_the_wait_doubles() {
        let throttle = SignInThrottle::default();
        let start = Instant::now();
        for _ in 0..FREE_FAILURES {
            assert!(throttle.reserve("Ada", client(1), start).is_ok());
        }
        let refused = throttle.reserve("ada", client(1), start).unwrap_err();
        assert_eq!(refused, Duration::from_secs(1));
        let later = start + Duration::from_secs(1);
        assert!(throttle.reserve("ada", client(1), later).is_ok());
        assert_eq!(
            throttle.reserve("ada", client(1), later).unwrap_err(),
            Duration::from_secs(2)
        );
    }

    #[test]
    fn the_owner_from_another_address_is_never_refused_for_someone_elses_failures() {
        let throttle = SignInThrottle::default();
        let now = Instant::now();
        for _ in 0..50 {
            let _ = throttle.reserve("admin", client(66), now);
        }
        assert!(throttle.reserve("admin", client(66), now).is_err());
        assert!(throttle.reserve("admin", client(7), now).is_ok());
    }

    #[test]
    fn one_address_trying_many_usernames_is_slowed_down_too() {
        let throttle = SignInThrottle::default();
        let now = Instant::now();
        for n in 0..FREE_FAILURES_PER_ADDRESS {
            assert!(
                throttle
                    .reserve(&format!("user{n}"), client(9), now)
                    .is_ok()
            );
        }
        assert!(throttle.reserve("someone-new", client(9), now).is_err());
        assert!(throttle.reserve("someone-new", client(10), now).is_ok());
    }

    #[test]
    fn a_success_clears_the_pair_and_gives_the_address_its_attempt_back() {
        let throttle = SignInThrottle::default();
        let now = Instant::now();
        for _ in 0..FREE_FAILURES - 1 {
            let _ = throttle.reserve("ada", client(1), now);
        }
        let right = throttle.reserve("ada", client(1), now).unwrap();
        throttle.succeeded(right);
        for _ in 0..FREE_FAILURES {
            assert!(throttle.reserve("ada", client(1), now).is_ok());
        }
        let ledger = throttle.lock();
        assert_eq!(ledger.addresses[&client(1)].count, 2 * FREE_FAILURES - 1);
    }

    #[test]
    fn ipv6_addresses_count_by_their_64_network_and_mapped_ipv4_as_ipv4() {
        let one: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let other: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let elsewhere: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(ClientKey::of(one), ClientKey::of(other));
        assert_ne!(ClientKey::of(one), ClientKey::of(elsewhere));
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap();
        assert_eq!(ClientKey::of(mapped), client(1));
    }

    #[test]
    fn the_wait_is_capped_at_fifteen_minutes() {
        assert_eq!(wait_after(4, FREE_FAILURES), None);
        assert_eq!(wait_after(5, FREE_FAILURES), Some(Duration::from_secs(1)));
        assert_eq!(wait_after(1000, FREE_FAILURES), Some(MAX_WAIT));
    }
}
