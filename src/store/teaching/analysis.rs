//! Item analysis: for each card of a set, how its students did on it, so an instructor sees
//! which cards are hard and which misconception is behind them. Cards come hardest first
//! ([`hardest_first`]).
//!
//! The figures count the reviews of an [`Audience`]: everyone (the set's owner and the admin)
//! or the members of some classes (an instructor who teaches with the set). Rulings on "I was
//! right" claims apply as in every figure ([`super::recalled`]): no answer is both counted
//! right and listed as a common wrong answer.

use std::cmp::Ordering;
use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, named_params};
use serde::Serialize;

use crate::questions::{CardId, SetId};

use super::dashboards::share;
use super::recalled::{RECALLED, RULING_JOIN};
use crate::store::{CardRow, ClassId, Store, StoreError, UserId};

/// At most this many wrong answers are listed per card.
pub const WRONG_ANSWERS_SHOWN: usize = 5;

/// Whose reviews a figure counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    /// Every student's.
    Everyone,
    /// The members' of these classes (by id); no class means nobody.
    Classes(Vec<ClassId>),
}

impl Audience {
    /// The classes as a JSON array for `json_each`, or NULL for everyone.
    pub(in crate::store) fn bound(&self) -> Option<String> {
        match self {
            Audience::Everyone => None,
            Audience::Classes(classes) => serde_json::to_string(classes).ok(),
        }
    }
}

/// The rows of `table` whose user is in the audience bound as `:classes`.
pub(in crate::store) fn in_audience(table: &str) -> String {
    format!(
        "(:classes IS NULL OR {table}.user_id IN (SELECT user_id FROM class_members
             WHERE class_id IN (SELECT value FROM json_each(:classes))))"
    )
}

/// A set as the instructors' pages need it: who owns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetHeader {
    pub id: SetId,
    pub title: String,
    /// `None`: loaded by the server (the `questions/` folder or `studyhall import`).
    pub owner: Option<UserId>,
}

/// A class of an instructor's, by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassRef {
    pub id: ClassId,
    pub name: String,
}

/// One wrong answer and how often it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WrongAnswer {
    /// In the checker's normal form; empty for a blank answer.
    pub normalized: String,
    pub count: u32,
}

/// How a card went.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardAnalysis {
    pub row: CardRow,
    pub card: CardId,
    /// The kind's name, e.g. `text`.
    pub kind: String,
    pub prompt: String,
    /// The card's place in the file, for a stable order among equals.
    pub position: i64,
    /// Students who reviewed it.
    pub students: u32,
    /// Reviews of it, same-day repeats included.
    pub attempts: u32,
    /// Of the students' first-ever reviews, those recalled.
    pub first_right: u32,
    /// Scheduled reviews after the first, and of those, the misses (quality below 3).
    pub later_reviews: u32,
    pub lapses: u32,
    /// The students' current E-Factors, averaged; `None` if nobody studied it.
    pub mean_ef: Option<f64>,
    /// The most common wrong answers, most common first.
    pub wrong_answers: Vec<WrongAnswer>,
}

impl CardAnalysis {
    /// The share of students right at their first try; `None` before anyone tried.
    pub fn first_try_share(&self) -> Option<f64> {
        share(self.first_right, self.students)
    }

    /// The share of scheduled reviews after the first that were misses.
    pub fn lapse_rate(&self) -> Option<f64> {
        share(self.lapses, self.later_reviews)
    }
}

/// Hardest first: the lowest share right at the first try, then the highest lapse rate, then
/// the most attempts; cards nobody tried come last, and equals keep the file's order.
pub fn hardest_first(a: &CardAnalysis, b: &CardAnalysis) -> Ordering {
    let untried = |card: &CardAnalysis| card.first_try_share().is_none();
    untried(a)
        .cmp(&untried(b))
        .then_with(|| {
            let first = |card: &CardAnalysis| card.first_try_share().unwrap_or(1.0);
            first(a).total_cmp(&first(b))
        })
        .then_with(|| {
            let lapses = |card: &CardAnalysis| card.lapse_rate().unwrap_or(0.0);
            lapses(b).total_cmp(&lapses(a))
        })
        .then_with(|| b.attempts.cmp(&a.attempts))
        .then_with(|| a.position.cmp(&b.position))
}

impl Store {
    /// The set `set` and its owner.
    pub fn set_header(&self, set: &SetId) -> Result<Option<SetHeader>, StoreError> {
        self.read(|connection| {
            Ok(connection
                .prepare_cached("SELECT slug, title, owner_id FROM sets WHERE slug = ?1")?
                .query_row([set], |row| {
                    Ok(SetHeader {
                        id: row.get(0)?,
                        title: row.get(1)?,
                        owner: row.get(2)?,
                    })
                })
                .optional()?)
        })
    }

