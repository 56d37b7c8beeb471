-- 0002: instructors and classes. Sets get an owner and a visibility; classes have members and
-- assigned sets; "I was right" claims get resolutions; instance settings and an audit log.

-- NULL owner: a set loaded by the server itself (questions/ or `studyhall import`), run by the admin.
ALTER TABLE sets ADD COLUMN owner_id INTEGER REFERENCES users (id) ON DELETE SET NULL;
-- open: every signed-in user may study it; restricted: only members of the classes it is assigned to.
ALTER TABLE sets ADD COLUMN visibility TEXT NOT NULL DEFAULT 'open'
    CHECK (visibility IN ('open', 'restricted'));

CREATE TABLE classes (
    id          INTEGER PRIMARY KEY,
    owner_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    -- Short, without look-alike characters; unique across live and archived classes.
    join_code   TEXT    NOT NULL UNIQUE,
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER))
) STRICT;

CREATE INDEX classes_by_owner ON classes (owner_id);

CREATE TABLE class_members (
    class_id  INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    joined_at INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)),
    PRIMARY KEY (class_id, user_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX class_members_by_user ON class_members (user_id, class_id);

-- A set assigned to a class, with the class's own daily new-card limit and exam day (optional).
CREATE TABLE class_sets (
    class_id        INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    set_id          INTEGER NOT NULL REFERENCES sets (id) ON DELETE CASCADE,
    daily_new_limit INTEGER CHECK (daily_new_limit >= 0),
    exam_day        TEXT,
    PRIMARY KEY (class_id, set_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX class_sets_by_set ON class_sets (set_id, class_id);

-- An instructor's decision on "I was right" claims: one per card and normalised answer.
-- accepted: the answer joined the card's accepted answers and the claims count as right;
-- rejected: the claims were turned back into lapses.
CREATE TABLE claim_decisions (
    card_id           INTEGER NOT NULL REFERENCES cards (id),
    normalized_answer TEXT    NOT NULL,
    decision          TEXT    NOT NULL CHECK (decision IN ('accepted', 'rejected')),
    decided_by        INTEGER REFERENCES users (id) ON DELETE SET NULL,
    decided_at        INTEGER NOT NULL,
    PRIMARY KEY (card_id, normalized_answer)
) STRICT, WITHOUT ROWID;

-- Instance-wide settings, e.g. registration = open | code | closed.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Who did what, for the instructors' and admin's decisions (claims, roles, deletions).
CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    actor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action   TEXT    NOT NULL,
    detail   TEXT    NOT NULL
) STRICT;

-- Claims are found by card for the disputes page.
CREATE INDEX reviews_overridden ON reviews (card_id, normalized_answer) WHERE overridden = 1;
-- Item analysis and class dashboards read a set's reviews.
CREATE INDEX reviews_by_set ON reviews (set_id, user_id);
