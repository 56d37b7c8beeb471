//! A rejected claim's card, turned back into a lapse.

use rusqlite::{Connection, OptionalExtension, named_params};

use crate::scheduler::{Quality, StudyDay};

use crate::store::study::next_card::progress_from_row;
use crate::store::{CardRow, StoreError, UserId};

/// Turns `user`'s progress on `card` into a lapse due `today` (or earlier, if it was due then).
pub(super) fn lapse(
    connection: &Connection,
    user: UserId,
    card: CardRow,
    today: StudyDay,
) -> Result<(), StoreError> {
    let progress = connection
        .prepare_cached(
            "SELECT repetitions, easiness_hundredths, interval_days, lapses, due_day,
                 last_review_day, relearning
             FROM card_states WHERE user_id = ?1 AND card_id = ?2",
        )?
        .query_row((user, card), |row| progress_from_row(row, 0))
        .optional()?;
    let Some(progress) = progress else {
        return Ok(()); // nothing scheduled (a state cannot be missing after a review, but be safe)
    };
    let lapsed = progress.state.review(Quality::AGAIN);
    connection
        .prepare_cached(
            "UPDATE card_states SET repetitions = :repetitions, interval_days = :interval,
                 lapses = :lapses, due_day = min(due_day, :today), relearning = 0
             WHERE user_id = :user AND card_id = :card",
        )?
        .execute(
            named_params! {":repetitions": lapsed.repetitions, ":interval": lapsed.interval_days,
            ":lapses": lapsed.lapses, ":today": today, ":user": user, ":card": card},
        )?;
    Ok(())
}
