//! What a lenient check let pass, counted while matching and said to the student in one short
//! sentence: "Accepted: title ignored", "Almost: one letter off, middle initial left out".

use std::cmp::Ordering;

/// The order a name was written in, when it is not the listed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NameOrder {
    /// "Acheson, Dean" for Dean Acheson: the last word first.
    SurnameFirst,
    /// "Il Sung Kim" for Kim Il Sung: the first word last.
    SurnameLast,
}

/// What one match of a typed answer against a listed one set aside. The default is nothing:
/// an exact match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Forgiven {
    /// A title, rank or office was dropped from either side.
    pub title: bool,
    /// The same letters, spaced differently ("Kim Ilsung").
    pub spacing: bool,
    /// Typos, summed over the words.
    pub letters_off: usize,
    /// Given names written as initials ("D. Acheson").
    pub initials: usize,
    /// Listed initials left out ("Harry Truman" for Harry S. Truman).
    pub initials_dropped: usize,
    /// Initials the list does not have ("Dean G. Acheson").
    pub initials_added: usize,
    pub order: Option<NameOrder>,
}

impl Forgiven {
    /// Whether the answer is still right as it stands, not only near: a title is all that
    /// was set aside.
    pub(super) fn is_exact_apart_from_title(&self) -> bool {
        Forgiven {
            title: false,
            ..*self
        } == Forgiven::default()
    }

    /// How far the answer strayed, to pick the closest of several matches: each typo and each
    /// other thing set aside counts one.
    fn cost(&self) -> usize {
        self.letters_off
            + self.initials
            + self.initials_dropped
            + self.initials_added
            + usize::from(self.title)
            + usize::from(self.spacing)
            + usize::from(self.order.is_some())
    }

    /// Orders matches from the closest; between equally close ones, one that only set a title
    /// aside comes first.
    pub(super) fn closer(&self, other: &Forgiven) -> Ordering {
        let near = |forgiven: &Forgiven| !forgiven.is_exact_apart_from_title();
        self.cost()
            .cmp(&other.cost())
            .then_with(|| near(self).cmp(&near(other)))
    }

    /// Adds up the counts of two parts of one match.
    pub(super) fn plus(self, other: Forgiven) -> Forgiven {
        Forgiven {
            title: self.title || other.title,
            spacing: self.spacing || other.spacing,
            letters_off: self.letters_off + other.letters_off,
            initials: self.initials + other.initials,
            initials_dropped: self.initials_dropped + other.initials_dropped,
            initials_added: self.initials_added + other.initials_added,
            order: self.order.or(other.order),
        }
    }

    /// The sentence shown to the student, opening with `verdict` ("Accepted", "Almost").
    pub(super) fn sentence(&self, verdict: &str) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.title {
            parts.push("title ignored".into());
        }
        match self.order {
            Some(NameOrder::SurnameFirst) => parts.push("name written surname first".into()),
            Some(NameOrder::SurnameLast) => parts.push("name written surname last".into()),
            None => {}
        }
        match self.initials {
            0 => {}
            1 => parts.push("given name written as an initial".into()),
            _ => parts.push("given names written as initials".into()),
        }
        if self.initials_dropped > 0 {
            parts.push(plural(self.initials_dropped, "initial", "left out"));
        }
        if self.initials_added > 0 {
            parts.push(plural(self.initials_added, "initial", "added"));
        }
        if self.spacing {
            parts.push("spacing differs".into());
        }
        match self.letters_off {
            0 => {}
            1 => parts.push("one letter off".into()),
            2 => parts.push("two letters off".into()),
            many => parts.push(format!("{many} letters off")),
        }
        format!("{verdict}: {}", parts.join(", "))
    }
}

/// "middle initial left out", "2 middle initials added".
fn plural(count: usize, what: &str, done: &str) -> String {
    if count == 1 {
        format!("middle {what} {done}")
    } else {
        format!("{count} middle {what}s {done}")
    }
}

/// The sentence for a date read past a word that made it vaguer than it looks: "Accepted:
/// “late” ignored".
pub(super) fn vague_date(word: &str) -> String {
    format!("Accepted: “{word}” ignored")
}
