//! The people a text names: which capitalised words it uses as names, the shorter forms of a
//! name a student may give, and the people it names in full ("Kim Il Sung", "Dean Acheson")
//! whom a draft should ask about.
//!
//! Names are told from other capitalised words by how the text writes them, not by a list of
//! people: a word is a name when the text capitalises it mid-sentence, and a name of several
//! words is a person's unless the text writes "the" before it ("the Soviet Union") or one of its
//! words says place, body or nation ("East Asia", "Seventh Fleet", "Korean Army").

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use super::clauses::{PERSONAL, VAGUE_SUBJECTS};
use super::paragraphs::Paragraph;
use crate::questions::check::leading_titles;

/// Words that make a run of capitalised words a place, a body, an event or a nation, not a
/// person.
const NOT_A_PERSON: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Far",
    "Near",
    "Middle",
    "Central",
    "Upper",
    "Lower",
    "New",
    "Great",
    "United",
    "Asia",
    "Europe",
    "Africa",
    "America",
    "Pacific",
    "Atlantic",
    "Ocean",
    "Sea",
    "River",
    "Strait",
    "Bay",
    "Lake",
    "Island",
    "Islands",
    "Mountains",
    "Port",
    "City",
    "Street",
    "Square",
    "War",
    "Union",
    "States",
    "State",
    "Republic",
    "Kingdom",
    "Empire",
    "Nations",
    "Party",
    "Army",
    "Navy",
    "Fleet",
    "Railway",
    "Council",
    "Congress",
    "Senate",
    "Assembly",
    "Committee",
    "Treaty",
    "Pact",
    "Plan",
    "Wall",
    "Revolution",
    "Soviet",
    "Soviets",
    "Communist",
    "Communists",
    "Chinese",
    "British",
    "French",
    "Dutch",
    "Irish",
    "Scottish",
    "Welsh",
    "English",
    "Spanish",
    "Polish",
    "Turkish",
    "Swedish",
    "Danish",
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Consul",
    "Court",
    "House",
    "Church",
    "University",
    "Company",
    "Bank",
    "Day",
    "Age",
    "Crisis",
    "Airlift",
    "Proclamation",
    "Declaration",
    "Act",
    "Doctrine",
    "Agreement",
    "Conference",
    "Association",
    "Service",
    "Center",
    "Centre",
    "Administration",
    "Agency",
    "Program",
    "Programme",
    "Model",
    "Peoples",
    "People",
];

/// Common Chinese, Korean and Vietnamese family names, which English texts write before the
/// given name ("Zhou Enlai", "Deng Xiaoping", "Ho Chi Minh"): the surname of a name that starts
/// with one is its first word.
const FAMILY_NAME_FIRST: &[&str] = &[
    "Mao", "Zhou", "Deng", "Liu", "Lin", "Zhu", "Peng", "Chiang", "Sun", "Wang", "Zhang", "Li",
    "Chen", "Yang", "Huang", "Zhao", "Wu", "Xi", "Hu", "Jiang", "Gao", "Hua", "Yuan", "Kang",
    "Kim", "Park", "Pak", "Choi", "Ho", "Ngo", "Nguyen", "Le", "Tran", "Pham",
];

/// Words before a name that make it the object of a preposition, not of an act ("in Moscow",
/// "made to Dobrynin").
const PREPOSITIONS: &[&str] = &[
    "of", "in", "at", "to", "into", "from", "by", "with", "for", "on", "upon", "and", "or",
    "between", "among", "about", "against", "towards", "toward", "near", "through", "under",
    "over", "after", "before", "than", "as", "the", "a", "an",
];

/// Prepositions after which a single name is a place ("arrival in Moscow").
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "to", "into", "from", "near"];

/// The text's names and their shorter forms, each worked out once (a long text names the same
/// people again and again).
pub struct Names {
    whole_text: String,
    /// How often each word stands in the text on its own.
    word_counts: HashMap<String, usize>,
    /// Capitalised words the text writes after a sentence's first word, or with a possessive
    /// "’s": names, not capitals a sentence's start gives to any word ("Crowds gathered ...").
    mid_sentence: HashSet<String>,
    /// Single names the text writes after "in", "to", "from": places.
    places: HashSet<String>,
    /// Runs of several capitalised words, as the text writes them (a name with its title,
    /// say), and whether each opens its sentence.
    runs: Vec<(String, bool)>,
    known: HashMap<String, Vec<String>>,
    /// Each surname of a person the text names in full, and the full name it stands for
    /// (`None` when two people share it): worked out once, when first asked.
    full_names: Option<HashMap<String, Option<String>>>,
    /// Names the text writes after "the" ("the Soviet Union"), by name: a search of the whole
    /// text each, remembered (the drafter asks about the same names again and again).
    after_the: RefCell<HashMap<String, bool>>,
}

