//! Registering, signing in and out through the forms, the session and CSRF cookies, and what a
//! visitor who is not signed in gets.

use crate::site::{PASSWORD, Site, study_path};

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn registering_through_the_form_signs_in_with_an_http_only_same_site_session_cookie() {
    let site = Site::start();
    let visitor = site.visitor();

    let page = visitor.get("/register");
    assert_eq!(page.status, 200);
    let csrf_cookie = page
        .set_cookie("studyhall_csrf")
        .expect("a CSRF cookie")
        .to_string();
    assert!(csrf_cookie.contains("HttpOnly"), "{csrf_cookie}");
    assert!(csrf_cookie.contains("SameSite=Strict"), "{csrf_cookie}");
    let form = page.form("/register");
    assert_eq!(
        form.value("csrf_token"),
        visitor.cookie("studyhall_csrf").as_deref()
    );

    let form = form.fill("username", "ada").fill("password", PASSWORD);
    let registered = visitor.submit(&form, &form.submit());
    assert_eq!(
        (registered.status, registered.location.as_deref()),
        (303, Some("/"))
    );
    let session = registered
        .set_cookie("studyhall_session")
        .expect("a session cookie");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(session.contains(attribute), "{attribute} in {session}");
    }

    let home = visitor.follow(&registered);
    assert_eq!(home.status, 200);
    assert!(
        home.text().contains("ada"),
        "the header names the student: {}",
        home.text()
    );
    assert!(home.text().contains("Sign out"));
}

#[test]
fn a_refused_registration_shows_the_form_again_with_the_reason_and_the_username_kept() {
    let site = Site::start();
    site.student("ada");
    let visitor = site.visitor();

    let taken = visitor.register("ada", PASSWORD);
    assert_eq!(taken.status, 409, "{}", taken.text());
    assert!(taken.text().contains("taken"), "{}", taken.text());
    assert_eq!(taken.form("/register").value("username"), Some("ada"));

    let short = visitor.register("grace", "short");
    assert_eq!(short.status, 422, "{}", short.text());
    assert!(
        short.text().contains("at least 10 characters"),
        "{}",
        short.text()
    );
    assert_eq!(short.form("/register").value("username"), Some("grace"));
    assert!(short.set_cookie("studyhall_session").is_none());
    assert!(
        site.app
            .store
            .user_by_name("grace")
            .expect("a read")
            .is_none()
    );
}

#[test]
fn signing_in_with_the_right_password_opens_a_new_session_and_goes_home() {
    let site = Site::start();
    let first = site.student("ada");
    let first_session = first.cookie("studyhall_session").expect("a session");

    let visitor = site.visitor();
    let signed_in = visitor.sign_in("ada", PASSWORD);
    assert_eq!(
        (signed_in.status, signed_in.location.as_deref()),
        (303, Some("/"))
    );
    let second_session = visitor.cookie("studyhall_session").expect("a session");
    assert_ne!(
        first_session, second_session,
        "each sign-in opens its own session"
    );
    assert_eq!(visitor.follow(&signed_in).status, 200);
    assert_eq!(
        visitor.get("/login").location.as_deref(),
        Some("/"),
        "already signed in"
    );
    assert_eq!(visitor.get("/register").location.as_deref(), Some("/"));
}

#[test]
fn a_wrong_password_shows_the_error_with_status_401_and_opens_no_session() {
    let site = Site::start();
    site.student("ada");
    let visitor = site.visitor();

    let refused = visitor.sign_in("ada", "not the password at all");
    assert_eq!(refused.status, 401, "{}", refused.text());
    assert!(
        refused.text().contains("Wrong username or password"),
        "{}",
        refused.text()
    );
    assert_eq!(refused.form("/login").value("username"), Some("ada"));
    assert_eq!(
        refused.form("/login").value("password"),
        Some(""),
        "the password is not echoed"
    );
    assert!(refused.set_cookie("studyhall_session").is_none());
    assert_eq!(visitor.get("/").location.as_deref(), Some("/login"));
}

