//! The view models: one plain `Serialize` struct per page, holding exactly what its template
//! shows, as strings and numbers. Handlers fill them from the store and the scheduler; templates
//! read nothing else. They are deliberately independent of the domain and store types, so a page
//! can change shape without touching either, and a template test needs no database.
//!
//! Every page view has a `layout` field ([`LayoutView`]) that `base.html` reads.

use serde::Serialize;

mod admin;
mod analysis;
mod audit;
mod dashboards;
mod dates;
mod disputes;
mod exam;
mod forecast;
mod progress;
mod sets;
mod student_report;
mod teach;

pub use admin::{
    AccountDeletedView, AccountView, AddedUserView, AdminView, AuditRow, ModeOption,
    PasswordLinkView, RegisterPage, RegistrationClosedView, SetupView, UserRow, actor_label,
    mode_options,
};
pub use analysis::{AnalysisView, ItemRow, ScopeLink, UntriedCard};
pub use audit::{audit_action_label, audit_detail};
pub use dashboards::{
    ClassDashboardView, ClassLine, INACTIVE_DAYS, OVERDUE_LIMIT, SortHeader, SortKey, StudentRow,
    TagRow, days_ago_label, descending, falling_behind, sort_headers, sort_students,
};
pub use dates::{day_label, instant_label, study_day_label};
pub use disputes::{ClaimNoticeView, DecidedRow, DisputeRow, DisputesView, RejectView};
pub use exam::{ExamView, exam_countdown};
pub use forecast::{ForecastBar, ForecastChart, ForecastTick, forecast_chart};
pub use progress::{ProgressSet, ProgressView, StageCount, TagMastery, card_stages};
pub use sets::{
    CardPreview, ChoicePreview, DiffView, ListingLine, ProblemRow, SetFormFields, SetPageView,
    SetPreviewView, SetUploadView, TrialView, card_preview, diff_view, kind_label, listing,
};
pub use student_report::{HistoryRow, Pager, SetProgressRow, StudentReportView};
pub use teach::{
    AssignFields, AssignedSetRow, ClassPageView, ClassRow, JoinView, JoinedClassView, MemberRow,
    SetOption, TeachHomeView, TeachSetRow,
};

/// Which part of the site a page belongs to: the nav marks it with `aria-current="page"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// Home and the study pages.
    Study,
    /// The progress page.
    Progress,
    /// Sign in and register.
    Account,
    /// The instructors' pages: classes, sets, dashboards.
    Teach,
    /// The admin's pages: users and settings.
    Admin,
    /// Anything else, e.g. an error page.
    Other,
}

/// What the layout (`base.html`) needs on every page.
#[derive(Debug, Clone, Serialize)]
pub struct LayoutView {
    /// The page's own title; the browser tab shows "{title} · studyhall".
    pub title: String,
    /// The signed-in student's username; `None` shows sign-in links instead of the nav.
    pub user: Option<String>,
    /// The session's CSRF token: every POST form, sign out included, sends it as `csrf_token`.
    pub csrf_token: String,
    /// The nav item marked as the current page.
    pub section: Section,
    /// The signed-in user's role (`student`, `instructor` or `admin`; empty when signed out):
    /// instructors and the admin see the teaching pages in the nav, the admin the admin page.
    pub role: String,
}

impl LayoutView {
    /// The layout for a page seen by a signed-in student.
    pub fn signed_in(
        title: impl Into<String>,
        user: impl Into<String>,
        csrf_token: impl Into<String>,
        section: Section,
    ) -> LayoutView {
        LayoutView {
            title: title.into(),
            user: Some(user.into()),
            csrf_token: csrf_token.into(),
            section,
            role: "student".to_string(),
        }
    }

    /// The same layout for a user with `role` (`instructor` or `admin` show more in the nav).
    pub fn with_role(mut self, role: &str) -> LayoutView {
        self.role = role.to_string();
        self
    }

