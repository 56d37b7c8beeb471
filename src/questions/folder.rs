//! The question sets a server loads at start-up: every `*.toml` of a folder, or the essay set
//! built into the binary when the folder does not exist, so the binary alone is an install.

use std::path::Path;

use crate::questions::QuestionSet;
use crate::questions::parse::{SetFileErrors, load_set_file, parse_set};

/// The essay's question set, as shipped in `questions/korean-war-1950.toml`.
pub const BUILT_IN_SET: &str = include_str!("../../questions/korean-war-1950.toml");

/// Why the start-up sets could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum FolderError {
    #[error("could not read the question folder {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A `*.toml` that is a FIFO, a device or a folder: reading a FIFO would wait forever for
    /// a writer, and the server would never start.
    #[error(
        "{path} is not a regular file (a named pipe, a device or a folder?): remove it from the \
         question folder or replace it with a set file"
    )]
    NotAFile { path: String },
    /// Every file with errors, each error on its own `FILE:LINE:COL: ...` line.
    #[error("{}", render(.0))]
    Invalid(Vec<SetFileErrors>),
}

fn render(files: &[SetFileErrors]) -> String {
    let lines: Vec<String> = files.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

/// Loads every `*.toml` in `folder` (in name order), each with its text; the built-in set when
/// the folder does not exist. All files are checked: the error lists every problem of each.
pub fn load_folder(folder: &Path) -> Result<Vec<(QuestionSet, String)>, FolderError> {
    if !folder.exists() {
        let set = parse_set(BUILT_IN_SET)
            .expect("the built-in set is checked by the tests to have no errors");
        return Ok(vec![(set, BUILT_IN_SET.to_string())]);
    }
    let read_error = |source| FolderError::Read {
        path: folder.display().to_string(),
        source,
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(read_error)? {
        let path = entry.map_err(read_error)?.path();
        if path
            .extension()
            .is_some_and(|extension| extension == "toml")
        {
            // metadata, not open: opening a FIFO blocks until someone writes to it.
            if !std::fs::metadata(&path).map_err(read_error)?.is_file() {
                return Err(FolderError::NotAFile {
                    path: path.display().to_string(),
                });
            }
            paths.push(path);
        }
    }
    paths.sort();
    load_every(&paths, load_set_file).map_err(FolderError::Invalid)
}

/// Loads every file with `load`: all of them, or the errors of every file that has any (so a
/// person fixing files sees all the problems at once, not one file at a time).
pub fn load_every<T, E>(
    paths: &[impl AsRef<Path>],
    load: impl Fn(&Path) -> Result<T, E>,
) -> Result<Vec<T>, Vec<E>> {
    let (loaded, failed): (Vec<_>, Vec<_>) = paths
        .iter()
        .map(|path| load(path.as_ref()))
        .partition(Result::is_ok);
    if failed.is_empty() {
        Ok(loaded.into_iter().filter_map(Result::ok).collect())
    } else {
        Err(failed.into_iter().filter_map(Result::err).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_set_is_the_essay_set_and_has_no_errors() {
        let set = parse_set(BUILT_IN_SET).unwrap();
        assert_eq!(set.id.as_str(), "korean-war-1950");
        assert!(set.cards.len() >= 60);
    }

    #[test]
    fn a_missing_folder_loads_the_built_in_set() {
        let dir = tempfile::tempdir().unwrap();
        let sets = load_folder(&dir.path().join("absent")).unwrap();
        assert_eq!(sets.len(), 1);
        assert_eq!(sets[0].1, BUILT_IN_SET);
    }

    #[test]
    fn every_toml_file_of_the_folder_is_loaded_in_name_order_and_others_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let set = |id: &str| {
            format!(
                "[set]\nid = \"{id}\"\ntitle = \"T\"\n\n[[cards]]\nid = \"c\"\nkind = \"truefalse\"\nprompt = \"P\"\nanswer = true\n"
            )
        };
        std::fs::write(dir.path().join("b.toml"), set("bee")).unwrap();
        std::fs::write(dir.path().join("a.toml"), set("ant")).unwrap();
        std::fs::write(dir.path().join("notes.md"), "not a set").unwrap();
        let sets = load_folder(dir.path()).unwrap();
        let ids: Vec<&str> = sets.iter().map(|(s, _)| s.id.as_str()).collect();
        assert_eq!(ids, ["ant", "bee"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_in_the_folder_is_refused_at_once_and_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success(), "mkfifo makes the pipe");
        let (sender, answer) = std::sync::mpsc::channel();
        let folder = dir.path().to_path_buf();
        std::thread::spawn(move || sender.send(load_folder(&folder).map(|_| ())));
        let loaded = answer
            .recv_timeout(std::time::Duration::from_secs(5))
            .expect("load_folder returns instead of waiting for a writer");
        let message = loaded.unwrap_err().to_string();
        assert!(
            message.contains("pipe.toml") && message.contains("not a regular file"),
            "{message}"
        );
    }

    #[test]
    fn a_broken_file_is_reported_with_its_name_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("broken.toml"), "[set]\nid = \"Bad Id\"\n").unwrap();
        let message = load_folder(dir.path()).unwrap_err().to_string();
        assert!(message.contains("broken.toml:2:6"), "{message}");
    }
}
