//! The reasons and motives a sentence gives, each as the question it answers and the answer as
//! written: "because ..." and "in order to ...", a purpose ("made decisions always to serve
//! ..."), "the key lay in ...", "... was the main reason why ...", what someone wanted, feared,
//! realised or was concerned about.
//!
//! Like the clauses it is built on, this only reads forms it can be sure of: a sentence it cannot
//! read gives no reason, so no draft asks something the text does not say.

use super::clauses::{
    Clause, PERSONAL, cut_at_second_clause, drop_opener, in_mid_sentence, is_adverb, is_subject,
};

/// A reason a sentence gives: the question it answers and the reason as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub prompt: String,
    pub answer: String,
}

/// Markers that introduce a reason, and whether the marker's own words start the answer
/// ("in order to" -> "to ...").
const BECAUSE: &[(&str, &str)] = &[
    (", in part because ", ""),
    (" in part because ", ""),
    (", partly because ", ""),
    (", because ", ""),
    (" because ", ""),
    (", in order to ", "to "),
    (" in order to ", "to "),
    (", so as to ", "to "),
    (" so as to ", "to "),
];

/// "X wanted to Y" and the like: the question's verb, and what starts the answer.
const WANTS: &[(&str, &str, &str)] = &[
    (" wanted to ", "want", "to "),
    (" hoped to ", "hope for", "to "),
    (" intended to ", "intend", "to "),
    (" sought to ", "seek", "to "),
    (" feared that ", "fear", ""),
    (" feared ", "fear", ""),
    (" hoped that ", "hope", ""),
    (" realized that ", "realize", ""),
    (" realised that ", "realise", ""),
    (" calculated that ", "calculate", ""),
    (" believed that ", "believe", ""),
];

/// "was (very) concerned about ...", "was enraged that ...": a feeling and what it was about,
/// which says what moved someone. A feeling "that ..." is asked with "Why"; one "about" or
/// "of" something with "What".
const FEELINGS: &[&str] = &[
    "concerned",
    "worried",
    "anxious",
    "afraid",
    "wary",
    "fearful",
    "enraged",
    "angered",
    "angry",
    "furious",
    "alarmed",
    "outraged",
    "convinced",
];

/// Verbs whose "to ..." says what was done, not why ("agreed to sign", "persuaded X to go"):
/// after them an infinitive is no purpose.
const TAKES_AN_INFINITIVE: &[&str] = &[
    "agreed",
    "wanted",
    "decided",
    "tried",
    "offered",
    "proposed",
    "refused",
    "persuaded",
    "asked",
    "told",
    "ordered",
    "urged",
    "allowed",
    "helped",
    "inspired",
    "invited",
    "forced",
    "encouraged",
    "expected",
    "needed",
    "began",
    "continued",
    "promised",
    "hoped",
    "planned",
    "intended",
    "sought",
    "failed",
    "managed",
    "chose",
    "remained",
    "seemed",
    "appeared",
    "used",
    "was",
    "were",
    "had",
    "came",
    "went",
    "prepared",
    "pressed",
    "pushed",
    "advised",
    "warned",
    "enabled",
    "led",
    "taught",
    "wished",
    "meant",
    "threatened",
    "preferred",
    "dared",
];

/// Words after "to" that make it a preposition, not an infinitive ("to the north", "to them").
const NOT_A_VERB: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "all",
    "some", "him", "them", "us", "me", "it", "power", "war", "peace", "death", "be",
];

/// Nouns whose own "to ..." says what they are, not why ("the rights to use", "a plan to
/// attack"): an object ending in one takes no purpose.
const NOUNS_WITH_AN_INFINITIVE: &[&str] = &[
    "right",
    "rights",
    "power",
    "powers",
    "chance",
    "ability",
    "decision",
    "need",
    "plan",
    "plans",
    "attempt",
    "promise",
    "order",
    "orders",
    "way",
    "time",
    "opportunity",
    "permission",
    "effort",
    "efforts",
    "courage",
    "will",
    "desire",
    "freedom",
    "authority",
    "means",
    "proposal",
    "offer",
    "request",
    "call",
    "bid",
    "agreement",
    "attempts",
    "intention",
    "wish",
    "refusal",
    "failure",
    "readiness",
    "willingness",
    "determination",
    "resolve",
    "license",
    "licence",
];

/// Adverbs that say a purpose is the only or usual one: "made decisions always to serve".
const PURPOSE_ADVERBS: &[&str] = &["always", "only", "solely", "mainly", "chiefly", "largely"];

/// "This", "That": a reason that points back at what the text said before.
const POINTERS: &[&str] = &[
    "this", "that", "these", "those", "it", "all this", "all that",
];

