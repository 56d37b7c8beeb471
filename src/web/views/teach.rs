//! The view models of the class pages: the instructors' `/teach` home and a class's manage
//! page, and the students' join page and class list.

use serde::Serialize;

use super::LayoutView;

/// `/teach` (`teach_home.html`): the teacher's classes with the create-class form, which posts
/// `name` and `csrf_token` to `/teach/classes`, and the sets they may assign or change.
#[derive(Debug, Clone, Serialize)]
pub struct TeachHomeView {
    pub layout: LayoutView,
    /// Live classes first, then archived ones; each by name.
    pub classes: Vec<ClassRow>,
    pub sets: Vec<TeachSetRow>,
    /// The admin sees every class and set: the tables then say whose each one is.
    pub show_owner: bool,
    /// The class name as typed, kept after a refusal; empty at first.
    pub name: String,
    /// Why the last create-class attempt was refused.
    pub error: Option<String>,
    /// A one-line confirmation of the last change, e.g. "Saved: who sees the set has changed."
    pub notice: Option<String>,
    /// The longest class name, for the field's `maxlength`.
    pub max_name_chars: usize,
}

/// One class on `/teach`. Its name links to `/teach/classes/{id}`, and "Dashboard" to
/// `/teach/classes/{id}/dashboard`.
#[derive(Debug, Clone, Serialize)]
pub struct ClassRow {
    pub id: i64,
    pub name: String,
    /// The instructor who runs it.
    pub owner: String,
    /// The join code in groups, e.g. "K7M-Q2X".
    pub code: String,
    pub members: u32,
    pub sets: u32,
    pub archived: bool,
}

/// One set on `/teach`, linking to `/teach/sets/{set_id}`.
#[derive(Debug, Clone, Serialize)]
pub struct TeachSetRow {
    pub set_id: String,
    pub title: String,
    pub cards: u32,
    /// `open` or `restricted`.
    pub visibility: String,
    /// Whose it is: a username, or "server" for a set the server loaded itself.
    pub owner: String,
    /// The teacher may change the set and who sees it: a visibility form posts `visibility`
    /// (`open` or `restricted`), `back` and `csrf_token` to `/teach/sets/{set_id}/visibility`.
    pub may_change: bool,
}

/// A class's manage page (`teach_class.html`). Its forms all carry `csrf_token` and post to
/// `/teach/classes/{class_id}/...`: `code` (a new join code), `members/{user_id}/remove`,
/// `sets` (`set_id`, `daily_new_limit`, `exam_day`), `sets/{set_id}/remove`, and `archive` or
/// `restore`.
#[derive(Debug, Clone, Serialize)]
pub struct ClassPageView {
    pub layout: LayoutView,
    pub class_id: i64,
    pub name: String,
    /// The instructor who runs it.
    pub owner: String,
    /// Archived: the page shows it read-only, with a restore button.
    pub archived: bool,
    /// The join code in groups, shown large, e.g. "K7M-Q2X".
    pub code: String,
    /// The absolute join link, e.g. "https://study.example.org/join/K7MQ2X".
    pub join_link: String,
    /// By username.
    pub members: Vec<MemberRow>,
    /// By title.
    pub sets: Vec<AssignedSetRow>,
    /// The sets the assign form offers: those the teacher may assign. Assigning an assigned
    /// set again replaces its limit and exam day.
    pub assignable: Vec<SetOption>,
    /// Today as `YYYY-MM-DD`: the earliest exam day the date field takes.
    pub today: String,
    /// The assign form as last sent, kept after a refusal.
    pub assign: AssignFields,
    /// A one-line confirmation of the last change, e.g. "New join code made."
    pub notice: Option<String>,
    /// Why the last assignment was refused, shown in the assign form.
    pub error: Option<String>,
}

/// A student of the class; the remove form posts to
/// `/teach/classes/{class_id}/members/{user_id}/remove`.
#[derive(Debug, Clone, Serialize)]
pub struct MemberRow {
    pub user_id: i64,
    pub username: String,
    /// The study day they joined, e.g. "2026-03-01".
    pub joined: String,
}

/// A set assigned to the class.
#[derive(Debug, Clone, Serialize)]
pub struct AssignedSetRow {
    pub set_id: String,
    pub title: String,
    /// Only the class's members see it.
    pub restricted: bool,
    /// The class's daily limit of new cards for the set, if any.
    pub daily_new_limit: Option<u32>,
    /// The exam day, e.g. "12 Jun 2026", if any.
    pub exam: Option<String>,
}

/// A set the assign form offers.
#[derive(Debug, Clone, Serialize)]
pub struct SetOption {
    pub set_id: String,
    pub title: String,
    /// Assigned already: the option says so, and sending it changes the limit and exam day.
    pub assigned: bool,
}

/// The assign form's fields as sent: `set_id`, `daily_new_limit` and `exam_day` (all text).
#[derive(Debug, Clone, Default, Serialize)]
pub struct AssignFields {
    pub set_id: String,
    pub daily_new_limit: String,
    pub exam_day: String,
}

/// The join page (`join.html`) for `/join/{code}` and after a refused `POST /join`. Its form
/// posts `code` and `csrf_token` to `/join`.
#[derive(Debug, Clone, Serialize)]
pub struct JoinView {
    pub layout: LayoutView,
    /// The code as given; the field or the hidden input holds it.
    pub code: String,
    /// The class the code opens, when it opens one.
    pub class: Option<JoinedClassView>,
    /// The visitor is in that class already.
    pub already_member: bool,
    /// Signed out: the page links to sign-in and to `/register?code=...` instead of a form.
    pub signed_out: bool,
    /// Signed out: the sign-in page, which leads back to this page (`/login?next=/join/CODE`).
    pub sign_in_href: String,
    /// Signed out: the register page with the code filled in, which leads back here too.
    pub register_href: String,
    /// Why the code does not work, e.g. "no class has this join code ...".
    pub error: Option<String>,
}

/// A class a student is in, on the home page and the join page.
#[derive(Debug, Clone, Serialize)]
pub struct JoinedClassView {
    pub name: String,
    /// The instructor's username.
    pub instructor: String,
    /// Question sets assigned to it.
    pub sets: u32,
}

#[cfg(test)]
mod tests;
