//! `studyhall draft TEXT_FILE [--set ID] [--title T] [-o FILE]`: a set file drafted from a
//! reading, to standard output or `FILE`.

use std::path::Path;

use anyhow::{Context, bail};

use crate::draft::{draft_cards, draft_set_file, paragraphs};
use crate::questions::SetId;
use crate::questions::encoding::decode;
use crate::questions::rules::slug;

/// The largest text drafted: a long essay is a tenth of it.
const TEXT_LIMIT: u64 = 2 * 1024 * 1024;

pub fn run(
    file: &Path,
    set: Option<&str>,
    title: Option<&str>,
    output: Option<&Path>,
) -> anyhow::Result<()> {
    let shown = file.display();
    let size = std::fs::metadata(file)
        .with_context(|| format!("cannot read {shown}"))?
        .len();
    if size > TEXT_LIMIT {
        bail!(
            "{shown} is {} KB: draft from at most {} KB of text at a time (split it into parts)",
            size / 1024,
            TEXT_LIMIT / 1024
        );
    }
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {shown}"))?;
    let text = decode(bytes).map_err(|error| {
        let problem = error.problem();
        anyhow::anyhow!(
            "{shown}:{}:{}: {} — {}",
            error.line,
            error.column,
            problem.message,
            problem.fix
        )
    })?;
    let stem = file
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id_text = match set {
        Some(id) => id.to_string(),
        None => slug(&stem),
    };
    let id = SetId::parse(&id_text).map_err(|error| {
        anyhow::anyhow!("{id_text:?} cannot be a set id ({error}): give one with --set")
    })?;
    let title = match title {
        Some(title) => title.to_string(),
        None => heading(&text).unwrap_or(stem),
    };
    let found = paragraphs(&text);
    let drafts = draft_cards(&found);
    if drafts.is_empty() {
        bail!("{shown}: found nothing to draft (no dates, named actors or reasons)");
    }
    let from = file
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let set_file = draft_set_file(&drafts, id, &title, &from);
    match output {
        Some(path) => std::fs::write(path, &set_file)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => print!("{set_file}"),
    }
    eprintln!(
        "drafted {} cards from {} paragraphs of {shown}: review each one before importing",
        drafts.len(),
        found.len()
    );
    Ok(())
}

/// The text's first Markdown heading ("# The Berlin airlift").
fn heading(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find_map(|line| line.strip_prefix('#'))
        .map(|heading| heading.trim_start_matches('#').trim().to_string())
        .filter(|heading| !heading.is_empty())
}
