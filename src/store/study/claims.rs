//! The daily limit on "I was right" claims: each claim is a student overruling the checker,
//! which an instructor may then have to decide, so one student cannot make an unlimited number
//! of them on a set in a day.

use rusqlite::Connection;

use crate::scheduler::StudyDay;
use crate::store::{StoreError, UserId};

/// Claims a student may make on one set in one study day. Every answer recorded as claimed
/// counts, including one recorded as claimed again because it repeats a claim that stands.
pub const MOST_CLAIMS_PER_SET_PER_DAY: u32 = 20;

/// Why a claim past the limit is refused, in the student's words.
pub fn too_many_claims() -> String {
    format!(
        "you have claimed \u{201c}I was right\u{201d} {MOST_CLAIMS_PER_SET_PER_DAY} times on this \
         set today, the most in a day: grade yourself for now, and claim again tomorrow"
    )
}

/// Whether `user` may make one more claim on the set of row `set_row` on `today`. In the write
/// transaction that records the claim, so concurrent claims cannot pass the limit together.
pub(super) fn claim_allowed(
    connection: &Connection,
    user: UserId,
    set_row: i64,
    today: StudyDay,
) -> Result<bool, StoreError> {
    let claims: u32 = connection
        .prepare_cached(
            "SELECT COUNT(*) FROM reviews
             WHERE user_id = ?1 AND study_day = ?2 AND set_id = ?3 AND overridden = 1",
        )?
        .query_row((user, today, set_row), |row| row.get(0))?;
    Ok(claims < MOST_CLAIMS_PER_SET_PER_DAY)
}
