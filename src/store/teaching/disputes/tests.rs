//! Claims against a real database: who decides whose claims ([`rulings`]), undoing
//! ([`undo`]), where a claim stands for the answer path ([`standing`]), how every figure counts
//! a ruling ([`figures`]), what the student is told ([`notices`]) and the migration of the
//! decisions of 0002 ([`migration`]).

mod download;
mod figures;
mod migration;
mod notices;
mod rulings;
mod standing;
mod undo;

use crate::questions::{Card, CardKind, QuestionSet};
use crate::scheduler::Quality;
use crate::store::tests::{Fixture, card_id, day, open_store, set_id};
use crate::store::{
    Assignment, CardRow, ClassId, ClassName, Decider, NewReview, Role, Teacher, UserId,
};

/// 2026-03-01 09:00 UTC, when the students answer.
const ANSWERED_MS: i64 = 1_772_355_600_000;
/// An hour later, when the instructors decide.
const DECIDED_MS: i64 = ANSWERED_MS + 3_600_000;
const TODAY: &str = "2026-03-01";

/// The world of these tests: the admin `root`; `olga`, an instructor who owns the set `owned`
/// (a text card `city`, "Berlin"); `ana`, whose class A has both sets; `ben`, whose class B
/// has the server's set `server` (a text card `who`, "Stalin", and a number card `year`,
/// 1950); students `sue` (class A), `sam` (class B) and `ivy` (no class).
struct World {
    fixture: Fixture,
    root: Decider,
    olga: Decider,
    ana: Decider,
    ben: Decider,
    class_a: ClassId,
    class_b: ClassId,
    sue: UserId,
    sam: UserId,
    ivy: UserId,
    who: CardRow,
    year: CardRow,
    city: CardRow,
}

fn world() -> World {
    let fixture = open_store();
    let user = |name: &str, role| {
        let id = fixture.store.create_user(name, "$argon2id$fake", role);
        id.wait().unwrap()
    };
    let (root, olga, ana, ben) = (
        user("root", Role::Admin),
        user("olga", Role::Instructor),
        user("ana", Role::Instructor),
        user("ben", Role::Instructor),
    );
    let (sue, sam, ivy) = (
        user("sue", Role::Student),
        user("sam", Role::Student),
        user("ivy", Role::Student),
    );
    fixture.import(&[
        text_set("server", &[("who", "Stalin")], Some(("year", 1950.0))),
        text_set("owned", &[("city", "Berlin")], None),
    ]);
    fixture
        .store
        .write(move |connection| {
            connection.execute("UPDATE sets SET owner_id = ?1 WHERE slug = 'owned'", [olga])?;
            Ok(())
        })
        .wait()
        .unwrap();
    let class_a = class(&fixture, ana, "A", &["server", "owned"], sue);
    let class_b = class(&fixture, ben, "B", &["server"], sam);
    let decider = |user, is_admin| Decider { user, is_admin };
    World {
        root: decider(root, true),
        olga: decider(olga, false),
        ana: decider(ana, false),
        ben: decider(ben, false),
        class_a,
        class_b,
        sue,
        sam,
        ivy,
        who: fixture.row("server", "who"),
        year: fixture.row("server", "year"),
        city: fixture.row("owned", "city"),
        fixture,
    }
}

/// A set of text cards (id, answer), and a number card if given.
fn text_set(id: &str, texts: &[(&str, &str)], number: Option<(&str, f64)>) -> QuestionSet {
    let card = |id: &str, kind| Card {
        id: card_id(id),
        prompt: format!("What is {id}?"),
        kind,
        tags: vec!["war".into()],
        explanation: None,
        source: None,
    };
    let mut cards: Vec<Card> = texts
        .iter()
        .map(|(id, answer)| {
            let kind = CardKind::Text {
                answer: answer.to_string(),
                accept: Vec::new(),
            };
            card(id, kind)
        })
        .collect();
    if let Some((id, answer)) = number {
        let kind = CardKind::Number {
            answer,
            tolerance: 0.0,
        };
        cards.push(card(id, kind));
    }
    crate::store::tests::with_cards(id, cards)
}

/// `owner`'s class with `sets` assigned and `member` in it.
fn class(fixture: &Fixture, owner: UserId, name: &str, sets: &[&str], member: UserId) -> ClassId {
    let teacher = Teacher::of(&fixture.store.user_by_id(owner).unwrap().unwrap()).unwrap();
    let name = ClassName::parse(name).unwrap();
    let class = fixture.store.create_class(teacher, &name).wait().unwrap();
    for set in sets {
        let assigned =
            fixture
                .store
                .assign_set(teacher, class.id, &set_id(set), Assignment::default());
        assigned.wait().unwrap();
    }
    let code = class.join_code.to_string();
    fixture.store.join_class(member, &code).wait().unwrap();
    class.id
}

impl World {
    /// `user` answers `card` with `answer`, marked wrong, and claims it was right.
    fn claim(&self, user: UserId, card: CardRow, answer: &str) {
        self.wrong(user, card, answer, true, ANSWERED_MS);
    }

    /// `user` answers `card` with `answer`, marked wrong; `claim`: "I was right".
    fn wrong(&self, user: UserId, card: CardRow, answer: &str, claim: bool, at_ms: i64) {
        let quality = if claim { Quality::HARD } else { Quality::AGAIN };
        let review = NewReview {
            user,
            card,
            review_token: uuid::Uuid::new_v4().to_string(),
            quality,
            today: day(TODAY),
            reviewed_at_ms: at_ms,
            answer: Some(answer.to_string()),
            verdict: "wrong".into(),
            normalized_answer: answer.trim().to_lowercase(),
            duration_ms: None,
            overridden: claim,
        };
        self.fixture.store.record_review(review).wait().unwrap();
    }

    fn accept(
        &self,
        by: Decider,
        card: CardRow,
        answer: &str,
    ) -> Result<crate::store::Decided, crate::store::Refusal> {
        let decided = self
            .fixture
            .store
            .accept_claim(card, answer.to_string(), by, DECIDED_MS);
        decided.wait().unwrap()
    }

    fn reject(
        &self,
        by: Decider,
        card: CardRow,
        answer: &str,
    ) -> Result<crate::store::Decided, crate::store::Refusal> {
        let decided =
            self.fixture
                .store
                .reject_claim(card, answer.to_string(), by, day(TODAY), DECIDED_MS);
        decided.wait().unwrap()
    }

    fn undo(
        &self,
        by: Decider,
        card: CardRow,
        answer: &str,
    ) -> Result<crate::store::Undone, crate::store::Refusal> {
        let undone = self
            .fixture
            .store
            .undo_claim_decision(card, answer.to_string(), by);
        undone.wait().unwrap()
    }

    /// The students (by id) whose claims `by` finds pending on `card`.
    fn pending_for(&self, by: Decider, card: CardRow) -> Vec<(String, u32)> {
        let disputes = self.fixture.store.open_disputes(by).unwrap();
        disputes
            .into_iter()
            .filter(|dispute| dispute.card_row == card)
            .map(|dispute| (dispute.normalized, dispute.students))
            .collect()
    }

    /// The accepted answers of the text card `card` of `set`.
    fn accepted_answers(&self, set: &str, card: &str) -> Vec<String> {
        let stored = self
            .fixture
            .store
            .card(&set_id(set), &card_id(card))
            .unwrap();
        match stored.unwrap().card.kind {
            CardKind::Text { accept, .. } => accept,
            other => panic!("not a text card: {other:?}"),
        }
    }
}
