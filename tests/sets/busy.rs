//! Checking a set is CPU-heavy work: while every slot for it is taken, an upload is answered
//! `503` at once (after a moment's wait) rather than queued without end.

use crate::site::Site;
use crate::support::{COLD_WAR, instructor};

#[test]
fn an_upload_gets_503_busy_while_every_slot_for_heavy_work_is_taken_and_works_after() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let form_page = ada.get("/teach/sets/new");
    let held: Vec<_> = std::iter::from_fn(|| site.app.heavy_work.try_claim()).collect();
    assert!(!held.is_empty());

    let form = form_page.form("/teach/sets/preview");
    let busy = ada.submit_upload(&form, Some(("cold-war.toml", COLD_WAR.as_bytes())), "");
    assert_eq!(busy.status, 503, "{}", busy.text());
    assert!(busy.text().contains("busy"), "{}", busy.text());

    drop(held);
    let preview = ada.upload_file("cold-war.toml", COLD_WAR.as_bytes());
    assert_eq!(preview.status, 200, "{}", preview.text());
}
