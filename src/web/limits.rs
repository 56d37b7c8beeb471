//! The server's limits against abuse, resolved once from the command line: which peers may say
//! who the client is, how long a request body may take, how many connections and how much
//! CPU-heavy work at once.

use std::net::IpAddr;
use std::time::Duration;

/// The default for `--body-timeout`: a 1 MB upload needs about 33 KB/s.
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(30);
/// Connections kept free of the open-file limit for the database, its journal and the logs.
const FILES_KEPT: usize = 128;
/// The most connections when the open-file limit cannot be read or is very high.
const MOST_CONNECTIONS: usize = 4096;

#[derive(Debug, Clone)]
pub struct Limits {
    /// Reverse proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`); any other
    /// peer is the client itself.
    pub trusted_proxies: Vec<IpAddr>,
    /// A request whose body has not fully arrived this long after it started is answered 408
    /// and its connection closed (`--body-timeout`).
    pub body_timeout: Duration,
    /// Open connections at most, over all workers; more wait to be accepted.
    pub max_connections: usize,
    /// Password hashes at once: each argon2id hash holds 19 MiB.
    pub hashes_at_once: usize,
    /// Set checks, previews, publishing and exports at once; more are answered `503 busy`.
    pub heavy_work_at_once: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Limits {
            trusted_proxies: Vec::new(),
            body_timeout: DEFAULT_BODY_TIMEOUT,
            max_connections: connections_under_file_limit(open_file_limit()),
            hashes_at_once: cores,
            heavy_work_at_once: (cores / 2).max(1),
        }
    }
}

/// Connections that leave room under the open-file limit: past it, accepting fails and every
/// request (the health check included) with it.
fn connections_under_file_limit(files: Option<usize>) -> usize {
    files.map_or(MOST_CONNECTIONS, |files| {
        files.saturating_sub(FILES_KEPT).clamp(16, MOST_CONNECTIONS)
    })
}

/// The process's soft limit on open files, where it can be read (Linux's `/proc/self/limits`:
/// read as text, as the library has no `unsafe` for `getrlimit`).
fn open_file_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    soft_file_limit(&limits)
}

fn soft_file_limit(limits: &str) -> Option<usize> {
    let line = limits
        .lines()
        .find(|line| line.starts_with("Max open files"))?;
    line["Max open files".len()..]
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_stay_under_the_open_file_limit() {
        assert_eq!(connections_under_file_limit(Some(1024)), 1024 - FILES_KEPT);
        assert_eq!(connections_under_file_limit(Some(100)), 16);
        assert_eq!(
            connections_under_file_limit(Some(1 << 20)),
            MOST_CONNECTIONS
        );
        assert_eq!(connections_under_file_limit(None), MOST_CONNECTIONS);
    }

    #[test]
    fn the_soft_open_file_limit_is_read_from_proc_self_limits() {
        let limits = "Max cpu time              unlimited            unlimited            seconds\n\
                      Max open files            1024                 524288               files\n";
        assert_eq!(soft_file_limit(limits), Some(1024));
        assert_eq!(
            soft_file_limit("Max open files  unlimited  unlimited  files"),
            None
        );
    }
}