    /// The layout for the sign-in and register pages (and errors before signing in).
    pub fn signed_out(title: impl Into<String>, csrf_token: impl Into<String>) -> LayoutView {
        LayoutView {
            title: title.into(),
            user: None,
            csrf_token: csrf_token.into(),
            section: Section::Account,
            role: String::new(),
        }
    }
}

/// The sign-in page (`login.html`), which posts `username`, `password`, `csrf_token` and `next`
/// to `/login`.
#[derive(Debug, Clone, Serialize)]
pub struct SignInView {
    pub layout: LayoutView,
    /// The username as typed last time, kept after a failed attempt; empty at first.
    pub username: String,
    /// Why the last attempt failed, e.g. "Wrong username or password".
    pub error: Option<String>,
    /// Where to go once signed in (a local path, sent back as `next`); empty: home.
    pub next: String,
    /// The link to the register page, carrying `next` on.
    pub register_href: String,
}

/// The register page (`register.html`), which posts `username`, `password` and `csrf_token`
/// to `/register`.
#[derive(Debug, Clone, Serialize)]
pub struct RegisterView {
    pub layout: LayoutView,
    /// The username as typed last time, kept after a refusal; empty at first.
    pub username: String,
    /// Why the last attempt was refused, e.g. "a password is at least 10 characters long".
    pub error: Option<String>,
    /// The shortest password accepted, said next to the field (`accounts::MIN_PASSWORD_CHARS`).
    pub min_password_chars: usize,
    /// Where to go once registered (a local path, sent back as `next`); empty: home.
    pub next: String,
    /// The link to the sign-in page, carrying `next` on.
    pub sign_in_href: String,
}

/// One question set on the home page.
#[derive(Debug, Clone, Serialize)]
pub struct SetSummary {
    /// The set's id; the Study button links to `/study/{set_id}`.
    pub set_id: String,
    pub title: String,
    pub description: Option<String>,
    /// How many cards the set has in all.
    pub card_count: u32,
    /// Cards due for review today (relearning ones included).
    pub due: u32,
    /// New cards the student may still start today under the daily limit.
    pub new_left: u32,
    /// The exam a class of the student's gives the set, if any; the panel also links to the
    /// set's own progress page (`/progress?set={set_id}`).
    pub exam: Option<ExamView>,
}

/// The home page (`home.html`): the sets and the daily new-card limit form, which posts
/// `new_cards_per_day` and `csrf_token` to `/settings/new-cards`.
#[derive(Debug, Clone, Serialize)]
pub struct HomeView {
    pub layout: LayoutView,
    /// Every loaded set; empty shows the empty state.
    pub sets: Vec<SetSummary>,
    /// The current daily limit of new cards, shown in the setting form.
    pub new_cards_per_day: u32,
    /// A one-line confirmation of the last action, e.g. "Saved: 20 new cards a day".
    pub notice: Option<String>,
    /// The live classes the student is in; the "Join a class" form beside them posts `code`
    /// and `csrf_token` to `/join`.
    pub classes: Vec<JoinedClassView>,
    /// What became of the student's "I was right" claims (`claim_notice.html`).
    pub claim_notices: Vec<ClaimNoticeView>,
}

/// How a card is answered, which decides the form the study page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerForm {
    /// "Show answer", then the student grades themself.
    Recall,
    /// A text field.
    Text,
    /// Radio buttons, one per choice.
    Choice,
    /// Checkboxes, one per choice; each ticked one is sent as a separate `answer` field.
    Multi,
    /// Two radio buttons, sending `answer=true` or `answer=false`.
    TrueFalse,
    /// A text field with the hint "e.g. 14 July 1789" (a date far from any card's answer).
    Date,
    /// A text field with a decimal keypad on phones.
    Number,
}

