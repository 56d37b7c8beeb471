//! Question sets assigned to classes, and what an assignment does to the members' study.
//!
//! - A class's daily new-card limit for a set caps how many cards of that set a member meets
//!   for the first time per day. The member's own daily limit (per set) still applies:
//!   the smaller of the two wins. A student in several classes that assign the set with a
//!   limit gets the smallest.
//! - A class's exam day for a set: no card of the set is scheduled past it for the members
//!   (see [`crate::scheduler::exam`]). A student in several classes gets the earliest exam day
//!   still to come.
//!
//! Only live classes count: an archived class's limits and exam days no longer apply.

use rusqlite::{Connection, OptionalExtension};

use crate::questions::SetId;
use crate::scheduler::StudyDay;

use super::class::{ClassId, Teacher, live_summary};
use super::visibility::Visibility;
use crate::store::study::next_card::{exam_day_column, set_row};
use crate::store::{Pending, Store, StoreError, UserId};

/// What a class asks of a set it is assigned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Assignment {
    /// New cards of the set a member may start per day; `None`: only their own limit.
    pub daily_new_limit: Option<u32>,
    /// No card of the set is scheduled past this day; `None`: no exam.
    pub exam_day: Option<StudyDay>,
}

impl Store {
    /// Assigns `set` to the class, or changes the limit and exam day of an assignment. The
    /// teacher must run the class (it must be live) and may assign an open set or one of
    /// their own ([`StoreError::SetNotAssignable`] otherwise).
    pub fn assign_set(
        &self,
        teacher: Teacher,
        class: ClassId,
        set: &SetId,
        assignment: Assignment,
    ) -> Pending<()> {
        let set = set.clone();
        self.write(move |connection| {
            live_summary(connection, teacher, class)?;
            let found: Option<(i64, Option<UserId>, Visibility)> = connection
                .prepare_cached("SELECT id, owner_id, visibility FROM sets WHERE slug = ?1")?
                .query_row([&set], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
                .optional()?;
            let (set_row, owner, visibility) =
                found.ok_or_else(|| StoreError::UnknownSet(set.clone()))?;
            if visibility == Visibility::Restricted && !teacher.may_change(owner) {
                return Err(StoreError::SetNotAssignable(set));
            }
            connection
                .prepare_cached(
                    "INSERT INTO class_sets (class_id, set_id, daily_new_limit, exam_day)
                     VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (class_id, set_id) DO UPDATE SET
                         daily_new_limit = excluded.daily_new_limit,
                         exam_day = excluded.exam_day",
                )?
                .execute((
                    class,
                    set_row,
                    assignment.daily_new_limit,
                    assignment.exam_day,
                ))?;
            Ok(())
        })
    }

    /// Takes `set` off the class; `false` if it was not assigned. The members' progress stays.
    pub fn unassign_set(&self, teacher: Teacher, class: ClassId, set: &SetId) -> Pending<bool> {
        let set = set.clone();
        self.write(move |connection| {
            live_summary(connection, teacher, class)?;
            let set_row = set_row(connection, &set)?;
            let removed = connection
                .prepare_cached("DELETE FROM class_sets WHERE class_id = ?1 AND set_id = ?2")?
                .execute((class, set_row))?;
            Ok(removed > 0)
        })
    }
}

/// The earliest exam day on or after `today` that the user's live classes give the set.
pub(in crate::store) fn exam_day(
    connection: &Connection,
    user: UserId,
    set_row: i64,
    today: StudyDay,
) -> Result<Option<StudyDay>, StoreError> {
    Ok(connection
        .prepare_cached(concat!("SELECT ", exam_day_column!("?2")))?
        .query_row((user, set_row, today), |row| row.get(0))?)
}

/// New cards of a set a student may start now: what is left of their own daily limit
/// (`student_left`), and no more than what is left of the class's limit for the set after the
/// `started_in_set` cards of it they already started today.
pub(in crate::store) fn new_cards_allowed(
    student_left: u32,
    class_limit: Option<u32>,
    started_in_set: u32,
) -> u32 {
    match class_limit {
        Some(limit) => student_left.min(limit.saturating_sub(started_in_set)),
        None => student_left,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_class_limit_the_students_own_allowance_stands() {
        assert_eq!(new_cards_allowed(20, None, 0), 20);
        assert_eq!(new_cards_allowed(0, None, 5), 0);
    }

    #[test]
    fn the_smaller_of_the_two_limits_wins() {
        assert_eq!(
            new_cards_allowed(20, Some(5), 0),
            5,
            "the class's is smaller"
        );
        assert_eq!(
            new_cards_allowed(3, Some(5), 0),
            3,
            "the student's is smaller"
        );
        assert_eq!(
            new_cards_allowed(20, Some(5), 2),
            3,
            "two of the class's five are used"
        );
    }

    #[test]
    fn a_used_up_or_zero_class_limit_allows_no_new_card() {
        assert_eq!(new_cards_allowed(20, Some(5), 5), 0);
        assert_eq!(new_cards_allowed(20, Some(5), 9), 0);
        assert_eq!(new_cards_allowed(20, Some(0), 0), 0);
    }
}