impl Names {
    pub fn new(paragraphs: &[Paragraph]) -> Names {
        let whole_text: String = paragraphs
            .iter()
            .map(|paragraph| paragraph.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let mut word_counts = HashMap::new();
        for word in whole_text.split(|c: char| !c.is_alphanumeric() && c != '-') {
            *word_counts.entry(word.to_string()).or_insert(0) += 1;
        }
        let mut mid_sentence = HashSet::new();
        let mut places = HashSet::new();
        let mut runs = Vec::new();
        for paragraph in paragraphs {
            for sentence in paragraph.sentences() {
                runs.extend(runs_of_capitals(sentence));
                let words: Vec<&str> = sentence.split_whitespace().collect();
                // "Mao’s motives were ...": a possessive of one is a name's, wherever it stands.
                if let Some(first) = words.first()
                    && (first.ends_with("’s") || first.ends_with("'s"))
                    && first.starts_with(|c: char| c.is_uppercase())
                {
                    mid_sentence.insert(bare(first).to_string());
                }
                for at in 1..words.len() {
                    let word = bare(words[at]);
                    if word.starts_with(|c: char| c.is_uppercase()) {
                        mid_sentence.insert(word.to_string());
                        if PLACE_PREPOSITIONS.contains(&words[at - 1]) {
                            places.insert(word.to_string());
                        }
                    }
                }
            }
        }
        Names {
            whole_text,
            word_counts,
            mid_sentence,
            places,
            runs,
            known: HashMap::new(),
            full_names: None,
            after_the: RefCell::new(HashMap::new()),
        }
    }

    /// Whether a one-word subject is a name: the text capitalises it mid-sentence too, so its
    /// capital is not just the sentence's ("Crowds gathered at the gate").
    pub fn is_a_name(&self, subject: &str) -> bool {
        let words: Vec<&str> = subject.split_whitespace().collect();
        match words.as_slice() {
            [word] => self.mid_sentence.contains(bare(word)),
            _ => true,
        }
    }

    /// `prompt` without the capitals a sentence's start gave its words ("Why did Farmers leave
    /// ...?" -> "farmers", "When was it that About 2.5 million people ...?" -> "about"): a word
    /// the text never capitalises mid-sentence, that it writes in lower case elsewhere or that
    /// is a preposition, not a title and not followed by another capitalised word (a name's).
    pub fn without_sentence_capitals(&self, prompt: &str) -> String {
        let words: Vec<&str> = prompt.split(' ').collect();
        let lowered: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(at, word)| {
                let next_is_a_name = words
                    .get(at + 1)
                    .is_some_and(|next| next.starts_with(char::is_uppercase));
                let plain = bare(word);
                let lower = plain.to_lowercase();
                let sentence_capital = at > 0
                    && plain.starts_with(char::is_uppercase)
                    && !self.mid_sentence.contains(plain)
                    && (self.word_counts.contains_key(&lower)
                        || PREPOSITIONS.contains(&lower.as_str()))
                    && titles_in_front(&[plain]) == 0
                    && !next_is_a_name;
                match sentence_capital {
                    true => word.replacen(plain, &lower, 1),
                    false => word.to_string(),
                }
            })
            .collect();
        lowered.join(" ")
    }

    /// `subject` as it reads inside a question: its first word in lower case where it is a
    /// common word for sure, never capitalised mid-sentence and written in lower case elsewhere
    /// ("Ships stopped ..." beside "the ships", "Local leaders founded ...").
    pub fn as_mid_sentence(&self, subject: &str) -> String {
        let (first, rest) = subject.split_once(' ').unwrap_or((subject, ""));
        let common = !self.mid_sentence.contains(bare(first))
            && self.word_counts.contains_key(&first.to_lowercase());
        match (common, rest) {
            (false, _) => subject.to_string(),
            (true, "") => first.to_lowercase(),
            (true, rest) => format!("{} {rest}", first.to_lowercase()),
        }
    }