/// The reason `sentence` gives, if it gives one in a form read here. `previous_subject` stands
/// for "he" or "she"; `before` is what the text said just before (the last sentence or two),
/// the answer where the sentence says "This was the reason why ..."; `previous_event` is the
/// sentence before without its dates, what "He did so because ..." gives the reason for.
pub fn reason_in(
    sentence: &str,
    previous_subject: Option<&str>,
    before: Option<&str>,
    previous_event: Option<&str>,
) -> Option<Reason> {
    // A question asks for reasons; it gives none.
    if sentence.trim_end().ends_with('?') {
        return None;
    }
    let sentence = sentence.trim().trim_end_matches(|c: char| ".!".contains(c));
    key(sentence)
        .or_else(|| reason_why(sentence, previous_subject, before))
        .or_else(|| because(sentence, previous_subject, previous_event))
        .or_else(|| purpose(sentence, previous_subject))
        .or_else(|| wants(sentence, previous_subject))
        .or_else(|| feeling(sentence, previous_subject))
}

/// "The key[ to X][, in my opinion,] lay in Y" -> "What did the key[ to X] lie in?" Y.
fn key(sentence: &str) -> Option<Reason> {
    let (head, answer, tense) = [(" lay in ", "did"), (" lies in ", "does")]
        .iter()
        .find_map(|(marker, tense)| {
            sentence
                .split_once(marker)
                .map(|(head, answer)| (head, answer, *tense))
        })?;
    // An aside between commas ("The key, in my opinion, lay in") is the writer's, not the key's.
    let head = head.split(',').next().unwrap_or_default().trim();
    let lower = head.to_lowercase();
    let is_key = ["the key", "the answer", "the solution", "the secret"]
        .iter()
        .any(|start| lower == *start || lower.starts_with(&format!("{start} to ")));
    let answer = tidy(answer);
    (is_key && !answer.is_empty()).then(|| Reason {
        prompt: format!("What {tense} {} lie in?", in_mid_sentence(head)),
        answer,
    })
}

/// "X was the [most important] reason why S" and "The reason [why] S was X" -> "Why did S?" X.
/// Where X only points back ("This was the reason why ..."), the answer is what the text said
/// just before, said to be so; with nothing before, there is nothing to ask.
fn reason_why(
    sentence: &str,
    previous_subject: Option<&str>,
    before: Option<&str>,
) -> Option<Reason> {
    let (at, length) = [" reason why ", " reason that ", " reason "]
        .iter()
        .find_map(|marker| sentence.find(marker).map(|at| (at, marker.len())))?;
    // "This was the reason": the space before "reason" belongs to "the".
    let head = &sentence[..=at];
    let after = &sentence[at + length..];
    let (what, event) = if let Some((what, _)) = [" was the ", " is the ", " were the "]
        .iter()
        .find_map(|marker| head.rsplit_once(marker))
    {
        // "X was the main reason why S".
        (what, after)
    } else if head.starts_with("The ") && head.split_whitespace().count() <= 4 {
        // "The [most important] reason why S was X".
        let (event, what) = after.rsplit_once(" was ")?;
        (what, event)
    } else {
        return None;
    };
    let clause = Clause::read(event, previous_subject)?;
    // "This, in my opinion, was ...": the aside is the writer's.
    let what = what.split(',').next().unwrap_or_default().trim();
    let answer = if POINTERS.contains(&what.to_lowercase().as_str()) {
        format!("what the text says just before: {}", before?.trim())
    } else {
        tidy(what)
    };
    (!answer.is_empty()).then(|| Reason {
        prompt: clause.why(),
        answer,
    })
}

fn because(
    sentence: &str,
    previous_subject: Option<&str>,
    previous_event: Option<&str>,
) -> Option<Reason> {
    BECAUSE.iter().find_map(|(marker, lead)| {
        let at = sentence.find(marker)?;
        let (before, after) = (&sentence[..at], &sentence[at + marker.len()..]);
        let clause = Clause::read(before, previous_subject)
            .or_else(|| what_was_done(before, previous_event?, previous_subject))?;
        Some(Reason {
            prompt: clause.why(),
            answer: format!("{lead}{}", tidy(after)),
        })
    })
}

/// "He did so" (or "did this", "did it") -> the event of the sentence before, which it stands
/// for: "Nasser announced the nationalisation ... He did so in order to pay for the dam" asks
/// why Nasser announced it.
fn what_was_done(
    before: &str,
    previous_event: &str,
    previous_subject: Option<&str>,
) -> Option<Clause> {
    let words: Vec<&str> = drop_opener(before).split_whitespace().collect();
    let [.., did, so] = words.as_slice() else {
        return None;
    };
    if *did != "did" || !matches!(*so, "so" | "this" | "that" | "it") {
        return None;
    }
    Clause::read(previous_event, previous_subject)
}

