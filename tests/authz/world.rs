//! The world the authorization tests run in, built through the real forms and API: the admin
//! `root`; instructor A (`ana`) with her set [`SET_A`] (restricted, as an instructor's upload
//! is) and her class "History 7A" (that set and the essay set; students `sue`, S1, and `sid`);
//! instructor B (`ben`) with "History 7B" (the essay set; student `sam`, S2) and "Open house"
//! (no sets, for joining); and `ivy` and `lee`, students for the admin to change and delete.
//! S1 has claimed "I was right" on four wrong answers to A's text card; S1 and S2 have answered
//! a card of the essay set, and S1 a second one with a word no one else typed. A's set and S1's
//! answer carry [`CANARIES`]: words that must reach no one who may not see them.

use std::fmt;

use reqwest::blocking::Client;
use reqwest::redirect::Policy;
use serde_json::json;

use studyhall::store::{CardRow, Decider, Role, UserId};

use crate::common::ESSAY_SET;
use crate::helpers::{self, Class};
use crate::request::{Body, Reply, Request};
use crate::site::{Site, Visitor};
use crate::support;

/// A's set, uploaded and published through the upload form.
pub const SET_A: &str = "ana-cold-war";

/// A's set file: a text card (for the claims), a truefalse card, and four more.
pub const SET_A_FILE: &str = r#"[set]
id = "ana-cold-war"
title = "Ana's Cold War in Quokkagrad"

[[cards]]
id = "divided-city"
kind = "text"
prompt = "Which city did a wall divide from 1961 to 1989? (Zindlewort)"
answer = "Berlin"
tags = ["canarytagvexil"]

[[cards]]
id = "wall-fell-1989"
kind = "truefalse"
prompt = "The Berlin Wall fell in 1989."
answer = true

[[cards]]
id = "airlift"
kind = "choice"
prompt = "Which city did the 1948 airlift supply?"
choices = ["West Berlin", "Vienna"]
answer = "West Berlin"

[[cards]]
id = "nato-members-1949"
kind = "number"
prompt = "How many countries founded NATO in 1949?"
answer = 12

[[cards]]
id = "sputnik"
kind = "date"
prompt = "When was Sputnik launched?"
answer = "1957-10-04"

[[cards]]
id = "containment"
kind = "recall"
prompt = "What was containment?"
answer = "Stopping the spread of communism without war."
"#;

/// Words only those who may see A's set, or S1's answers, ever see: the title word, a prompt
/// word and a tag of A's set, and an answer only S1 typed (on the essay set, which B teaches
/// too). No response to the signed out, to B or to S2 may hold one, unless they sent it.
pub const CANARIES: [&str; 4] = [
    "Quokkagrad",
    "Zindlewort",
    "canarytagvexil",
    "Marmaladestadt",
];

/// The wrong answers S1 claimed were right, on A's text card `divided-city`.
pub const CLAIMED: [&str; 4] = ["Vienna", "Prague", "Warsaw", "Budapest"];

/// Who is asking: the table's columns, in the order each row tries them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    SignedOut,
    S1,
    A,
    B,
    Admin,
}

impl Who {
    pub const ALL: [Who; 5] = [Who::SignedOut, Who::S1, Who::A, Who::B, Who::Admin];

    fn index(self) -> usize {
        Who::ALL.iter().position(|who| *who == self).unwrap_or(0)
    }

    /// A short name, for usernames and set ids made per caller.
    pub fn tag(self) -> &'static str {
        match self {
            Who::SignedOut => "out",
            Who::S1 => "s1",
            Who::A => "a",
            Who::B => "b",
            Who::Admin => "admin",
        }
    }
}

impl fmt::Display for Who {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Who::SignedOut => "signed out",
            Who::S1 => "student S1",
            Who::A => "instructor A",
            Who::B => "instructor B",
            Who::Admin => "the admin",
        })
    }
}

/// One person's browser, as the requests need it: the session cookie and the CSRF token of
/// their pages, and the CSRF cookie of the forms shown before signing in.
#[derive(Debug, Clone)]
pub struct Caller {
    /// `None` when signed out.
    pub user: Option<UserId>,
    pub session: Option<String>,
    /// The session's CSRF token, from a form on their home page ("" when signed out).
    pub csrf: String,
    /// The `studyhall_csrf` cookie, from the sign-in page.
    pub anonymous_csrf: String,
}

