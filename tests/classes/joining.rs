//! Creating a class and joining it: with the code typed any way, with the join link, and not
//! with a wrong code.

use crate::helpers::{create_class, instructor, join};
use crate::site::Site;

#[test]
fn an_instructor_creates_a_class_and_teach_lists_it_with_its_code() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    assert_eq!(
        class.code.len(),
        7,
        "six characters in two groups: {}",
        class.code
    );
    assert!(
        class
            .code
            .chars()
            .all(|c| c == '-' || "23456789ABCDEFGHJKMNPQRSTUVWXYZ".contains(c))
    );

    let teach = ada.get("/teach");
    assert_eq!(teach.status, 200);
    let text = teach.text();
    assert!(
        text.contains("History 9B") && text.contains(&class.code),
        "{text}"
    );
    let created = ada.get(&format!("{}?done=created", class.path)).text();
    assert!(created.contains("Class created"), "{created}");
}

#[test]
fn a_student_joins_with_the_code_in_any_case_with_spaces_and_sees_the_class_at_home() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    let sam = site.student("sam");

    let typed = format!("  {}  ", class.code.to_lowercase().replace('-', " "));
    let joined = join(&sam, &typed);
    assert_eq!(joined.status, 303, "{}", joined.text());
    let home = sam.follow(&joined);
    let text = home.text();
    assert!(text.contains("You joined History 9B."), "{text}");
    assert!(
        text.contains("History 9B · ada"),
        "the class is listed: {text}"
    );

    let members = ada.get(&class.path).text();
    assert!(members.contains("sam"), "{members}");
    assert_eq!(
        join(&sam, &class.code).status,
        303,
        "joining twice is harmless"
    );
}

#[test]
fn the_join_link_names_the_class_and_joining_is_a_post() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    let page = ada.get(&class.path);
    let link = page
        .element("p", "class", "join-link")
        .map(|(_, inside)| crate::html::text(inside));
    let link = link.expect("the join link on the class page");
    let plain_code = class.code.replace('-', "");
    assert_eq!(link, format!("{}/join/{plain_code}", site.app.address));

    let sam = site.student("sam");
    let landing = sam.get(&format!("/join/{plain_code}"));
    assert_eq!(landing.status, 200);
    assert!(
        landing.text().contains("History 9B taught by ada"),
        "{}",
        landing.text()
    );
    assert!(
        ada.get(&class.path).text().contains("No students yet"),
        "a GET joins no one"
    );
    let form = landing.form("/join");
    let joined = sam.submit(&form, &form.submit());
    assert_eq!(
        joined
            .location
            .as_deref()
            .map(|l| l.starts_with("/?joined=")),
        Some(true)
    );
    let again = sam.get(&format!("/join/{plain_code}")).text();
    assert!(again.contains("You are in this class already"), "{again}");
}

#[test]
fn a_signed_out_visitor_on_a_join_link_is_offered_to_register_with_the_code() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    let plain_code = class.code.replace('-', "");
    let page = site
        .visitor()
        .get(&format!("/join/{}", plain_code.to_lowercase()));
    assert_eq!(page.status, 200);
    let back = format!("next=%2Fjoin%2F{plain_code}");
    let register = page.element("a", "href", &format!("/register?code={plain_code}&{back}"));
    assert!(register.is_some(), "{}", page.html);
    let sign_in = page.element("a", "href", &format!("/login?{back}"));
    assert!(
        sign_in.is_some(),
        "signing in comes back here: {}",
        page.html
    );
    assert!(
        !page.text().contains("History 9B"),
        "nothing is told before signing in"
    );
}

#[test]
fn a_wrong_code_is_refused_with_a_clear_error_and_joins_nothing() {
    let site = Site::start();
    let ada = instructor(&site, "ada");
    let class = create_class(&ada, "History 9B");
    let sam = site.student("sam");
    let wrong = if class.code.starts_with('2') {
        "333-333"
    } else {
        "222-222"
    };

    let refused = join(&sam, wrong);
    assert_eq!(refused.status, 422);
    assert!(
        refused.text().contains("No class has this join code"),
        "{}",
        refused.text()
    );
    let form = refused.form("/join");
    assert_eq!(
        form.value("code"),
        Some(wrong),
        "the code stays in the field"
    );

    let look_alike = join(&sam, "K7M-Q20");
    assert_eq!(look_alike.status, 422);
    assert!(
        look_alike.text().contains("A join code has no '0'"),
        "{}",
        look_alike.text()
    );
    assert_eq!(
        sam.get(&format!("/join/{}", wrong.replace('-', ""))).status,
        404
    );
    assert!(ada.get(&class.path).text().contains("No students yet"));
    assert!(!sam.get("/").text().contains("History 9B"));
}
