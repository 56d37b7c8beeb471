//! `studyhall serve`: load the question sets, open the database, listen and serve. Start-up
//! problems end in one paragraph that says what to do, and a non-zero exit; never a panic.

use std::net::TcpListener;

use anyhow::Context;

use crate::cli::{ServeArgs, SyncMode};
use crate::config::ServerConfig;
use crate::public_url::PublicUrl;
use crate::questions::folder::load_folder;
use crate::store::{Store, StoreConfig, Synchronous};
use crate::web::server;
use crate::web::state::AppState;
use crate::web::templates::Templates;

use super::{backup, setup};

/// Starts the server and runs it until it is stopped (Ctrl-C).
pub fn run(args: &ServeArgs) -> anyhow::Result<()> {
    let config = ServerConfig::from_args(args)?;
    let sets = load_folder(&config.questions).with_context(|| {
        format!(
            "the question sets in {} have errors; fix them (`studyhall check FILE` lists them) and start again",
            config.questions.display()
        )
    })?;
    let store = Store::open(&store_config(&config.db, config.synchronous)).map_err(|error| {
        anyhow::anyhow!(
            "{error}\ncheck that the database's folder exists and is writable, or choose another file with --db"
        )
    })?;
    let reports = store
        .import_sets(sets)
        .wait()
        .context("could not load the question sets into the database")?;
    for report in &reports {
        tracing::info!(set = %report.set, added = report.added.len(), changed = report.changed.len(),
            retired = report.retired.len(), unchanged = report.unchanged, "question set loaded");
    }
    let listener = TcpListener::bind(config.addr).with_context(|| {
        format!(
            "could not listen on {}: another program may be using that port; stop it or choose another address with --addr (e.g. --addr 127.0.0.1:8081)",
            config.addr
        )
    })?;
    sweep_expired_sessions(store.clone());
    if let Some(plan) = &config.snapshots {
        backup::schedule_snapshots(store.clone(), plan.clone())?;
    }
    setup::apply_registration(&store, args.registration)?;
    let public_url = config.public_url.clone().unwrap_or_else(|| {
        PublicUrl::from_listen_addr(listener.local_addr().unwrap_or(config.addr))
    });
    let setup_link = setup::setup_link(&store, &public_url)?;
    let templates =
        Templates::new().context("the built-in page templates do not compile (a bug)")?;
    let closing = store.clone();
    let state = AppState::with_limits(
        store,
        config.clock.clone(),
        templates,
        public_url.clone(),
        config.limits,
    );
    let served = actix_web::rt::System::new()
        .block_on(async move {
            let running = actix_web::rt::spawn(server::start(state, listener)?);
            // actix logs its start-up lines when the server is first polled: let it run once,
            // so that what a person needs comes last on the terminal, after them.
            actix_web::rt::task::yield_now().await;
            println!("studyhall is ready: open {public_url}/ in a browser");
            if let Some(link) = setup_link {
                println!("Set up the admin account: {link}");
            }
            running.await.map_err(std::io::Error::other)?
        })
        .context("the server stopped with an error");
    // actix has stopped on Ctrl-C or SIGTERM, but the store is never dropped (threads hold it),
    // so SQLite would not checkpoint on close: empty the WAL here, leaving a whole database file.
    match closing.checkpoint_fully() {
        Ok(()) => tracing::info!("the database is checkpointed; studyhall stopped"),
        Err(error) => tracing::warn!(%error, "could not checkpoint the database on the way out"),
    }
    served
}

/// Deletes expired sessions now and every few hours, on a thread of its own: a session past its
/// expiry is already refused at sign-in checks, this only keeps the table small.
fn sweep_expired_sessions(store: Store) {
    const EVERY: std::time::Duration = std::time::Duration::from_secs(6 * 60 * 60);
    let sweeper = std::thread::Builder::new()
        .name("session-sweeper".into())
        .spawn(move || {
            loop {
                match store
                    .delete_expired_sessions(crate::web::state::now_ms())
                    .wait()
                {
                    Ok(deleted) if deleted > 0 => {
                        tracing::info!(deleted, "expired sessions deleted")
                    }
                    Ok(_) => {}
                    Err(error) => tracing::warn!(%error, "could not delete expired sessions"),
                }
                std::thread::sleep(EVERY);
            }
        });
    if let Err(error) = sweeper {
        tracing::warn!(%error, "could not start the expired-session sweeper");
    }
}

/// The store's settings from the command line's.
pub fn store_config(path: &std::path::Path, synchronous: SyncMode) -> StoreConfig {
    StoreConfig {
        path: path.to_path_buf(),
        synchronous: match synchronous {
            SyncMode::Full => Synchronous::Full,
            SyncMode::Normal => Synchronous::Normal,
        },
    }
}
