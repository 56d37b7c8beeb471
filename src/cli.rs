//! The command line: every flag documented (its doc comment is the `--help` text) and, where it
//! configures the server, readable from a `STUDYHALL_*` environment variable.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::questions::formats::export::ExportFormat;
use crate::questions::formats::{Ask, Format, QuizletOptions};
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
    /// Reads studyhall's TOML, CSV and TSV, Anki packages (.apkg, .colpkg) and text exports,
    /// Moodle's GIFT and Aiken, and Quizlet exports (see --format).
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        sheet: SheetArgs,
    },
    /// Validate question-set files, then load them all in one transaction. Reads the formats
    /// `check` reads; re-importing a file updates its set in place.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        sheet: SheetArgs,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Draft a question set from a reading (UTF-8 .txt or .md): a card for every date it writes,
    /// every named actor who does something and every reason it gives, each with its paragraph
    /// and, as a comment, its sentence. Keep, edit or drop the drafts, then check and import.
    Draft {
        #[arg(value_name = "TEXT_FILE")]
        file: PathBuf,
        /// The set's id; by default, made from the file's name.
        #[arg(long = "set", value_name = "ID")]
        set: Option<String>,
        /// The set's title; by default, the text's first Markdown heading, else the file's name.
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// Where to write the set file; standard output when left out.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Add a user or change a user's role (admin, instructor or student).
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Print a CSV export to standard output: a class's progress, or the review log of a class
    /// or a set (the same files the dashboards offer).
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// Create and manage classes, and say who may study a set (what /teach does in the browser).
    Class {
        #[command(subcommand)]
        command: ClassCommand,
    },
    /// Copy the database to FILE, whole and consistent even while the server writes (SQLite's
    /// online backup API). FILE must not exist. To restore, see "Backups and restore" in the
    /// README.
    Backup {
        /// The new file to write the copy to.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The database to copy (it is neither created nor migrated).
        #[arg(long, env = "STUDYHALL_DB", default_value = "studyhall.db")]
        db: PathBuf,
    },
}

/// When a study day starts: the server and every command that computes "today" (exam dates,
/// progress exports) read the same flags, so they agree on the day.
#[derive(Debug, Clone, Args)]
pub struct ClockArgs {
    /// The hour (0-23) a study day starts: reviews before it count for the day before.
    #[arg(long, env = "STUDYHALL_DAY_START_HOUR", default_value_t = 4,
          value_parser = clap::value_parser!(u8).range(0..24))]
    pub day_start_hour: u8,

    /// The time zone study days are counted in (an IANA name such as Europe/Paris; the server's by default).
    #[arg(long, env = "STUDYHALL_TIME_ZONE")]
    pub time_zone: Option<String>,
}

