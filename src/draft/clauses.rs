//! A clause read as "Subject verbed the rest", enough to ask when, who or why about it (the
//! reasons themselves are found by [`super::reasons`]).
//!
//! No grammar beyond that: a clause this cannot read is not asked about. A verb is put in its
//! base form ("When did Stalin yield ...?") only where the spelling leaves no doubt (irregular
//! verbs from a table, "agreed", "accepted", "stopped"); otherwise the question keeps the verb
//! as written ("When was it that Moscow proposed ...?").

use super::names::{ends_with_title, is_initial, is_name_particle, title_and_name};

/// "Subject [adverbs] verbed rest".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub subject: String,
    /// "-ly" words between the subject and the verb ("initially").
    pub adverbs: String,
    /// As written: "yielded", "was".
    pub verb: String,
    pub rest: String,
}

/// Words that start a sentence but are not its subject: what follows them up to a comma is set
/// aside ("Upon Mao's arrival in Moscow, Stalin ...").
const OPENERS: &[&str] = &[
    "upon",
    "on",
    "in",
    "at",
    "after",
    "before",
    "by",
    "during",
    "thus",
    "then",
    "however",
    "meanwhile",
    "later",
    "soon",
    "eventually",
    "finally",
    "as",
    "when",
    "while",
    "although",
    "though",
    "since",
    "following",
    "with",
    "within",
    "from",
    "until",
    "for",
    "instead",
    "still",
    "if",
    "once",
    "because",
    "despite",
    "unlike",
    "like",
    "according",
];

/// Words that make a verb after them a compound tense: "had banned", "had been dismissed".
const AUXILIARIES: &[&str] = &["had", "has", "have", "been"];

/// Words that open a sentence with a clause of its own, set apart by a comma ("After Hindenburg
/// died in August 1934, Hitler took ...").
const SUBORDINATORS: &[&str] = &["After", "When", "Before", "Once", "Until", "While", "As"];

/// Words that join a sentence to the one before ("But Mao remained ..."): set aside.
const CONJUNCTIONS: &[&str] = &["but", "and", "or", "yet", "so", "nor", "indeed", "still"];

/// Words between a subject and its verb that only place the act in the story ("Britain and
/// France then issued"): left out of questions.
const SEQUENCE_WORDS: &[&str] = &["then", "also", "soon", "later", "now", "again"];

/// Pronouns a subject cannot be, unless the sentence before says who they are.
pub(super) const PERSONAL: &[&str] = &["he", "she", "they"];
pub(super) const VAGUE_SUBJECTS: &[&str] = &[
    "it", "this", "that", "these", "those", "we", "i", "you", "there", "here", "which", "who",
    "what", "one", "some", "many", "all", "both", "each", "such", "his", "her", "their", "its",
];

