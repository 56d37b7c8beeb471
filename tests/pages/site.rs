//! A test server and browser-like visitors: each visitor has its own cookie jar, does not follow
//! redirects (so tests see every 303) and submits the forms the pages show.

use std::sync::Arc;

use reqwest::blocking::Client;
use reqwest::cookie::{CookieStore, Jar};
use reqwest::redirect::Policy;
use rusqlite::Connection;

use crate::common::{ESSAY_SET, TestApp, spawn_app, today};
use crate::html::{self, Form};

pub const PASSWORD: &str = "correct horse battery staple";

/// The study page of the essay set.
pub fn study_path() -> String {
    format!("/study/{ESSAY_SET}")
}

/// A running server.
pub struct Site {
    pub app: TestApp,
}

/// Someone with a browser: a cookie jar, no automatic redirects.
pub struct Visitor {
    http: Client,
    jar: Arc<Jar>,
    address: String,
    pub username: String,
}

/// One answer from the server.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    /// Where a redirect points.
    pub location: Option<String>,
    /// Every `Set-Cookie` header, as sent.
    pub set_cookies: Vec<String>,
    pub html: String,
}

impl Site {
    pub fn start() -> Site {
        Site { app: spawn_app() }
    }

    /// A visitor with an empty cookie jar.
    pub fn visitor(&self) -> Visitor {
        let jar = Arc::new(Jar::default());
        let http = Client::builder()
            .cookie_provider(jar.clone())
            .redirect(Policy::none())
            .build()
            .expect("an HTTP client");
        Visitor {
            http,
            jar,
            address: self.app.address.clone(),
            username: String::new(),
        }
    }

    /// A visitor whose jar holds one cookie, e.g. a session token kept from before signing out.
    pub fn visitor_with_cookie(&self, name: &str, value: &str) -> Visitor {
        let visitor = self.visitor();
        let url = self.app.address.parse().expect("a URL");
        visitor
            .jar
            .add_cookie_str(&format!("{name}={value}; Path=/"), &url);
        visitor
    }

    /// A visitor who registered `username` through the form and is signed in.
    pub fn student(&self, username: &str) -> Visitor {
        let mut visitor = self.visitor();
        let registered = visitor.register(username, PASSWORD);
        assert_eq!(
            (registered.status, registered.location.as_deref()),
            (303, Some("/")),
            "registering goes home: {}",
            registered.text()
        );
        visitor.username = username.to_string();
        visitor
    }

    /// A student whose daily limit of new cards is `limit`, so a test reaches the cards it
    /// wants (made due with [`TestApp::make_due_today`]) or the done page quickly.
    pub fn student_with_limit(&self, username: &str, limit: u32) -> Visitor {
        let student = self.student(username);
        let user = self.app.user_id(username);
        self.app
            .store
            .set_daily_new_limit(user, limit)
            .wait()
            .expect("the limit is saved");
        student
    }

    /// The reviews `username` made today: (card id, quality, verdict, overridden), oldest
    /// first. (Cards made due with [`TestApp::make_due_today`] have a review yesterday.)
    pub fn reviews_today(&self, username: &str) -> Vec<(String, u8, String, bool)> {
        let db = Connection::open(&self.app.db_path).expect("the database opens");
        let mut query = db
            .prepare(
                "SELECT c.slug, r.quality, r.verdict, r.overridden FROM reviews AS r
                 JOIN cards AS c ON c.id = r.card_id JOIN users AS u ON u.id = r.user_id
                 WHERE u.username = ?1 AND r.study_day = ?2 ORDER BY r.id",
            )
            .expect("the query is valid");
        query
            .query_map([username, &today().to_string()], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })
            .expect("the reviews are read")
            .collect::<Result<_, _>>()
            .expect("the rows are read")
    }

    /// The daily limit of new cards `username` has saved.
    pub fn daily_limit(&self, username: &str) -> u32 {
        let user = self
            .app
            .store
            .user_by_name(username)
            .expect("the store reads");
        user.expect("the user exists").daily_new_limit
    }
}

impl Visitor {
    pub fn get(&self, path: &str) -> Page {
        self.send(self.http.get(self.url(path)))
    }

    pub fn post(&self, path: &str, fields: &[(String, String)]) -> Page {
        self.send(self.http.post(self.url(path)).form(fields))
    }

    /// Submits `fields` to the form's action.
    pub fn submit(&self, form: &Form, fields: &[(String, String)]) -> Page {
        self.post(&form.action, fields)
    }

    /// Follows a 303 (asserting that it is one) with a GET.
    #[track_caller]
    pub fn follow(&self, page: &Page) -> Page {
        assert_eq!(page.status, 303, "a redirect: {}", page.text());
        self.get(page.location.as_deref().expect("a Location"))
    }

