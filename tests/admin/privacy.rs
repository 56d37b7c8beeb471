//! A user's own data: the download of everything about them, and deleting their account.

use studyhall::store::Role;

use crate::common::spawn_app;
use crate::site::{Browser, PASSWORD, add_user, with_people};

#[test]
fn the_account_page_offers_the_download_and_the_deletion_and_is_linked_from_every_page() {
    let app = spawn_app();
    add_user(&app, "ada", Role::Student);
    let ada = Browser::signed_in(&app, "ada");
    assert!(
        ada.get("/")
            .text
            .contains(r#"<a href="/account">Account</a>"#)
    );
    let page = ada.get("/account");
    page.assert_status(200);
    assert!(page.text.contains(r#"href="/account/data.json""#));
    assert!(page.text.contains(r#"action="/account/delete""#));
    let signed_out = Browser::new(&app).get("/account");
    assert_eq!((signed_out.status, signed_out.location()), (303, "/login"));
}

#[test]
fn the_data_download_holds_the_account_its_card_states_and_every_review() {
    let app = spawn_app();
    let ada = add_user(&app, "ada", Role::Student);
    app.make_due_today(ada, "essay-anniversary");
    let download = Browser::signed_in(&app, "ada").get("/account/data.json");
    download.assert_status(200);
    assert!(
        download.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let disposition = download.headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment") && disposition.contains("studyhall-ada.json"),
        "{disposition}"
    );
    let data: serde_json::Value = serde_json::from_str(&download.text).unwrap();
    assert_eq!(data["account"]["username"], "ada");
    assert_eq!(data["account"]["role"], "student");
    assert_eq!(data["card_states"][0]["card"], "essay-anniversary");
    assert_eq!(data["card_states"][0]["set"], "korean-war-1950");
    assert_eq!(data["reviews"].as_array().unwrap().len(), 1);
    assert_eq!(data["reviews"][0]["quality"], 4);
    assert_eq!(data["open_sessions"], 1);
    assert!(data["classes"].as_array().unwrap().is_empty());
}

#[test]
fn deleting_ones_account_needs_the_password_then_removes_every_review_and_signs_out() {
    let app = spawn_app();
    let ada_id = add_user(&app, "ada", Role::Student);
    app.make_due_today(ada_id, "essay-anniversary");
    let ada = Browser::signed_in(&app, "ada");
    let wrong = ada.submit(
        "/account",
        "/account/delete",
        &[("password", "not my password")],
    );
    wrong.assert_status(403);
    assert!(wrong.text.contains("not deleted"), "{}", wrong.text);
    ada.post("/account/delete", &[("password", PASSWORD)])
        .assert_status(403);
    assert_eq!(
        app.store.user_review_count(ada_id).unwrap(),
        1,
        "nothing was deleted"
    );

    let deleted = ada.submit("/account", "/account/delete", &[("password", PASSWORD)]);
    assert_eq!(
        (deleted.status, deleted.location()),
        (303, "/account/deleted")
    );
    assert!(
        deleted.headers["set-cookie"]
            .to_str()
            .unwrap()
            .contains("studyhall_session=;")
    );
    ada.get("/account/deleted").assert_status(200);
    assert_eq!(app.store.user_review_count(ada_id).unwrap(), 0);
    assert!(app.store.user_by_name("ada").unwrap().is_none());
    let sign_in = [("username", "ada"), ("password", PASSWORD)];
    Browser::new(&app)
        .submit("/login", "/login", &sign_in)
        .assert_status(401);
}

#[test]
fn the_last_admin_cannot_delete_their_own_account() {
    let app = spawn_app();
    with_people(&app);
    let root = Browser::signed_in(&app, "root");
    let refused = root.submit("/account", "/account/delete", &[("password", PASSWORD)]);
    refused.assert_status(409);
    assert!(refused.text.contains("only admin"), "{}", refused.text);
    assert!(app.store.has_admin().unwrap());
}
