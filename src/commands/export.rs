//! `studyhall export progress|reviews`: the dashboards' CSV exports on standard output, for
//! the admin who runs the server (so every student of the class or set is in them).

use std::io::Write;

use anyhow::{Context, bail};

use crate::cli::ExportCommand;
use crate::config::study_clock;
use crate::questions::SetId;
use crate::store::export::{write_progress_csv, write_review_csv};
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
    }
    out.flush().context("could not write the CSV")
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
