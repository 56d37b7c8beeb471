//! The table: one row per route (a few routes have a second row, e.g. a set's upload form
//! started from A's set), and for each caller the status it must answer. Rows run in order and
//! each caller in the order of [`Who::ALL`]; a row whose change would spoil the next caller's
//! try puts the world back first (`before_each`), and the rows that end sessions or accounts
//! use a fresh session or come last.
//!
//! What the app does, row by row: signed out, a page sends you to sign in (303 to `/login`) and
//! the API answers 401; a student gets 403 on every teaching and admin page; another instructor
//! is told A's class does not exist (404) and that A's set is not theirs (403 on its own pages,
//! 404 on its item analysis, as for a set they do not teach with); a restricted set is, to
//! whoever may not study it, a set that does not exist (404); the admin reaches everything.

mod teaching;

use serde_json::json;

use crate::request::Body;
use crate::row::{
    ADMIN_ONLY, Expect, FORBIDDEN, HOME, NOT_FOUND, OK, Row, TO_SIGN_IN, UNAUTHORIZED, everyone,
    once_signed_in, see_other,
};
use crate::world::{SET_A, Who, World};

/// The username each caller signs in with; signed out, S1's.
fn username(who: Who) -> &'static str {
    match who {
        Who::SignedOut | Who::S1 => "sue",
        Who::A => "ana",
        Who::B => "ben",
        Who::Admin => "root",
    }
}

fn credentials(who: Who) -> serde_json::Value {
    json!({"username": username(who), "password": crate::site::PASSWORD})
}

/// A card of A's set answered right, with a review token never used before.
fn true_false_answer() -> Body {
    let token = uuid::Uuid::new_v4().to_string();
    Body::form(&[
        ("card_id", "wall-fell-1989"),
        ("answer", "true"),
        ("review_token", &token),
        ("quality", "4"),
    ])
}

/// Every route, in the order the rows run.
pub fn table(world: &World) -> Vec<Row> {
    let mut rows = server_and_api();
    rows.extend(study_pages(world));
    rows.extend(teaching::class_pages(world));
    rows.extend(teaching::set_pages());
    rows.extend(teaching::dashboards(world));
    rows.extend(admin_pages(world));
    rows.extend(account_pages());
    rows
}

fn server_and_api() -> Vec<Row> {
    let style = studyhall::web::assets::url("style.css").expect("the style sheet");
    vec![
        Row::get("/healthz", "/healthz", [OK; 5]),
        Row::get("/static/{name}", style, [OK; 5]),
        Row::post_each(
            "/api/v1/register",
            "/api/v1/register",
            |who| {
                let name = format!("api-{}", who.tag());
                Body::Json(json!({"username": name, "password": crate::site::PASSWORD}))
            },
            everyone(Expect::Status(201)),
        ),
        Row::post_each(
            "/api/v1/login",
            "/api/v1/login",
            |who| Body::Json(credentials(who)),
            [OK; 5],
        ),
        Row::post(
            "/api/v1/logout",
            "/api/v1/logout",
            Body::Json(json!({})),
            once_signed_in(UNAUTHORIZED, Expect::Status(204)),
        )
        .fresh_session(),
        Row::get(
            "/api/v1/sets",
            "/api/v1/sets",
            once_signed_in(UNAUTHORIZED, OK),
        ),
        Row::get(
            "/api/v1/sets/{set_id}/next",
            &format!("/api/v1/sets/{SET_A}/next"),
            [UNAUTHORIZED, OK, OK, NOT_FOUND, OK],
        ),
        Row::post_each(
            "/api/v1/sets/{set_id}/answers",
            &format!("/api/v1/sets/{SET_A}/answers"),
            |_| {
                let token = uuid::Uuid::new_v4().to_string();
                Body::Json(
                    json!({"card_id": "wall-fell-1989", "review_token": token, "answer": true}),
                )
            },
            [UNAUTHORIZED, OK, OK, NOT_FOUND, OK],
        ),
        Row::get(
            "/api/v1/me/progress",
            "/api/v1/me/progress",
            once_signed_in(UNAUTHORIZED, OK),
        ),
    ]
}