    /// Checks an answer: asserts that the check answers 303 to the recorded verdict, and
    /// follows it. The verdict page is a GET, so it can be reloaded and reached with Back.
    #[track_caller]
    pub fn check(&self, form: &Form, fields: &[(String, String)]) -> Page {
        let checked = self.submit(form, fields);
        let verdicts = format!("{}/answers/", study_path());
        assert!(
            checked.status == 303
                && checked
                    .location
                    .as_deref()
                    .is_some_and(|at| at.starts_with(&verdicts)),
            "a check answers 303 to its verdict: {} {:?} {}",
            checked.status,
            checked.location,
            checked.text()
        );
        let verdict = self.follow(&checked);
        assert_eq!(verdict.status, 200, "{}", verdict.text());
        Page {
            location: checked.location,
            ..verdict
        }
    }

    /// The value of the cookie `name` in this visitor's jar.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let url = self.address.parse().expect("a URL");
        let header = self.jar.cookies(&url)?;
        let header = header.to_str().expect("an ASCII Cookie header").to_string();
        header.split("; ").find_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            (key == name).then(|| value.to_string())
        })
    }

    /// Fills in and posts the register form.
    pub fn register(&self, username: &str, password: &str) -> Page {
        let form = self.get("/register").form("/register");
        let form = form.fill("username", username).fill("password", password);
        self.submit(&form, &form.submit())
    }

    /// Fills in and posts the sign-in form.
    pub fn sign_in(&self, username: &str, password: &str) -> Page {
        let form = self.get("/login").form("/login");
        let form = form.fill("username", username).fill("password", password);
        self.submit(&form, &form.submit())
    }

    /// The card the essay set's study page shows now (asserting it is one).
    #[track_caller]
    pub fn card(&self) -> Page {
        let page = self.get(&study_path());
        assert_eq!(page.status, 200, "{}", page.text());
        assert!(page.has_card(), "a card, not: {}", page.text());
        page
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    fn send(&self, request: reqwest::blocking::RequestBuilder) -> Page {
        let response = request.send().expect("the server answers");
        let header = |name: &str| {
            response
                .headers()
                .get_all(name)
                .iter()
                .map(|value| value.to_str().expect("an ASCII header").to_string())
                .collect::<Vec<_>>()
        };
        let location = header("location").into_iter().next();
        let set_cookies = header("set-cookie");
        Page {
            status: response.status().as_u16(),
            location,
            set_cookies,
            html: response.text().expect("a readable body"),
        }
    }
}

impl Page {
    /// The text a reader sees.
    pub fn text(&self) -> String {
        html::text(&self.html)
    }

    /// The form posting to `action`.
    #[track_caller]
    pub fn form(&self, action: &str) -> Form {
        let forms = html::forms(&self.html);
        let found = forms.iter().find(|form| form.action == action).cloned();
        found.unwrap_or_else(|| panic!("no form posts to {action}: {}", self.text()))
    }

    /// The answer form of a card, or the grade form of a recall card or a verdict.
    #[track_caller]
    pub fn answer_form(&self) -> Form {
        self.form(&format!("{}/answer", study_path()))
    }

    #[track_caller]
    pub fn grade_form(&self) -> Form {
        self.form(&format!("{}/grade", study_path()))
    }

    /// Whether the page shows a card: it has a form carrying a card id.
    pub fn has_card(&self) -> bool {
        html::forms(&self.html)
            .iter()
            .any(|form| form.value("card_id").is_some())
    }

    /// The card id the page's card forms carry.
    #[track_caller]
    pub fn card_id(&self) -> String {
        let forms = html::forms(&self.html);
        let id = forms.iter().find_map(|form| form.value("card_id"));
        id.unwrap_or_else(|| panic!("no card on the page: {}", self.text()))
            .to_string()
    }

    /// The `Set-Cookie` header that sets `name`.
    pub fn set_cookie(&self, name: &str) -> Option<&str> {
        let prefix = format!("{name}=");
        self.set_cookies
            .iter()
            .find(|cookie| cookie.starts_with(&prefix))
            .map(String::as_str)
    }

    /// The first element `tag` whose attribute `attr` is `value`, with what it holds.
    pub fn element(&self, tag: &str, attr: &str, value: &str) -> Option<(html::Tag, &str)> {
        html::tags(&self.html, tag)
            .into_iter()
            .find(|found| {
                found
                    .attr(attr)
                    .is_some_and(|got| got.split(' ').any(|v| v == value))
            })
            .map(|found| {
                let inside = html::inner(&self.html, &found);
                (found, inside)
            })
    }
}