impl Caller {
    fn of(visitor: &Visitor, user: Option<UserId>) -> Caller {
        let session = visitor.cookie("studyhall_session");
        let csrf = match session {
            Some(_) => {
                let form = visitor.get("/").form("/logout");
                form.value("csrf_token").expect("a CSRF token").to_string()
            }
            None => String::new(),
        };
        let anonymous_csrf = visitor
            .cookie("studyhall_csrf")
            .expect("the sign-in page set its CSRF cookie");
        Caller {
            user,
            session,
            csrf,
            anonymous_csrf,
        }
    }
}

pub struct World {
    pub site: Site,
    callers: Vec<Caller>,
    http: Client,
    /// The ids of A's and B's classes.
    pub class_a: i64,
    pub class_b: i64,
    /// The join code of B's "Open house".
    pub open_house_code: String,
    pub s1: UserId,
    pub s2: UserId,
    /// `sid`, the second member of A's class.
    pub spare_member: UserId,
    /// `ivy`, whose role the admin changes.
    pub role_target: UserId,
    /// `lee`, whom the admin deletes.
    pub leaver: UserId,
    /// S1's claims as A's disputes page offers them: (card row, normalised answer).
    pub claims: Vec<(String, String)>,
    /// S2, who is in no row of the table but whose data S1 must not reach.
    pub s2_caller: Caller,
}

impl World {
    pub fn build() -> World {
        let site = Site::start();
        let root = support::signed_in(&site, "root", Role::Admin);
        let ana = support::instructor(&site, "ana");
        let ben = support::instructor(&site, "ben");
        ana.publish_file("ana-cold-war.toml", SET_A_FILE, None);
        let class_a = helpers::create_class(&ana.visitor, "History 7A");
        assign(&ana.visitor, &class_a, SET_A);
        assign(&ana.visitor, &class_a, ESSAY_SET);
        let class_b = helpers::create_class(&ben.visitor, "History 7B");
        assign(&ben.visitor, &class_b, ESSAY_SET);
        let open_house = helpers::create_class(&ben.visitor, "Open house");

        let sue = member(&site, "sue", &class_a);
        let sam = member(&site, "sam", &class_b);
        member(&site, "sid", &class_a);
        site.student("ivy");
        site.student("lee");

        let signed_out = site.visitor();
        signed_out.get("/login");
        let app = &site.app;
        let callers = vec![
            Caller::of(&signed_out, None),
            Caller::of(&sue, Some(app.user_id("sue"))),
            Caller::of(&ana.visitor, Some(app.user_id("ana"))),
            Caller::of(&ben.visitor, Some(app.user_id("ben"))),
            Caller::of(&root.visitor, Some(app.user_id("root"))),
        ];
        let http = Client::builder()
            .redirect(Policy::none())
            .build()
            .expect("an HTTP client");
        let mut world = World {
            class_a: class_id(&class_a),
            class_b: class_id(&class_b),
            open_house_code: open_house.code,
            s1: app.user_id("sue"),
            s2: app.user_id("sam"),
            spare_member: app.user_id("sid"),
            role_target: app.user_id("ivy"),
            leaver: app.user_id("lee"),
            claims: Vec::new(),
            s2_caller: Caller::of(&sam, Some(app.user_id("sam"))),
            callers,
            http,
            site,
        };
        for answer in CLAIMED {
            world.answer_as(Who::S1, SET_A, "divided-city", json!(answer), true);
        }
        world.answer_as(Who::S1, ESSAY_SET, "essay-anniversary", json!(70), false);
        world.answer_as(
            Who::S1,
            ESSAY_SET,
            "acheson-speech-speaker",
            json!(CANARIES[3]),
            false,
        );
        world.answer(
            &world.s2_caller,
            ESSAY_SET,
            "essay-anniversary",
            json!(69),
            false,
        );
        world.claims = world.claims_on_the_disputes_page(&ana.visitor);
        world
    }

    pub fn caller(&self, who: Who) -> &Caller {
        &self.callers[who.index()]
    }

    /// `who` with a session of their own, opened for one request that ends it (signing out);
    /// signed out, the same visitor.
    pub fn fresh_session(&self, who: Who) -> Caller {
        let caller = self.caller(who).clone();
        let Some(user) = caller.user else {
            return caller;
        };
        let (token, csrf) = (random_token(), random_token());
        let expires = jiff::Timestamp::now().as_millisecond() + 3_600_000;
        let store = &self.site.app.store;
        let opened = store.create_session(user, &token, &csrf, expires);
        opened.wait().expect("the session opens");
        Caller {
            session: Some(token),
            csrf,
            ..caller
        }
    }

