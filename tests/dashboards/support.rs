//! A class to look at: an instructor with a class that has the essay set assigned, and
//! students who answer through the JSON API; signed-in [`Browser`]s for the pages.

use reqwest::blocking::Client;
use serde_json::{Value, json};

use studyhall::accounts::hash_password;
use studyhall::questions::SetId;
use studyhall::scheduler::{Quality, StudyDay};
use studyhall::store::{Assignment, CardRow, ClassId, ClassName, NewReview, Role, Teacher, UserId};

use crate::common::{ESSAY_SET, TestApp, spawn_app, today};

pub use crate::browser::{Browser, Reply, csrf_of};

pub const PASSWORD: &str = "correct horse battery staple";
/// A text card of the essay set: "Stalin" is right.
pub const WHO_CARD: &str = "responsible-for-outbreak";
/// Another text card: "Kim Il Sung" is right.
pub const KIM_CARD: &str = "green-light-recipient";
/// A number card (70).
pub const NUMBER_CARD: &str = "essay-anniversary";

/// A running server with an instructor's class.
pub struct Classroom {
    pub app: TestApp,
    pub class: ClassId,
    pub join_code: String,
    api: Client,
}

impl Classroom {
    /// The server, the instructor `ms-h` and their class "History 7B" with the essay set.
    pub fn start() -> Classroom {
        let app = spawn_app();
        let instructor = user(&app, "ms-h", Role::Instructor);
        let teacher = Teacher::of(&app.store.user_by_id(instructor).unwrap().unwrap()).unwrap();
        let name = ClassName::parse("History 7B").unwrap();
        let class = app
            .store
            .create_class(teacher, &name)
            .wait()
            .expect("the class is created");
        let set = SetId::parse(ESSAY_SET).unwrap();
        let assignment = Assignment {
            daily_new_limit: None,
            exam_day: None,
        };
        app.store
            .assign_set(teacher, class.id, &set, assignment)
            .wait()
            .expect("the set is assigned");
        Classroom {
            app,
            class: class.id,
            join_code: class.join_code.to_string(),
            api: Client::new(),
        }
    }

    /// A user with a role, made through the store (as `studyhall user add` does).
    pub fn user(&self, name: &str, role: Role) -> UserId {
        user(&self.app, name, role)
    }

    /// A student who registered through the API and joined the class with its code.
    pub fn student(&self, name: &str) -> (UserId, String) {
        let (id, token) = self.outsider(name);
        self.app
            .store
            .join_class(id, &self.join_code)
            .wait()
            .expect("the student joins");
        (id, token)
    }

    /// A student who registered through the API but is in no class; with their API token.
    pub fn outsider(&self, name: &str) -> (UserId, String) {
        let body = json!({"username": name, "password": PASSWORD});
        let registered = self
            .api
            .post(self.api_url("/register"))
            .json(&body)
            .send()
            .unwrap();
        assert_eq!(registered.status().as_u16(), 201);
        let login: Value = self
            .api
            .post(self.api_url("/login"))
            .json(&body)
            .send()
            .unwrap()
            .json()
            .unwrap();
        (
            self.app.user_id(name),
            login["token"].as_str().expect("a token").to_string(),
        )
    }

    /// A review token for `card` of the essay set, issued to the student signed in with the API
    /// token `bearer`.
    fn token_for_bearer(&self, bearer: &str, card: &str) -> String {
        let now = jiff::Timestamp::now().as_millisecond();
        let session = self
            .app
            .store
            .session(bearer, now)
            .expect("the store reads");
        let user = session.expect("a live session").user.id;
        self.app.token_for(user, ESSAY_SET, card)
    }

    /// Answers `card` of the essay set through the JSON API; the reply's body.
    pub fn answer(&self, token: &str, card: &str, answer: Value, claim_right: bool) -> Value {
        let body = json!({"card_id": card, "review_token": self.token_for_bearer(token, card),
            "answer": answer, "claim_right": claim_right});
        let url = self.api_url(&format!("/sets/{ESSAY_SET}/answers"));
        let reply = self
            .api
            .post(url)
            .bearer_auth(token)
            .json(&body)
            .send()
            .unwrap();
        assert_eq!(reply.status().as_u16(), 200, "answering {card}");
        reply.json().unwrap()
    }

    /// The progress figures of the student with API token `token`, as the API gives them.
    pub fn progress(&self, token: &str) -> Value {
        let reply = self
            .api
            .get(self.api_url("/me/progress"))
            .bearer_auth(token)
            .send()
            .unwrap();
        assert_eq!(reply.status().as_u16(), 200);
        reply.json().unwrap()
    }

