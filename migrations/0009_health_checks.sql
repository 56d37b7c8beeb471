-- 0010: the row /healthz writes. A write check that commits nothing passes on a full disk, a
-- read-only file or a deleted database; rewriting this one row makes SQLite append to the WAL
-- and commit, as a real answer would. One row only (id = 1), so the table never grows.
CREATE TABLE health_checks (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at INTEGER NOT NULL
) STRICT;
