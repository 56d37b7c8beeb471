//! Text cards and the normal form.

use super::{checked, text, text_card};
use crate::questions::CardKind;
use crate::questions::check::Verdict::{self, Almost, Correct, Wrong};
use crate::questions::check::typos::allowed_edits;
use crate::questions::check::{MOST_ANSWER_CHARS, Response, check, normalize_text};

fn verdict(answer: &str, accept: &[&str], given: &str) -> Verdict {
    checked(&text_card(answer, accept), text(given)).verdict
}

#[test]
fn the_normal_form_drops_case_diacritics_apostrophes_punctuation_and_extra_spaces() {
    for (written, normal) in [
        ("Lüshun", "lushun"),
        ("  Kim   Il-sung ", "kim il sung"),
        ("Kim Il–sung", "kim il sung"),
        ("P'yŏngyang", "pyongyang"),
        ("Xi’an", "xian"),
        ("MacArthur!", "macarthur"),
        ("Straße", "strasse"),
        ("Ærø", "aero"),
        ("Łódź", "lodz"),
        ("İstanbul", "istanbul"),
        ("ﬁve", "five"),
        ("ℌilbert", "hilbert"),
        ("38th parallel", "38th parallel"),
        ("(U.N.) forces", "u n forces"),
        ("한국 전쟁", "한국 전쟁"),
        ("...", ""),
        ("", ""),
    ] {
        assert_eq!(normalize_text(written), normal, "{written:?}");
    }
}

#[test]
fn the_normal_form_drops_leading_articles_but_never_the_last_word() {
    for (written, normal) in [
        ("The Yalu", "yalu"),
        ("the the Yalu", "yalu"),
        ("An apple", "apple"),
        ("a Hague", "hague"),
        ("The", "the"),
        ("A", "a"),
        ("the a", "a"),
        ("Yalu, the river", "yalu the river"),
    ] {
        assert_eq!(normalize_text(written), normal, "{written:?}");
    }
}

#[test]
fn lushun_is_correct_for_lushun_with_its_umlaut() {
    assert_eq!(verdict("Lüshun", &[], "lushun"), Correct);
    assert_eq!(verdict("lushun", &[], "Lüshun"), Correct);
}

#[test]
fn case_punctuation_hyphens_and_spaces_do_not_matter() {
    for given in [
        "Kim Il-sung",
        "kim il sung",
        "KIM IL SUNG",
        "Kim Il-Sung.",
        "  kim   il-sung  ",
        "Kim, Il Sung",
        "kim il–sung",
        "\"Kim Il-sung\"",
    ] {
        assert_eq!(verdict("Kim Il-sung", &[], given), Correct, "{given:?}");
    }
}

#[test]
fn a_leading_article_does_not_matter_on_either_side() {
    assert_eq!(verdict("the Yalu", &[], "Yalu"), Correct);
    assert_eq!(verdict("Yalu", &[], "The Yalu"), Correct);
    assert_eq!(verdict("Yalu", &[], "the yalu river"), Wrong);
}

#[test]
fn any_accepted_alternative_counts() {
    let accept = ["Port Arthur", "Ryojun"];
    assert_eq!(verdict("Lüshun", &accept, "port arthur"), Correct);
    assert_eq!(verdict("Lüshun", &accept, "RYOJUN"), Correct);
    assert_eq!(verdict("Lüshun", &accept, "Dalian"), Wrong);
}

#[test]
fn a_near_miss_of_an_alternative_shows_that_alternative() {
    let result = checked(&text_card("Lüshun", &["Port Arthur"]), text(" Port Artur "));
    assert_eq!(result.verdict, Almost);
    assert_eq!(
        result.message.as_deref(),
        Some("Accepted; the exact form is “Port Arthur”.")
    );
    assert_eq!(result.given_text, "Port Artur");
    assert_eq!(result.normalized, "port artur");
}

#[test]
fn allowed_typos_grow_with_the_length_of_the_word() {
    for (word, edits) in [
        ("", 0),
        ("Kim", 0),
        ("Yalu", 1),
        ("Seoul", 1),
        ("Manchuria", 1),
        ("Panmunjeom", 2),
        ("Lüshun", 1),
    ] {
        assert_eq!(allowed_edits(word), edits, "{word:?}");
    }
}

#[test]
fn typos_are_almost_up_to_the_allowance_at_each_length_boundary_and_wrong_past_it() {
    for (answer, given, expected) in [
        // Under 4 letters: exact only.
        ("Kim", "Kin", Wrong),
        ("Mao", "Mo", Wrong),
        // 4 letters: one letter missing or extra, never a changed or swapped one.
        ("Yalu", "Yalo", Wrong),
        ("Yalu", "Ylau", Wrong),
        ("Iraq", "Iran", Wrong),
        ("Rhee", "Ree", Almost),
        ("Sung", "Sun", Almost),
        ("Yalu", "Yallu", Almost),
        ("Yalu", "Yl", Wrong),
        // 5 letters: one edit, a swap of two neighbours counting as one.
        ("Seoul", "Soeul", Almost),
        ("Seoul", "Seol", Almost),
        ("Seoul", "Seouls", Almost),
        ("Seoul", "Sxoxl", Wrong),
        // 9 letters: still one.
        ("Manchuria", "Manchurai", Almost),
        ("Manchuria", "Mancuhira", Wrong),
        ("Pyongyang", "Pyongyan", Almost),
        ("Pyongyang", "Pyonyan", Wrong),
        // 10 letters: two.
        ("Panmunjeom", "Panmunjom", Almost),
        ("Panmunjeom", "Panmujom", Almost),
        ("Panmunjeom", "Panmjom", Wrong),
    ] {
        assert_eq!(
            verdict(answer, &[], given),
            expected,
            "{answer:?} / {given:?}"
        );
    }
}

