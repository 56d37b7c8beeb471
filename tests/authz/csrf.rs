//! Every state-changing route of the table posted without its CSRF token, as a page of another
//! site would post it with the caller's cookies: refused with 403 for every signed-in caller,
//! and for the forms shown before signing in (sign in, register, set up) for the signed out
//! too. A signed-out visitor posting anything else is answered as with a token (sent to sign
//! in, or 401 from the API): they have no session for another site to act with.
//!
//! The API's register and login take no token: they open a session rather than act with one,
//! and their JSON body is not something another site's form can send.

use crate::row::{Expect, FORBIDDEN, Row};
use crate::table::table;
use crate::world::{Who, World};

/// The routes that need no CSRF token (see the module notes).
const NO_TOKEN: [&str; 2] = ["/api/v1/register", "/api/v1/login"];

/// What `who` must get posting `row` without a token.
fn expected(row: &Row, who: Who) -> &Expect {
    match who {
        Who::SignedOut if !row.is_before_sign_in() => &row.expect[0],
        _ => &FORBIDDEN,
    }
}

#[test]
fn every_post_without_its_csrf_token_is_refused_with_403() {
    let world = World::build();
    let rows = table(&world);
    let posts = rows
        .iter()
        .filter(|row| row.method == "POST" && !NO_TOKEN.contains(&row.route));
    let audit_lines = || {
        world
            .site
            .app
            .store
            .audit_log(10_000)
            .expect("the log")
            .len()
    };
    let logged_before = audit_lines();
    let mut wrong = Vec::new();
    let mut tried = 0;
    for row in posts {
        for who in Who::ALL {
            let reply = row.send_without_csrf(&world, who);
            tried += 1;
            let expected = expected(row, who);
            if !expected.matches(&reply) {
                wrong.push(format!(
                    "POST {} as {who}: expected {expected:?}, got {} {}",
                    row.path,
                    reply.status,
                    reply.location.as_deref().unwrap_or_default()
                ));
            }
        }
    }
    assert!(tried > 100, "only {tried} requests");
    // The admin's, class, set and dispute changes are all logged: none happened.
    assert_eq!(
        audit_lines(),
        logged_before,
        "a refused post changed something"
    );
    assert!(
        wrong.is_empty(),
        "{} of {tried} posts without a CSRF token got another answer:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
