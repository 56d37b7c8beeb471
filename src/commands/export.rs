//! `studyhall export progress|reviews`: the dashboards' CSV exports on standard output, for
//! the admin who runs the server (so every student of the class or set is in them); `export
//! set`: a set's cards as a file another tool reads.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, bail};

use crate::cli::{DatabaseArgs, ExportCommand};
use crate::config::study_clock;
use crate::questions::SetId;
use crate::questions::formats::export::{ExportFormat, export};
use crate::store::export::{write_progress_csv, write_review_csv};
use crate::store::partial_path;
use crate::store::{Audience, ClassId, LogScope, Store};

use super::open_existing as open;

/// Runs `studyhall export ...`, writing the CSV to standard output.
pub fn run(command: &ExportCommand) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match command {
        ExportCommand::Progress {
            class,
            clock,
            database,
        } => {
            let today = study_clock(clock)?.study_day(jiff::Timestamp::now());
            let store = open(database)?;
            let class = existing_class(&store, *class)?;
            let figures = store.class_figures(class, None, today)?;
            write_progress_csv(&figures, &mut out).context("could not write the CSV")?;
        }
        ExportCommand::Reviews {
            class,
            set,
            database,
        } => {
            let store = open(database)?;
            let scope = match (class, set) {
                (Some(class), _) => LogScope::Class {
                    class: existing_class(&store, *class)?,
                    only: None,
                },
                (None, Some(set)) => LogScope::Set {
                    set: existing_set(&store, set)?,
                    audience: Audience::Everyone,
                },
                (None, None) => bail!("say which reviews: --class ID or --set SET_ID"),
            };
            let entries = store.review_log(&scope, None)?;
            write_review_csv(&entries, &mut out).context("could not write the CSV")?;
        }
        ExportCommand::Set {
            set,
            format,
            output,
            database,
        } => return export_set(set, *format, output.as_deref(), database),
    }
    out.flush().context("could not write the CSV")
}

/// `studyhall export set`: the set's file in `format`, to `output` or standard output.
fn export_set(
    set: &str,
    format: ExportFormat,
    output: Option<&Path>,
    database: &DatabaseArgs,
) -> anyhow::Result<()> {
    let store = open(database)?;
    let id = existing_set(&store, set)?;
    let file_text = store
        .set_file_text(&id)?
        .with_context(|| format!("there is no set {set:?}"))?;
    let bytes = export(&file_text, format).with_context(|| {
        format!(
            "the set {set:?} cannot be written as {}",
            format.extension()
        )
    })?;
    match output {
        Some(path) => write_new(path, &bytes),
        None if !format.is_text() && std::io::stdout().is_terminal() => {
            bail!("an Anki package is not text: write it to a file with -o {set}.apkg")
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)
                .and_then(|()| out.flush())
                .context("could not write the set")
        }
    }
}

/// Writes `bytes` to `path` through `PATH.partial` beside it, as backups are written, so a
/// reader never sees half; the partial file is removed if writing fails.
fn write_new(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let partial = partial_path(path);
    let written = std::fs::write(&partial, bytes).and_then(|()| std::fs::rename(&partial, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written.with_context(|| format!("could not write {}", path.display()))
}

fn existing_class(store: &Store, class: i64) -> anyhow::Result<ClassId> {
    match store.class_header(ClassId(class))? {
        Some(found) => Ok(found.id),
        None => bail!(
            "there is no class {class}: its number is the N of /teach/classes/N in the browser"
        ),
    }
}

fn existing_set(store: &Store, set: &str) -> anyhow::Result<SetId> {
    let id = SetId::parse(set).with_context(|| format!("{set:?} is not a set id"))?;
    match store.set_header(&id)? {
        Some(found) => Ok(found.id),
        None => bail!("there is no set {set:?}"),
    }
}