    /// A card's answer for `subject`, who did something, and the other forms a student may
    /// give: for a person, the name without its title, the surname and the surname with the
    /// title ("President Dwight Eisenhower": "Dwight Eisenhower", "Eisenhower", "President
    /// Eisenhower"); for a country or a body, the name without its article ("The United
    /// States": "United States"), never one of its words alone.
    pub fn answer_and_variants(&mut self, subject: &str) -> (String, Vec<String>) {
        if let Some(both) = self.pair_answer_and_variants(subject) {
            return both;
        }
        // "Eden resigned": the answer is the name the text gives in full elsewhere ("Prime
        // Minister Anthony Eden"), so that a student who writes it in full is right too.
        if let Some(full) = self.full_name_of(subject) {
            return self.answer_and_variants(&full);
        }
        if let Some(name) = without_article(subject) {
            return (format!("The {name}"), vec![name.to_string()]);
        }
        let (title, name) = title_and_name(subject);
        let surnames = match self.is_a_body(name) {
            true => Vec::new(),
            false => self.short_forms(name),
        };
        let mut variants = Vec::new();
        if title.is_some() {
            variants.push(name.to_string());
        }
        variants.extend(without_suffix(name).map(str::to_string));
        variants.extend(surnames.iter().cloned());
        if let (Some(title), Some(surname)) = (title, surnames.first()) {
            variants.push(format!("{title} {surname}"));
        }
        let answer = match title {
            Some(title) => format!("{title} {name}"),
            None => name.to_string(),
        };
        let mut seen = std::collections::HashSet::new();
        variants.retain(|variant| *variant != answer && seen.insert(variant.clone()));
        (answer, variants)
    }

    /// The one person `sentence` names after its first word, who a "he" or "she" opening the
    /// next sentence is ("The boycott made King a national figure. In 1957 he ..."): a person's
    /// name of several words, or one word that is the surname of one person the text names in
    /// full. `None` for none or two.
    pub fn single_person_in(&mut self, sentence: &str) -> Option<String> {
        let runs = runs_of_capitals(sentence);
        let mut people: Vec<String> = runs
            .iter()
            .filter(|(run, at_start)| !at_start && self.is_a_person(run))
            .map(|(run, _)| run.clone())
            .collect();
        // A single name that is no place or body may be a person the text never names in
        // full: it makes "he" unclear, though it is not taken for him.
        let mut unclear = false;
        for word in sentence.split_whitespace().skip(1).map(bare) {
            // "the Supreme Court": a word of a longer name is that name's.
            let in_a_name = runs
                .iter()
                .any(|(run, _)| run.split(' ').any(|w| w == word));
            if in_a_name || !word.starts_with(char::is_uppercase) {
                continue;
            }
            if self.full_name_of(word).is_some() {
                people.push(word.to_string());
            } else {
                unclear |= !self.places.contains(word) && !NOT_A_PERSON.contains(&word);
            }
        }
        people.dedup();
        match people.as_slice() {
            [person] if !unclear => Some(person.clone()),
            _ => None,
        }
    }

    /// "Britain and France": two names acting together, answered as written and accepted in
    /// the other order ("France and Britain") and with each name's shortest form.
    fn pair_answer_and_variants(&mut self, subject: &str) -> Option<(String, Vec<String>)> {
        let (first, second) = subject.split_once(" and ")?;
        let shortest = |names: &mut Names, name: &str| {
            let (answer, variants) = names.answer_and_variants(name);
            variants.into_iter().last().unwrap_or(answer)
        };
        let (short_first, short_second) = (shortest(self, first), shortest(self, second));
        let mut variants = vec![
            format!("{second} and {first}"),
            format!("{short_first} and {short_second}"),
            format!("{short_second} and {short_first}"),
        ];
        let mut seen = HashSet::new();
        variants.retain(|variant| variant != subject && seen.insert(variant.clone()));
        Some((subject.to_string(), variants))
    }

    /// The one person's name, with its title, that the text writes in full and whose surname is
    /// `subject`, a single word; `None` when there is none or more than one ("Bonaparte" for
    /// two brothers).
    fn full_name_of(&mut self, subject: &str) -> Option<String> {
        if subject.contains(' ') {
            return None;
        }
        if self.full_names.is_none() {
            self.full_names = Some(self.find_full_names());
        }
        self.full_names.as_ref()?.get(subject)?.clone()
    }