/// One self-grade button; its text reads "{label} — {interval_label}", e.g. "Good — 6 days".
/// It posts `quality` to `/study/{set_id}/grade`.
#[derive(Debug, Clone, Serialize)]
pub struct GradeButton {
    /// The SM-2 quality (0 to 5) sent as `quality`.
    pub quality: u8,
    /// What the grade is called: "Again", "Hard", "Good", "Easy", or "Continue".
    pub label: String,
    /// When the card would come back with this grade, e.g. "6 days"; empty shows only the label.
    pub interval_label: String,
    /// The suggested grade: highlighted and focused.
    pub is_default: bool,
}

/// What a recall card shows once "Show answer" is pressed.
#[derive(Debug, Clone, Serialize)]
pub struct RevealView {
    /// The model answer.
    pub answer: String,
    pub explanation: Option<String>,
    /// Where in the source the fact stands, e.g. "paragraph 9".
    pub source: Option<String>,
    /// Again / Hard / Good / Easy, in that order (keys 1 to 4).
    pub grades: Vec<GradeButton>,
}

/// The study page (`study.html`): one card. Every form there carries `csrf_token`, `card_id`,
/// `review_token` and `started_at`; the answer goes as `answer` to `/study/{set_id}/answer`,
/// a recall grade as `quality` to `/study/{set_id}/grade`.
#[derive(Debug, Clone, Serialize)]
pub struct StudyCardView {
    pub layout: LayoutView,
    pub set_id: String,
    pub set_title: String,
    pub card_id: String,
    /// How the card is answered.
    pub kind: AnswerForm,
    /// The question; it is the label of the answer field.
    pub prompt: String,
    /// The choices for choice and multi cards, in the order this showing lists them; empty for
    /// the other kinds.
    pub choices: Vec<String>,
    /// For a date card, an example at the card's precision ("e.g. July 1789" on a month card);
    /// empty for the other kinds.
    pub date_hint: String,
    /// The single-use token that ties the answer to this showing of the card.
    pub review_token: String,
    /// When the card was shown (as the handler writes it), sent back to measure the time taken.
    pub started_at: String,
    /// Reviews still due today, counting this card if it is one.
    pub due: u32,
    /// New cards left today.
    pub new_left: u32,
    /// Why the last answer could not be read, e.g. "Write the month as a word, e.g. 5 June 1950".
    pub message: Option<String>,
    /// The answer to put back in the text field after such a message; empty otherwise.
    pub kept_answer: String,
    /// For recall cards: the answer and grades behind "Show answer"; `None` for other kinds.
    pub reveal: Option<RevealView>,
    /// The set's exam day, for the study bar ("Exam in 12 days"); `None` without one.
    pub exam: Option<ExamView>,
    /// An instructor trying a previewed set: the forms go to `/teach/sets/try` instead.
    pub trial: Option<TrialView>,
}

/// How a checked answer was judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Right,
    /// Accepted with a slip, e.g. a typo.
    Almost,
    Wrong,
}

/// One choice of a multi card on the verdict page, marked against the student's picks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MarkedOption {
    pub text: String,
    pub mark: OptionMark,
}

/// What became of one choice of a multi card. Serialised as the CSS class suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OptionMark {
    /// Picked, and one of the answers.
    PickedRight,
    /// Picked, but not one of the answers.
    PickedWrong,
    /// One of the answers, not picked.
    Missed,
    /// Neither picked nor an answer: nothing to say.
    LeftOut,
}

