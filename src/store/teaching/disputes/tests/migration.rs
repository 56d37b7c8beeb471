//! Migration 0007: the decisions of 0002 (one per card and answer, for everyone) become a
//! ruling for each student they counted.

use rusqlite::Connection;

use crate::store::migrate::migrations;

/// The schema version that brings `claim_rulings`, found by migrating an empty database.
fn version_adding_rulings() -> usize {
    let migrations = migrations();
    let mut connection = Connection::open_in_memory().unwrap();
    for version in 1..=crate::store::SCHEMA_VERSION {
        migrations.to_version(&mut connection, version).unwrap();
        let tables: i64 = connection
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = 'claim_rulings'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        if tables == 1 {
            return version;
        }
    }
    panic!("no migration adds claim_rulings");
}

/// A database of the version before: users 1 (the admin) to 5; card 1 with "koba" accepted
/// (claimed by 2, given unclaimed by 3, given by 4 once the card took it, so marked correct)
/// and "mao" rejected (claimed by 2 and 5, given unclaimed by 3); card 2 with an undecided
/// claim by 4.
const BEFORE: &str = "
    INSERT INTO users (id, username, password_hash, role) VALUES
        (1, 'root', 'x', 'admin'), (2, 'sue', 'x', 'student'), (3, 'sam', 'x', 'student'),
        (4, 'ivy', 'x', 'student'), (5, 'lee', 'x', 'student');
    INSERT INTO sets (id, slug, title) VALUES (1, 'history', 'History');
    INSERT INTO cards (id, set_id, slug, position, kind, prompt, body) VALUES
        (1, 1, 'who', 0, 'text', 'Who?', '{}'), (2, 1, 'where', 1, 'text', 'Where?', '{}');
    INSERT INTO reviews (user_id, card_id, set_id, reviewed_at, study_day, answer, verdict,
        normalized_answer, quality, scheduled, repetitions_after, easiness_after,
        interval_after, due_day_after, overridden, review_token) VALUES
        (2, 1, 1, 1, '2026-03-01', 'Koba', 'wrong', 'koba', 3, 1, 1, 250, 1, '2026-03-02', 1, 't1'),
        (3, 1, 1, 2, '2026-03-01', 'koba', 'wrong', 'koba', 1, 1, 0, 230, 1, '2026-03-02', 0, 't2'),
        (4, 1, 1, 3, '2026-03-02', 'Koba', 'correct', 'koba', 4, 1, 1, 250, 1, '2026-03-03', 0, 't3'),
        (2, 1, 1, 4, '2026-03-01', 'Mao', 'wrong', 'mao', 3, 0, 1, 250, 1, '2026-03-02', 1, 't4'),
        (5, 1, 1, 5, '2026-03-01', 'Mao', 'wrong', 'mao', 3, 1, 1, 250, 1, '2026-03-02', 1, 't5'),
        (3, 1, 1, 6, '2026-03-01', 'Mao', 'wrong', 'mao', 1, 0, 0, 230, 1, '2026-03-02', 0, 't6'),
        (4, 2, 1, 7, '2026-03-01', 'Rome', 'wrong', 'rome', 3, 1, 1, 250, 1, '2026-03-02', 1, 't7');
    INSERT INTO claim_decisions (card_id, normalized_answer, decision, decided_by, decided_at)
        VALUES (1, 'koba', 'accepted', 1, 100), (1, 'mao', 'rejected', 1, 200);";

#[test]
fn each_decision_becomes_a_ruling_for_each_student_it_counted() {
    let rulings = version_adding_rulings();
    let migrations = migrations();
    let mut connection = Connection::open_in_memory().unwrap();
    migrations.to_version(&mut connection, rulings - 1).unwrap();
    connection.execute_batch(BEFORE).unwrap();
    migrations.to_version(&mut connection, rulings).unwrap();

    let mut statement = connection
        .prepare(
            "SELECT printf('user %d, card %d: %s %s, for everyone %d, by %d at %d, added %s',
                 user_id, card_id, normalized_answer, decision, for_everyone, decided_by,
                 decided_at, coalesce(added_answer, 'nothing'))
             FROM claim_rulings ORDER BY card_id, normalized_answer, user_id",
        )
        .unwrap();
    let found: Vec<String> = statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        found,
        [
            "user 2, card 1: koba accepted, for everyone 1, by 1 at 100, added nothing",
            "user 3, card 1: koba accepted, for everyone 1, by 1 at 100, added nothing",
            "user 2, card 1: mao rejected, for everyone 1, by 1 at 200, added nothing",
            "user 5, card 1: mao rejected, for everyone 1, by 1 at 200, added nothing",
        ],
        "ivy's right answer needs no ruling, sam's unclaimed miss stays a miss, and the \
         claim on card 2 is still pending"
    );
    let old: i64 = connection
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name IN ('claim_decisions', 'reviews_overridden')",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(old, 0, "the old table and index are gone");
}