    /// Each surname of the people the text names in full, with the full name (and title) it
    /// stands for, `None` for one two people share. A run opening a sentence counts whole too:
    /// "Napoleon Bonaparte returned" may name a second Bonaparte even if "Napoleon" is not
    /// written elsewhere.
    fn find_full_names(&mut self) -> HashMap<String, Option<String>> {
        /// The people one surname may stand for, and the full name chosen for it.
        #[derive(Default)]
        struct Bearers {
            names: Vec<String>,
            full: Option<String>,
        }
        let mut by_surname: HashMap<String, Bearers> = HashMap::new();
        let mut seen = HashSet::new();
        let runs: Vec<(String, bool)> = self
            .runs
            .iter()
            .filter(|run| seen.insert(*run))
            .cloned()
            .collect();
        for (run, at_start) in runs {
            let stripped = self.without_sentence_capital(run.clone(), at_start);
            for (candidate, whole) in [(stripped.as_str(), false), (run.as_str(), true)] {
                let (title, name) = title_and_name(candidate);
                if !self.is_a_person(name) {
                    continue;
                }
                for surname in self.short_forms(name) {
                    let bearers = by_surname.entry(surname).or_default();
                    if !bearers.names.iter().any(|seen| seen == name) {
                        bearers.names.push(name.to_string());
                    }
                    if !whole && (bearers.full.is_none() || title.is_some()) {
                        bearers.full = Some(match title {
                            Some(title) => format!("{title} {name}"),
                            None => name.to_string(),
                        });
                    }
                }
            }
        }
        by_surname
            .into_iter()
            .map(|(surname, bearers)| {
                let one = bearers.names.len() == 1;
                (surname, bearers.full.filter(|_| one))
            })
            .collect()
    }

    /// Whether a name without a title is a place, a body or a nation's ("Western Europe",
    /// "Soviet Union"), not a person's: its words alone are no surname.
    fn is_a_body(&self, name: &str) -> bool {
        name.contains(' ') && !self.is_a_person(name)
    }

    /// The shorter forms of a name of several words a student may give: each word of it the
    /// text also uses on its own ("Kim" for Kim Il Sung), else its last word ("Macmillan" for
    /// Harold Macmillan, named once).
    pub fn short_forms(&mut self, name: &str) -> Vec<String> {
        if let Some(known) = self.known.get(name) {
            return known.clone();
        }
        let found = self.work_out(name);
        self.known.insert(name.to_string(), found.clone());
        found
    }

    fn work_out(&self, name: &str) -> Vec<String> {
        let words: Vec<&str> = name
            .split_whitespace()
            .filter(|word| !matches!(*word, "The" | "the" | "A" | "An" | "of"))
            .filter(|word| !is_name_suffix(word))
            .collect();
        if words.len() < 2 {
            // "The Chinese": "Chinese" alone says the same.
            return match name.split_whitespace().count() > words.len() {
                true => words.iter().map(|word| word.to_string()).collect(),
                false => Vec::new(),
            };
        }
        // Which word is the surname depends on the language ("Zhou Enlai", "Dean Acheson"):
        // only a word the text itself uses alone is taken as the short form.
        let used_alone: Vec<String> = words
            .iter()
            .filter(|word| {
                word.len() > 2 && !is_name_particle(word) && self.times_alone(word, name) > 0
            })
            .map(|word| word.to_string())
            .collect();
        if !used_alone.is_empty() {
            return used_alone;
        }
        // Named in full only: the surname is the last word, as most names are written, unless
        // the name is written family name first ("Zhou Enlai") or ends in a hyphenated given
        // name ("Kim Il-sung").
        let (first, last) = (words[0], words[words.len() - 1]);
        if FAMILY_NAME_FIRST.contains(&first) {
            return vec![first.to_string()];
        }
        // "Franklin Roosevelt" and "Eleanor Roosevelt": a last word two people share is
        // neither's surname.
        if last.contains('-') || last.len() <= 2 || self.shares_last_word(name, last) {
            return Vec::new();
        }
        // "W. E. B. Du Bois": a particle written with a capital is the surname's first word.
        match words[words.len() - 2] {
            particle
                if particle.starts_with(char::is_uppercase)
                    && is_name_particle(&particle.to_lowercase()) =>
            {
                vec![format!("{particle} {last}")]
            }
            _ => vec![last.to_string()],
        }
    }