/// `studyhall export ...`: the dashboards' CSV exports, as the admin sees them.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// One row per student of the class and set assigned to it: username, set, studied, due,
    /// overdue, retention_30d, last_active.
    Progress {
        /// The class, by its number (the N of /teach/classes/N in the browser).
        #[arg(long, value_name = "ID")]
        class: i64,
        #[command(flatten)]
        clock: ClockArgs,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// The raw review log, oldest first: of a class's students on its sets, or of a set.
    #[command(group(clap::ArgGroup::new("scope").required(true).args(["class", "set"])))]
    Reviews {
        /// The class, by its number (the N of /teach/classes/N in the browser).
        #[arg(long, value_name = "ID")]
        class: Option<i64>,
        /// The set, by its id (e.g. korean-war-1950): every student's reviews of it.
        #[arg(long, value_name = "SET_ID")]
        set: Option<String>,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// A set's cards as a file: the TOML the database keeps, a spreadsheet (CSV), Moodle's
    /// GIFT or an Anki deck package (apkg). Text formats go to standard output without -o.
    Set {
        /// The set, by its id (e.g. korean-war-1950).
        #[arg(value_name = "SET_ID")]
        set: String,
        #[arg(long, value_enum, default_value_t = ExportFormat::Toml)]
        format: ExportFormat,
        /// The file to write; standard output when left out (an apkg only when it is not a
        /// terminal).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        database: DatabaseArgs,
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

/// `studyhall class ...`: classes from the command line, with the admin's rights. A class is
/// named by its number (the N of /teach/classes/N in the browser, and of `studyhall class list`).
#[derive(Debug, Subcommand)]
pub enum ClassCommand {
    /// Create a class for an instructor and print its join code.
    Create {
        /// The class's name, as its students see it.
        name: String,
        /// The instructor (or admin) who runs the class, by username.
        #[arg(long, value_name = "USER")]
        instructor: String,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// List every class: number, name, instructor, join code, students, sets.
    List {
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Show a class's join code, students and sets.
    Show {
        class: i64,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Give a class a new join code: the old one stops working (students stay).
    NewCode {
        class: i64,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Put a user in a class, as if they had joined with its code.
    Add {
        class: i64,
        /// The student, by username.
        user: String,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Take a student out of a class (their own progress is kept).
    Remove {
        class: i64,
        /// The student, by username.
        user: String,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Archive a class: its code stops working and it no longer gives its students its sets.
    Archive {
        class: i64,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Bring an archived class back.
    Restore {
        class: i64,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Assign a set to a class, or change the daily limit and exam date of an assigned one.
    Assign {
        class: i64,
        /// The set, by its id (e.g. korean-war-1950).
        set: String,
        /// New cards of the set a student of the class starts per day at most (their own daily
        /// limit still applies; the smaller wins). None when left out.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=999))]
        daily_new_limit: Option<u32>,
        /// No card of the set is scheduled past this day (YYYY-MM-DD) for the class's students.
        #[arg(long, value_name = "DATE")]
        exam_date: Option<String>,
        #[command(flatten)]
        clock: ClockArgs,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Take a set off a class (students keep their progress).
    Unassign {
        class: i64,
        /// The set, by its id.
        set: String,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Make a set open (every signed-in user may study it) or restricted (only the students of
    /// the classes it is assigned to).
    Visibility {
        /// The set, by its id.
        set: String,
        #[arg(value_parser = PossibleValuesParser::new(["open", "restricted"]))]
        visibility: String,
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

fn role_parser() -> impl clap::builder::TypedValueParser<Value = Role> {
    PossibleValuesParser::new(["admin", "instructor", "student"])
        .try_map(|word| word.parse::<Role>())
}

fn registration_parser() -> impl clap::builder::TypedValueParser<Value = RegistrationMode> {
    PossibleValuesParser::new(["open", "code", "closed"])
        .try_map(|word| word.parse::<RegistrationMode>())
}

/// How to read the files: their format, and the set id and title of a file that holds neither
/// itself (every format but TOML).
#[derive(Debug, Clone, Default, Args)]
pub struct SheetArgs {
    /// The files' format: toml, csv, tsv, gift, aiken, quizlet, anki-text or apkg (.colpkg
    /// too). By default the extension decides; a .txt file's format is guessed from its
    /// content, and the guess printed.
    #[arg(long, value_enum, value_name = "F")]
    pub format: Option<Format>,

    /// The set id of a file that holds none (default: its file name without the extension; an
    /// Anki, Moodle or Quizlet file's is made an id: "Korean War.apkg" gives korean-war).
    #[arg(long = "set", value_name = "ID")]
    pub set: Option<String>,

    /// The set's title, as students see it (default: an Anki deck's name, else the file name
    /// without the extension).
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,

    /// Quizlet: what stands between a term and its definition (a tab by default; \t and \n
    /// are read as tab and line break), e.g. --separator ';'.
    #[arg(long, value_name = "TEXT", default_value = "\\t")]
    pub separator: String,

    /// Quizlet: what stands between two cards (a line break by default), e.g.
    /// --row-separator '\n\n'.
    #[arg(long, value_name = "TEXT", default_value = "\\n")]
    pub row_separator: String,

    /// Quizlet: what the student types, the term (shown its definition) or the definition.
    #[arg(long, value_enum, default_value_t = Ask::Term)]
    pub ask: Ask,
}

impl SheetArgs {
    /// The Quizlet options, with `\t` and `\n` read as tab and line break.
    pub fn quizlet_options(&self) -> QuizletOptions {
        QuizletOptions::written(&self.separator, &self.row_separator, self.ask)
    }
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

    #[command(flatten)]
    pub clock: ClockArgs,

    /// Who may create an account: open (anyone), code (only with a class join code) or closed
    /// (only the admin adds users). Kept in the database until changed here or on /admin.
    #[arg(long, env = "STUDYHALL_REGISTRATION", value_parser = registration_parser())]
    pub registration: Option<RegistrationMode>,

    /// Take a snapshot of the database into this folder (made if missing) at start-up and then
    /// every --backup-every, named studyhall-TIME.db. No snapshots without it.
    #[arg(long, env = "STUDYHALL_BACKUP_DIR", value_name = "DIR")]
    pub backup_dir: Option<PathBuf>,

    /// How often to take a snapshot: a number and a unit, s, m, h or d (e.g. 30m, 24h).
    #[arg(long, env = "STUDYHALL_BACKUP_EVERY", default_value = "24h", value_name = "INTERVAL",
          value_parser = parse_interval)]
    pub backup_every: Duration,

    /// How many snapshots to keep in --backup-dir: older ones are deleted.
    #[arg(long, env = "STUDYHALL_KEEP", default_value_t = 7,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub keep: u32,

    /// A reverse proxy in front of the server (an IP address, e.g. 127.0.0.1); repeat the flag
    /// for several. Only a request from one of them has its client address read from
    /// X-Forwarded-For (for the sign-in throttle); any other peer is the client itself.
    #[arg(
        long = "trusted-proxy",
        value_name = "ADDR",
        env = "STUDYHALL_TRUSTED_PROXY",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<IpAddr>,

    /// Seconds a request's body may take to arrive in full; a slower one is answered 408 and
    /// its connection closed.
    #[arg(long, value_name = "SECONDS", env = "STUDYHALL_BODY_TIMEOUT", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub body_timeout: u64,

    /// Open connections at most (more wait to be accepted). By default, the open-file limit
    /// less 128, at most 4096.
    #[arg(long, value_name = "N", env = "STUDYHALL_MAX_CONNECTIONS",
          value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub max_connections: Option<u64>,

    /// The address people open, e.g. https://study.example.org: every absolute link the server
    /// shows or prints (join links, the set-up link, password links) starts with it. An https://
    /// one also marks cookies Secure and sends HSTS. Default: http:// and the --addr.
    #[arg(long, env = "STUDYHALL_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
}

/// `30s`, `30m`, `24h`, `7d`: a whole number and a unit.
fn parse_interval(text: &str) -> Result<Duration, String> {
    let unit_at = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(unit_at);
    let seconds = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 60 * 60,
        "d" => 24 * 60 * 60,
        _ => 0,
    };
    let count = number.parse::<u64>().ok().filter(|count| *count > 0);
    count
        .and_then(|count| count.checked_mul(seconds))
        .filter(|seconds| *seconds > 0)
        .map(Duration::from_secs)
        .ok_or_else(|| "write a number above 0 and a unit, s, m, h or d: e.g. 30m or 24h".into())
}
