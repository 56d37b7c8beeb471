//! Instructors and the admin signed in through the form, classes made through the pages, and a
//! small JSON API client for the students' side.

use reqwest::blocking::Client;
use serde_json::{Value, json};

use studyhall::scheduler::{Quality, StudyDay};
use studyhall::store::{NewReview, Role};

use crate::common::ESSAY_SET;
use crate::html;
use crate::site::{PASSWORD, Page, Site, Visitor};

/// A class made through the create-class form.
pub struct Class {
    /// `/teach/classes/{id}`
    pub path: String,
    /// The join code as the page shows it, e.g. `K7M-Q2X`.
    pub code: String,
}

impl Class {
    /// `/teach/classes/{id}/{rest}`
    pub fn at(&self, rest: &str) -> String {
        format!("{}/{rest}", self.path)
    }
}

/// A user with `role` added to the store, then signed in through the sign-in form.
pub fn signed_in_as(site: &Site, username: &str, role: Role) -> Visitor {
    let hash = studyhall::accounts::hash_password(PASSWORD).expect("the password hashes");
    site.app
        .store
        .create_user(username, &hash, role)
        .wait()
        .expect("the user is added");
    let mut visitor = site.visitor();
    let signed_in = visitor.sign_in(username, PASSWORD);
    assert_eq!(signed_in.status, 303, "signing in: {}", signed_in.text());
    visitor.username = username.to_string();
    visitor
}

pub fn instructor(site: &Site, username: &str) -> Visitor {
    signed_in_as(site, username, Role::Instructor)
}

/// Creates a class with the form on `/teach` and reads its code from its page.
#[track_caller]
pub fn create_class(teacher: &Visitor, name: &str) -> Class {
    let form = teacher
        .get("/teach")
        .form("/teach/classes")
        .fill("name", name);
    let created = teacher.submit(&form, &form.submit());
    let location = created.location.clone().unwrap_or_default();
    let path = location.split('?').next().unwrap_or_default().to_string();
    assert!(
        path.starts_with("/teach/classes/"),
        "created: {} {location}",
        created.status
    );
    let page = teacher.follow(&created);
    assert_eq!(page.status, 200, "{}", page.text());
    Class {
        path,
        code: join_code(&page),
    }
}

/// The code the class page shows in large type.
#[track_caller]
pub fn join_code(page: &Page) -> String {
    let (_, inside) = page
        .element("p", "class", "join-code")
        .expect("the join code on the page");
    html::text(inside)
}

/// Posts the form of the page at `page_path` whose action is `action`, with `extra` fields.
#[track_caller]
pub fn post_form(visitor: &Visitor, page_path: &str, action: &str, extra: &[(&str, &str)]) -> Page {
    let form = visitor.get(page_path).form(action);
    let mut fields = form.submit();
    for (name, value) in extra {
        fields.retain(|(key, _)| key != name);
        fields.push((name.to_string(), value.to_string()));
    }
    visitor.submit(&form, &fields)
}

/// Assigns the essay set to the class with the class page's form.
#[track_caller]
pub fn assign_essay_set(teacher: &Visitor, class: &Class, limit: &str, exam: &str) -> Page {
    let fields = [
        ("set_id", ESSAY_SET),
        ("daily_new_limit", limit),
        ("exam_day", exam),
    ];
    post_form(teacher, &class.path, &class.at("sets"), &fields)
}

/// Joins with the home page's "Join a class" form.
pub fn join(student: &Visitor, code: &str) -> Page {
    let form = student.get("/").form("/join").fill("code", code);
    student.submit(&form, &form.submit())
}

/// Makes the essay set visible to its classes only, as the admin (it is a server-loaded set).
pub fn restrict_essay_set(site: &Site) {
    let admin = signed_in_as(site, "root", Role::Admin);
    let back = post_form(
        &admin,
        "/teach",
        &format!("/teach/sets/{ESSAY_SET}/visibility"),
        &[("visibility", "restricted")],
    );
    assert_eq!(
        (back.status, back.location.as_deref()),
        (303, Some("/teach?done=visibility")),
        "{}",
        back.text()
    );
}

/// A client of the JSON API signed in as `username`.
pub struct ApiClient {
    http: Client,
    base: String,
    token: String,
}

/// What the API answered.
pub struct Reply {
    pub status: u16,
    pub body: Value,
}

impl ApiClient {
    pub fn sign_in(site: &Site, username: &str) -> ApiClient {
        let http = Client::new();
        let base = format!("{}/api/v1", site.app.address);
        let login = http
            .post(format!("{base}/login"))
            .json(&json!({"username": username, "password": PASSWORD}))
            .send()
            .expect("the server answers");
        assert_eq!(login.status().as_u16(), 200);
        let body: Value = login.json().expect("JSON");
        let token = body["token"].as_str().expect("a token").to_string();
        ApiClient { http, base, token }
    }

    pub fn get(&self, path: &str) -> Reply {
        self.reply(self.http.get(format!("{}{path}", self.base)))
    }

    pub fn post(&self, path: &str, body: &Value) -> Reply {
        self.reply(self.http.post(format!("{}{path}", self.base)).json(body))
    }

    /// The ids of the sets `GET /sets` lists.
    pub fn set_ids(&self) -> Vec<String> {
        let reply = self.get("/sets");
        assert_eq!(reply.status, 200);
        let sets = reply.body["sets"]
            .as_array()
            .expect("a list of sets")
            .clone();
        sets.iter()
            .map(|set| set["id"].as_str().expect("an id").to_string())
            .collect()
    }

    fn reply(&self, request: reqwest::blocking::RequestBuilder) -> Reply {
        let response = request
            .bearer_auth(&self.token)
            .send()
            .expect("the server answers");
        let status = response.status().as_u16();
        let text = response.text().expect("a body");
        Reply {
            status,
            body: serde_json::from_str(&text).unwrap_or(Value::Null),
        }
    }
}

/// Records a review of `card` of the essay set by `username` on `day`, straight in the store.
pub fn past_review(site: &Site, username: &str, card: &str, quality: Quality, day: StudyDay) {
    let review = NewReview {
        user: site.app.user_id(username),
        card: site.app.essay_card(card).row,
        review_token: uuid::Uuid::new_v4().to_string(),
        quality,
        today: day,
        reviewed_at_ms: 0,
        answer: None,
        verdict: "self-graded".to_string(),
        normalized_answer: String::new(),
        duration_ms: None,
        overridden: false,
    };
    site.app
        .store
        .record_review(review)
        .wait()
        .expect("the review is recorded");
}