    /// Whether another person the text names in full ends with `last` too.
    fn shares_last_word(&self, name: &str, last: &str) -> bool {
        // As written: "Eleanor Roosevelt" opening a sentence is still a second Roosevelt.
        self.runs
            .iter()
            .map(|(run, _)| title_and_name(run).1.to_string())
            .any(|other| {
                other != name
                    && other.rsplit(' ').next() == Some(last)
                    && !name.ends_with(&format!(" {other}"))
                    && !other.ends_with(&format!(" {name}"))
                    && self.is_a_person(&other)
            })
    }

    /// How often the text writes `word` of `name` on its own, not as a word of a longer name:
    /// "Robert" of "Major Robert Anderson" and "General Robert E. Lee" is no one's surname.
    fn times_alone(&self, word: &str, name: &str) -> usize {
        let in_runs: usize = self
            .runs
            .iter()
            .map(|(run, _)| run.split(' ').filter(|w| bare(w) == word).count())
            .sum();
        // "Franz von Papen" is no run of capitals: the name itself counts too.
        let in_longer_names = in_runs.max(self.whole_text.matches(name).count());
        let written = self.word_counts.get(word).copied().unwrap_or(0);
        written.saturating_sub(in_longer_names)
    }

    /// The people the text names: names of two to four words that are not places, bodies or
    /// nations, and single names it uses as a sentence's subject (`subjects`) that are not
    /// places, in the order the text first writes them.
    pub fn people(&self, paragraphs: &[Paragraph], subjects: &[String]) -> Vec<String> {
        let mut people: Vec<String> = Vec::new();
        for paragraph in paragraphs {
            for sentence in paragraph.sentences() {
                for (name, at_start) in runs_of_capitals(sentence) {
                    let name = self.without_sentence_capital(name, at_start);
                    if self.is_a_person(&name) && !people.contains(&name) {
                        people.push(name);
                    }
                }
            }
        }
        for subject in subjects {
            let single = !subject.contains(' ');
            let known = people
                .iter()
                .any(|person| person.split(' ').any(|word| word == subject) || person == subject);
            if single
                && !known
                && self.is_a_name(subject)
                && !self.places.contains(subject)
                && !NOT_A_PERSON.contains(&subject.as_str())
            {
                people.push(subject.clone());
            }
        }
        people
    }

    /// A run of capitalised words without its first when that is capitalised only for opening
    /// the sentence ("But Mao remained ..."): a word the text capitalises elsewhere too stays.
    fn without_sentence_capital(&self, run: String, at_start: bool) -> String {
        match run.split_once(' ') {
            // "President Abraham Lincoln called ...": a title is the name's, not the sentence's.
            Some((first, rest))
                if at_start
                    && !self.mid_sentence.contains(first)
                    && titles_in_front(&[first]) == 0 =>
            {
                rest.to_string()
            }
            _ => run,
        }
    }

    fn is_a_person(&self, name: &str) -> bool {
        let words: Vec<&str> = name.split(' ').collect();
        let without_initials = words.iter().filter(|word| !is_initial(word)).count();
        let nation = |word: &&str| {
            word.chars().count() >= 6
                && ["ese", "ian", "ean", "can"]
                    .iter()
                    .any(|ending| word.ends_with(ending))
        };
        let acronym = |word: &&str| {
            word.len() > 1
                && word.chars().all(|c| !c.is_lowercase())
                && !is_name_suffix(word)
                && !is_initial(word)
        };
        (2..=4).contains(&without_initials)
            && !words.iter().any(|word| {
                NOT_A_PERSON.contains(word) || nation(word) || acronym(word) || word.contains('-')
            })
            && !self.written_after_the(name)
    }

    /// Whether the text writes "the NAME" or "The NAME" anywhere.
    fn written_after_the(&self, name: &str) -> bool {
        if let Some(known) = self.after_the.borrow().get(name) {
            return *known;
        }
        let found = self.whole_text.contains(&format!("the {name}"))
            || self.whole_text.contains(&format!("The {name}"));
        self.after_the.borrow_mut().insert(name.to_string(), found);
        found
    }
}

/// `subject` without its leading article, if it has one: "The United States", "the
/// Bolsheviks".
fn without_article(subject: &str) -> Option<&str> {
    let name = subject
        .strip_prefix("The ")
        .or_else(|| subject.strip_prefix("the "))?;
    name.starts_with(|c: char| c.is_uppercase()).then_some(name)
}