/// Irregular past tenses and their base forms.
const IRREGULAR: &[(&str, &str)] = &[
    ("began", "begin"),
    ("became", "become"),
    ("broke", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("came", "come"),
    ("chose", "choose"),
    ("drew", "draw"),
    ("fell", "fall"),
    ("felt", "feel"),
    ("fought", "fight"),
    ("forbade", "forbid"),
    ("gave", "give"),
    ("went", "go"),
    ("grew", "grow"),
    ("held", "hold"),
    ("kept", "keep"),
    ("knew", "know"),
    ("led", "lead"),
    ("left", "leave"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("met", "meet"),
    ("overthrew", "overthrow"),
    ("paid", "pay"),
    ("ran", "run"),
    ("rose", "rise"),
    ("said", "say"),
    ("saw", "see"),
    ("sought", "seek"),
    ("sent", "send"),
    ("set", "set"),
    ("shot", "shoot"),
    ("sold", "sell"),
    ("spoke", "speak"),
    ("split", "split"),
    ("spread", "spread"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("swore", "swear"),
    ("took", "take"),
    ("taught", "teach"),
    ("told", "tell"),
    ("thought", "think"),
    ("threw", "throw"),
    ("understood", "understand"),
    ("won", "win"),
    ("withdrew", "withdraw"),
    ("wrote", "write"),
    ("bore", "bear"),
    ("bought", "buy"),
    ("caught", "catch"),
    ("dealt", "deal"),
    ("found", "find"),
    ("hid", "hide"),
    ("laid", "lay"),
    ("lay", "lie"),
    ("let", "let"),
    ("put", "put"),
    ("read", "read"),
    ("shut", "shut"),
    ("slew", "slay"),
    ("stole", "steal"),
    ("undertook", "undertake"),
    ("upheld", "uphold"),
    ("woke", "wake"),
    ("wore", "wear"),
    ("had", "have"),
    ("did", "do"),
    ("cut", "cut"),
    ("died", "die"),
    ("hit", "hit"),
    ("quit", "quit"),
    ("cast", "cast"),
    ("fled", "flee"),
    ("fed", "feed"),
    ("forgave", "forgive"),
    ("froze", "freeze"),
    ("heard", "hear"),
    ("rode", "ride"),
    ("sank", "sink"),
    ("shook", "shake"),
    ("spent", "spend"),
    // Regular, but "-eated" reads as "treat" + "ed" elsewhere ("defeated", "treated").
    ("created", "create"),
];

/// Consonant pairs before "-ed" after which the base needs no silent "e": "accepted",
/// "yielded", "signed", "launched".
const CLEAR_ENDINGS: &[&str] = &[
    "ct", "pt", "ld", "nd", "gn", "rn", "rm", "sh", "ch", "ck", "st", "lt", "ft", "rt", "nt", "rk",
    "wn", "ll", "ss", "rd", "sk", "mp", "lp", "lk", "rl", "nk", "wl", "xt", "ng",
];

impl Clause {
    /// Reads `text` (one clause, its end punctuation allowed). `previous_subject` stands for
    /// a leading "he", "she" or "they".
    pub fn read(text: &str, previous_subject: Option<&str>) -> Option<Clause> {
        let text = text.trim();
        // A question asks; it states nothing to ask about.
        if text.ends_with('?') {
            return None;
        }
        let joined = drop_conjunction(text);
        let opened = drop_opener(joined);
        // "Four days later, local leaders founded ...": after an opening phrase (or a date taken
        // out: "In the spring of 1945, representatives ... met") the subject keeps no capital.
        let after_an_opener = opened.len() < joined.len() || joined.starts_with(char::is_lowercase);
        let text = cut_at_second_clause(opened);
        let words: Vec<&str> = text.split_whitespace().collect();
        // "the offensive ordered by Kerensky collapsed": a past form before "by" describes the
        // subject; the clause's verb comes after.
        let window = 1..words.len().min(8);
        let verbs: Vec<usize> = window.filter(|&at| is_past_verb(words[at])).collect();
        let verb_at = match verbs.as_slice() {
            [participle, verb, ..] if words.get(participle + 1) == Some(&"by") => *verb,
            [verb, ..] => *verb,
            [] => return None,
        };
        // "the Nazis had banned": the auxiliary goes with the verb.
        let verb_from = (1..=verb_at)
            .rev()
            .take_while(|&at| at == verb_at || AUXILIARIES.contains(&words[at]))
            .last()
            .unwrap_or(verb_at);
        let verb_from = match verb_from {
            0 => verb_at,
            from => from,
        };
        let (subject_words, adverbs): (Vec<&str>, Vec<&str>) = {
            let before = &words[..verb_from];
            // "Britain and France then issued": "then" says only what came first; it goes.
            let before = match before.split_last() {
                Some((last, subject)) if SEQUENCE_WORDS.contains(last) && !subject.is_empty() => {
                    subject
                }
                _ => before,
            };
            let adverbs_from = before
                .iter()
                .rposition(|word| !is_adverb(word))
                .map_or(0, |last| last + 1);
            (
                before[..adverbs_from].to_vec(),
                before[adverbs_from..].to_vec(),
            )
        };
        let subject = subject_words.join(" ");
        // "Last but not least, he wanted ...": the subject follows the last comma, unless the
        // subject is a name with its office beside it ("the British Chancellor, Harold
        // Macmillan, warned").
        let subject = match in_apposition(&subject) {
            Some(titled) => titled,
            None => subject.rsplit(", ").next().unwrap_or_default().to_string(),
        };
        let named = with_pronoun_named(&subject, previous_subject)?;
        // "They chose ...", they being "local leaders": the subject the text gave before.
        let from_a_pronoun = named != subject;
        let subject = named;
        let readable = is_subject(&subject)
            || ((after_an_opener || from_a_pronoun) && is_common_subject(&subject));
        if !readable {
            return None;
        }
        let verb = words[verb_from..=verb_at].join(" ");
        let rest = words[verb_at + 1..].join(" ");
        // The rest may be empty: "the canal reopened" is still an event to date. A comma left
        // before the end by a date taken out goes too.
        let rest = rest
            .trim_end_matches(|c: char| ".,;:!? ".contains(c))
            .trim();
        Some(Clause {
            subject,
            adverbs: adverbs.join(" "),
            // "resigned, citing ill health" keeps its comma; "collapsed." at the end loses its
            // stop.
            verb: match rest.is_empty() {
                true => verb
                    .trim_end_matches(|c: char| !c.is_alphabetic())
                    .to_string(),
                false => verb,
            },
            rest: rest.to_string(),
        })
    }

    /// Whether the subject is a name: every word capitalised ("Zhou Enlai", "Moscow").
    /// An office before the name does not count against its length ("Egyptian President
    /// Gamal Abdel Nasser"), nor an article before a body's ("the United Nations").
    /// Two names acting together ("Britain and France") count, and so does a name acting with
    /// others it does not name ("King and other ministers").
    pub fn subject_is_a_name(&self) -> bool {
        match self.subject.split_once(" and ") {
            Some((first, second)) => {
                is_a_name(first) && (is_a_name(second) || self.companions().is_some())
            }
            None => is_a_name(&self.subject),
        }
    }

    /// Who a "Who ...?" question asks for: the subject, or its name where the others with it
    /// go into the question ("King" of "King and other ministers").
    pub fn actor(&self) -> &str {
        match self.companions() {
            Some(_) => self
                .subject
                .split_once(" and ")
                .map_or("", |(name, _)| name),
            None => &self.subject,
        }
    }

    /// "other ministers" of "King and other ministers": those acting with a name, said only by
    /// what they are (in lower case).
    fn companions(&self) -> Option<&str> {
        let (_, others) = self.subject.split_once(" and ")?;
        (others.starts_with(char::is_lowercase) && !others.starts_with("the ")).then_some(others)
    }

    /// "When did Stalin yield to ...?", "When was the treaty signed?".
    pub fn when(&self) -> String {
        self.ask("When")
    }

    /// "Why did Stalin initially show no interest in ...?".
    pub fn why(&self) -> String {
        self.ask("Why")
    }

    /// "Who proposed that China ...?" (the subject is the answer); "Who, with other ministers,
    /// formed ...?" where the subject's name acts with others.
    pub fn who(&self) -> String {
        let adverbs = spaced(&self.adverbs);
        let with = self
            .companions()
            .map_or(String::new(), |others| format!(", with {others},"));
        format!(
            "Who{with} {adverbs}{}{}?",
            self.verb,
            after_a_space(&self.rest)
        )
    }

    fn ask(&self, question: &str) -> String {
        let subject = in_mid_sentence(&self.subject);
        let adverbs = spaced(&self.adverbs);
        let verb = self.verb.to_lowercase();
        let rest = after_a_space(&self.rest);
        if verb == "was" || verb == "were" {
            let adverbs = after_a_space(&self.adverbs);
            return format!("{question} {verb} {subject}{adverbs}{rest}?");
        }
        match base_form(&verb) {
            Some(base) => format!(
                "{question} did {subject} {adverbs}{base}{}?",
                after_a_space(&joined_verbs_in_base_form(&self.rest))
            ),
            None => format!(
                "{question} was it that {subject} {adverbs}{}{rest}?",
                self.verb
            ),
        }
    }
}

/// Whether `subject` is one name: every word capitalised ("Zhou Enlai", "Moscow"), an office
/// before it not counted against its length ("Egyptian President Gamal Abdel Nasser"), nor an
/// article before a body's ("the United Nations").
fn is_a_name(subject: &str) -> bool {
    let subject = subject.strip_prefix("the ").unwrap_or(subject);
    // The words before the name are an office or a description ("Soviet leader"), which
    // `title_and_name` has told apart.
    let (_, name) = title_and_name(subject);
    // Initials do not make a name longer: "W. E. B. Du Bois".
    name.split_whitespace()
        .filter(|word| !is_initial(word))
        .count()
        <= 4
        && name.split_whitespace().all(|word| {
            (word.starts_with(|c: char| c.is_uppercase()) || is_name_particle(word))
                && !is_possessive(word)
        })
        && !name.split_whitespace().next().is_some_and(is_name_particle)
}

/// `subject` with a leading "he", "she" or "they" put as who it stands for: "he" alone ->
/// "King", "he and other ministers" -> "King and other ministers"; `None` where the pronoun
/// cannot be told.
fn with_pronoun_named(subject: &str, previous_subject: Option<&str>) -> Option<String> {
    let (first, rest) = subject.split_once(' ').unwrap_or((subject, ""));
    let pronoun = first.to_lowercase();
    if !PERSONAL.contains(&pronoun.as_str()) {
        return Some(subject.to_string());
    }
    let named = stands_for(&pronoun, previous_subject?)?;
    match rest.strip_prefix("and ") {
        Some(others) => Some(format!("{named} and {others}")),
        None if rest.is_empty() => Some(named.to_string()),
        None => None,
    }
}

/// `previous` where it can be what `pronoun` stands for: "they" a plural ("the Bolsheviks"),
/// "he" or "she" a person, not a body written with "the" ("Asked when they took effect":
/// "they" are not Schabowski).
fn stands_for<'a>(pronoun: &str, previous: &'a str) -> Option<&'a str> {
    let body = previous.starts_with("the ") || previous.starts_with("The ");
    let plural = previous.ends_with('s') && !previous.ends_with("ss");
    // "local leaders" may be "they", never "he".
    let named = previous.starts_with(char::is_uppercase);
    match pronoun {
        "they" => plural.then_some(previous),
        _ => (!body && named).then_some(previous),
    }
}

/// The subject of a sentence, to stand for "he" or "she" in the next one.
pub fn subject_of(sentence: &str, previous: Option<&str>) -> Option<String> {
    let clause = Clause::read(sentence, previous)?;
    // "Local leaders founded ... They chose ...": a plural said in lower case is "they" next.
    let plural_common_noun =
        is_common_subject(&clause.subject) && stands_for("they", &clause.subject).is_some();
    if clause.subject_is_a_name() || plural_common_noun {
        return Some(clause.subject);
    }
    // "Mao's motivations were complex. He saw ...": the possessor is who "he" is.
    let first = clause.subject.split_whitespace().next()?;
    let possessor = first
        .strip_suffix("’s")
        .or_else(|| first.strip_suffix("'s"))?;
    possessor
        .starts_with(|c: char| c.is_uppercase())
        .then(|| possessor.to_string())
}

fn drop_conjunction(text: &str) -> &str {
    match text.split_once(' ') {
        Some((first, rest))
            if CONJUNCTIONS.contains(&first.trim_end_matches(',').to_lowercase().as_str()) =>
        {
            rest.trim_start()
        }
        _ => text,
    }
}

pub(super) fn drop_opener(text: &str) -> &str {
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let comma = text.find(", ");
    // "Four days later, local leaders founded ...": a time phrase sets a scene, it does nothing.
    if let Some(comma) = comma
        && is_time_phrase(&text[..comma])
    {
        return text[comma + 2..].trim();
    }
    if !OPENERS.contains(&first.trim_matches(|c: char| !c.is_alphabetic())) {
        return text;
    }
    match comma {
        Some(comma) if text[..comma].split_whitespace().count() <= 12 => text[comma + 2..].trim(),
        _ => text,
    }
}

/// Words that make a phrase a time: "Four days later", "That evening", "The next day", "Two
/// weeks after that".
const TIME_WORDS: &[&str] = &[
    "later",
    "earlier",
    "afterwards",
    "afterward",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// Whether `phrase` (what opens a sentence up to its first comma) is only a time: a few words,
/// one of them a [`TIME_WORDS`], no verb ("Years later, ..." is; "The army waited for days, ..."
/// is not).
pub(super) fn is_time_phrase(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words
            .iter()
            .any(|word| TIME_WORDS.contains(&word.to_lowercase().as_str()))
        && !words.iter().any(|word| is_past_verb(word))
}

/// "the British Chancellor, Harold Macmillan," or "Harold Macmillan, the British Chancellor,"
/// (words before a verb) -> "British Chancellor Harold Macmillan": a name and its office set
/// beside it between commas, read as the office written before the name.
fn in_apposition(subject: &str) -> Option<String> {
    let inner = subject.strip_suffix(',')?;
    let (first, second) = inner.split_once(", ")?;
    let is_name = |words: &str| {
        !words.contains(',')
            && words
                .split(' ')
                .all(|word| word.starts_with(|c: char| c.is_uppercase()))
    };
    match (office(first), office(second)) {
        (Some(office), None) if is_name(second) => Some(format!("{office} {second}")),
        (None, Some(office)) if is_name(first) => Some(format!("{office} {first}")),
        _ => None,
    }
}

/// "the British Chancellor" -> "British Chancellor": an office, written with its article.
fn office(words: &str) -> Option<&str> {
    let words = words
        .strip_prefix("the ")
        .or_else(|| words.strip_prefix("The "))?;
    // "the British Chancellor", or a description: "the East German leader".
    let description = words
        .rsplit(' ')
        .next()
        .is_some_and(|last| last.chars().all(|c| c.is_alphabetic() && c.is_lowercase()));
    (ends_with_title(words) || description).then_some(words)
}

/// Words that join a second clause to a sentence, and whether a clause of its own must follow
/// them (", and the Soviets lifted ..." joins one; ", and landed ..." does not).
const CLAUSE_JOINS: &[&str] = &[
    ", and ",
    ", but ",
    ", while ",
    ", whereas ",
    "; ",
    ", after ",
    " after ",
    ", before ",
    " before ",
    ", when ",
    " when ",
    ", until ",
    " until ",
];

/// The clauses of a sentence that each say who did what, with where each starts (byte
/// offset): the main clause and those joined to it with a subject of their own ("The United
/// States threatened ..., and the British Chancellor, Harold Macmillan, warned ...", "The canal
/// reopened ..., after the United Nations cleared the ships").
pub fn clauses_of(sentence: &str) -> Vec<(usize, &str)> {
    let mut starts = vec![(0, 0)];
    // "After Hindenburg died in August 1934, Hitler took ...": the opening clause is one, the
    // main clause after its comma another.
    if let Some((opener, after)) = sentence.split_once(' ')
        && SUBORDINATORS.contains(&opener)
        && starts_a_clause(after)
        && let Some(comma) = sentence.find(", ")
    {
        starts = vec![(0, opener.len() + 1), (comma, comma + 2)];
    }
    for join in CLAUSE_JOINS {
        for (at, _) in sentence.match_indices(join) {
            let after = at + join.len();
            if starts_a_clause(&sentence[after..]) {
                starts.push((at, after));
            }
        }
    }
    starts.sort();
    starts.dedup_by_key(|(at, _)| *at);
    starts
        .iter()
        .enumerate()
        .map(|(index, (_, start))| {
            let end = starts.get(index + 1).map_or(sentence.len(), |(at, _)| *at);
            (*start, &sentence[*start..end.max(*start)])
        })
        .filter(|(_, clause)| !clause.trim().is_empty())
        .collect()
}

/// Whether `text` starts with a clause of its own: a subject (a pronoun, a name or "the"
/// something, with an office beside a name between commas) and then a verb in the past.
pub(super) fn starts_a_clause(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    let Some(verb_at) = words.iter().position(|word| is_past_verb(word)) else {
        return false;
    };
    let Some(first) = words.first() else {
        return false;
    };
    let lower = first.to_lowercase();
    let subject_like = PERSONAL.contains(&lower.as_str())
        || matches!(
            lower.as_str(),
            "the" | "a" | "an" | "his" | "her" | "their" | "its"
        )
        || (first.starts_with(|c: char| c.is_uppercase())
            && !OPENERS.contains(&lower.trim_end_matches(',')));
    // "and, on 5 November, landed": a date or an aside between commas is no subject.
    verb_at > 0 && subject_like && !first.ends_with(',')
}

/// The first clause of a compound sentence: up to a colon, a semicolon, a dash, ", but" or a
/// relative clause after a comma, or ", and" where a clause with its own subject follows.
pub(super) fn cut_at_second_clause(text: &str) -> &str {
    let cuts = [
        ": ",
        "; ",
        " — ",
        " – ",
        ", but ",
        ", which ",
        ", while ",
        ", and then ",
        ", and he ",
        ", and she ",
        ", and they ",
        ", in part because ",
        ", partly because ",
        ", because ",
        " because ",
        ", in order to ",
        " in order to ",
        ", so as to ",
        " so as to ",
    ];
    let joined = text
        .match_indices(", and ")
        .find(|(at, join)| starts_a_clause(&text[at + join.len()..]))
        .map(|(at, _)| at);
    let end = cuts
        .iter()
        .filter_map(|cut| text.find(cut))
        .chain(joined)
        .min()
        .unwrap_or(text.len());
    &text[..end]
}

pub(super) fn is_past_verb(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphabetic());
    if word.is_empty() || word.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    matches!(word, "was" | "were")
        || IRREGULAR
            .iter()
            .any(|(past, _)| *past == word && word != "had" && word != "did")
        || (word.len() > 4 && word.ends_with("ed") && !matches!(word, "need" | "indeed" | "speed"))
}

/// "... and agreed to sign" -> "... and agree to sign", after "did": a second verb joined by
/// "and" takes the base form too, where it is known.
fn joined_verbs_in_base_form(rest: &str) -> String {
    let mut words: Vec<String> = rest.split(' ').map(str::to_string).collect();
    for at in 1..words.len() {
        if words[at - 1] == "and"
            && is_past_verb(&words[at])
            && let Some(base) = base_form(&words[at])
        {
            words[at] = base;
        }
    }
    words.join(" ")
}

/// The base form of a past tense, where its spelling leaves no doubt.
pub(super) fn base_form(past: &str) -> Option<String> {
    // "had banned": a compound tense has no one base form.
    if matches!(past, "was" | "were" | "had" | "did") || past.contains(' ') {
        return None;
    }
    if let Some((_, base)) = IRREGULAR.iter().find(|(written, _)| *written == past) {
        return Some(base.to_string());
    }
    let stem = past.strip_suffix("ed")?;
    if past.ends_with("eed") {
        return Some(past[..past.len() - 1].to_string()); // agreed -> agree
    }
    if let Some(stem) = past.strip_suffix("ied") {
        return Some(format!("{stem}y")); // carried -> carry
    }
    let bytes = stem.as_bytes();
    let n = bytes.len();
    // A doubled ASCII letter only: two equal bytes may end one character of another script.
    if n >= 3
        && bytes[n - 1] == bytes[n - 2]
        && bytes[n - 1].is_ascii_lowercase()
        && !matches!(bytes[n - 1], b'l' | b's' | b'f' | b'z')
    {
        return Some(stem[..n - 1].to_string()); // stopped -> stop
    }
    // Two vowels before the last consonant ("sealed", "claimed", "feared") or an unstressed
    // "-er" ("ordered", "offered") take no silent "e"; an "s", "z", "v", "c" or "g" there may
    // ("raised", "ceased").
    let vowel = |byte: u8| b"aeiou".contains(&byte);
    let two_vowels = n >= 3
        && vowel(bytes[n - 2])
        && vowel(bytes[n - 3])
        && !vowel(bytes[n - 1])
        && !b"szvcg".contains(&bytes[n - 1]);
    (two_vowels
        || stem.ends_with("er")
        || CLEAR_ENDINGS.iter().any(|ending| stem.ends_with(ending)))
    .then(|| stem.to_string())
}

pub(super) fn is_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly") && word.starts_with(|c: char| c.is_lowercase())
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s") || word.ends_with("s’") || word.ends_with("s'")
}