#[test]
fn typos_are_counted_word_by_word() {
    for (answer, given, expected) in [
        ("North Korea", "South Korea", Wrong),
        ("North Korea", "Nort Korea", Almost),
        ("North Korea", "Nrth Kroea", Almost),
        ("Douglas MacArthur", "Duglas McArthur", Almost),
        ("Douglas MacArthur", "MacArthur", Wrong),
        ("Syngman Rhee", "Syngman Rhee Jr", Wrong),
        ("Han River", "Han Rivers", Almost),
        ("Han River", "Hen River", Wrong),
    ] {
        assert_eq!(
            verdict(answer, &[], given),
            expected,
            "{answer:?} / {given:?}"
        );
    }
}

#[test]
fn answers_that_differ_only_in_spacing_are_almost() {
    for given in ["Kim Ilsung", "kimilsung", "Ki mil sung"] {
        assert_eq!(verdict("Kim Il-sung", &[], given), Almost, "{given:?}");
    }
}

#[test]
fn a_near_miss_never_changes_a_number() {
    assert_eq!(verdict("38th parallel", &[], "37th parallel"), Wrong);
    assert_eq!(verdict("38th parallel", &[], "38th paralel"), Almost);
    assert_eq!(verdict("1950s", &[], "1960s"), Wrong);
    assert_eq!(verdict("Resolution 82", &[], "Resolution 83"), Wrong);
}

#[test]
fn a_blank_answer_is_wrong_and_flagged_blank() {
    for given in ["", "   ", "?!", " - "] {
        let result = checked(&text_card("Lüshun", &[]), text(given));
        assert_eq!(result.verdict, Wrong, "{given:?}");
        assert!(result.blank, "{given:?}");
        assert_eq!(result.normalized, "");
        assert_eq!(result.given_text, given.trim());
        assert_eq!(result.message, None);
    }
}

#[test]
fn a_graded_answer_keeps_what_was_given_and_its_normal_form() {
    let result = checked(&text_card("Yalu", &[]), text("  The Yalu! "));
    assert_eq!(result.verdict, Correct);
    assert!(!result.blank);
    assert_eq!(result.message, None);
    assert_eq!(result.given_text, "The Yalu!");
    assert_eq!(result.normalized, "yalu");
    let wrong = checked(&text_card("Yalu", &[]), text("Han"));
    assert_eq!(
        (wrong.verdict, wrong.message, wrong.blank),
        (Wrong, None, false)
    );
}

#[test]
fn a_roman_numeral_is_a_number_a_near_miss_never_changes() {
    assert_eq!(verdict("Henry VIII", &[], "Henry VII"), Wrong);
    assert_eq!(verdict("Pope Pius XII", &[], "Pope Pius XIII"), Wrong);
    assert_eq!(verdict("Henry VIII", &[], "Henry VIII."), Correct);
    // Words of the same letters are words: "civil", "mill".
    assert_eq!(verdict("civil war", &[], "civl war"), Almost);
}

#[test]
fn an_answer_over_the_longest_is_not_checked_and_says_so() {
    let kind = CardKind::Text {
        answer: "Inchon".into(),
        accept: Vec::new(),
    };
    let long = Response::Text("x".repeat(MOST_ANSWER_CHARS + 1));
    let checked = check(&kind, &long).unwrap();
    assert_eq!(checked.verdict, Verdict::Unparsed);
    assert!(checked.message.unwrap().contains("at most 1000 characters"));
    assert_eq!(checked.given_text.chars().count(), MOST_ANSWER_CHARS);
    let longest = Response::Text("x".repeat(MOST_ANSWER_CHARS));
    assert_eq!(check(&kind, &longest).unwrap().verdict, Verdict::Wrong);
}

#[test]
fn a_long_answer_against_a_huge_expected_answer_is_checked_at_once() {
    // Each took seconds: the word-by-word match and the typo distance were unbounded.
    let many_words = "kim ".repeat(20_000);
    let one_word = "k".repeat(60_000);
    for expected in [many_words.as_str(), one_word.as_str()] {
        let given = &expected[..MOST_ANSWER_CHARS - 1];
        assert_eq!(verdict(expected, &[], given), Verdict::Wrong);
        let near: String = expected.chars().skip(1).collect();
        assert_eq!(
            verdict(expected, &[], &near[..MOST_ANSWER_CHARS]),
            Verdict::Wrong
        );
    }
    let initials = "a ".repeat(400);
    assert_eq!(
        verdict(&"Kim Il ".repeat(9_000), &[], &initials),
        Verdict::Wrong
    );
}
