//! The checking rules as one table of cases: a card, what a student gave, the verdict and what
//! the student is told was let pass. Each rule of `questions/README.md` ("How answers are
//! checked") has rows here, with the essay set's names, places and dates.

use super::{checked, date_card, strings, text, text_card};
use crate::questions::CardKind;
use crate::questions::check::Verdict::{self, Almost, Correct, Unparsed, Wrong};

/// The card a row is checked against.
#[derive(Debug, Clone, Copy)]
enum Card {
    /// A text card: its answer and accepted answers.
    Text(&'static str, &'static [&'static str]),
    /// A date card, its answer in ISO.
    Date(&'static str),
    /// A choice card: its choices and answer.
    Choice(&'static [&'static str], &'static str),
}

impl Card {
    fn kind(self) -> CardKind {
        match self {
            Card::Text(answer, accept) => text_card(answer, accept),
            Card::Date(iso) => date_card(iso),
            Card::Choice(choices, answer) => CardKind::Choice {
                choices: strings(choices),
                answer: answer.to_string(),
                shuffle: true,
            },
        }
    }
}

use Card::{Choice, Date, Text};

const ACHESON: Card = Text("Dean Acheson", &["Acheson"]);
const TRUMAN: Card = Text("Harry S. Truman", &[]);
const MACARTHUR: Card = Text("Douglas MacArthur", &[]);
const KIM: Card = Text("Kim Il Sung", &["Kim Il-sung", "Kim"]);
const RHEE: Card = Text("Syngman Rhee", &[]);
const MAO: Card = Text("Mao Zedong", &["Mao"]);
const STALIN: Card = Text("Stalin", &["Joseph Stalin", "Iosif Stalin"]);
const ZHOU: Card = Text("Zhou Enlai", &["Zhou", "Chou En-lai"]);
const LUSHUN: Card = Text("Lüshun (Port Arthur)", &[]);
const CER: Card = Text("China Eastern Railway (CER)", &["Chinese Eastern Railway"]);
const PARALLEL: Card = Text("38th parallel", &["the 38th parallel"]);

/// (card, given, verdict, what the student is told was let pass).
const CASES: &[(Card, &str, Verdict, Option<&str>)] = &[
    // Exactly a listed form, in normal form: nothing to forgive.
    (ACHESON, "dean acheson", Correct, None),
    (ACHESON, "Acheson", Correct, None),
    (KIM, "KIM IL-SUNG", Correct, None),
    (KIM, "Kim", Correct, None),
    (STALIN, "Joseph Stalin", Correct, None),
    (PARALLEL, "The 38th Parallel.", Correct, None),
    // A title, rank or office in front is ignored: right.
    (
        ACHESON,
        "Secretary of State Dean Acheson",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        ACHESON,
        "Secretary Acheson",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        MACARTHUR,
        "Gen. Douglas MacArthur",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        MACARTHUR,
        "General Douglas MacArthur",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        MACARTHUR,
        "Field Marshal Douglas MacArthur",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        TRUMAN,
        "President Harry S. Truman",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        TRUMAN,
        "Mr. Harry S. Truman",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        KIM,
        "Premier Kim Il Sung",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (KIM, "Comrade Kim", Correct, Some("Accepted: title ignored")),
    (
        RHEE,
        "Dr. Syngman Rhee",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        RHEE,
        "President Syngman Rhee",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        MAO,
        "Chairman Mao",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        MAO,
        "Chairman Mao Zedong",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        STALIN,
        "Marshal Stalin",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        STALIN,
        "Generalissimo Joseph Stalin",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        ZHOU,
        "Premier Zhou Enlai",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        ZHOU,
        "Foreign Minister Zhou Enlai",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        ZHOU,
        "Prime Minister Zhou",
        Correct,
        Some("Accepted: title ignored"),
    ),
    // The set's own title may be left out when a name of two words is left.
    (
        Text("General Douglas MacArthur", &[]),
        "Douglas MacArthur",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (
        Text("General Douglas MacArthur", &[]),
        "Gen. Douglas MacArthur",
        Correct,
        Some("Accepted: title ignored"),
    ),
    (Text("Chairman Mao", &[]), "Mao", Wrong, None),
    // Only a title in front: an answer that is a title stays itself, and a lowercase answer
    // (not a name) takes no title.
    (Text("Prime Minister", &[]), "prime minister", Correct, None),
    (Text("Prime Minister", &[]), "Minister", Wrong, None),
    (
        Text("security buffer", &[]),
        "General security buffer",
        Wrong,
        None,
    ),
    (TRUMAN, "President Truman", Wrong, None),
    (MACARTHUR, "General MacArthur", Wrong, None),
    (
        Text("Douglas MacArthur", &["MacArthur"]),
        "General MacArthur",
        Correct,
        Some("Accepted: title ignored"),
    ),
    // Given names as initials, a middle initial added or left out: almost.
    (
        ACHESON,
        "D. Acheson",
        Almost,
        Some("Almost: given name written as an initial"),
    ),
    (
        ACHESON,
        "Dean G. Acheson",
        Almost,
        Some("Almost: middle initial added"),
    ),
    (
        ACHESON,
        "D. G. Acheson",
        Almost,
        Some("Almost: given name written as an initial, middle initial added"),
    ),
    (
        TRUMAN,
        "Harry Truman",
        Almost,
        Some("Almost: middle initial left out"),
    ),
    (
        TRUMAN,
        "H. S. Truman",
        Almost,
        Some("Almost: given name written as an initial"),
    ),
    (TRUMAN, "HS Truman", Wrong, None),
    (
        TRUMAN,
        "H. Truman",
        Almost,
        Some("Almost: given name written as an initial, middle initial left out"),
    ),
    (
        MACARTHUR,
        "D. MacArthur",
        Almost,
        Some("Almost: given name written as an initial"),
    ),
    (
        RHEE,
        "S. Rhee",
        Almost,
        Some("Almost: given name written as an initial"),
    ),
    (
        Text("Abraham Lincoln", &[]),
        "A. Lincoln",
        Almost,
        Some("Almost: given name written as an initial"),
    ),
    (
        TRUMAN,
        "Pres. H. S. Truman",
        Almost,
        Some("Almost: title ignored, given name written as an initial"),
    ),
    // The surname is never an initial, and an initial stands for a given name it starts.
    (ACHESON, "Dean A.", Wrong, None),
    (TRUMAN, "S. Truman", Wrong, None),
    (ACHESON, "R. Acheson", Wrong, None),
    // Surname first (or, for a name listed surname first, last): almost.
    (
        ACHESON,
        "Acheson, Dean",
        Almost,
        Some("Almost: name written surname first"),
    ),
    (
        ACHESON,
        "Acheson, D.",
        Almost,
        Some("Almost: name written surname first, given name written as an initial"),
    ),
    (
        RHEE,
        "Rhee Syngman",
        Almost,
        Some("Almost: name written surname first"),
    ),
    (
        TRUMAN,
        "Truman, Harry S.",
        Almost,
        Some("Almost: name written surname first"),
    ),
    (
        TRUMAN,
        "Truman, Harry",
        Almost,
        Some("Almost: name written surname first, middle initial left out"),
    ),
    (
        MAO,
        "Zedong Mao",
        Almost,
        Some("Almost: name written surname first"),
    ),
    (
        KIM,
        "Il Sung Kim",
        Almost,
        Some("Almost: name written surname last"),
    ),
    (
        ZHOU,
        "Enlai, Zhou",
        Almost,
        Some("Almost: name written surname first"),
    ),
    // Not a name (not capitalised): the order stays.
    (PARALLEL, "parallel 38th", Wrong, None),
    // A different person sharing a name part stays wrong.
    (KIM, "Kim Jong Il", Wrong, None),
    (KIM, "Kim Jong Un", Wrong, None),
    (KIM, "Kim Il", Wrong, None),
    (KIM, "Kim Sung", Wrong, None),
    (KIM, "General Kim Jong Il", Wrong, None),
    (ACHESON, "Dean Rusk", Wrong, None),
    (ACHESON, "Secretary of State Dean Rusk", Wrong, None),
    (MAO, "Mao Anying", Wrong, None),
    (MAO, "Chairman Mao Anying", Wrong, None),
    (MACARTHUR, "Arthur MacArthur", Wrong, None),
    (MACARTHUR, "MacArthur", Wrong, None),
    (TRUMAN, "Bess Truman", Wrong, None),
    (TRUMAN, "Harry S. Trump", Wrong, None),
    (STALIN, "Svetlana Stalin", Wrong, None),
    (STALIN, "Joseph Goebbels", Wrong, None),
    (RHEE, "Syngman Lee", Wrong, None),
    (ZHOU, "Zhou Xiaochuan", Wrong, None),
    (ZHOU, "Deng Xiaoping", Wrong, None),
    // Parentheses give alternatives, in the answer and in accept: either name, or both in
    // either order.
    (LUSHUN, "Lüshun", Correct, None),
    (LUSHUN, "Lushun", Correct, None),
    (LUSHUN, "Port Arthur", Correct, None),
    (LUSHUN, "Lüshun (Port Arthur)", Correct, None),
    (LUSHUN, "Port Arthur (Lüshun)", Correct, None),
    (LUSHUN, "Port Arthur / Lushun", Correct, None),
    (LUSHUN, "Port Artur", Almost, Some("Almost: one letter off")),
    (LUSHUN, "Arthur", Wrong, None),
    (LUSHUN, "Dalian", Wrong, None),
    (
        Text("Lüshun", &["Lüshun (Port Arthur)"]),
        "Port Arthur (Lüshun)",
        Correct,
        None,
    ),
    (
        Text("Lüshun", &["Lüshun (Port Arthur)"]),
        "Port Arthur",
        Correct,
        None,
    ),
    (CER, "CER", Correct, None),
    (CER, "China Eastern Railway", Correct, None),
    (CER, "CER (China Eastern Railway)", Correct, None),
    (CER, "Chinese Eastern Railway", Correct, None),
    (CER, "Chinese Eastern Railroad", Wrong, None),
    (
        CER,
        "Chinese Eastern Railwy",
        Almost,
        Some("Almost: one letter off"),
    ),
    // A parenthesis without its pair is punctuation: no alternatives.
    (Text("Lüshun (Port Arthur", &[]), "Port Arthur", Wrong, None),
    (
        Text("Lüshun (Port Arthur", &[]),
        "Lüshun Port Arthur",
        Correct,
        None,
    ),
    // Typos: one rule by each listed word's length.
    (STALIN, "Stallin", Almost, Some("Almost: one letter off")),
    (STALIN, "Staln", Almost, Some("Almost: one letter off")),
    (
        STALIN,
        "Joesph Stalin",
        Almost,
        Some("Almost: one letter off"),
    ),
    (KIM, "Kim Il Sun", Almost, Some("Almost: one letter off")),
    (KIM, "Kim Il Snug", Wrong, None),
    (KIM, "Kin Il Sung", Wrong, None),
    (KIM, "Kim Ilsung", Almost, Some("Almost: spacing differs")),
    (RHEE, "Syngman Ree", Almost, Some("Almost: one letter off")),
    (RHEE, "Singman Ree", Almost, Some("Almost: two letters off")),
    (RHEE, "Syngman Rhie", Wrong, None),
    (ZHOU, "Zhou Enlia", Almost, Some("Almost: one letter off")),
    (ZHOU, "Chou Enlai", Almost, Some("Almost: spacing differs")),
    (ZHOU, "Chou Enlai Zhou", Wrong, None),
    (ZHOU, "Chou En-lai", Correct, None),
    (MAO, "Mao Zedung", Almost, Some("Almost: one letter off")),
    (MAO, "Mao Tse-tung", Wrong, None),
    (
        MACARTHUR,
        "Duglas McArthur",
        Almost,
        Some("Almost: two letters off"),
    ),
    (
        MACARTHUR,
        "Gen. Duglas MacArthur",
        Almost,
        Some("Almost: title ignored, one letter off"),
    ),
    (Text("Iraq", &[]), "Iran", Wrong, None),
    (
        Text("Yalu", &["Yalu River"]),
        "Yallu",
        Almost,
        Some("Almost: one letter off"),
    ),
    (
        Text("Yalu", &["Yalu River"]),
        "Yalu Rivr",
        Almost,
        Some("Almost: one letter off"),
    ),
    (
        Text("Panmunjeom", &[]),
        "Panmujom",
        Almost,
        Some("Almost: two letters off"),
    ),
    (Text("North Korea", &[]), "South Korea", Wrong, None),
    // A near miss never changes a number.
    (PARALLEL, "37th parallel", Wrong, None),
    (
        PARALLEL,
        "38th paralel",
        Almost,
        Some("Almost: one letter off"),
    ),
    (PARALLEL, "38 parallel", Wrong, None),
    (Text("Henry VIII", &[]), "Henry VII", Wrong, None),
    (Text("Louis XVIII", &[]), "Louis XVII", Wrong, None),
    (
        Text("Henry VIII", &[]),
        "Henri VIII",
        Almost,
        Some("Almost: one letter off"),
    ),
    (
        Text("Mill Creek", &[]),
        "Mil Creek",
        Almost,
        Some("Almost: one letter off"),
    ),
    // Typed choices are compared exactly: a typo never picks a choice, right or not.
    (
        Choice(&["Mao", "Zhou Enlai", "Kim Il Sung", "Stalin"], "Mao"),
        "Mao",
        Correct,
        None,
    ),
    (
        Choice(&["Mao", "Zhou Enlai", "Kim Il Sung", "Stalin"], "Mao"),
        "Stalin",
        Wrong,
        None,
    ),
    (
        Choice(&["Mao", "Zhou Enlai", "Kim Il Sung", "Stalin"], "Mao"),
        "Stallin",
        Unparsed,
        None,
    ),
    (
        Choice(&["Mao", "Zhou Enlai", "Kim Il Sung", "Stalin"], "Mao"),
        "Chairman Mao",
        Unparsed,
        None,
    ),
    // Dates: a vague word before a month or a year is read past on a right answer.
    (Date("1950-01"), "January 1950", Correct, None),
    (
        Date("1950-01"),
        "late January 1950",
        Correct,
        Some("Accepted: “late” ignored"),
    ),
    (
        Date("1950-01"),
        "in late January 1950",
        Correct,
        Some("Accepted: “late” ignored"),
    ),
    (
        Date("1950-01"),
        "early Jan. 1950",
        Correct,
        Some("Accepted: “early” ignored"),
    ),
    (
        Date("1950-01"),
        "mid-January 1950",
        Correct,
        Some("Accepted: “mid” ignored"),
    ),
    (
        Date("1950-01"),
        "the middle of January 1950",
        Correct,
        Some("Accepted: “middle of” ignored"),
    ),
    (
        Date("1950-01"),
        "beginning of January 1950",
        Correct,
        Some("Accepted: “beginning of” ignored"),
    ),
    (
        Date("1950-01"),
        "at the end of January 1950",
        Correct,
        Some("Accepted: “end of” ignored"),
    ),
    (Date("1950-01"), "30 January 1950", Correct, None),
    (Date("1950-01"), "late February 1950", Wrong, None),
    (Date("1950-01"), "early 1950", Unparsed, None),
    (Date("1950-01"), "late 30 January 1950", Unparsed, None),
    (
        Date("1950"),
        "early 1950",
        Correct,
        Some("Accepted: “early” ignored"),
    ),
    (
        Date("1950"),
        "late January 1950",
        Correct,
        Some("Accepted: “late” ignored"),
    ),
    (Date("1950"), "05/06/1950", Correct, None),
    (Date("1950-01-30"), "late January 1950", Unparsed, None),
    (Date("1950-01-30"), "January 30, 1950", Correct, None),
    (Date("1950-06-25"), "June 25, 1950", Correct, None),
    (Date("1950-06-25"), "25 June 1950", Correct, None),
    (Date("1950-06-25"), "on 25 June 1950", Correct, None),
    (Date("1950-06-25"), "05/06/1950", Unparsed, None),
];

#[test]
fn every_case_of_the_checking_table_gets_its_verdict_and_says_what_was_let_pass() {
    let mut failures = Vec::new();
    for (card, given, verdict, forgiven) in CASES {
        let result = checked(&card.kind(), text(given));
        if (result.verdict, result.forgiven.as_deref()) != (*verdict, *forgiven) {
            failures.push(format!(
                "{card:?} / {given:?}: expected {verdict:?} {forgiven:?}, got {:?} {:?}",
                result.verdict, result.forgiven
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn an_almost_answer_shows_the_closest_listed_form_and_a_right_one_no_exact_form() {
    for (card, given, exact) in [
        (LUSHUN, "Port Artur", "Port Arthur"),
        (LUSHUN, "Lushun Port Artur", "Lüshun (Port Arthur)"),
        (LUSHUN, "Port Artur Lushun", "Port Arthur (Lüshun)"),
        (ACHESON, "Acheson, Dean", "Dean Acheson"),
        (ACHESON, "Achesson", "Acheson"),
        (KIM, "Kim Il-sun", "Kim Il Sung"),
        (STALIN, "Joseph Stallin", "Joseph Stalin"),
    ] {
        let result = checked(&card.kind(), text(given));
        assert_eq!(result.verdict, Almost, "{given:?}");
        let message = format!("Accepted; the exact form is “{exact}”.");
        assert_eq!(result.message, Some(message), "{given:?}");
    }
    let titled = checked(&ACHESON.kind(), text("Secretary of State Dean Acheson"));
    assert_eq!(titled.message, None);
}

#[test]
fn a_vague_or_less_precise_date_on_a_day_card_asks_for_the_day() {
    for given in ["late January 1950", "January 1950", "end of January 1950"] {
        let result = checked(&date_card("1950-01-30"), text(given));
        assert_eq!(result.verdict, Unparsed, "{given:?}");
        assert_eq!(
            result.message.as_deref(),
            Some("Give the day too, e.g. “14 July 1789”."),
            "{given:?}"
        );
    }
    let result = checked(&date_card("1950-01"), text("early 1950"));
    assert_eq!(
        result.message.as_deref(),
        Some("Give the month too, e.g. “July 1789”.")
    );
}
