//! Running the `studyhall` binary as a real process, for the command-line tests.
#![allow(dead_code)] // each test binary uses its own part of this module

use std::process::{Command, Output};

/// The `studyhall` binary, to run without the developer's settings: no log level and no
/// `STUDYHALL_*` variable from the environment (a `STUDYHALL_DB`, `STUDYHALL_QUESTIONS` or
/// `STUDYHALL_REGISTRATION` exported in the shell would change what a test sees).
pub fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_studyhall"));
    command.env_remove("RUST_LOG");
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("STUDYHALL_") {
            command.env_remove(name);
        }
    }
    command
}

/// Runs `studyhall ARGS` with a clean environment ([`command`]).
pub fn studyhall(arguments: &[&str]) -> Output {
    command().args(arguments).output().expect("the binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Writes `text` to the file `name` in `dir`; its path.
pub fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("the test file is written");
    path
}