    /// Sends `request` as `caller`.
    pub fn send(&self, caller: &Caller, request: &Request) -> Reply {
        request.send(&self.http, &self.site.app.address, caller)
    }

    /// Answers `card` of `set` through the JSON API as `who` (asserting 200).
    pub fn answer_as(
        &self,
        who: Who,
        set: &str,
        card: &str,
        answer: serde_json::Value,
        claim: bool,
    ) {
        self.answer(self.caller(who), set, card, answer, claim);
    }

    pub fn answer(
        &self,
        caller: &Caller,
        set: &str,
        card: &str,
        answer: serde_json::Value,
        claim: bool,
    ) {
        let user = caller.user.expect("a signed-in caller");
        let token = self.site.app.token_for(user, set, card);
        let body = json!({"card_id": card, "review_token": token,
                          "answer": answer, "claim_right": claim});
        let path = format!("/api/v1/sets/{set}/answers");
        let reply = self.send(caller, &Request::api_post(&path, body));
        assert_eq!(reply.status, 200, "answering {set}/{card}: {}", reply.body);
    }

    /// The claims A's disputes page offers to accept: (card row, normalised answer).
    fn claims_on_the_disputes_page(&self, teacher: &Visitor) -> Vec<(String, String)> {
        let page = teacher.get("/teach/disputes");
        let claims: Vec<(String, String)> = crate::html::forms(&page.html)
            .into_iter()
            .filter(|form| form.action == "/teach/disputes/accept")
            .map(|form| {
                let field = |name| form.value(name).unwrap_or_default().to_string();
                (field("card"), field("answer"))
            })
            .collect();
        assert_eq!(claims.len(), CLAIMED.len(), "{}", page.text());
        claims
    }

    /// The claim of the answer `given` (as S1 wrote it): its form fields, card and answer.
    pub fn claim(&self, given: &str) -> Body {
        let (card, answer) = self.claim_fields(given);
        Body::form(&[("card", &card), ("answer", &answer)])
    }

    /// The confirmation page of rejecting the claim of `given`.
    pub fn confirm_path(&self, given: &str) -> String {
        let (card, answer) = self.claim_fields(given);
        let query = form_urlencoded_pairs(&[("card", &card), ("answer", &answer)]);
        format!("/teach/disputes/reject?{query}")
    }

    /// Rejects the claim of `given` as the admin, through the store, unless it is decided.
    pub fn reject_as_admin(&self, given: &str) {
        let (card, answer) = self.claim_fields(given);
        let app = &self.site.app;
        let by = Decider {
            user: app.user_id("root"),
            is_admin: true,
        };
        let card = CardRow(card.parse().expect("a card row"));
        let now = jiff::Timestamp::now().as_millisecond();
        let rejected = app
            .store
            .reject_claim(card, answer, by, crate::common::today(), now);
        // Refused when it is decided already: it is, as wanted.
        let _ = rejected.wait().expect("the store answers");
    }

    fn claim_fields(&self, given: &str) -> (String, String) {
        let wanted = given.to_lowercase();
        self.claims
            .iter()
            .find(|(_, answer)| *answer == wanted)
            .cloned()
            .unwrap_or_else(|| panic!("no claim of {given:?} in {:?}", self.claims))
    }

    /// `/teach/classes/{A's class}/{rest}`
    pub fn class_a_path(&self, rest: &str) -> String {
        format!("/teach/classes/{}{rest}", self.class_a)
    }
}

/// A student who registered through the form and joined `class` with its code.
fn member(site: &Site, username: &str, class: &Class) -> Visitor {
    let student = site.student(username);
    let joined = helpers::join(&student, &class.code);
    assert_eq!(joined.status, 303, "{username} joins: {}", joined.text());
    student
}

/// Assigns `set` to `class` with the class page's form.
fn assign(teacher: &Visitor, class: &Class, set: &str) {
    let fields = [("set_id", set), ("daily_new_limit", ""), ("exam_day", "")];
    let assigned = helpers::post_form(teacher, &class.path, &class.at("sets"), &fields);
    assert_eq!(assigned.status, 303, "assigning {set}: {}", assigned.text());
}

fn class_id(class: &Class) -> i64 {
    let id = class.path.rsplit('/').next().unwrap_or_default();
    id.parse().expect("a class number in its path")
}

fn form_urlencoded_pairs(pairs: &[(&str, &str)]) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.extend_pairs(pairs);
    query.finish()
}

fn random_token() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}