/// A subject worth asking about: a few words, led by a capital or "the", no comma, not a
/// vague pronoun.
pub(super) fn is_subject(subject: &str) -> bool {
    let words: Vec<&str> = subject.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    words.len() <= 7
        && !subject.contains([',', '(', '“', '"'])
        && !VAGUE_SUBJECTS.contains(&first.to_lowercase().as_str())
        && (first.starts_with(|c: char| c.is_uppercase()) || *first == "the")
}

/// A subject of a few words in lower case ("local leaders", "representatives of 50
/// countries"), not a pronoun.
fn is_common_subject(subject: &str) -> bool {
    let words: Vec<&str> = subject.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|word| {
            !word.starts_with(char::is_uppercase) && word.chars().all(char::is_alphanumeric)
        })
        && !VAGUE_SUBJECTS.contains(&words[0])
        && !PERSONAL.contains(&words[0])
}

/// A subject as it reads inside a question: "The negotiations" -> "the negotiations".
pub(super) fn in_mid_sentence(subject: &str) -> String {
    match subject.split_once(' ') {
        Some((first, rest)) if matches!(first, "The" | "A" | "An") => {
            format!("{} {rest}", first.to_lowercase())
        }
        _ => subject.to_string(),
    }
}

/// " rest", or nothing for no rest.
fn after_a_space(rest: &str) -> String {
    match rest.is_empty() {
        true => String::new(),
        false => format!(" {rest}"),
    }
}

pub(super) fn spaced(words: &str) -> String {
    if words.is_empty() {
        String::new()
    } else {
        format!("{words} ")
    }
}
