//! What a student is told of their claims' fate: each ruling on a claim of theirs, for
//! [`NOTICE_DAYS`] days after it was taken, until they answer that card again. The home page
//! lists them ([`Store::claim_notices`]); the verdict of the card's first answer after the
//! ruling repeats it ([`Store::claim_notice`]). Nothing is written to dismiss a notice: answering
//! the card is reading it, and a ruling older than two weeks is no longer news.
//!
//! A ruling that only regraded an answer the student never claimed (an accept for everyone)
//! is not told: it was never their claim.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use rusqlite::{Connection, OptionalExtension, Row, named_params};

use crate::questions::{CardId, SetId};
use crate::scheduler::StudyDay;

use super::Ruling;
use crate::store::{CardRow, Store, StoreError, UserId};

/// A ruling is told for this many days after it was taken.
pub const NOTICE_DAYS: i64 = 14;
/// The home page lists at most this many, the latest first.
const NOTICES_SHOWN: u32 = 10;
const DAY_MS: i64 = 86_400_000;

/// A ruling on one of the student's claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimNotice {
    pub set: SetId,
    pub set_title: String,
    pub card_row: CardRow,
    pub card: CardId,
    pub prompt: String,
    /// The answer as the student wrote it in their latest claim of it.
    pub answer: String,
    pub ruling: Ruling,
    /// Unix milliseconds.
    pub decided_at_ms: i64,
    /// When the card is due for the student now: a rejection made it due on the day it was
    /// taken. `None` if the student has no progress on it (it cannot happen after a claim).
    pub due_day: Option<StudyDay>,
}

impl ClaimNotice {
    /// The card is due on `today` or earlier.
    pub fn due_by(&self, today: StudyDay) -> bool {
        self.due_day.is_some_and(|due| due <= today)
    }
}

/// The columns of a notice, from a ruling (`ruling`) on a claim of its student's, with the
/// claim's text as `claimed` (NULL: not a claim of theirs).
const NOTICE: &str = "SELECT ruling.card_id, sets.slug, sets.title, c.slug, c.prompt,
         ruling.decision, ruling.decided_at, s.due_day,
         (SELECT coalesce(r.answer, '') FROM reviews AS r WHERE r.card_id = ruling.card_id
             AND r.normalized_answer = ruling.normalized_answer
             AND r.user_id = ruling.user_id AND r.overridden = 1
          ORDER BY r.reviewed_at DESC LIMIT 1) AS claimed
     FROM claim_rulings AS ruling JOIN cards AS c ON c.id = ruling.card_id
         JOIN sets ON sets.id = c.set_id
         LEFT JOIN card_states AS s ON s.user_id = ruling.user_id AND s.card_id = ruling.card_id";

impl Store {
    /// The rulings on `user`'s claims taken in the [`NOTICE_DAYS`] days before `now_ms`, on
    /// cards they have not answered since, the latest first (at most ten).
    pub fn claim_notices(&self, user: UserId, now_ms: i64) -> Result<Vec<ClaimNotice>, StoreError> {
        let sql = format!(
            "{NOTICE} WHERE ruling.user_id = :user AND ruling.decided_at >= :since
                 AND claimed IS NOT NULL
                 AND (s.last_reviewed_at IS NULL OR s.last_reviewed_at <= ruling.decided_at)
             ORDER BY ruling.decided_at DESC, ruling.card_id LIMIT :limit"
        );
        self.read(|connection| {
            let mut statement = connection.prepare_cached(&sql)?;
            let params = named_params! {":user": user, ":since": since(now_ms),
            ":limit": NOTICES_SHOWN};
            let rows = statement.query_map(params, notice)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// The ruling on `user`'s claim on `card` to tell on the verdict of their first answer to
    /// the card since: the latest ruling on a claim of theirs on it taken in the
    /// [`NOTICE_DAYS`] days before `now_ms`, if they answered the card at most once since.
    /// Called after that answer is recorded (or before, when nothing is recorded yet); a
    /// later answer no longer repeats it.
    pub fn claim_notice(
        &self,
        user: UserId,
        card: CardRow,
        now_ms: i64,
    ) -> Result<Option<ClaimNotice>, StoreError> {
        let sql = format!(
            "{NOTICE} WHERE ruling.user_id = :user AND ruling.card_id = :card
                 AND ruling.decided_at >= :since AND claimed IS NOT NULL
             ORDER BY ruling.decided_at DESC LIMIT 1"
        );
        self.read(|connection| {
            let params = named_params! {":user": user, ":card": card, ":since": since(now_ms)};
            let found = connection
                .prepare_cached(&sql)?
                .query_row(params, notice)
                .optional()?;
            match found {
                Some(found) if answers_since(connection, user, card, found.decided_at_ms)? <= 1 => {
                    Ok(Some(found))
                }
                _ => Ok(None),
            }
        })
    }
}

fn since(now_ms: i64) -> i64 {
    now_ms - NOTICE_DAYS * DAY_MS
}

fn notice(row: &Row<'_>) -> rusqlite::Result<ClaimNotice> {
    let ruling: String = row.get(5)?;
    Ok(ClaimNotice {
        card_row: row.get(0)?,
        set: row.get(1)?,
        set_title: row.get(2)?,
        card: row.get(3)?,
        prompt: row.get(4)?,
        ruling: match ruling.as_str() {
            "accepted" => Ruling::Accepted,
            _ => Ruling::Rejected,
        },
        decided_at_ms: row.get(6)?,
        due_day: row.get(7)?,
        answer: row.get(8)?,
    })
}

/// How many times `user` answered `card` after `at_ms`. The study days from two days before
/// bound the range of the user's reviews read: a study day never starts more than a day away
/// from the UTC date, whatever the time zone and the hour the day starts at.
fn answers_since(
    connection: &Connection,
    user: UserId,
    card: CardRow,
    at_ms: i64,
) -> Result<u32, StoreError> {
    let from = Timestamp::from_millisecond(at_ms - 2 * DAY_MS)
        .map(|at| StudyDay::from_date(at.to_zoned(TimeZone::UTC).date()))
        .map_err(|error| StoreError::Corrupt(format!("a ruling's time {at_ms}: {error}")))?;
    Ok(connection
        .prepare_cached(
            "SELECT count(*) FROM reviews
             WHERE user_id = ?1 AND study_day >= ?2 AND card_id = ?3 AND reviewed_at > ?4",
        )?
        .query_row((user, from, card, at_ms), |row| row.get(0))?)
}
