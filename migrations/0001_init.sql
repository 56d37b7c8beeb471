-- 0001: the first schema. Append-only: once landed, change the schema in a new file.
--
-- Conventions: every table is STRICT; instants are unix milliseconds (INTEGER); study days are
-- 'YYYY-MM-DD' TEXT, which sorts in date order; flags are INTEGER 0/1.

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    -- NOCASE makes "Alice" and "alice" one name; usernames are ASCII, which NOCASE folds fully.
    username        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    password_hash   TEXT    NOT NULL,
    role            TEXT    NOT NULL DEFAULT 'student'
                            CHECK (role IN ('admin', 'instructor', 'student')),
    daily_new_limit INTEGER NOT NULL DEFAULT 20 CHECK (daily_new_limit >= 0),
    created_at      INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER))
) STRICT;

-- A session is found by the SHA-256 of its token: a copy of the database hands out no live session.
CREATE TABLE sessions (
    token_hash BLOB    PRIMARY KEY CHECK (length(token_hash) = 32),
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT    NOT NULL,
    created_at INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)),
    expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE sets (
    id          INTEGER PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE,
    title       TEXT    NOT NULL,
    description TEXT,
    source      TEXT,
    -- The text of the file last imported, so the set can be shown or exported as written.
    file_text   TEXT    NOT NULL,
    created_at  INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)),
    updated_at  INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER))
) STRICT;

-- Cards are never deleted: a card gone from its file is retired, so its history stays and it
-- comes back with that history if the file brings it back.
CREATE TABLE cards (
    id       INTEGER PRIMARY KEY,
    set_id   INTEGER NOT NULL REFERENCES sets (id),
    slug     TEXT    NOT NULL,
    position INTEGER NOT NULL,
    kind     TEXT    NOT NULL,
    prompt   TEXT    NOT NULL,
    -- The whole card as JSON (serde of questions::Card); kind and prompt are copies for queries.
    body     TEXT    NOT NULL,
    retired  INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    UNIQUE (set_id, slug)
) STRICT;

-- New cards are served in file order.
CREATE INDEX cards_in_order ON cards (set_id, retired, position);

CREATE TABLE card_tags (
    card_id INTEGER NOT NULL REFERENCES cards (id),
    tag     TEXT    NOT NULL,
    PRIMARY KEY (card_id, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX card_tags_by_tag ON card_tags (tag, card_id);

-- One student's SM-2 progress on one card (scheduler::Progress). set_id repeats the card's set
-- so that "what is due in this set" is one index range.
CREATE TABLE card_states (
    user_id             INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    card_id             INTEGER NOT NULL REFERENCES cards (id),
    set_id              INTEGER NOT NULL REFERENCES sets (id),
    repetitions         INTEGER NOT NULL CHECK (repetitions >= 0),
    easiness_hundredths INTEGER NOT NULL CHECK (easiness_hundredths >= 130),
    interval_days       INTEGER NOT NULL CHECK (interval_days >= 0),
    lapses              INTEGER NOT NULL CHECK (lapses >= 0),
    due_day             TEXT    NOT NULL,
    last_review_day     TEXT    NOT NULL,
    -- When the last review happened: same-day relearning serves the longest-waiting card first.
    last_reviewed_at    INTEGER NOT NULL,
    relearning          INTEGER NOT NULL CHECK (relearning IN (0, 1)),
    -- The day of the first review: counts against the daily limit of new cards.
    introduced_day      TEXT    NOT NULL,
    PRIMARY KEY (user_id, card_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX card_states_due ON card_states (user_id, set_id, due_day);
CREATE INDEX card_states_relearning ON card_states (user_id, set_id, last_review_day)
    WHERE relearning = 1;
CREATE INDEX card_states_introduced ON card_states (user_id, introduced_day);

-- Every review ever given, append-only. The state columns are the SM-2 state before and after
-- (before is NULL on a card's first review), so any schedule can be audited or replayed.
CREATE TABLE reviews (
    id                  INTEGER PRIMARY KEY,
    user_id             INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    card_id             INTEGER NOT NULL REFERENCES cards (id),
    set_id              INTEGER NOT NULL REFERENCES sets (id),
    reviewed_at         INTEGER NOT NULL,
    study_day           TEXT    NOT NULL,
    -- What the student gave, as text or JSON; NULL for a recall card.
    answer              TEXT,
    verdict             TEXT    NOT NULL
                                CHECK (verdict IN ('correct', 'almost', 'wrong', 'self-graded')),
    normalized_answer   TEXT    NOT NULL,
    quality             INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 5),
    -- 1: the first review of the card that study day, which moved the SM-2 state;
    -- 0: a same-day repeat, which changed nothing but the relearning flag.
    scheduled           INTEGER NOT NULL CHECK (scheduled IN (0, 1)),
    repetitions_before  INTEGER,
    easiness_before     INTEGER,
    interval_before     INTEGER,
    repetitions_after   INTEGER NOT NULL,
    easiness_after      INTEGER NOT NULL,
    interval_after      INTEGER NOT NULL,
    due_day_after       TEXT    NOT NULL,
    duration_ms         INTEGER CHECK (duration_ms >= 0),
    -- The student claimed "I was right" over the checker's verdict.
    overridden          INTEGER NOT NULL DEFAULT 0 CHECK (overridden IN (0, 1)),
    -- One per answer form: a resubmitted form is refused instead of counted twice.
    review_token        TEXT    NOT NULL UNIQUE
) STRICT;

CREATE INDEX reviews_by_user_day ON reviews (user_id, study_day);
CREATE INDEX reviews_by_card ON reviews (card_id);

CREATE TRIGGER reviews_are_append_only BEFORE UPDATE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;