    /// Records a Good review of `card` for `user` `days_ago` days ago, straight into the store.
    pub fn reviewed_days_ago(&self, user: UserId, card: &str, days_ago: u32) {
        let day = StudyDay::from_date(
            today()
                .date()
                .checked_sub(jiff::Span::new().days(i64::from(days_ago)))
                .unwrap(),
        );
        let review = NewReview {
            user,
            card: self.card(card),
            review_token: uuid::Uuid::new_v4().to_string(),
            quality: Quality::GOOD,
            today: day,
            reviewed_at_ms: jiff::Timestamp::now().as_millisecond()
                - i64::from(days_ago) * 86_400_000,
            answer: None,
            verdict: "correct".into(),
            normalized_answer: String::new(),
            duration_ms: None,
            overridden: false,
        };
        self.app
            .store
            .record_review(review)
            .wait()
            .expect("recorded");
    }

    pub fn card(&self, card: &str) -> CardRow {
        self.app.essay_card(card).row
    }

    /// The instructor `ms-h`, signed in.
    pub fn instructor(&self) -> Browser {
        self.browser("ms-h")
    }

    /// A browser signed in as `username` (password [`PASSWORD`]).
    pub fn browser(&self, username: &str) -> Browser {
        let browser = Browser::new(&self.app.address);
        let page = browser.get("/login");
        let csrf = csrf_of(&page.body);
        let fields = [
            ("username", username),
            ("password", PASSWORD),
            ("csrf_token", csrf.as_str()),
        ];
        let signed_in = browser.post("/login", &fields);
        assert_eq!(
            signed_in.status, 303,
            "{username} signs in: {}",
            signed_in.body
        );
        browser
    }

    /// The class's pages, e.g. `dashboard`.
    pub fn path(&self, page: &str) -> String {
        format!("/teach/classes/{}/{page}", self.class.0)
    }

    fn api_url(&self, path: &str) -> String {
        format!("{}/api/v1{path}", self.app.address)
    }
}

fn user(app: &TestApp, name: &str, role: Role) -> UserId {
    let hash = hash_password(PASSWORD).expect("a hash");
    app.store
        .create_user(name, &hash, role)
        .wait()
        .expect("the user is created")
}

/// A class where students have answered:
/// - ann: the who card "Mao" (wrong), the Kim card right, the number card right;
/// - ben: the who card "Mao" (wrong), the Kim card right;
/// - cat: the who card "Koba" and the Kim card "Kim Jong Il", both claimed "I was right";
/// - dora: ten other cards, Good, ten days ago: all overdue, inactive for ten days.
pub struct Answered {
    pub room: Classroom,
    pub ann: UserId,
    pub cat: UserId,
    /// cat's API token.
    pub cat_token: String,
}

pub fn answered_class() -> Answered {
    let room = Classroom::start();
    let (ann, ann_token) = room.student("ann");
    let (_, ben_token) = room.student("ben");
    let (cat, cat_token) = room.student("cat");
    let (dora, _) = room.student("dora");
    for token in [&ann_token, &ben_token] {
        room.answer(token, WHO_CARD, json!("Mao"), false);
        room.answer(token, KIM_CARD, json!("Kim Il Sung"), false);
    }
    room.answer(&ann_token, NUMBER_CARD, json!(70), false);
    room.answer(&cat_token, WHO_CARD, json!("Koba"), true);
    room.answer(&cat_token, KIM_CARD, json!("Kim Jong Il"), true);
    for card in other_cards(10) {
        room.reviewed_days_ago(dora, &card, 10);
    }
    Answered {
        room,
        ann,
        cat,
        cat_token,
    }
}

/// `count` cards of the essay set other than the three the students answer.
pub fn other_cards(count: usize) -> Vec<String> {
    let set =
        studyhall::questions::parse::parse_set(studyhall::questions::folder::BUILT_IN_SET).unwrap();
    let answered = [WHO_CARD, KIM_CARD, NUMBER_CARD];
    let others = set.cards.into_iter().map(|card| card.id.to_string());
    others
        .filter(|id| !answered.contains(&id.as_str()))
        .take(count)
        .collect()
}

/// The disputes page's pending claims: the part before its list of decided ones.
pub fn pending_part(page: &str) -> &str {
    page.split(r#"id="decided-title""#).next().unwrap_or(page)
}

/// Makes `owner` the owner of the essay set (as uploading it in the browser would).
pub fn own_essay_set(app: &TestApp, owner: UserId) {
    let db = rusqlite::Connection::open(&app.db_path).unwrap();
    db.execute(
        "UPDATE sets SET owner_id = ?1 WHERE slug = ?2",
        (owner.0, ESSAY_SET),
    )
    .unwrap();
}
