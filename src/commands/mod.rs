//! What each command of the command line does; `main.rs` only dispatches here.

pub mod class;
pub mod draft;
pub mod export;
pub mod serve;
pub mod sets;
pub mod setup;
pub mod sm2;
pub mod user;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::{Cli, Command, DatabaseArgs, SheetArgs};
use crate::store::Store;

/// Opens the database an account, class or export command names, which must be one the server
/// made and already brought up to date: a mistyped `--db` is not created, and an older database
/// is not migrated behind the back of a server still running the previous version.
fn open_existing(database: &DatabaseArgs) -> anyhow::Result<Store> {
    let path = database.db.as_path();
    let found = crate::store::schema_version_at(path).map_err(|error| {
        anyhow::anyhow!("{error}\ncheck the path given with --db (or STUDYHALL_DB)")
    })?;
    match found {
        None => anyhow::bail!(
            "there is no database at {}: give the server's with --db (or STUDYHALL_DB); \
             `studyhall serve` creates a new one",
            path.display()
        ),
        Some(version) if version < crate::store::SCHEMA_VERSION => anyhow::bail!(
            "the database {} has schema version {version}, older than this studyhall's {}: \
             start `studyhall serve` with it once to upgrade it; nothing was changed",
            path.display(),
            crate::store::SCHEMA_VERSION
        ),
        Some(_) => Store::open(&serve::store_config(path, database.synchronous)).map_err(|error| {
            anyhow::anyhow!("{error}\ncheck the path given with --db (or STUDYHALL_DB)")
        }),
    }
}

/// Runs one command line and says how it ended: 0 done, 1 failed (bad input files, a database
/// or network problem), 2 bad usage.
pub fn run(cli: Cli) -> ExitCode {
    let serving = matches!(cli.command, None | Some(Command::Serve(_)));
    init_logging(if serving {
        "info,actix_server=warn"
    } else {
        "warn"
    });
    match cli.command {
        Some(Command::Sm2 { json, qualities }) => run_sm2(json, &qualities),
        Some(Command::Check { files, sheet }) => run_check(&files, &sheet),
        Some(Command::Import {
            files,
            sheet,
            database,
        }) => run_import(&files, &sheet, &database),
        Some(Command::Draft {
            file,
            set,
            title,
            output,
        }) => report(draft::run(
            &file,
            set.as_deref(),
            title.as_deref(),
            output.as_deref(),
        )),
        Some(Command::User { command }) => report(user::run(&command)),
        Some(Command::Export { command }) => report(export::run(&command)),
        Some(Command::Class { command }) => report(class::run(&command)),
        Some(Command::Serve(args)) => report(serve::run(&args)),
        None => report(serve::run(&cli.serve)),
    }
}

/// Logs to standard error; `RUST_LOG` overrides the default level.
fn init_logging(default_filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_filter));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
}

/// Prints a failure as one paragraph: what happened, then its causes.
fn report(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn run_sm2(json: bool, arguments: &[String]) -> ExitCode {
    let qualities = match sm2::parse_qualities(arguments) {
        Ok(qualities) => qualities,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::stdout().lock();
    match sm2::write_reviews(&mut out, &qualities, json).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(1),
    }
}

fn run_check(files: &[PathBuf], sheet: &SheetArgs) -> ExitCode {
    if let Err(message) = sets::check_sheet_args(files, sheet) {
        eprintln!("error: {message}");
        return ExitCode::from(2);
    }
    match sets::load_files(files, sheet) {
        Ok(loaded) => {
            let _ = sets::write_checked(&mut std::io::stdout().lock(), files, &loaded);
            ExitCode::SUCCESS
        }
        Err(failures) => {
            let _ = sets::write_errors(&mut std::io::stderr().lock(), &failures);
            ExitCode::from(1)
        }
    }
}

fn run_import(files: &[PathBuf], sheet: &SheetArgs, database: &DatabaseArgs) -> ExitCode {
    if let Err(message) = sets::check_sheet_args(files, sheet) {
        eprintln!("error: {message}");
        return ExitCode::from(2);
    }
    let loaded = match sets::load_files(files, sheet) {
        Ok(loaded) => loaded,
        Err(failures) => {
            let _ = sets::write_errors(&mut std::io::stderr().lock(), &failures);
            eprintln!("nothing was imported");
            return ExitCode::from(1);
        }
    };
    let imported = Store::open(&serve::store_config(&database.db, database.synchronous))
        .map_err(anyhow::Error::from)
        .and_then(|store| Ok(sets::import(&store, loaded)?));
    match imported {
        Ok(reports) => {
            let _ = sets::write_reports(&mut std::io::stdout().lock(), &reports);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error:#}\nnothing was imported");
            ExitCode::from(1)
        }
    }
}
