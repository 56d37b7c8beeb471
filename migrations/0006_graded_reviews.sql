-- 0006: the check is the attempt; the grade may follow.
--
-- A review is recorded when the student's answer is checked, with the verdict's default grade;
-- the grade buttons on the verdict page then set that same review's quality (the student's
-- latest review of the card, on that study day). To run SM-2 again from where the card stood,
-- a review now keeps the whole state before it: the three SM-2 columns it kept already, plus
-- the lapses, the due day, the last review's day and the relearning flag. Rows recorded before
-- this migration have them NULL and are never regraded.
ALTER TABLE reviews ADD COLUMN lapses_before INTEGER;
ALTER TABLE reviews ADD COLUMN due_day_before TEXT;
ALTER TABLE reviews ADD COLUMN last_review_day_before TEXT;
ALTER TABLE reviews ADD COLUMN relearning_before INTEGER CHECK (relearning_before IN (0, 1));

-- What the student gave, when, to which card, and where the card stood stay as recorded; only
-- the grade and what it scheduled may change ("I was right" is a grade too).
DROP TRIGGER reviews_are_append_only;
CREATE TRIGGER reviews_keep_their_answer
BEFORE UPDATE OF id, user_id, card_id, set_id, reviewed_at, study_day, answer, verdict,
    normalized_answer, scheduled, repetitions_before, easiness_before, interval_before,
    lapses_before, due_day_before, last_review_day_before, relearning_before, duration_ms,
    review_token
ON reviews
BEGIN
    SELECT RAISE(ABORT, 'a review keeps its answer: only its grade may change');
END;

-- A review is found by its token (the verdict page, a re-check) only together with its student.
-- The review token's own UNIQUE index already finds it; this one serves "is it the student's
-- latest review of the card", the condition for changing a grade.
CREATE INDEX reviews_by_user_card ON reviews (user_id, card_id, id);

-- Secrets the server keeps, e.g. the key review tokens are signed with. Made once, here, from
-- SQLite's randomness (ChaCha20 seeded by the operating system).
CREATE TABLE server_secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL CHECK (length(value) >= 32)
) STRICT, WITHOUT ROWID;

INSERT INTO server_secrets (name, value) VALUES ('review_token_key', randomblob(32));
