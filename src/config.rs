//! The server's configuration, resolved once from the command line and environment into values
//! that are valid by construction; handlers read it, never the raw flags.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use jiff::tz::TimeZone;

use crate::cli::{ClockArgs, ServeArgs, SyncMode};
use crate::commands::backup::SnapshotPlan;
use crate::public_url::{PublicUrl, PublicUrlError};
use crate::scheduler::StudyClock;
use crate::web::limits::Limits;

/// Everything `studyhall serve` needs to start.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub addr: SocketAddr,
    pub db: PathBuf,
    pub synchronous: SyncMode,
    /// Question sets loaded at start-up; the built-in essay set is used when it does not exist.
    pub questions: PathBuf,
    pub clock: StudyClock,
    /// Scheduled snapshots, when `--backup-dir` is given.
    pub snapshots: Option<SnapshotPlan>,
    pub limits: Limits,
    /// `--public-url`, if given; else the listening address makes it (see [`PublicUrl`]).
    pub public_url: Option<PublicUrl>,
}

/// A flag whose value cannot be used, with what to do instead.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "unknown time zone {name:?}: give an IANA name such as Europe/Paris or America/New_York \
         (--time-zone or STUDYHALL_TIME_ZONE), or leave it out to use the server's"
    )]
    TimeZone { name: String },
    #[error(transparent)]
    PublicUrl(#[from] PublicUrlError),
}

impl ServerConfig {
    pub fn from_args(args: &ServeArgs) -> Result<ServerConfig, ConfigError> {
        let defaults = Limits::default();
        let limits = Limits {
            trusted_proxies: args.trusted_proxies.clone(),
            body_timeout: Duration::from_secs(args.body_timeout),
            max_connections: (args.max_connections).map_or(defaults.max_connections, |most| {
                usize::try_from(most).unwrap_or(usize::MAX)
            }),
            ..defaults
        };
        let public_url = args
            .public_url
            .as_deref()
            .map(PublicUrl::parse)
            .transpose()?;
        Ok(ServerConfig {
            limits,
            addr: args.addr,
            db: args.database.db.clone(),
            synchronous: args.database.synchronous,
            questions: args.questions.clone(),
            clock: study_clock(&args.clock)?,
            snapshots: args.backup_dir.as_ref().map(|dir| SnapshotPlan {
                dir: dir.clone(),
                every: args.backup_every,
                keep: usize::try_from(args.keep).unwrap_or(usize::MAX),
            }),
            public_url,
        })
    }
}

/// The study clock `--day-start-hour` and `--time-zone` describe.
pub fn study_clock(args: &ClockArgs) -> Result<StudyClock, ConfigError> {
    let time_zone = match &args.time_zone {
        Some(name) => {
            TimeZone::get(name).map_err(|_| ConfigError::TimeZone { name: name.clone() })?
        }
        None => TimeZone::system(),
    };
    Ok(StudyClock::new(args.day_start_hour, time_zone)
        .expect("clap limits --day-start-hour to 0..24"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    #[test]
    fn defaults_listen_on_localhost_8080_with_full_sync_and_4am_days() {
        let cli = Cli::try_parse_from(["studyhall"]).unwrap();
        let config = ServerConfig::from_args(&cli.serve).unwrap();
        assert_eq!(config.addr.to_string(), "127.0.0.1:8080");
        assert_eq!(config.db, PathBuf::from("studyhall.db"));
        assert_eq!(config.synchronous, SyncMode::Full);
        assert_eq!(config.clock.day_start_hour(), 4);
        assert!(config.limits.trusted_proxies.is_empty());
        assert_eq!(config.limits.body_timeout, Duration::from_secs(30));
    }

    #[test]
    fn trusted_proxies_repeat_and_the_body_timeout_is_in_seconds() {
        let cli = Cli::try_parse_from([
            "studyhall",
            "--trusted-proxy",
            "127.0.0.1",
            "--trusted-proxy",
            "::1",
            "--body-timeout",
            "2",
        ])
        .unwrap();
        let config = ServerConfig::from_args(&cli.serve).unwrap();
        let proxies: Vec<String> = (config.limits.trusted_proxies.iter())
            .map(ToString::to_string)
            .collect();
        assert_eq!(proxies, ["127.0.0.1", "::1"]);
        assert_eq!(config.limits.body_timeout, Duration::from_secs(2));
        assert!(Cli::try_parse_from(["studyhall", "--trusted-proxy", "proxy.local"]).is_err());
        assert!(Cli::try_parse_from(["studyhall", "--body-timeout", "0"]).is_err());
    }

    #[test]
    fn an_unknown_time_zone_is_refused_with_advice() {
        let cli =
            Cli::try_parse_from(["studyhall", "serve", "--time-zone", "Mars/Olympus"]).unwrap();
        let Some(crate::cli::Command::Serve(args)) = cli.command else {
            panic!("serve")
        };
        let message = ServerConfig::from_args(&args).unwrap_err().to_string();
        assert!(
            message.contains("Mars/Olympus") && message.contains("IANA"),
            "{message}"
        );
    }

    #[test]
    fn snapshots_are_off_by_default_and_take_intervals_in_seconds_to_days() {
        let cli = Cli::try_parse_from(["studyhall"]).unwrap();
        assert_eq!(ServerConfig::from_args(&cli.serve).unwrap().snapshots, None);
        for (every, seconds) in [("2s", 2), ("30m", 1800), ("24h", 86_400), ("7d", 604_800)] {
            let cli = Cli::try_parse_from([
                "studyhall",
                "--backup-dir",
                "snaps",
                "--backup-every",
                every,
            ])
            .unwrap();
            let plan = ServerConfig::from_args(&cli.serve)
                .unwrap()
                .snapshots
                .unwrap();
            assert_eq!(plan.every.as_secs(), seconds, "{every}");
            assert_eq!((plan.dir, plan.keep), (PathBuf::from("snaps"), 7));
        }
        for bad in ["24", "0h", "h", "1.5h", "2w", "99999999999999999999d"] {
            assert!(
                Cli::try_parse_from(["studyhall", "--backup-every", bad]).is_err(),
                "{bad}"
            );
        }
        assert!(Cli::try_parse_from(["studyhall", "--keep", "0"]).is_err());
    }

    #[test]
    fn a_public_url_that_is_not_a_web_address_is_refused_with_advice() {
        let cli =
            Cli::try_parse_from(["studyhall", "--public-url", "javascript:alert(1)"]).unwrap();
        let message = ServerConfig::from_args(&cli.serve).unwrap_err().to_string();
        assert!(message.contains("https://"), "{message}");
        let cli = Cli::try_parse_from(["studyhall", "--public-url", "https://a.example/"]).unwrap();
        let config = ServerConfig::from_args(&cli.serve).unwrap();
        assert_eq!(config.public_url.unwrap().to_string(), "https://a.example");
    }

    #[test]
    fn a_day_start_hour_of_24_is_a_usage_error() {
        assert!(Cli::try_parse_from(["studyhall", "--day-start-hour", "24"]).is_err());
    }
}
