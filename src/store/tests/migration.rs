//! A populated database, written under the first schema, migrated from every earlier version
//! to the latest by [`migrate`] (what [`crate::store::Store::open`] runs): its users, sets and
//! their files, cards, tags, card states and reviews are all kept, and the triggers that later
//! versions add hold on the rows that were there before them.

use std::path::Path;

use rusqlite::Connection;

use crate::store::migrate::{SCHEMA_VERSION, migrate, migrations};

/// Two users, a set of three cards (one retired) with tags, a card state and two reviews
/// (the second a claim), as version 1 stored them.
const VERSION_1_ROWS: &str = "
    INSERT INTO users (id, username, password_hash, role) VALUES
        (1, 'ada', '$argon2id$a', 'student'), (2, 'root', '$argon2id$r', 'admin');
    INSERT INTO sets (id, slug, title, file_text) VALUES (7, 'history', 'History', 'the file');
    INSERT INTO cards (id, set_id, slug, position, kind, prompt, body, retired) VALUES
        (10, 7, 'a', 0, 'text', 'A?', '{}', 0),
        (11, 7, 'b', 1, 'text', 'B?', '{}', 1),
        (12, 7, 'c', 2, 'text', 'C?', '{}', 0);
    INSERT INTO card_tags (card_id, tag) VALUES (10, 'war'), (12, 'war'), (12, 'peace');
    INSERT INTO card_states (user_id, card_id, set_id, repetitions, easiness_hundredths,
        interval_days, lapses, due_day, last_review_day, last_reviewed_at, relearning,
        introduced_day)
        VALUES (1, 10, 7, 1, 250, 1, 0, '2025-03-02', '2025-03-01', 1000, 0, '2025-03-01');
    INSERT INTO reviews (id, user_id, card_id, set_id, reviewed_at, study_day, answer, verdict,
        normalized_answer, quality, scheduled, repetitions_after, easiness_after,
        interval_after, due_day_after, overridden, review_token) VALUES
        (1, 1, 10, 7, 1000, '2025-03-01', 'Berlin', 'correct', 'berlin', 4, 1, 1, 250, 1,
         '2025-03-02', 0, 't1'),
        (2, 1, 12, 7, 2000, '2025-03-01', 'Vienna', 'wrong', 'vienna', 1, 1, 0, 250, 1,
         '2025-03-02', 1, 't2');";

/// A database at `version`, with the rows of version 1 in it.
fn populated_at(version: usize) -> Connection {
    let migrations = migrations();
    let mut connection = Connection::open_in_memory().unwrap();
    connection
        .pragma_update(None, "foreign_keys", true)
        .unwrap();
    migrations.to_version(&mut connection, 1).unwrap();
    connection.execute_batch(VERSION_1_ROWS).unwrap();
    migrations.to_version(&mut connection, version).unwrap();
    connection
}

fn number(connection: &Connection, sql: &str) -> i64 {
    connection
        .query_row(sql, [], |row| row.get(0))
        .unwrap_or_else(|error| panic!("{sql}: {error}"))
}

#[test]
fn a_populated_database_migrates_from_every_earlier_version_and_keeps_its_rows() {
    for version in 1..SCHEMA_VERSION {
        let mut connection = populated_at(version);
        migrate(&mut connection, Path::new(":memory:")).unwrap();
        let from = format!("from version {version}");
        let counts = [
            ("SELECT count(*) FROM users", 2),
            ("SELECT count(*) FROM cards", 3),
            ("SELECT count(*) FROM card_tags", 3),
            (
                "SELECT count(*) FROM card_states WHERE due_day = '2025-03-02'",
                1,
            ),
            ("SELECT count(*) FROM reviews", 2),
            ("SELECT count(*) FROM reviews WHERE overridden = 1", 1),
            // The claim is pending: no ruling was ever taken on it.
            ("SELECT count(*) FROM claim_rulings", 0),
            ("SELECT live_cards FROM sets WHERE slug = 'history'", 2),
            (
                "SELECT count(*) FROM sets WHERE visibility = 'open' AND owner_id IS NULL",
                1,
            ),
            (
                "SELECT count(*) FROM server_secrets WHERE name = 'review_token_key'",
                1,
            ),
        ];
        for (sql, expected) in counts {
            assert_eq!(number(&connection, sql), expected, "{from}: {sql}");
        }
        let text: String = connection
            .query_row(
                "SELECT file_text FROM set_files WHERE set_id = 7",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(text, "the file", "{from}");

        // The live-card triggers of 0004 count the cards that were there before them.
        connection
            .execute_batch(
                "UPDATE cards SET retired = 1 WHERE id = 10;
                            UPDATE cards SET retired = 0 WHERE id = 11;
                            UPDATE cards SET retired = 1 WHERE id = 12;",
            )
            .unwrap();
        let live = number(&connection, "SELECT live_cards FROM sets WHERE id = 7");
        assert_eq!(live, 1, "{from}: the triggers keep the count on old rows");
        // 0006: an old review keeps its answer, and only its grade may change.
        let changed = connection.execute("UPDATE reviews SET answer = 'Bonn' WHERE id = 1", []);
        assert!(changed.is_err(), "{from}: an old review's answer changed");
        connection
            .execute("UPDATE reviews SET quality = 5 WHERE id = 1", [])
            .unwrap();
        // The indexes are all there, and the database is sound.
        let check: String = connection
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .unwrap();
        assert_eq!(check, "ok", "{from}");
        let foreign: i64 = number(&connection, "SELECT count(*) FROM pragma_foreign_key_check");
        assert_eq!(foreign, 0, "{from}");
    }
}

#[test]
fn a_migrated_database_has_the_same_indexes_and_triggers_as_a_new_one() {
    let schema = |connection: &Connection| -> Vec<(String, String, String)> {
        connection
            .prepare(
                "SELECT type, name, sql FROM sqlite_schema
                 WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name",
            )
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let mut new = Connection::open_in_memory().unwrap();
    migrate(&mut new, Path::new(":memory:")).unwrap();
    for version in 1..SCHEMA_VERSION {
        let mut old = populated_at(version);
        migrate(&mut old, Path::new(":memory:")).unwrap();
        assert_eq!(schema(&old), schema(&new), "from version {version}");
    }
}