    /// The classes `teacher` owns that have `set` assigned, by name.
    pub fn classes_with_set(
        &self,
        teacher: UserId,
        set: &SetId,
    ) -> Result<Vec<ClassRef>, StoreError> {
        self.read(|connection| {
            let mut statement = connection.prepare_cached(
                "SELECT classes.id, classes.name FROM classes
                 JOIN class_sets ON class_sets.class_id = classes.id
                 JOIN sets ON sets.id = class_sets.set_id
                 WHERE classes.owner_id = ?1 AND sets.slug = ?2
                 ORDER BY classes.name, classes.id",
            )?;
            let rows = statement.query_map((teacher, set), |row| {
                Ok(ClassRef {
                    id: row.get(0)?,
                    name: row.get(1)?,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Every card of `set` still in its file, with the audience's figures, hardest first.
    pub fn item_analysis(
        &self,
        set: &SetId,
        audience: &Audience,
    ) -> Result<Vec<CardAnalysis>, StoreError> {
        self.read(|connection| {
            let set_row = crate::store::study::next_card::set_row(connection, set)?;
            let classes = audience.bound();
            let mut cards = set_cards(connection, set_row)?;
            review_counts(connection, set_row, classes.as_deref(), &mut cards)?;
            let mut wrong = wrong_answers(connection, set_row, classes.as_deref())?;
            let mut analysed: Vec<CardAnalysis> = cards
                .into_values()
                .map(|mut card| {
                    card.wrong_answers = wrong.remove(&card.row).unwrap_or_default();
                    card
                })
                .collect();
            analysed.sort_by(hardest_first);
            Ok(analysed)
        })
    }
}

fn set_cards(
    connection: &Connection,
    set_row: i64,
) -> Result<HashMap<CardRow, CardAnalysis>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT id, slug, kind, prompt, position FROM cards WHERE set_id = ?1 AND retired = 0",
    )?;
    let rows = statement.query_map([set_row], |row| {
        let card = CardAnalysis {
            row: row.get(0)?,
            card: row.get(1)?,
            kind: row.get(2)?,
            prompt: row.get(3)?,
            position: row.get(4)?,
            students: 0,
            attempts: 0,
            first_right: 0,
            later_reviews: 0,
            lapses: 0,
            mean_ef: None,
            wrong_answers: Vec::new(),
        };
        Ok((card.row, card))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Fills in the counts. A first-ever review is the one with no state before it.
fn review_counts(
    connection: &Connection,
    set_row: i64,
    classes: Option<&str>,
    cards: &mut HashMap<CardRow, CardAnalysis>,
) -> Result<(), StoreError> {
    let later = "r.scheduled = 1 AND r.repetitions_before IS NOT NULL";
    let reviews = format!(
        "SELECT r.card_id, count(*), count(DISTINCT r.user_id),
             count(*) FILTER (WHERE r.repetitions_before IS NULL AND {RECALLED}),
             count(*) FILTER (WHERE {later}), count(*) FILTER (WHERE {later} AND NOT {RECALLED})
         FROM reviews AS r {RULING_JOIN}
         WHERE r.set_id = :set AND {} GROUP BY r.card_id",
        in_audience("r")
    );
    let mut statement = connection.prepare_cached(&reviews)?;
    let mut rows = statement.query(named_params! {":set": set_row, ":classes": classes})?;
    while let Some(row) = rows.next()? {
        if let Some(card) = cards.get_mut(&row.get::<_, CardRow>(0)?) {
            (card.attempts, card.students) = (row.get(1)?, row.get(2)?);
            card.first_right = row.get(3)?;
            (card.later_reviews, card.lapses) = (row.get(4)?, row.get(5)?);
        }
    }
    let easiness = format!(
        "SELECT s.card_id, avg(s.easiness_hundredths) / 100.0 FROM card_states AS s
         WHERE s.set_id = :set AND {} GROUP BY s.card_id",
        in_audience("s")
    );
    let mut statement = connection.prepare_cached(&easiness)?;
    let mut rows = statement.query(named_params! {":set": set_row, ":classes": classes})?;
    while let Some(row) = rows.next()? {
        if let Some(card) = cards.get_mut(&row.get::<_, CardRow>(0)?) {
            card.mean_ef = row.get(1)?;
        }
    }
    Ok(())
}

/// The wrong answers per card, most common first: the checker's wrong answers that count as
/// wrong. An answer that counts as right for any student of the audience (a pending or an
/// accepted claim) is left out, so that no answer is listed as wrong and counted right; a
/// rejected claim is wrong, and listed.
fn wrong_answers(
    connection: &Connection,
    set_row: i64,
    classes: Option<&str>,
) -> Result<HashMap<CardRow, Vec<WrongAnswer>>, StoreError> {
    let sql = format!(
        "SELECT r.card_id, r.normalized_answer, count(*) AS times FROM reviews AS r {RULING_JOIN}
         WHERE r.set_id = :set AND r.verdict = 'wrong' AND {}
         GROUP BY r.card_id, r.normalized_answer HAVING max({RECALLED}) = 0
         ORDER BY r.card_id, times DESC, r.normalized_answer",
        in_audience("r")
    );
    let mut wrong: HashMap<CardRow, Vec<WrongAnswer>> = HashMap::new();
    let mut statement = connection.prepare_cached(&sql)?;
    let mut rows = statement.query(named_params! {":set": set_row, ":classes": classes})?;
    while let Some(row) = rows.next()? {
        let answers = wrong.entry(row.get(0)?).or_default();
        if answers.len() < WRONG_ANSWERS_SHOWN {
            answers.push(WrongAnswer {
                normalized: row.get(1)?,
                count: row.get(2)?,
            });
        }
    }
    Ok(wrong)
}

#[cfg(test)]
mod tests;
