//! The bodies of the account, set and progress routes, built from what the store returns. (The
//! answer route's bodies are in [`super::answers`], with the translation of a JSON answer.)

use crate::study::{self, ReviewToken};
use serde::{Deserialize, Serialize};

use crate::questions::{Card, CardId, SetId};
use crate::scheduler::StudyDay;
use crate::store::{NextCard, ProgressReport, Queue, Role, SetSummary};

/// `POST /register` and `POST /login`.
#[derive(Debug, Deserialize)]
pub struct Credentials {
    pub username: String,
    pub password: String,
}

/// `POST /register`: the account made.
#[derive(Debug, Serialize)]
pub struct Registered {
    pub username: String,
    pub role: Role,
}

/// `POST /login`: the token to send as `Authorization: Bearer TOKEN`.
#[derive(Debug, Serialize)]
pub struct LoggedIn {
    pub token: String,
    pub token_type: &'static str,
    /// RFC 3339.
    pub expires_at: String,
}

/// `GET /sets`.
#[derive(Debug, Serialize)]
pub struct SetList {
    pub sets: Vec<SetEntry>,
}

#[derive(Debug, Serialize)]
pub struct SetEntry {
    pub id: SetId,
    pub title: String,
    pub description: Option<String>,
    pub cards: u32,
    pub due: u32,
    /// New cards the student may still start today in this set.
    pub new: u32,
    /// The exam day a class of the student's gives the set (YYYY-MM-DD), or null.
    pub exam_day: Option<String>,
}

impl From<SetSummary> for SetEntry {
    fn from(set: SetSummary) -> SetEntry {
        SetEntry {
            id: set.id,
            title: set.title,
            description: set.description,
            cards: set.cards,
            due: set.due,
            new: set.new_left,
            exam_day: set.exam.map(|day| day.to_string()),
        }
    }
}

/// `GET /sets/{set_id}/next`: the card to answer, never its answer.
#[derive(Debug, Serialize)]
pub struct NextCardBody {
    pub set: SetId,
    /// `due`, `new` or `relearn`.
    pub queue: &'static str,
    pub card: Question,
    /// Send it back with the answer: issued to this student for this card, recorded once.
    pub review_token: String,
}

/// A card as asked: what a student sees before answering.
#[derive(Debug, Serialize)]
pub struct Question {
    pub id: CardId,
    pub kind: &'static str,
    pub prompt: String,
    /// For choice and multi cards only, in the order this showing lists them (shuffled unless
    /// the card keeps its written order).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<String>>,
}

impl NextCardBody {
    /// The card to ask, with the review token issued for this showing.
    pub fn new(set: SetId, next: NextCard, token: &ReviewToken) -> NextCardBody {
        let queue = match next.queue {
            Queue::Due => "due",
            Queue::New => "new",
            Queue::Relearn => "relearn",
        };
        NextCardBody {
            set,
            queue,
            card: Question::of(next.card, token),
            review_token: token.to_string(),
        }
    }
}

impl Question {
    fn of(card: Card, token: &ReviewToken) -> Question {
        Question {
            choices: card
                .kind
                .choices()
                .map(|_| study::shown_choices(&card.kind, token)),
            kind: card.kind.name(),
            id: card.id,
            prompt: card.prompt,
        }
    }
}

/// `GET /me/progress`: the progress page's figures.
#[derive(Debug, Serialize)]
pub struct ProgressBody {
    /// The study day the figures are for, YYYY-MM-DD.
    pub today: String,
    /// The one set the figures are of (`?set=ID`); null for all sets.
    pub set: Option<SetId>,
    #[serde(flatten)]
    pub report: ProgressReport,
}

impl ProgressBody {
    pub fn new(today: StudyDay, set: Option<SetId>, report: ProgressReport) -> ProgressBody {
        ProgressBody {
            today: today.to_string(),
            set,
            report,
        }
    }
}
