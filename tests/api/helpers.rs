//! Typed request helpers: a client bound to one test server, students who register and log
//! in, and the right or a wrong answer to any card of the essay set, read from the store.

use reqwest::blocking::{Client, RequestBuilder};
use reqwest::header::HeaderMap;
use serde_json::{Map, Value, json};

use studyhall::questions::{CardId, CardKind, SetId};
use studyhall::scheduler::{Quality, StudyDay};
use studyhall::store::{NewReview, UserId};
use studyhall::web::limits::Limits;

use crate::common::{TestApp, spawn_app, spawn_app_with_limits};

/// The essay set every test server has.
pub const SET: &str = "korean-war-1950";
pub const PASSWORD: &str = "correct horse battery staple";

/// A running server and a client for it.
pub struct Api {
    pub app: TestApp,
    http: Client,
}

/// A signed-in student.
pub struct Student {
    pub username: String,
    pub token: String,
}

/// What the server answered: the status, the headers and the body as JSON (`Null` if empty).
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Api {
    pub fn start() -> Api {
        Api::on(spawn_app())
    }

    /// A client for a server already started.
    pub fn on(app: TestApp) -> Api {
        Api {
            app,
            http: Client::new(),
        }
    }

    /// `GET /healthz`.
    pub fn health(&self) -> Reply {
        self.send(self.http.get(format!("{}/healthz", self.app.address)))
    }

    /// A server with these limits (trusted proxies, body timeout, work slots).
    pub fn start_with(limits: Limits) -> Api {
        Api {
            app: spawn_app_with_limits(limits),
            http: Client::new(),
        }
    }

    /// Logs in as a request forwarded by a proxy for `client` (`X-Forwarded-For`).
    pub fn login_from(&self, client: &str, username: &str, password: &str) -> Reply {
        let body = json!({"username": username, "password": password});
        let request = self.request(reqwest::Method::POST, "/login");
        self.send(request.header("X-Forwarded-For", client).json(&body))
    }

    /// The full URL of an API path such as `/sets`.
    pub fn url(&self, path: &str) -> String {
        format!("{}/api/v1{path}", self.app.address)
    }

    /// A request to an API path, not yet sent.
    pub fn request(&self, method: reqwest::Method, path: &str) -> RequestBuilder {
        self.http.request(method, self.url(path))
    }

    pub fn send(&self, request: RequestBuilder) -> Reply {
        let response = request.send().expect("the server answers");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().expect("a readable body");
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
            text,
        }
    }

    pub fn get(&self, path: &str, student: &Student) -> Reply {
        self.send(
            self.request(reqwest::Method::GET, path)
                .bearer_auth(&student.token),
        )
    }

    pub fn post(&self, path: &str, student: &Student, body: &Value) -> Reply {
        self.send(
            self.request(reqwest::Method::POST, path)
                .bearer_auth(&student.token)
                .json(body),
        )
    }

    pub fn register(&self, username: &str, password: &str) -> Reply {
        let body = json!({"username": username, "password": password});
        self.send(self.request(reqwest::Method::POST, "/register").json(&body))
    }

    pub fn login(&self, username: &str, password: &str) -> Reply {
        let body = json!({"username": username, "password": password});
        self.send(self.request(reqwest::Method::POST, "/login").json(&body))
    }

    /// Registers `username` and logs in.
    pub fn student(&self, username: &str) -> Student {
        let registered = self.register(username, PASSWORD);
        assert_eq!(registered.status, 201, "{}", registered.text);
        let login = self.login(username, PASSWORD);
        assert_eq!(login.status, 200, "{}", login.text);
        Student {
            username: username.to_string(),
            token: login.body["token"].as_str().expect("a token").to_string(),
        }
    }

    /// The next card of the essay set: `Some(body)` on 200, `None` on 204.
    pub fn next(&self, student: &Student) -> Option<Value> {
        let reply = self.get(&format!("/sets/{SET}/next"), student);
        match reply.status {
            200 => Some(reply.body),
            204 => None,
            other => panic!("GET next answered {other}: {}", reply.text),
        }
    }

    /// Answers the card `next` gave, with its review token.
    pub fn answer(
        &self,
        student: &Student,
        next: &Value,
        answer: Value,
        quality: Option<u8>,
    ) -> Reply {
        let mut body = Map::new();
        body.insert("card_id".into(), next["card"]["id"].clone());
        body.insert("review_token".into(), next["review_token"].clone());
        body.insert("answer".into(), answer);
        if let Some(quality) = quality {
            body.insert("quality".into(), quality.into());
        }
        self.post(
            &format!("/sets/{SET}/answers"),
            student,
            &Value::Object(body),
        )
    }

    /// Answers right (a recall card graded Good), asserting that it was recorded.
    pub fn answer_right(&self, student: &Student, next: &Value) -> Value {
        let kind = self.kind_of(next);
        let quality = matches!(kind, CardKind::Recall { .. }).then_some(4);
        let reply = self.answer(student, next, right_answer(&kind), quality);
        assert_eq!(reply.status, 200, "{}", reply.text);
        reply.body
    }

    /// Answers wrong (a recall card graded Again), asserting that it was recorded.
    pub fn answer_wrong(&self, student: &Student, next: &Value) -> Value {
        let kind = self.kind_of(next);
        let quality = matches!(kind, CardKind::Recall { .. }).then_some(1);
        let reply = self.answer(student, next, wrong_answer(&kind), quality);
        assert_eq!(reply.status, 200, "{}", reply.text);
        assert_eq!(reply.body["result"], "wrong", "{}", reply.text);
        reply.body
    }

    pub fn progress(&self, student: &Student) -> Value {
        let reply = self.get("/me/progress", student);
        assert_eq!(reply.status, 200, "{}", reply.text);
        reply.body
    }

    /// What the card in a `next` body asks for, from the store.
    pub fn kind_of(&self, next: &Value) -> CardKind {
        let id = next["card"]["id"].as_str().expect("a card id");
        self.card_kind(id)
    }

    pub fn card_kind(&self, card: &str) -> CardKind {
        let set = SetId::parse(SET).expect("a set id");
        let card = CardId::parse(card).expect("a card id");
        let stored = self.app.store.card(&set, &card).expect("a read");
        stored.expect("the card exists").card.kind
    }

    pub fn user_id(&self, student: &Student) -> UserId {
        let user = self
            .app
            .store
            .user_by_name(&student.username)
            .expect("a read");
        user.expect("the student exists").id
    }

    pub fn set_daily_new_limit(&self, student: &Student, limit: u32) {
        let user = self.user_id(student);
        let set = self.app.store.set_daily_new_limit(user, limit);
        set.wait().expect("the limit is saved");
    }

    /// Makes `card` due on `today` for `student`: a Good review the day before (interval 1).
    pub fn make_due_today(&self, student: &Student, card: &str, today: StudyDay) {
        let set = SetId::parse(SET).expect("a set id");
        let card = CardId::parse(card).expect("a card id");
        let stored = self
            .app
            .store
            .card(&set, &card)
            .expect("a read")
            .expect("a card");
        let yesterday = today.date().yesterday().expect("a day before");
        let review = NewReview {
            user: self.user_id(student),
            card: stored.row,
            review_token: uuid::Uuid::new_v4().to_string(),
            quality: Quality::GOOD,
            today: StudyDay::from_date(yesterday),
            reviewed_at_ms: 0,
            answer: None,
            verdict: "correct".to_string(),
            normalized_answer: String::new(),
            duration_ms: None,
            overridden: false,
        };
        let recorded = self
            .app
            .store
            .record_review(review)
            .wait()
            .expect("recorded");
        assert_eq!(recorded.progress.due, today);
    }

    /// The server's study day, as the progress figures give it.
    pub fn today(&self, student: &Student) -> StudyDay {
        let today = self.progress(student)["today"].clone();
        today.as_str().expect("a day").parse().expect("YYYY-MM-DD")
    }
}

