//! The server's configuration, resolved once from the command line and environment into values
//! that are valid by construction; handlers read it, never the raw flags.

use std::net::SocketAddr;
use std::path::PathBuf;

use jiff::tz::TimeZone;

use crate::cli::{ClockArgs, ServeArgs, SyncMode};
use crate::public_url::{PublicUrl, PublicUrlError};
use crate::scheduler::StudyClock;

/// Everything `studyhall serve` needs to start.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub addr: SocketAddr,
    pub db: PathBuf,
    pub synchronous: SyncMode,
    /// Question sets loaded at start-up; the built-in essay set is used when it does not exist.
    pub questions: PathBuf,
    pub clock: StudyClock,
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
        let public_url = args
            .public_url
            .as_deref()
            .map(PublicUrl::parse)
            .transpose()?;
        Ok(ServerConfig {
            addr: args.addr,
            db: args.database.db.clone(),
            synchronous: args.database.synchronous,
            questions: args.questions.clone(),
            clock: study_clock(&args.clock)?,
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
