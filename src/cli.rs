//! The command line: every flag documented (its doc comment is the `--help` text) and, where it
//! configures the server, readable from a `STUDYHALL_*` environment variable.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::store::{RegistrationMode, Role};

/// A self-hosted spaced-repetition study quiz server.
///
/// With no command, serves the study site (same as `studyhall serve`).
#[derive(Debug, Parser)]
#[command(name = "studyhall", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the study site (the default).
    Serve(ServeArgs),
    /// Print the SM-2 state after each review of a new card answered with these qualities.
    Sm2 {
        /// One JSON object per line (keys quality, repetitions, ef, interval) instead of a table.
        #[arg(long)]
        json: bool,
        /// Qualities, 0 to 5, one per review.
        #[arg(required = true, value_name = "Q", allow_hyphen_values = true)]
        qualities: Vec<String>,
    },
    /// Validate question-set files without touching a database; exit status 1 on any error.
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Validate question-set files, then load them all in one transaction.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Add a user or change a user's role (admin, instructor or student).
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
}

/// `studyhall user ...`: accounts from the command line, logged in the audit log.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user. On a terminal the password is asked twice (not shown); otherwise it is read
    /// as one line from standard input: `echo 'a long password' | studyhall user add ada`.
    Add {
        /// The username: 3 to 32 letters, digits, '.', '_' or '-'.
        name: String,
        /// What the user may do: admin, instructor or student.
        #[arg(long, default_value = "student", value_parser = role_parser())]
        role: Role,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Change a user's role. The last admin keeps theirs.
    Role {
        /// The username.
        name: String,
        /// The new role: admin, instructor or student.
        #[arg(value_parser = role_parser())]
        role: Role,
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

fn role_parser() -> impl clap::builder::TypedValueParser<Value = Role> {
    PossibleValuesParser::new(["admin", "instructor", "student"]).try_map(|word| word.parse::<Role>())
}

fn registration_parser() -> impl clap::builder::TypedValueParser<Value = RegistrationMode> {
    PossibleValuesParser::new(["open", "code", "closed"])
        .try_map(|word| word.parse::<RegistrationMode>())
}

/// Where the database lives and how hard it syncs.
#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// The SQLite database file (created when missing).
    #[arg(long, env = "STUDYHALL_DB", default_value = "studyhall.db")]
    pub db: PathBuf,

    /// SQLite's synchronous mode: full survives a power cut, normal may lose the last commits.
    #[arg(long, env = "STUDYHALL_SYNCHRONOUS", value_enum, default_value_t = SyncMode::Full)]
    pub synchronous: SyncMode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SyncMode {
    Full,
    Normal,
}

/// How the server listens and what it loads.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, env = "STUDYHALL_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    #[command(flatten)]
    pub database: DatabaseArgs,

    /// The folder of question sets loaded at start-up (the essay set built into the binary is
    /// used when the folder does not exist).
    #[arg(long, env = "STUDYHALL_QUESTIONS", default_value = "questions")]
    pub questions: PathBuf,

    /// The hour (0-23) a study day starts: reviews before it count for the day before.
    #[arg(long, env = "STUDYHALL_DAY_START_HOUR", default_value_t = 4,
          value_parser = clap::value_parser!(u8).range(0..24))]
    pub day_start_hour: u8,

    /// The time zone study days are counted in (an IANA name such as Europe/Paris; the server's by default).
    #[arg(long, env = "STUDYHALL_TIME_ZONE")]
    pub time_zone: Option<String>,

    /// Who may create an account: open (anyone), code (only with a class join code) or closed
    /// (only the admin adds users). Kept in the database until changed here or on /admin.
    #[arg(long, env = "STUDYHALL_REGISTRATION", value_parser = registration_parser())]
    pub registration: Option<RegistrationMode>,
}