#[test]
fn signing_out_ends_the_session_so_the_old_cookie_no_longer_works() {
    let site = Site::start();
    let ada = site.student("ada");
    let old_session = ada.cookie("studyhall_session").expect("a session");

    let sign_out = ada.get("/").form("/logout");
    let signed_out = ada.submit(&sign_out, &sign_out.submit());
    assert_eq!(
        (signed_out.status, signed_out.location.as_deref()),
        (303, Some("/login"))
    );
    let removal = signed_out
        .set_cookie("studyhall_session")
        .expect("the cookie is removed");
    assert!(removal.contains("Max-Age=0"), "{removal}");
    assert_eq!(ada.get("/").location.as_deref(), Some("/login"));

    let replay = site.visitor_with_cookie("studyhall_session", &old_session);
    let page = replay.get("/");
    assert_eq!(
        (page.status, page.location.as_deref()),
        (303, Some("/login"))
    );
}

#[test]
fn forms_without_or_with_a_wrong_csrf_token_are_refused_with_403_and_change_nothing() {
    let site = Site::start();
    let visitor = site.visitor();
    let form = visitor.get("/register").form("/register");
    let good = form
        .clone()
        .fill("username", "eve")
        .fill("password", PASSWORD);
    let without: Vec<_> = good
        .submit()
        .into_iter()
        .filter(|(k, _)| k != "csrf_token")
        .collect();
    let wrong = good.clone().fill("csrf_token", &"0".repeat(64)).submit();
    for fields in [without, wrong] {
        let refused = visitor.post("/register", &fields);
        assert_eq!(refused.status, 403, "{}", refused.text());
        assert!(
            refused.text().contains("security token"),
            "{}",
            refused.text()
        );
    }
    let no_cookie = site.visitor().post("/register", &good.submit());
    assert_eq!(
        no_cookie.status, 403,
        "a token without its cookie is refused"
    );
    assert_eq!(site.visitor().post("/login", &good.submit()).status, 403);
    assert!(
        site.app
            .store
            .user_by_name("eve")
            .expect("a read")
            .is_none()
    );

    let ada = site.student_with_limit("ada", 5);
    let card = ada.card();
    let answer = card.answer_form().fill("answer", "70");
    let forged_answer = answer.clone().fill("csrf_token", "").submit();
    assert_eq!(ada.submit(&answer, &forged_answer).status, 403);
    let verdict = ada.check(&answer, &answer.submit());
    let grade = verdict.grade_form();
    let forged = grade
        .clone()
        .fill("csrf_token", "forged")
        .press("quality", "4");
    assert_eq!(ada.submit(&grade, &forged).status, 403);
    let limit = ada.get("/").form("/settings/new-cards");
    let forged_limit = limit
        .clone()
        .fill("new_cards_per_day", "9")
        .fill("csrf_token", "x")
        .submit();
    assert_eq!(ada.submit(&limit, &forged_limit).status, 403);
    let logout = ada.get("/").form("/logout");
    assert_eq!(
        ada.post("/logout", &fields(&[("csrf_token", "x")])).status,
        403
    );

    assert_eq!(
        site.reviews_today("ada"),
        [(
            "essay-anniversary".to_string(),
            4,
            "correct".to_string(),
            false
        )],
        "only the genuine check was recorded; the forged grade changed nothing"
    );
    assert_eq!(site.daily_limit("ada"), 5, "the limit did not change");
    assert_eq!(ada.get("/").status, 200, "still signed in");
    assert_eq!(
        ada.submit(&logout, &logout.submit()).status,
        303,
        "the real form still works"
    );
}

#[test]
fn every_page_sends_a_visitor_who_is_not_signed_in_to_the_sign_in_page() {
    let site = Site::start();
    let visitor = site.visitor();
    let study = study_path();
    for path in ["/", "/progress", study.as_str()] {
        let page = visitor.get(path);
        assert_eq!(
            (page.status, page.location.as_deref()),
            (303, Some("/login")),
            "GET {path}"
        );
    }
    let card = fields(&[
        ("card_id", "essay-anniversary"),
        ("answer", "70"),
        ("quality", "4"),
    ]);
    for path in [
        "/settings/new-cards".to_string(),
        format!("{study}/answer"),
        format!("{study}/grade"),
    ] {
        let page = visitor.post(&path, &card);
        let location = page.location.as_deref().unwrap_or_default();
        assert_eq!(page.status, 303, "POST {path}");
        // An answer comes back after signing in (tests/pages/returns.rs).
        assert!(
            location == "/login" || location.starts_with("/login?next="),
            "POST {path}: {location}"
        );
    }
    let sign_in = visitor.get("/login");
    assert_eq!(sign_in.status, 200);
    assert!(sign_in.text().contains("Sign in"));
}
