//! `studyhall draft`, run as a real process: a reading in, a set file out that `check` accepts,
//! to standard output or a file; clear errors for what cannot be drafted.

#[path = "common/process.rs"]
mod process;

use process::{stderr, stdout, studyhall};

const READING: &str = "# The Berlin airlift\n\n\
    1. On 24 June 1948, Soviet forces cut the last rail and road links into West Berlin. \
    General Lucius Clay ordered the first flights two days later.\n\n\
    2. Ernest Bevin backed the airlift because he feared that Berlin would fall. \
    Bevin wanted to show that the West would stay. The Soviets lifted the blockade on \
    12 May 1949.\n";

#[test]
fn a_reading_is_drafted_into_a_set_file_that_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let reading = dir.path().join("berlin-airlift.md");
    std::fs::write(&reading, READING).unwrap();
    let output = studyhall(&["draft", reading.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let file = stdout(&output);
    assert!(file.contains("id = \"berlin-airlift\""), "{file}");
    assert!(file.contains("title = \"The Berlin airlift\""), "{file}");
    assert!(file.contains("answer = \"1948-06-24\""), "{file}");
    assert!(file.contains("answer = \"1949-05-12\""), "{file}");
    assert!(file.contains("source = \"paragraph 2\""), "{file}");
    assert!(
        file.contains(
            "# From: Ernest Bevin backed the airlift because he feared that Berlin would fall."
        ),
        "{file}"
    );
    assert!(
        stderr(&output).starts_with("drafted "),
        "{}",
        stderr(&output)
    );

    let written = dir.path().join("drafts.toml");
    let output = studyhall(&[
        "draft",
        reading.to_str().unwrap(),
        "--set",
        "airlift",
        "--title",
        "Airlift",
        "-o",
        written.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "", "the set goes to the file");
    let checked = studyhall(&["check", written.to_str().unwrap()]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert!(
        stdout(&checked).contains("set airlift with"),
        "{}",
        stdout(&checked)
    );
}

#[test]
fn a_missing_file_text_that_is_not_utf8_or_with_nothing_to_draft_exit_1_saying_why() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    let output = studyhall(&["draft", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("cannot read"),
        "{}",
        stderr(&output)
    );

    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 society.\n").unwrap();
    let output = studyhall(&["draft", latin1.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(":1:4: the file is not UTF-8"),
        "{}",
        stderr(&output)
    );

    let plain = dir.path().join("plain.txt");
    std::fs::write(&plain, "nothing happened here at all.\n").unwrap();
    let output = studyhall(&["draft", plain.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("found nothing to draft"),
        "{}",
        stderr(&output)
    );
}

/// Readings of our own on different topics (tests/fixtures/draft): each drafts a file `check`
/// accepts, with its people, the reasons it states and no common noun as an actor.
#[test]
fn readings_of_different_topics_draft_their_people_and_reasons_into_files_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/draft");
    for (name, expected) in [
        (
            "berlin-airlift.txt",
            &[
                "prompt = \"What did the key to the western response lie in?\"",
                "answer = \"what the text says just before: Harry Truman was very concerned",
            ][..],
        ),
        (
            "brumaire.txt",
            &[
                "prompt = \"Why did Bonaparte always make decisions?\"",
                "answer = \"fear of the Paris crowds\"",
            ],
        ),
        (
            "cuban-missiles.txt",
            &[
                "answer = \"the danger of a nuclear war\"",
                "prompt = \"Why did Khrushchev back down?\"",
            ],
        ),
        // Titled names, a body's whole name, a clause joined with ", and" asked on its own.
        (
            "suez.txt",
            &[
                "prompt = \"Who announced the nationalisation of the Suez Canal Company?\"\n\
                 answer = \"President Gamal Abdel Nasser\"\n\
                 accept = [\"Gamal Abdel Nasser\", \"Nasser\", \"President Nasser\"]",
                "answer = \"President Dwight Eisenhower\"\n\
                 accept = [\"Dwight Eisenhower\", \"Eisenhower\", \"President Eisenhower\"]",
                "prompt = \"Who threatened to sell its holdings of sterling?\"\n\
                 answer = \"The United States\"\naccept = [\"United States\"]",
                "answer = \"Chancellor Harold Macmillan\"",
                "prompt = \"Who cleared the ships that Egypt had sunk to block it?\"",
                "prompt = \"Who regarded Nasser as a new Mussolini?\"",
                "prompt = \"When did the United States withdraw its offer of funding?\"",
                // Two names acting together.
                "answer = \"Britain and France\"\naccept = [\"France and Britain\"]",
                "prompt = \"When did Britain and France land paratroopers at Port Said?\"\n\
                 answer = \"1956-11-05\"",
            ],
        ),
        // Described names, a time of day before a date, "they" that is no person.
        (
            "berlin-wall.txt",
            &[
                "prompt = \"Who visited East Berlin for the fortieth anniversary of the state?\"\n\
                 answer = \"Mikhail Gorbachev\"",
                "prompt = \"Who refused any reform?\"\nanswer = \"Erich Honecker\"",
                "prompt = \"Who announced new travel rules at a press conference?\"\n\
                 answer = \"Günter Schabowski\"",
                "answer = \"1989-11-09\"",
                "answer = \"Chancellor Helmut Kohl\"",
            ],
        ),
        (
            "october.txt",
            &[
                "prompt = \"Who abdicated?\"\nanswer = \"Tsar Nicholas II\"",
                "prompt = \"When was it that the offensive ordered by Alexander Kerensky collapsed?\"",
                "prompt = \"Who signed the Treaty of Brest-Litovsk?\"",
                "prompt = \"When was it that the Red Guards seized the bridges and the Winter Palace?\"",
                "answer = \"General Lavr Kornilov\"",
            ],
        ),
        // An opening clause dates its own event; "von"; a compound tense.
        (
            "depression.txt",
            &[
                "prompt = \"When did Hindenburg die?\"\nanswer = \"1934-08\"",
                "answer = \"President Paul von Hindenburg\"\n\
                 accept = [\"Paul von Hindenburg\", \"Hindenburg\", \"President Hindenburg\"]",
                "answer = \"Franz von Papen\"",
                "prompt = \"When was it that the Nazis had banned every other party?\"",
                "prompt = \"Which date fills the gap? The Wall Street Crash of ____ ended",
            ],
        ),
        // A time phrase before a date, a name's suffix, "he" named from the sentence before.
        (
            "montgomery.txt",
            &[
                "prompt = \"When did local leaders found the Montgomery Improvement Association?\"\n\
                 answer = \"1955-12-05\"",
                "prompt = \"Why did local leaders choose Martin Luther King Jr. as their president?\"",
                "prompt = \"Who, with other ministers, formed the Southern Christian Leadership \
                 Conference?\"\nanswer = \"Martin Luther King Jr.\"\n\
                 accept = [\"Martin Luther King\", \"King\"]",
                "prompt = \"Why did King and other ministers form the Southern Christian \
                 Leadership Conference?\"\nanswer = \"to coordinate protests across the South\"",
                "prompt = \"When did King and other ministers form the Southern Christian \
                 Leadership Conference?\"\nanswer = \"1957-01\"",
            ],
        ),
        // US dates, initials in names, a given name two people share, years of a range.
        (
            "civil-war.txt",
            &[
                "answer = \"1861-04-12\"",
                "prompt = \"Which date fills the gap? The war lasted from 1861 to ____.\"",
                "prompt = \"Who invaded Maryland?\"\nanswer = \"General Robert E. Lee\"\n\
                 accept = [\"Robert E. Lee\", \"Lee\", \"General Lee\"]",
                "prompt = \"When was it that General Robert E. Lee invaded Maryland?\"\n\
                 answer = \"1862\"",
                "answer = \"Major Robert Anderson\"\n\
                 accept = [\"Robert Anderson\", \"Anderson\", \"Major Anderson\"]",
                "prompt = \"Who issued the preliminary Emancipation Proclamation?\"\n\
                 answer = \"President Abraham Lincoln\"",
                "prompt = \"When did Ulysses S. Grant take command of all Union armies?\"",
            ],
        ),
        // "Dr.", acronyms, two people acting together, a date in a relative clause.
        (
            "nasa.txt",
            &[
                "prompt = \"Who joined NASA?\"\nanswer = \"Dr. Wernher von Braun\"",
                "prompt = \"When did President John F. Kennedy ask Congress to land a man on the \
                 Moon?\"\nanswer = \"1961-05-25\"",
                "answer = \"Neil Armstrong and Buzz Aldrin\"",
                "prompt = \"Which date fills the gap? The UN later adopted the Outer Space Treaty, \
                 which the United States had signed in ____.\"",
                "answer = \"1972\"",
            ],
        ),
        // Ranges of years, "Du Bois", a number after a capitalised first word.
        (
            "twenties.txt",
            &[
                "prompt = \"Who sold more than 15 million Model T cars?\"",
                "answer = \"1932\"",
                "answer = \"W. E. B. Du Bois\"\naccept = [\"Du Bois\"]",
                "answer = 2.5",
                "prompt = \"Why did Franklin D. Roosevelt create the Soil Conservation Service?\"",
            ],
        ),
        // A season, "Sir", "That evening,", "Two weeks after that,", two names together.
        (
            "united-nations.txt",
            &[
                "prompt = \"When did representatives of 50 countries meet in San Francisco?\"\n\
                 answer = \"1945\"",
                "answer = \"Sir Alexander Cadogan\"",
                "prompt = \"Why did the delegates agree on the Security Council?\"",
                "answer = \"Franklin Roosevelt and Winston Churchill\"",
                // Two Roosevelts: "Roosevelt" alone is neither.
                "answer = \"Eleanor Roosevelt\"\ntags",
                "prompt = \"When did Trygve Lie become the first Secretary-General?\"\n\
                 answer = \"1946-02-01\"",
            ],
        ),
    ] {
        let written = dir.path().join(name.replace(".txt", ".toml"));
        let output = studyhall(&[
            "draft",
            &format!("{fixtures}/{name}"),
            "-o",
            written.to_str().unwrap(),
        ]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        let file = std::fs::read_to_string(&written).unwrap();
        for line in expected {
            assert!(file.contains(line), "{name}: {line} in\n{file}");
        }
        // A bare title or one word of a country's name is no accepted answer.
        for bad in [
            "\"President\"]",
            "\"United\"",
            "\"States\"",
            "\"von\"",
            "\"Jr\"",
            "\"Bois\"",
            "\"Robert\"",
            "\"Proclamation\"",
        ] {
            assert!(!file.contains(bad), "{name}: {bad} in\n{file}");
        }
        for common_noun in ["Crowds", "Soldiers", "Analysts", "Ships"] {
            assert!(
                !file.contains(&format!("answer = \"{common_noun}\"")),
                "{name}: {common_noun} as an actor in\n{file}"
            );
        }
        let checked = studyhall(&["check", written.to_str().unwrap()]);
        assert!(checked.status.success(), "{name}: {}", stderr(&checked));
    }
}