/// The title before a name and the name: "Egyptian President Gamal Abdel Nasser" ->
/// ("President", "Gamal Abdel Nasser"). Capitalised words before the title say whose office it
/// is ("Egyptian", "West German") and are left out of both. A name without a title, or a title
/// with no name after it, is the whole. Titles are the answer checker's, so a student may give
/// the name as the checker reads it.
pub fn title_and_name(subject: &str) -> (Option<&str>, &str) {
    let words: Vec<(usize, &str)> = subject
        .split(' ')
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .collect();
    let written: Vec<&str> = words.iter().map(|(_, word)| *word).collect();
    // At most two words of whose office it is: "British Prime Minister", "West German
    // Chancellor".
    for (position, (start, word)) in words.iter().enumerate().take(3) {
        if !word.starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        let length = titles_in_front(&written[position..]);
        let Some((name_start, first)) = words.get(position + length).filter(|_| length > 0) else {
            continue;
        };
        if !first.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let name = &subject[*name_start..];
        // "Soviet Premier" alone before a name is an office; a title after other words of
        // a name ("Lucius General Clay") is not.
        let before_are_descriptors = written[..position]
            .iter()
            .all(|word| titles_in_front(&[word]) == 0);
        // "General Assembly", "Prince Edward Island": a body or a place, no one's title.
        let names_a_person = !name
            .split(' ')
            .any(|word| NOT_A_PERSON.contains(&bare(word)))
            && !name.split(' ').all(is_name_suffix);
        if before_are_descriptors && names_a_person {
            return (Some(&subject[*start..name_start - 1]), name);
        }
    }
    (None, described_name(subject).unwrap_or(subject))
}

/// How many of `words` (as a text writes them: "Prime", "Minister", "Gen.") from the first
/// are titles or offices.
fn titles_in_front(words: &[&str]) -> usize {
    let normal: Vec<String> = words
        .iter()
        .map(|word| word.trim_end_matches('.').to_lowercase())
        .collect();
    let normal: Vec<&str> = normal.iter().map(String::as_str).collect();
    leading_titles(&normal)
}

/// "Soviet leader Mikhail Gorbachev", "the party spokesman Günter Schabowski" -> the name: a
/// name of two words or more after a few words describing the person, one of them in lower
/// case ("leader") and none a preposition ("the troops of Marshal Zhukov" are not Zhukov).
fn described_name(subject: &str) -> Option<&str> {
    let words: Vec<&str> = subject.split(' ').collect();
    let in_name =
        |word: &&str| word.starts_with(|c: char| c.is_uppercase()) || is_name_particle(word);
    let name_from = words.iter().rposition(|word| !in_name(word))? + 1;
    let (description, name) = words.split_at(name_from);
    let describes = description.len() <= 4
        && description.iter().all(|word| {
            word.chars().all(char::is_alphabetic)
                && (!PREPOSITIONS.contains(word) || matches!(*word, "the" | "a" | "an"))
        })
        && description.iter().any(|word| {
            word.starts_with(char::is_lowercase) && !matches!(*word, "the" | "a" | "an")
        });
    let names_a_person = name.len() >= 2 && !name.iter().any(|word| NOT_A_PERSON.contains(word));
    (describes && names_a_person).then(|| &subject[subject.len() - name.join(" ").len()..])
}

/// The small words inside a name ("Paul von Hindenburg", "Charles de Gaulle"), written in
/// lower case but part of it.
pub fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "von"
            | "van"
            | "de"
            | "du"
            | "da"
            | "di"
            | "del"
            | "der"
            | "den"
            | "la"
            | "le"
            | "bin"
            | "ibn"
            | "al"
    )
}

/// What follows a name as part of it ("Martin Luther King Jr.", "Nicholas II"): no surname,
/// no name after a title, and its stop no sentence's end.
const NAME_SUFFIXES: &[&str] = &["Jr", "Sr", "II", "III", "IV"];

/// Whether `word` ("Jr.", "III,") is a [`NAME_SUFFIXES`].
pub fn is_name_suffix(word: &str) -> bool {
    NAME_SUFFIXES.contains(&word.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

/// "Martin Luther King Jr." -> "Martin Luther King": a name of two words or more without its
/// suffix, a form a student may give.
fn without_suffix(name: &str) -> Option<&str> {
    let (rest, last) = name.rsplit_once(' ')?;
    (is_name_suffix(last) && rest.contains(' ')).then_some(rest)
}

/// A title written short with its stop ("Dr.", "Gen.", "Mr."): one of the checker's titles, of
/// at most four letters, with a capital.
pub fn is_short_title(word: &str) -> bool {
    let letters = word.trim_end_matches('.');
    letters.starts_with(char::is_uppercase)
        && letters.len() <= 4
        && titles_in_front(&[letters]) == 1
}

/// An initial in a name: "E." of "Robert E. Lee", "W." of "W. E. B. Du Bois".
pub fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(letter), Some('.'), None) if letter.is_uppercase()
    )
}

