//! The `studyhall` binary: parse the command line, hand over to the library.

use std::process::ExitCode;

use clap::Parser;
use studyhall::cli::Cli;

fn main() -> ExitCode {
    studyhall::commands::run(Cli::parse())
}