/// "Mao invoked all this to persuade ...", "Stalin made decisions always to serve ...": a verb,
/// its object and an infinitive of purpose -> "Why did Mao invoke all this?" "to persuade ...".
/// The clause may stand after "that" ("we must remember that Stalin made ...").
fn purpose(sentence: &str, previous_subject: Option<&str>) -> Option<Reason> {
    let clause = Clause::read(sentence, previous_subject).or_else(|| {
        let (_, after) = sentence.split_once(" that ")?;
        Clause::read(after, previous_subject)
    })?;
    if TAKES_AN_INFINITIVE.contains(&clause.verb.to_lowercase().as_str()) {
        return None;
    }
    let words: Vec<&str> = clause.rest.split(' ').collect();
    let to = words.iter().position(|word| *word == "to")?;
    let next = words.get(to + 1)?;
    let (object, adverb) = match words[..to].split_last() {
        Some((last, object)) if PURPOSE_ADVERBS.contains(last) => (object, Some(*last)),
        _ => (&words[..to], None),
    };
    let plain_object = (1..=4).contains(&object.len())
        && !object
            .last()
            .is_some_and(|noun| NOUNS_WITH_AN_INFINITIVE.contains(noun))
        && object
            .iter()
            .all(|word| word.starts_with(|c: char| c.is_lowercase()) && !word.contains(','));
    let infinitive = next.starts_with(|c: char| c.is_lowercase())
        && !NOT_A_VERB.contains(next)
        && !next.ends_with("ing");
    if !plain_object || !infinitive {
        return None;
    }
    let adverbs = [clause.adverbs.as_str(), adverb.unwrap_or_default()]
        .into_iter()
        .filter(|adverb| !adverb.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let asked = Clause {
        adverbs,
        rest: object.join(" "),
        ..clause
    };
    Some(Reason {
        prompt: asked.why(),
        answer: tidy(&words[to..].join(" ")),
    })
}

/// The subject before a marker: what follows the last comma, "he" read as who the text is about.
fn subject_before(before: &str, previous_subject: Option<&str>) -> Option<String> {
    // "Last but not least, he wanted to ...": the subject is what follows the last comma.
    let before = drop_opener(before);
    let before = before.rsplit(", ").next().unwrap_or(before).trim();
    let subject = match before.to_lowercase().as_str() {
        pronoun if PERSONAL.contains(&pronoun) => previous_subject?.to_string(),
        _ => before.to_string(),
    };
    is_subject(&subject).then_some(subject)
}

fn wants(sentence: &str, previous_subject: Option<&str>) -> Option<Reason> {
    let (marker, question_verb, lead) = WANTS
        .iter()
        .find(|(marker, _, _)| sentence.contains(marker))?;
    let at = sentence.find(marker)?;
    let subject = in_mid_sentence(&subject_before(&sentence[..at], previous_subject)?);
    let rest = &sentence[at + marker.len()..];
    // "feared for the border" says what for: "What did Bevin fear for?" "the border".
    if let Some((preposition, what)) = ["for", "about", "of"]
        .iter()
        .find_map(|word| Some((*word, rest.strip_prefix(&format!("{word} "))?)))
    {
        return Some(Reason {
            prompt: format!("What did {subject} {question_verb} {preposition}?"),
            answer: tidy(what),
        });
    }
    let prompt = if *lead == "to " {
        format!("What did {subject} {question_verb} to do?")
    } else {
        format!("What did {subject} {question_verb}?")
    };
    Some(Reason {
        prompt,
        answer: format!("{lead}{}", tidy(rest)),
    })
}

/// "He was very concerned about the border" -> "What was Mao very concerned about?"; "He was
/// enraged that the fleet had sailed" -> "Why was Mao enraged?".
fn feeling(sentence: &str, previous_subject: Option<&str>) -> Option<Reason> {
    let at = sentence.find(" was ")?;
    let subject = in_mid_sentence(&subject_before(&sentence[..at], previous_subject)?);
    let words: Vec<&str> = sentence[at + " was ".len()..].split(' ').collect();
    let feeling_at = words
        .iter()
        .position(|word| !is_adverb(word) && !matches!(*word, "very" | "most" | "so" | "deeply"))?;
    let feeling = *words.get(feeling_at)?;
    if !FEELINGS.contains(&feeling) {
        return None;
    }
    let said = words[..=feeling_at].join(" ");
    let what = tidy(&words.get(feeling_at + 2..)?.join(" "));
    if what.is_empty() {
        return None;
    }
    let prompt = match *words.get(feeling_at + 1)? {
        "that" => format!("Why was {subject} {said}?"),
        preposition @ ("about" | "of" | "by" | "at") => {
            format!("What was {subject} {said} {preposition}?")
        }
        _ => return None,
    };
    Some(Reason {
        prompt,
        answer: what,
    })
}

/// A reason clause as an answer: its end punctuation off.
fn tidy(text: &str) -> String {
    cut_at_second_clause(text)
        .trim()
        .trim_end_matches(|c: char| ".,;:!?".contains(c))
        .to_string()
}
