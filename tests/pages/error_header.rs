//! Error pages seen by someone signed in show the same header as every other page: the nav,
//! their name and the sign-out form. Signed out, the header offers to sign in; the API's errors
//! stay JSON.

use crate::site::{Page, Site, study_path};

#[track_caller]
fn assert_signed_in_header(page: &Page, status: u16, username: &str) {
    assert_eq!(page.status, status, "{}", page.text());
    let (_, header) = page
        .element("header", "class", "site-header")
        .expect("the site header");
    let header = crate::html::text(header);
    for expected in ["Study", "Progress", username, "Account", "Sign out"] {
        assert!(header.contains(expected), "{expected:?} in {header:?}");
    }
    assert!(!header.contains("Sign in"), "{header}");
    let sign_out = page.form("/logout");
    assert!(
        sign_out
            .value("csrf_token")
            .is_some_and(|token| !token.is_empty()),
        "the sign-out form works from an error page"
    );
    assert_eq!(
        page.element("a", "href", "/teach").map(|_| ()),
        None,
        "a student's nav has no Teach"
    );
}

#[test]
fn a_signed_in_visitors_404_403_and_422_pages_show_their_header() {
    let site = Site::start();
    let ada = site.student("ada");

    let missing = ada.get("/no-such-page");
    assert_signed_in_header(&missing, 404, "ada");
    assert!(missing.text().contains("There is no page at this address."));
    assert_signed_in_header(&ada.get("/study/no-such-set"), 404, "ada");
    assert_signed_in_header(&ada.get("/progress?set=no-such-set"), 404, "ada");

    let forbidden = ada.get("/teach");
    assert_signed_in_header(&forbidden, 403, "ada");
    assert!(forbidden.text().contains("this page is for instructors"));

    let form = ada.get("/").form("/settings/new-cards");
    let fields = form.clone().fill("new_cards_per_day", "abc").submit();
    let refused = ada.submit(&form, &fields);
    assert_signed_in_header(&refused, 422, "ada");

    let stale = ada.post(
        &format!("{}/grade", study_path()),
        &[("csrf_token".into(), "not the token".into())],
    );
    assert_signed_in_header(&stale, 403, "ada");
}

#[test]
fn signed_out_an_error_page_offers_to_sign_in_and_the_api_answers_json() {
    let site = Site::start();
    let visitor = site.visitor();
    let missing = visitor.get("/no-such-page");
    assert_eq!(missing.status, 404);
    let (_, header) = missing
        .element("header", "class", "site-header")
        .expect("the site header");
    let header = crate::html::text(header);
    assert!(
        header.contains("Sign in") && !header.contains("Sign out"),
        "{header}"
    );

    let ada = site.student("ada");
    let api = ada.get("/api/v1/no-such-route");
    assert_eq!(api.status, 404);
    let body: serde_json::Value = serde_json::from_str(&api.html).expect("JSON");
    assert_eq!(body["error"]["code"], "not_found");
}
