//! The server under test: the real release binary, started as a child process on 127.0.0.1 with
//! a free port, so its memory and CPU time can be read from `/proc` apart from the driver's.

use std::fs::File;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::http::Connection;

/// How long the server may take to answer its health check before the run fails.
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// `/proc/PID/stat` counts CPU time in clock ticks of USER_HZ, which Linux fixes at 100 for
/// user space on every architecture, whatever the kernel's own tick rate.
const TICKS_PER_SECOND: u64 = 100;

/// A running server, stopped when dropped.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
    /// From spawning the process to its first healthy `/healthz`.
    pub startup: Duration,
    log: PathBuf,
}

/// The server's resources at one moment.
#[derive(Debug, Clone, Copy, Default)]
pub struct Usage {
    /// User plus system CPU time since it started, in microseconds.
    pub cpu_us: u64,
    pub rss_kib: u64,
    /// The peak resident set so far (VmHWM).
    pub peak_rss_kib: u64,
}

/// What the server is started with.
pub struct Launch<'a> {
    pub binary: &'a Path,
    pub db: &'a Path,
    pub questions: &'a Path,
    pub synchronous: &'a str,
    pub log: PathBuf,
}

impl Server {
    /// Starts the server and waits until its health check passes.
    pub fn start(launch: &Launch<'_>) -> Result<Server, String> {
        let addr = free_port().map_err(|error| format!("no free port on 127.0.0.1: {error}"))?;
        let log = File::create(&launch.log)
            .map_err(|error| format!("cannot create the server log: {error}"))?;
        let log_err = log
            .try_clone()
            .map_err(|error| format!("cannot share the server log: {error}"))?;
        let started = Instant::now();
        let child = Command::new(launch.binary)
            .arg("serve")
            .arg("--addr")
            .arg(addr.to_string())
            .arg("--db")
            .arg(launch.db)
            .arg("--questions")
            .arg(launch.questions)
            .arg("--synchronous")
            .arg(launch.synchronous)
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log_err)
            .spawn()
            .map_err(|error| format!("cannot start {}: {error}", launch.binary.display()))?;
        let mut server = Server {
            child,
            addr,
            startup: Duration::ZERO,
            log: launch.log.clone(),
        };
        while started.elapsed() < START_TIMEOUT {
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(format!(
                    "the server exited ({status}) before it was ready:\n{}",
                    server.log_tail()
                ));
            }
            let healthy = Connection::open(addr)
                .and_then(|mut connection| connection.get("/healthz", None))
                .is_ok_and(|response| response.status == 200);
            if healthy {
                server.startup = started.elapsed();
                return Ok(server);
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        Err(format!(
            "the server was not healthy within {START_TIMEOUT:?}:\n{}",
            server.log_tail()
        ))
    }

    /// Whether the process is still alive.
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// CPU time and memory from `/proc`.
    pub fn usage(&self) -> Usage {
        let pid = self.child.id();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        let kib = |key: &str| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(key))
                .and_then(|rest| rest.split_whitespace().next())
                .and_then(|value| value.parse::<u64>().ok())
                .unwrap_or(0)
        };
        Usage {
            cpu_us: cpu_us(&pid.to_string()),
            rss_kib: kib("VmRSS:"),
            peak_rss_kib: kib("VmHWM:"),
        }
    }

    /// The last lines the server logged, for error messages.
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }
}

/// User plus system CPU time of the process `pid` ("self" for this one), in microseconds.
pub fn cpu_us(pid: &str) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The fields after the command name (which may hold spaces) start at field 3, state;
    // utime and stime are fields 14 and 15.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |field: usize| {
        fields
            .get(field - 3)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (ticks(14) + ticks(15)) * 1_000_000 / TICKS_PER_SECOND
}

impl Drop for Server {
    fn drop(&mut self) {
        // Our own child, by its handle: nothing else is signalled.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nobody listens on now. The server binds it a moment later; another program taking it
/// in between makes the start fail with a clear message, not a wrong measurement.
fn free_port() -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    listener.local_addr()
}
