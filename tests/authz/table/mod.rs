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

use studyhall::questions::{CardId, SetId};
use studyhall::store::UserId;

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

/// Review tokens for a card of A's set, issued to each caller as their study page would.
#[derive(Clone)]
struct Tokens {
    key: studyhall::study::TokenKey,
    users: Vec<(Who, UserId)>,
}

impl Tokens {
    fn new(world: &World) -> Tokens {
        let app = &world.site.app;
        Tokens {
            key: studyhall::study::TokenKey::new(app.store.review_token_key()),
            users: Who::ALL
                .iter()
                .map(|who| (*who, app.user_id(username(*who))))
                .collect(),
        }
    }

    /// A token never used before, issued to `who` for `card` of A's set.
    fn issue(&self, who: Who, card: &str) -> String {
        let user = self
            .users
            .iter()
            .find(|(caller, _)| *caller == who)
            .map_or(UserId(0), |(_, user)| *user);
        let set = SetId::parse(SET_A).expect("a set id");
        let card = CardId::parse(card).expect("a card id");
        let now = jiff::Timestamp::now().as_millisecond();
        studyhall::study::issue_token(&self.key, user, &set, &card, now).to_string()
    }

    /// A card of A's set answered right, with a review token issued to `who`.
    fn true_false_answer(&self, who: Who) -> Body {
        let token = self.issue(who, "wall-fell-1989");
        Body::form(&[
            ("card_id", "wall-fell-1989"),
            ("answer", "true"),
            ("review_token", &token),
            ("quality", "4"),
        ])
    }
}

/// S1's answer to a card of A's set, recorded with a known token: its verdict page.
fn s1_verdict_page(world: &World) -> String {
    let app = &world.site.app;
    let token = format!("authz-{}", uuid::Uuid::new_v4().simple());
    let review = studyhall::store::NewReview {
        user: world.s1,
        card: app
            .store
            .card(
                &SetId::parse(SET_A).unwrap(),
                &CardId::parse("wall-fell-1989").unwrap(),
            )
            .expect("the store reads")
            .expect("A's set has the card")
            .row,
        review_token: token.clone(),
        quality: studyhall::scheduler::Quality::GOOD,
        today: crate::common::today(),
        reviewed_at_ms: jiff::Timestamp::now().as_millisecond(),
        answer: Some("true".into()),
        verdict: "correct".into(),
        normalized_answer: "true".into(),
        duration_ms: None,
        overridden: false,
    };
    app.store.record_review(review).wait().expect("recorded");
    format!("/study/{SET_A}/answers/{token}")
}

/// Every route, in the order the rows run.
pub fn table(world: &World) -> Vec<Row> {
    let mut rows = server_and_api(world);
    rows.extend(study_pages(world));
    rows.extend(teaching::class_pages(world));
    rows.extend(teaching::set_pages());
    rows.extend(teaching::dashboards(world));
    rows.extend(admin_pages(world));
    rows.extend(account_pages());
    rows
}

fn server_and_api(world: &World) -> Vec<Row> {
    let tokens = Tokens::new(world);
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
            move |who| {
                let token = tokens.issue(who, "wall-fell-1989");
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
    let tokens = Tokens::new(world);
    let answer_tokens = tokens.clone();
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
            move |who| answer_tokens.true_false_answer(who),
            {
                // Checked and recorded: to the recorded verdict.
                let verdict = see_other(format!("{study}/answers/"));
                [
                    TO_SIGN_IN,
                    verdict.clone(),
                    verdict.clone(),
                    NOT_FOUND,
                    verdict,
                ]
            },
        ),
        Row::get(
            "/study/{set_id}/answers/{review_token}",
            &s1_verdict_page(world),
            // Only the student who answered sees their answer.
            [TO_SIGN_IN, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND],
        ),
        Row::post_each(
            "/study/{set_id}/grade",
            &format!("{study}/grade"),
            move |who| tokens.true_false_answer(who),
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
        Row::get(
            "/password/{token}",
            "/password/no-such-link",
            [NOT_FOUND; 5],
        ),
        Row::post(
            "/password/{token}",
            "/password/no-such-link",
            Body::form(&[
                ("password", crate::site::PASSWORD),
                ("password_again", crate::site::PASSWORD),
            ]),
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
        // Only the admin gets through: the admin page again, with the new user's link.
        Row::post(
            "/admin/users",
            "/admin/users",
            Body::form(&[("username", "added"), ("role", "student")]),
            ADMIN_ONLY,
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
            "/admin/users/{id}/password",
            &format!("/admin/users/{}/password", world.leaver.0),
            Body::form(&[]),
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
        // The same password again: a change that leaves every caller able to sign in.
        Row::post(
            "/account/password",
            "/account/password",
            Body::form(&[
                ("current_password", crate::site::PASSWORD),
                ("password", crate::site::PASSWORD),
                ("password_again", crate::site::PASSWORD),
            ]),
            once_signed_in(TO_SIGN_IN, see_other("/account?done=password")),
        ),
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
