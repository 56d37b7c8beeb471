//! The forms a text card lists: its answer and each accepted answer, where parentheses give
//! alternatives.
//!
//! `"Lüshun (Port Arthur)"` lists "Lüshun", "Port Arthur", "Lüshun (Port Arthur)" and
//! "Port Arthur (Lüshun)": either name alone, or both in either order. Several groups
//! (`"Lüshun (Port Arthur) (Ryojun)"`) each give one more alternative; both-in-the-other-order
//! is only read for one group. A parenthesis without its pair, or one inside another, is read
//! as punctuation, like any other symbol: the form then lists only itself.

use std::borrow::Cow;

use super::text::normalize_text;

/// One way a listed answer may be given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Form<'a> {
    /// As the set writes it, shown as the exact form after an `almost` answer.
    pub shown: Cow<'a, str>,
    /// Its normal form ([`normalize_text`]).
    pub normal: String,
    /// Its first and last words start with a capital (or a letter without case, as in
    /// Korean or Chinese): a proper name, which a title may precede.
    pub capitalised: bool,
}

impl<'a> Form<'a> {
    fn new(shown: Cow<'a, str>) -> Form<'a> {
        let capitalised = is_capitalised(&shown);
        Form {
            normal: normalize_text(&shown),
            shown,
            capitalised,
        }
    }
}

/// Every form the card lists, the answer's first, in the order written. Forms with nothing
/// left once normalised are left out.
pub(super) fn listed_forms<'a>(answer: &'a str, accept: &'a [String]) -> Vec<Form<'a>> {
    let mut forms = Vec::with_capacity(accept.len() + 1);
    for listed in std::iter::once(answer).chain(accept.iter().map(String::as_str)) {
        forms.push(Form::new(Cow::Borrowed(listed)));
        forms.extend(alternatives(listed).into_iter().map(Form::new));
    }
    forms.retain(|form| !form.normal.is_empty());
    forms
}

/// The alternatives a listed form's parentheses give, besides the form itself: the text outside
/// them, each group's text, and for one group both in the other order, "Port Arthur (Lüshun)".
/// Empty when the form has no well-formed parentheses.
fn alternatives(listed: &str) -> Vec<Cow<'_, str>> {
    if !listed.contains('(') {
        return Vec::new();
    }
    let Some(groups) = groups(listed) else {
        return Vec::new();
    };
    let mut outside = String::with_capacity(listed.len());
    let mut from = 0;
    for group in &groups {
        outside.push_str(&listed[from..group.start - 1]);
        outside.push(' ');
        from = group.end + 1;
    }
    outside.push_str(&listed[from..]);
    let outside = outside.split_whitespace().collect::<Vec<_>>().join(" ");
    let inside: Vec<&str> = groups
        .iter()
        .map(|group| listed[group.clone()].trim())
        .filter(|text| !text.is_empty())
        .collect();
    let mut found: Vec<Cow<'_, str>> = inside.iter().map(|text| Cow::Borrowed(*text)).collect();
    if let [only] = inside.as_slice()
        && !outside.is_empty()
    {
        found.push(Cow::Owned(format!("{only} ({outside})")));
    }
    if !outside.is_empty() {
        found.push(Cow::Owned(outside));
    }
    found
}

/// The byte ranges inside each pair of parentheses, or `None` when one is unpaired or nested.
fn groups(text: &str) -> Option<Vec<std::ops::Range<usize>>> {
    let mut groups = Vec::new();
    let mut open = None;
    for (at, c) in text.char_indices() {
        match (c, open) {
            ('(', None) => open = Some(at + 1),
            (')', Some(start)) => {
                groups.push(start..at);
                open = None;
            }
            ('(', Some(_)) | (')', None) => return None,
            _ => {}
        }
    }
    open.is_none().then_some(groups)
}

/// Whether the first and last words each start with a letter that is not lower case.
fn is_capitalised(text: &str) -> bool {
    let starts_upper = |word: &str| {
        word.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
    };
    let mut words = text.split_whitespace();
    let first = words.next();
    let last = words.next_back().or(first);
    first.is_some_and(starts_upper) && last.is_some_and(starts_upper)
}
