//! Tests of the store against real SQLite files in temporary folders, with sets built from the
//! model types directly.

mod grades;
mod import;
mod migration;
mod open;
mod reviews;
mod stats;
mod study;
mod users;
mod writer;

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

use rusqlite::Params;
use tempfile::TempDir;

use crate::questions::{Card, CardId, CardKind, QuestionSet, SetId};
use crate::scheduler::{Quality, StudyDay};

use super::{CardRow, NewReview, RecordedReview, Role, Store, StoreConfig, StoreError, UserId};

/// A store in a folder of its own. The store is dropped (its threads joined) before the folder.
pub(super) struct Fixture {
    pub store: Store,
    _dir: TempDir,
}

pub(super) fn open_store() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&StoreConfig::new(dir.path().join("studyhall.db"))).unwrap();
    Fixture { store, _dir: dir }
}

impl Fixture {
    /// The first column of the first row of `sql`, as an integer.
    pub fn number(&self, sql: &str, params: impl Params) -> i64 {
        self.store
            .read(|connection| Ok(connection.query_row(sql, params, |row| row.get(0))?))
            .unwrap()
    }

    pub fn student(&self, name: &str) -> UserId {
        self.store
            .create_user(name, "$argon2id$fake", Role::Student)
            .wait()
            .unwrap()
    }

    pub fn import(&self, sets: &[QuestionSet]) -> Vec<super::ImportReport> {
        let sets = sets
            .iter()
            .map(|set| (set.clone(), format!("# {}", set.title)))
            .collect();
        self.store.import_sets(sets).wait().unwrap()
    }

    /// The row of card `card` of set `set`.
    pub fn row(&self, set: &str, card: &str) -> CardRow {
        self.store
            .card(&set_id(set), &card_id(card))
            .unwrap()
            .unwrap()
            .row
    }

    /// Records a review with a fresh token at `at_ms`.
    pub fn review(
        &self,
        user: UserId,
        card: CardRow,
        quality: u8,
        today: &str,
        at_ms: i64,
    ) -> Result<RecordedReview, StoreError> {
        self.store
            .record_review(new_review(user, card, quality, today, at_ms))
            .wait()
    }
}

pub(super) fn new_review(
    user: UserId,
    card: CardRow,
    quality: u8,
    today: &str,
    at_ms: i64,
) -> NewReview {
    NewReview {
        user,
        card,
        review_token: uuid::Uuid::new_v4().to_string(),
        quality: Quality::new(quality).unwrap(),
        today: day(today),
        reviewed_at_ms: at_ms,
        answer: Some("an answer".into()),
        verdict: "correct".into(),
        normalized_answer: "an answer".into(),
        duration_ms: Some(1500),
        overridden: false,
    }
}

/// A store with the student "sam" and the set "history" (cards a and b): sam, and card a's row.
pub(super) fn studying() -> (Fixture, UserId, CardRow) {
    let fixture = open_store();
    let student = fixture.student("sam");
    fixture.import(&[set("history", &["a", "b"])]);
    let row = fixture.row("history", "a");
    (fixture, student, row)
}

pub(super) fn day(text: &str) -> StudyDay {
    text.parse().unwrap()
}

pub(super) fn set_id(text: &str) -> SetId {
    SetId::parse(text).unwrap()
}

pub(super) fn card_id(text: &str) -> CardId {
    CardId::parse(text).unwrap()
}

pub(super) fn card_ids(texts: &[&str]) -> Vec<CardId> {
    texts.iter().map(|text| card_id(text)).collect()
}

/// A recall card whose prompt is "What is {id}?".
pub(super) fn card(id: &str, tags: &[&str]) -> Card {
    Card {
        id: card_id(id),
        prompt: format!("What is {id}?"),
        kind: CardKind::Recall {
            answer: format!("{id} is a card"),
        },
        tags: tags.iter().map(|tag| tag.to_string()).collect(),
        explanation: None,
        source: None,
    }
}

/// A set of recall cards with these ids, no tags.
pub(super) fn set(id: &str, cards: &[&str]) -> QuestionSet {
    with_cards(id, cards.iter().map(|card_id| card(card_id, &[])).collect())
}

pub(super) fn with_cards(id: &str, cards: Vec<Card>) -> QuestionSet {
    QuestionSet {
        id: set_id(id),
        title: format!("The {id} set"),
        description: Some("For tests".into()),
        source: None,
        cards,
    }
}

/// Runs a future to completion on this thread: enough to poll a [`super::Pending`] the way an
/// async handler does, without a runtime.
pub(super) fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(thread::current())));
    let mut context = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
        thread::park();
    }
}