/// A capitalised word that is no article, preposition or pronoun: one a name may start with.
pub fn may_start_a_name(word: &str) -> bool {
    let lower = bare(word).to_lowercase();
    word.starts_with(char::is_uppercase)
        && !PREPOSITIONS.contains(&lower.as_str())
        && !PERSONAL.contains(&lower.as_str())
        && !VAGUE_SUBJECTS.contains(&lower.as_str())
}

/// Whether `words` end with a title: "the British Chancellor".
pub fn ends_with_title(words: &str) -> bool {
    let words: Vec<&str> = words.split(' ').collect();
    (0..words.len()).any(|from| titles_in_front(&words[from..]) == words.len() - from)
}

/// A word without the punctuation around it and without a possessive "’s".
pub fn bare(word: &str) -> &str {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
        .trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// The runs of two or more capitalised words in `sentence`, each with whether it starts the
/// sentence (an article or a preposition there is left out).
fn runs_of_capitals(sentence: &str) -> Vec<(String, bool)> {
    let mut runs: Vec<(String, usize)> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let words: Vec<&str> = sentence.split_whitespace().collect();
    for (at, written) in words.iter().enumerate() {
        // "Jr." and an initial ("E.") keep their stop: it is written so as part of the name.
        let initial = is_initial(written.trim_end_matches(','));
        let word = match (is_name_suffix(bare(written)) || initial) && written.contains('.') {
            true => &written[..written.find('.').map_or(written.len(), |stop| stop + 1)],
            false => bare(written),
        };
        let capital = word.starts_with(|c: char| c.is_uppercase())
            && !(at == 0 && PREPOSITIONS.contains(&word.to_lowercase().as_str()))
            && !matches!(word, "The" | "A" | "An" | "I");
        // A word opening a quotation or a bracket starts a run of its own.
        if capital && written.starts_with(['(', '“', '"']) && !run.is_empty() {
            runs.push((run.join(" "), at - run.len()));
            run.clear();
        }
        if capital {
            run.push(word);
        } else if !run.is_empty() {
            runs.push((run.join(" "), at - run.len()));
            run.clear();
        }
        // A comma, a possessive or a closing mark ends the name.
        let ends = written.ends_with([',', ';', ':', ')', '”', '"'])
            || (written.ends_with('.') && !initial)
            || written.ends_with("’s")
            || written.ends_with("'s")
            || written.ends_with('’');
        if ends && !run.is_empty() {
            runs.push((run.join(" "), at + 1 - run.len()));
            run.clear();
        }
    }
    if !run.is_empty() {
        runs.push((run.join(" "), words.len() - run.len()));
    }
    runs.into_iter()
        .filter(|(run, _)| run.contains(' '))
        .map(|(run, start)| (run, start == 0))
        .collect()
}

/// How `name` stands in `sentence` where it does something or has something done to it: the
/// byte range of the name as written (one of `forms`), found as a possessive ("Kim’s plan") or
/// after a word that is not a preposition ("offering Kim Il Sung", "inspire Kim to").
pub fn acting(sentence: &str, forms: &[String]) -> Option<(usize, usize)> {
    for form in forms {
        let mut from = 0;
        while let Some(found) = sentence[from..].find(form.as_str()) {
            let start = from + found;
            let end = start + form.len();
            from = end;
            let whole_word = !sentence[..start].ends_with(char::is_alphanumeric)
                && !sentence[end..].starts_with(char::is_alphanumeric);
            if !whole_word {
                continue;
            }
            let possessive = sentence[end..].starts_with("’s") || sentence[end..].starts_with("'s");
            let word_before = sentence[..start].split_whitespace().next_back();
            let after_a_verb = word_before.is_some_and(|word| {
                word.starts_with(|c: char| c.is_lowercase())
                    && word.ends_with(char::is_alphabetic)
                    && !PREPOSITIONS.contains(&word)
            });
            if possessive || after_a_verb {
                return Some((start, end));
            }
        }
    }
    None
}
