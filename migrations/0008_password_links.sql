-- 0008: one-time links to set a password, for accounts the admin adds on /admin, so that the
-- admin never chooses or sees anyone's password. Like a session, a link is found by the
-- SHA-256 of its token: a copy of the database hands out no working link. A user has at most
-- one; setting the password deletes it, and so does deleting the user.
CREATE TABLE password_links (
    token_sha256 TEXT    PRIMARY KEY,
    user_id      INTEGER NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    expires_at   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