/// The verdict page (`answer.html`, at `/study/{set_id}/answers/{review_token}`): a recorded
/// review's verdict and, while its grade may change, the grade buttons, which post `quality`
/// (or `claim=right` for "I was right") with `csrf_token`, `card_id` and `review_token` to
/// `/study/{set_id}/grade`.
#[derive(Debug, Clone, Serialize)]
pub struct AnsweredView {
    pub layout: LayoutView,
    pub set_id: String,
    pub set_title: String,
    pub card_id: String,
    /// The question, shown again above the verdict.
    pub prompt: String,
    pub review_token: String,
    /// Reviews still due today, as on the study page.
    pub due: u32,
    /// New cards left today.
    pub new_left: u32,
    pub verdict: Verdict,
    /// The verdict in words, e.g. "Right", "Almost", "Not quite".
    pub verdict_label: String,
    /// What the student answered; empty for a blank answer.
    pub given: String,
    /// The expected answer.
    pub expected: String,
    /// A multi card's choices in written order, each marked against the answer; empty for
    /// other kinds, which compare `given` with `expected` instead.
    pub options: Vec<MarkedOption>,
    pub explanation: Option<String>,
    /// Where in the source the fact stands, e.g. "paragraph 9".
    pub source: Option<String>,
    /// The grades offered, in key order: Again/Hard/Good/Easy, or a single "Continue" when wrong;
    /// the recorded one is the default. Empty once the grade can no longer change.
    pub grades: Vec<GradeButton>,
    /// What was recorded, when the grade can no longer change, e.g. "Recorded as Good.".
    pub graded_label: Option<String>,
    /// Offer "I was right" (posts `claim=right`, counted as Hard, quality 3) after a wrong verdict.
    pub can_claim_right: bool,
    /// When the card would come back after "I was right", e.g. "1 day"; empty to leave it out.
    pub claim_interval_label: String,
    /// A note under the verdict, e.g. "Accepted; the exact form is “Kim Il Sung”.".
    pub message: Option<String>,
    /// What the checker forgave, e.g. "Accepted: title ignored", "Almost: one letter off".
    pub forgiven: Option<String>,
    /// What became of the student's last "I was right" claim on this card, if it was decided
    /// since they last answered it.
    pub claim_notice: Option<ClaimNoticeView>,
    /// The set's exam day, for the study bar, as on the study page.
    pub exam: Option<ExamView>,
    /// An instructor trying a previewed set: nothing was recorded, and the page offers the
    /// next card instead of grades.
    pub trial: Option<TrialView>,
}

/// When the next cards are due, for the done page: "Next: 3 cards tomorrow".
#[derive(Debug, Clone, Serialize)]
pub struct NextDue {
    pub cards: u32,
    /// When, as words that follow the count: "tomorrow", "on Friday 7 March".
    pub when: String,
}

/// The done page (`done.html`) once nothing is left to study today.
#[derive(Debug, Clone, Serialize)]
pub struct DoneView {
    pub layout: LayoutView,
    /// The set just studied; the page links to its progress page (`/progress?set={set_id}`).
    pub set_id: String,
    pub set_title: String,
    /// Reviews made today in this set.
    pub reviews_today: u32,
    /// The share of today's reviews answered right, in percent; `None` shows "—".
    pub right_percent: Option<u8>,
    /// The set's next cards due; `None` when nothing is scheduled.
    pub next: Option<NextDue>,
}

/// The error page (`error.html`).
#[derive(Debug, Clone, Serialize)]
pub struct ErrorView {
    pub layout: LayoutView,
    /// The HTTP status code, e.g. 404.
    pub status: u16,
    /// A short heading, e.g. "Page not found".
    pub heading: String,
    /// What went wrong and what to do, for a person, e.g. "That set does not exist (any more)."
    pub message: String,
}

/// `part` as a whole percentage of `whole`, rounded to nearest; 0 when `whole` is 0.
pub(crate) fn percent(part: u32, whole: u32) -> u8 {
    if whole == 0 {
        return 0;
    }
    let rounded = (u64::from(part.min(whole)) * 100 + u64::from(whole) / 2) / u64::from(whole);
    u8::try_from(rounded).unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_rounds_to_nearest_and_never_divides_by_zero() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(5, 5), 100);
        assert_eq!(percent(9, 5), 100);
    }

    #[test]
    fn enums_serialize_as_the_lowercase_words_templates_compare_with() {
        let json = serde_json::to_value([AnswerForm::TrueFalse, AnswerForm::Multi]).unwrap();
        assert_eq!(json, serde_json::json!(["truefalse", "multi"]));
        assert_eq!(serde_json::to_value(Verdict::Almost).unwrap(), "almost");
        assert_eq!(serde_json::to_value(Section::Progress).unwrap(), "progress");
    }
}
