//! Mastery per tag across a class (or for one of its students): how many of the tagged cards
//! are studied and mature, and how well they were recalled over the last 30 days.

use std::collections::HashMap;

use rusqlite::{Connection, named_params};
use serde::Serialize;

use crate::scheduler::StudyDay;

use super::{MATURE_FROM_DAYS, RETENTION_DAYS, class_scope, days_before};
use crate::store::teaching::recalled::{RECALLED, RULING_JOIN};
use crate::store::{ClassId, Store, StoreError, UserId};

/// How the members of a class (or one of them) know the cards with one tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagFigures {
    pub tag: String,
    /// Cards with the tag in the class's sets.
    pub cards: u32,
    /// (student, card) pairs studied, and of those mature.
    pub studied: u32,
    pub mature: u32,
    pub reviewed_30d: u32,
    pub recalled_30d: u32,
}

impl Store {
    /// Per tag of the cards in `class`'s sets: how its members (or only `only`) know them.
    pub fn class_tag_figures(
        &self,
        class: ClassId,
        only: Option<UserId>,
        today: StudyDay,
    ) -> Result<Vec<TagFigures>, StoreError> {
        self.read(|connection| tag_figures(connection, class, only, today))
    }
}

fn tag_figures(
    connection: &Connection,
    class: ClassId,
    only: Option<UserId>,
    today: StudyDay,
) -> Result<Vec<TagFigures>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT t.tag, count(*) FROM card_tags AS t
             JOIN cards AS c ON c.id = t.card_id AND c.retired = 0
         WHERE c.set_id IN (SELECT set_id FROM class_sets WHERE class_id = ?1)
         GROUP BY t.tag ORDER BY t.tag",
    )?;
    let mut tags: Vec<TagFigures> = statement
        .query_map([class], |row| {
            Ok(TagFigures {
                tag: row.get(0)?,
                cards: row.get(1)?,
                studied: 0,
                mature: 0,
                reviewed_30d: 0,
                recalled_30d: 0,
            })
        })?
        .collect::<Result<_, _>>()?;
    let states = format!(
        "SELECT t.tag, count(*), count(*) FILTER (WHERE s.interval_days >= :mature)
         FROM card_states AS s JOIN cards AS c ON c.id = s.card_id AND c.retired = 0
             JOIN card_tags AS t ON t.card_id = s.card_id
         WHERE {} GROUP BY t.tag",
        class_scope("s")
    );
    let counted: HashMap<String, (u32, u32)> = connection
        .prepare_cached(&states)?
        .query_map(
            named_params! {":class": class, ":only": only, ":mature": MATURE_FROM_DAYS},
            |row| Ok((row.get(0)?, (row.get(1)?, row.get(2)?))),
        )?
        .collect::<Result<_, _>>()?;
    let reviews = format!(
        "SELECT t.tag, count(*), count(*) FILTER (WHERE {RECALLED})
         FROM reviews AS r JOIN cards AS c ON c.id = r.card_id AND c.retired = 0
             JOIN card_tags AS t ON t.card_id = r.card_id {RULING_JOIN}
         WHERE {} AND r.scheduled = 1 AND r.study_day >= :from GROUP BY t.tag",
        class_scope("r")
    );
    let from = days_before(today, RETENTION_DAYS - 1);
    let recalled: HashMap<String, (u32, u32)> = connection
        .prepare_cached(&reviews)?
        .query_map(
            named_params! {":class": class, ":only": only, ":from": from},
            |row| Ok((row.get(0)?, (row.get(1)?, row.get(2)?))),
        )?
        .collect::<Result<_, _>>()?;
    for tag in &mut tags {
        (tag.studied, tag.mature) = counted.get(&tag.tag).copied().unwrap_or_default();
        (tag.reviewed_30d, tag.recalled_30d) = recalled.get(&tag.tag).copied().unwrap_or_default();
    }
    Ok(tags)
}