fn study_pages(world: &World) -> Vec<Row> {
    let study = format!("/study/{SET_A}");
    let join = format!("/join/{}", world.open_house_code);
    vec![
        Row::get("/", "/", once_signed_in(TO_SIGN_IN, OK)),
        Row::post(
            "/settings/new-cards",
            "/settings/new-cards",
            Body::form(&[("new_cards_per_day", "20")]),
            once_signed_in(TO_SIGN_IN, see_other("/?saved=20")),
        ),
        Row::get("/login", "/login", once_signed_in(OK, HOME)),
        Row::post_each(
            "/login",
            "/login",
            |who| {
                Body::form(&[
                    ("username", username(who)),
                    ("password", crate::site::PASSWORD),
                ])
            },
            [HOME; 5],
        )
        .before_sign_in(),
        Row::get("/register", "/register", once_signed_in(OK, HOME)),
        Row::post_each(
            "/register",
            "/register",
            |who| {
                let name = format!("page-{}", who.tag());
                Body::form(&[("username", &name), ("password", crate::site::PASSWORD)])
            },
            [HOME; 5],
        )
        .before_sign_in(),
        Row::post("/logout", "/logout", Body::form(&[]), [TO_SIGN_IN; 5]).fresh_session(),
        Row::get(
            "/study/{set_id}",
            &study,
            [TO_SIGN_IN, OK, OK, NOT_FOUND, OK],
        ),
        Row::post_each(
            "/study/{set_id}/answer",
            &format!("{study}/answer"),
            |_| true_false_answer(),
            [TO_SIGN_IN, OK, OK, NOT_FOUND, OK],
        ),
        Row::post_each(
            "/study/{set_id}/grade",
            &format!("{study}/grade"),
            |_| true_false_answer(),
            {
                let next = see_other(study.clone());
                [TO_SIGN_IN, next.clone(), next.clone(), NOT_FOUND, next]
            },
        ),
        Row::get("/progress", "/progress", once_signed_in(TO_SIGN_IN, OK)),
        Row::get("/join/{code}", &join, [OK; 5]),
        Row::post(
            "/join",
            "/join",
            Body::form(&[("code", &world.open_house_code)]),
            once_signed_in(TO_SIGN_IN, see_other("/?joined=")),
        ),
        Row::get("/setup/{token}", "/setup/no-such-link", [NOT_FOUND; 5]),
        Row::post(
            "/setup/{token}",
            "/setup/no-such-link",
            Body::form(&[("username", "mallory"), ("password", crate::site::PASSWORD)]),
            [NOT_FOUND; 5],
        )
        .before_sign_in(),
    ]
}

fn admin_pages(world: &World) -> Vec<Row> {
    let admin_done =
        |done: &'static str| [TO_SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, see_other(done)];
    vec![
        Row::get("/admin", "/admin", ADMIN_ONLY),
        Row::post(
            "/admin/registration",
            "/admin/registration",
            Body::form(&[("registration", "open")]),
            admin_done("/admin?done=registration"),
        ),
        Row::post(
            "/admin/users/{id}/role",
            &format!("/admin/users/{}/role", world.role_target.0),
            Body::form(&[("role", "instructor")]),
            admin_done("/admin?done=role"),
        ),
        Row::get(
            "/admin/users/{id}/data.json",
            &format!("/admin/users/{}/data.json", world.s2.0),
            ADMIN_ONLY,
        ),
        Row::post(
            "/admin/users/{id}/delete",
            &format!("/admin/users/{}/delete", world.leaver.0),
            Body::form(&[("confirm_username", "lee")]),
            admin_done("/admin?done=deleted"),
        ),
    ]
}

/// Last: deleting the account ends each caller (but the last admin, who may not leave).
fn account_pages() -> Vec<Row> {
    let deleted = see_other("/account/deleted");
    vec![
        Row::get("/account", "/account", once_signed_in(TO_SIGN_IN, OK)),
        Row::get(
            "/account/data.json",
            "/account/data.json",
            once_signed_in(TO_SIGN_IN, OK),
        ),
        Row::get("/account/deleted", "/account/deleted", [OK; 5]),
        Row::post(
            "/account/delete",
            "/account/delete",
            Body::form(&[("password", crate::site::PASSWORD)]),
            [
                TO_SIGN_IN,
                deleted.clone(),
                deleted.clone(),
                deleted,
                Expect::Status(409),
            ],
        ),
    ]
}

#[test]
fn every_route_answers_every_role_and_the_signed_out_with_the_status_the_table_gives() {
    let world = World::build();
    let rows = table(&world);
    let mut wrong = Vec::new();
    let mut tried = 0;
    for row in &rows {
        for (who, expected) in Who::ALL.into_iter().zip(&row.expect) {
            let reply = row.send_as(&world, who);
            tried += 1;
            if !expected.matches(&reply) {
                wrong.push(format!(
                    "{} {} as {who}: expected {expected:?}, got {} {}",
                    row.method,
                    row.path,
                    reply.status,
                    reply.location.as_deref().unwrap_or_default()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {tried} requests got another answer:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
