//! Signing in leads back to where the visitor was: to the join page of a join link (after
//! signing in or registering), and, when the session ended mid-study, to the set's study page
//! with the typed answer back in the field. Only paths on this server are followed.

use studyhall::store::{ClassName, Role, Teacher};

use crate::common::ESSAY_SET;
use crate::site::{PASSWORD, Page, Site, Visitor, study_path};

/// The join link's code of a class of the instructor "tess".
fn class_code(site: &Site) -> String {
    let store = &site.app.store;
    store
        .create_user("tess", "$argon2id$not-used", Role::Instructor)
        .wait()
        .expect("the instructor is added");
    let tess = store.user_by_name("tess").expect("a read").expect("tess");
    let teacher = Teacher::of(&tess).expect("an instructor teaches");
    let name = ClassName::parse("History 9B").expect("a class name");
    let class = store.create_class(teacher, &name).wait().expect("a class");
    class.join_code.to_string()
}

/// The `href` of the link on `page` whose text is `text`.
#[track_caller]
fn link(page: &Page, text: &str) -> String {
    let found = crate::html::tags(&page.html, "a").into_iter().find(|tag| {
        crate::html::text(crate::html::inner(&page.html, tag)) == text
            && tag
                .attr("class")
                .is_some_and(|class| class.contains("button"))
    });
    let found = found.unwrap_or_else(|| panic!("no link {text:?}: {}", page.html));
    found.attr("href").expect("an href").to_string()
}

/// Fills in and posts the form to `action` on `page` with `fields`.
fn post(visitor: &Visitor, page: &Page, action: &str, fields: &[(&str, &str)]) -> Page {
    let mut form = page.form(action);
    for (name, value) in fields {
        form = form.fill(name, value);
    }
    visitor.submit(&form, &form.submit())
}

#[test]
fn signing_in_from_a_join_link_comes_back_to_the_join_page() {
    let site = Site::start();
    let code = class_code(&site);
    site.student("sam");
    let visitor = site.visitor();
    let join_page = format!("/join/{code}");

    let landing = visitor.get(&join_page);
    let sign_in = visitor.get(&link(&landing, "Sign in"));
    assert_eq!(sign_in.status, 200);
    assert!(
        sign_in.text().contains("Sign in to go on where you were."),
        "{}",
        sign_in.text()
    );
    assert_eq!(
        sign_in.form("/login").value("next"),
        Some(join_page.as_str())
    );

    let wrong = post(
        &visitor,
        &sign_in,
        "/login",
        &[("username", "sam"), ("password", "not the password")],
    );
    assert_eq!(wrong.status, 401);
    assert_eq!(
        wrong.form("/login").value("next"),
        Some(join_page.as_str()),
        "kept after a failed attempt"
    );
    let signed_in = post(
        &visitor,
        &wrong,
        "/login",
        &[("username", "sam"), ("password", PASSWORD)],
    );
    assert_eq!(
        (signed_in.status, signed_in.location.as_deref()),
        (303, Some(join_page.as_str()))
    );
    let back = visitor.follow(&signed_in);
    assert!(back.text().contains("Join History 9B"), "{}", back.text());
    let joined = post(&visitor, &back, "/join", &[]);
    assert_eq!(joined.status, 303, "{}", joined.text());
    assert!(
        visitor
            .follow(&joined)
            .text()
            .contains("You joined History 9B.")
    );
}

#[test]
fn registering_from_a_join_link_comes_back_to_the_join_page_in_the_class() {
    let site = Site::start();
    let code = class_code(&site);
    let visitor = site.visitor();
    let join_page = format!("/join/{code}");

    let landing = visitor.get(&join_page);
    let register = visitor.get(&link(&landing, "Create an account"));
    assert_eq!(register.status, 200);
    let form = register.form("/register");
    assert_eq!(form.value("join_code"), Some(code.as_str()));
    assert_eq!(form.value("next"), Some(join_page.as_str()));
    let registered = post(
        &visitor,
        &register,
        "/register",
        &[("username", "ada"), ("password", PASSWORD)],
    );
    assert_eq!(
        (registered.status, registered.location.as_deref()),
        (303, Some(join_page.as_str()))
    );
    let back = visitor.follow(&registered).text();
    assert!(
        back.contains("History 9B") && back.contains("You are in this class already"),
        "the code joined the class as the account was made: {back}"
    );

    let signed_out = site.visitor();
    let posted = signed_out.post("/join", &[("code".into(), code.clone())]);
    assert_eq!(
        posted.location.as_deref(),
        Some(format!("/login?next=%2Fjoin%2F{code}").as_str()),
        "a join posted signed out leads back too"
    );
}

#[test]
fn an_answer_posted_after_the_session_ended_is_kept_through_signing_in() {
    let site = Site::start();
    let ada = site.student("ada");
    let card = ada.card();
    let card_id = card.card_id();
    let form = card.answer_form().fill("answer", "seventy & 0?");

    let token = ada.cookie("studyhall_session").expect("a session");
    site.app
        .store
        .delete_session(&token)
        .wait()
        .expect("the session ends");
    let refused = ada.submit(&form, &form.submit());
    assert_eq!(refused.status, 303, "{}", refused.text());
    let sign_in = ada.follow(&refused);
    let back = format!("/study/{ESSAY_SET}?card={card_id}&answer=seventy+%26+0%3F");
    assert_eq!(sign_in.form("/login").value("next"), Some(back.as_str()));
    assert!(site.reviews_today("ada").is_empty(), "nothing recorded");

    let signed_in = post(
        &ada,
        &sign_in,
        "/login",
        &[("username", "ada"), ("password", PASSWORD)],
    );
    assert_eq!(
        (signed_in.status, signed_in.location.as_deref()),
        (303, Some(back.as_str()))
    );
    let again = ada.follow(&signed_in);
    assert_eq!(again.card_id(), card_id, "the same card");
    let form = again.answer_form();
    assert_eq!(
        form.value("answer"),
        Some("seventy & 0?"),
        "the typed answer is back in the field"
    );

    let other = ada.get(&format!("{}?card=another-card&answer=typed", study_path()));
    assert_eq!(
        other.answer_form().value("answer"),
        Some(""),
        "an answer typed for another card is not put in this one"
    );
}

#[test]
fn signing_in_never_leads_off_the_site() {
    let site = Site::start();
    site.student("ada");
    for next in [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
    ] {
        let visitor = site.visitor();
        let query: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("next", next)
            .finish();
        let sign_in = visitor.get(&format!("/login?{query}"));
        assert_eq!(
            sign_in.form("/login").value("next"),
            None,
            "{next:?} is not carried"
        );
        let fields = [
            (
                "csrf_token".to_string(),
                visitor.cookie("studyhall_csrf").expect("a CSRF cookie"),
            ),
            ("username".into(), "ada".into()),
            ("password".into(), PASSWORD.into()),
            ("next".into(), next.into()),
        ];
        let signed_in = visitor.post("/login", &fields);
        assert_eq!(
            (signed_in.status, signed_in.location.as_deref()),
            (303, Some("/")),
            "{next:?} posted anyway: home"
        );
        assert_eq!(
            visitor.get(&format!("/login?{query}")).location.as_deref(),
            Some("/"),
            "signed in already: home"
        );
    }
    let ada = site.visitor();
    ada.sign_in("ada", PASSWORD);
    assert_eq!(
        ada.get("/login?next=%2Fprogress").location.as_deref(),
        Some("/progress"),
        "signed in already: straight on"
    );
}
