//! What each command of the command line does; `main.rs` only dispatches here.

pub mod sm2;

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{Cli, Command};

/// Runs one command line and says how it ended: 0 done, 1 the input had errors, 2 bad usage.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Sm2 { json, qualities }) => run_sm2(json, &qualities),
        _ => todo!(),
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
