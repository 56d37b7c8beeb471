//! What `studyhall serve` does about accounts at start-up: store the registration mode given
//! with `--registration`, and, while the server has no admin, make a one-time set-up link whose
//! opener creates the admin account in the browser.

use anyhow::Context;

use crate::accounts::random_token;
use crate::public_url::PublicUrl;
use crate::store::{RegistrationMode, Store};
use crate::web::state::now_ms;

/// How long a set-up link works; a restart makes a new one while there is no admin.
pub const SETUP_LINK_HOURS: i64 = 24;

/// Stores the mode given on the command line (none given: the stored one stands).
pub fn apply_registration(store: &Store, mode: Option<RegistrationMode>) -> anyhow::Result<()> {
    let Some(mode) = mode else { return Ok(()) };
    let changed = store
        .set_registration_mode(mode, None)
        .wait()
        .context("could not store the registration mode")?;
    if changed {
        tracing::info!(%mode, "registration mode set");
    }
    Ok(())
}

/// The set-up link on the server at `public_url`, when it has no admin yet: a new token each
/// time, which replaces the last. `None` once there is an admin.
pub fn setup_link(store: &Store, public_url: &PublicUrl) -> anyhow::Result<Option<String>> {
    let token = random_token();
    let expires_at_ms = now_ms() + SETUP_LINK_HOURS * 60 * 60 * 1000;
    let stored = store
        .begin_setup(&token, expires_at_ms)
        .wait()
        .context("could not store the set-up link")?;
    Ok(stored.then(|| public_url.link(&format!("/setup/{token}"))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_made_only_while_there_is_no_admin() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&crate::store::StoreConfig::new(dir.path().join("s.db"))).unwrap();
        let url = PublicUrl::from_listen_addr("127.0.0.1:8080".parse().unwrap());
        let link = setup_link(&store, &url).unwrap().expect("no admin yet");
        let token = link
            .strip_prefix("http://127.0.0.1:8080/setup/")
            .expect("the link's form");
        assert!(store.setup_token_is_valid(token, now_ms()).unwrap());
        store
            .add_user("root", "$argon2id$x", crate::store::Role::Admin, None)
            .wait()
            .unwrap();
        assert_eq!(setup_link(&store, &url).unwrap(), None);
    }
}