/// An answer the checker accepts as correct.
pub fn right_answer(kind: &CardKind) -> Value {
    match kind {
        CardKind::Recall { .. } => Value::Null,
        CardKind::Text { answer, .. } | CardKind::Choice { answer, .. } => json!(answer),
        CardKind::Multi { answers, .. } => json!(answers),
        CardKind::TrueFalse { answer } => json!(answer),
        CardKind::Date { answer } => json!(answer.to_string()),
        CardKind::Number { answer, .. } => json!(answer),
        CardKind::Cloze { .. } => json!(kind.expected_text()),
    }
}

/// An answer the checker marks wrong (not blank, not unparsed).
pub fn wrong_answer(kind: &CardKind) -> Value {
    match kind {
        CardKind::Recall { .. } => Value::Null,
        CardKind::Text { .. } | CardKind::Cloze { .. } => json!("Zzyzx"),
        CardKind::Choice {
            choices, answer, ..
        } => {
            json!(choices.iter().find(|choice| *choice != answer))
        }
        CardKind::Multi {
            choices, answers, ..
        } => {
            json!([choices.iter().find(|choice| !answers.contains(choice))])
        }
        CardKind::TrueFalse { answer } => json!(!answer),
        CardKind::Date { .. } => json!("1066-10-14"),
        CardKind::Number { answer, tolerance } => json!(answer + tolerance + 1000.0),
    }
}

/// Asserts an error reply: the status, and a JSON body `{"error": {"code", "message"}}`.
#[track_caller]
pub fn assert_error(reply: &Reply, status: u16, code: &str) {
    assert_eq!(reply.status, status, "{}", reply.text);
    let content_type = reply.headers.get("content-type").expect("a content type");
    assert_eq!(content_type, "application/json", "{}", reply.text);
    assert_eq!(reply.body["error"]["code"], code, "{}", reply.text);
    let message = reply.body["error"]["message"].as_str().unwrap_or_default();
    assert!(
        !message.is_empty(),
        "an error says what went wrong: {}",
        reply.text
    );
}
