//! `studyhall backup FILE` and the snapshots `studyhall serve --backup-dir` takes on schedule.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;

use crate::store::Store;

/// Name of every snapshot: the prefix, the UTC time (so names sort by age), the suffix.
const SNAPSHOT_PREFIX: &str = "studyhall-";
const SNAPSHOT_SUFFIX: &str = ".db";

/// Runs `studyhall backup FILE --db DB`.
pub fn run(file: &Path, db: &Path) -> anyhow::Result<()> {
    crate::store::backup_file(db, file)?;
    println!("backed up {} to {}", db.display(), file.display());
    Ok(())
}

/// Where and how often `serve` takes snapshots, and how many it keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotPlan {
    pub dir: PathBuf,
    pub every: Duration,
    pub keep: usize,
}

/// Takes a snapshot now and then every `plan.every`, on a thread of its own, deleting all but
/// the newest `plan.keep`. A failed snapshot is logged and the next one tried on time.
pub fn schedule_snapshots(store: Store, plan: SnapshotPlan) -> anyhow::Result<()> {
    std::fs::create_dir_all(&plan.dir).with_context(|| {
        format!(
            "could not make the snapshot folder {}: check --backup-dir",
            plan.dir.display()
        )
    })?;
    std::thread::Builder::new()
        .name("snapshots".into())
        .spawn(move || {
            loop {
                match snapshot(&store, &plan) {
                    Ok(path) => tracing::info!(path = %path.display(), "snapshot taken"),
                    Err(error) => tracing::error!(error = %format!("{error:#}"), "snapshot failed"),
                }
                std::thread::sleep(plan.every);
            }
        })
        .context("could not start the snapshot thread")?;
    Ok(())
}

fn snapshot(store: &Store, plan: &SnapshotPlan) -> anyhow::Result<PathBuf> {
    let time = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%S%.3fZ");
    let path = plan
        .dir
        .join(format!("{SNAPSHOT_PREFIX}{time}{SNAPSHOT_SUFFIX}"));
    store.backup_to(&path)?;
    prune(&plan.dir, plan.keep)?;
    Ok(path)
}

/// Deletes the oldest snapshots in `dir` beyond the newest `keep`; other files are left alone.
fn prune(dir: &Path, keep: usize) -> anyhow::Result<()> {
    let mut snapshots: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("could not list {}", dir.display()))?
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with(SNAPSHOT_PREFIX) && name.ends_with(SNAPSHOT_SUFFIX)
        })
        .map(|entry| entry.path())
        .collect();
    snapshots.sort();
    let old = snapshots.len().saturating_sub(keep);
    for path in &snapshots[..old] {
        std::fs::remove_file(path)
            .with_context(|| format!("could not delete the old snapshot {}", path.display()))?;
    }
    Ok(())
}
