//! Running the `studyhall` binary as a real process, for the command-line tests.
#![allow(dead_code)] // each test binary uses its own part of this module

use std::process::{Command, Output};

/// Runs `studyhall ARGS` with no database or log level from the environment.
pub fn studyhall(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_studyhall"))
        .args(arguments)
        .env_remove("RUST_LOG")
        .env_remove("STUDYHALL_DB")
        .output()
        .expect("the binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
