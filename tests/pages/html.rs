//! Just enough HTML reading for the tests: start tags and their attributes, the forms of a page
//! (to submit them as a browser would), and the text a reader sees.
//!
//! The templates are ours and well formed, so a scanner over `<tag ...>` is enough; a full
//! parser would be a dependency for nothing.

/// One start tag: its name and attributes (values unescaped), and where it ends in the page.
#[derive(Debug, Clone)]
pub struct Tag {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    /// The byte just after the tag's `>`.
    pub end: usize,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn has(&self, name: &str) -> bool {
        self.attr(name).is_some()
    }
}

/// Every start tag called `name`, in order.
pub fn tags(html: &str, name: &str) -> Vec<Tag> {
    let opening = format!("<{name}");
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = html[from..].find(&opening) {
        let start = from + offset;
        let after_name = start + opening.len();
        from = after_name;
        let next = html[after_name..].chars().next();
        if !next.is_some_and(|c| c.is_whitespace() || c == '>' || c == '/') {
            continue; // `<b` matched `<body`
        }
        let Some(close) = tag_end(&html[after_name..]) else {
            break;
        };
        let end = after_name + close + 1;
        found.push(Tag {
            name: name.to_string(),
            attributes: attributes(&html[after_name..end - 1]),
            end,
        });
        from = end;
    }
    found
}

/// Where the `>` closing a start tag is, skipping `>` inside quoted values.
fn tag_end(rest: &str) -> Option<usize> {
    let mut quote = None;
    for (index, c) in rest.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(open), _) if c == open => quote = None,
            (None, '>') => return Some(index),
            _ => {}
        }
    }
    None
}

fn attributes(inside: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = inside.trim_start();
    while !rest.is_empty() {
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = rest[name_end..].trim_start();
        let mut value = String::new();
        if let Some(after_equals) = rest.strip_prefix('=') {
            let after_equals = after_equals.trim_start();
            let (raw, remaining) = match after_equals.chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let body = &after_equals[1..];
                    let close = body.find(quote).unwrap_or(body.len());
                    (&body[..close], body.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let close = after_equals
                        .find(char::is_whitespace)
                        .unwrap_or(after_equals.len());
                    (&after_equals[..close], &after_equals[close..])
                }
            };
            value = unescape(raw);
            rest = remaining;
        } else if name.is_empty() {
            rest = &rest[1..]; // a stray `/`
        }
        if !name.is_empty() {
            found.push((name, value));
        }
        rest = rest.trim_start();
    }
    found
}

/// Undoes HTML escaping: the named entities the templates produce and numeric references.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|end| *end <= 10).and_then(|end| {
            let entity = &rest[1..end];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a reader sees: the text without tags, scripts or styles, entities decoded, whitespace
/// collapsed to single spaces.
pub fn text(html: &str) -> String {
    let mut visible = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        visible.push_str(&rest[..open]);
        visible.push(' ');
        rest = &rest[open..];
        let skip_to = ["script", "style", "title"]
            .iter()
            .find(|name| rest.starts_with(&format!("<{name}")))
            .and_then(|name| {
                let close = format!("</{name}>");
                rest.find(&close).map(|at| at + close.len())
            });
        let end = skip_to.or_else(|| tag_end(&rest[1..]).map(|at| at + 2));
        rest = &rest[end.unwrap_or(rest.len())..];
    }
    visible.push_str(rest);
    unescape(&visible)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The HTML between the start tag `tag` and the end tag that closes it (nesting counted); the
/// rest of the page when nothing closes it.
pub fn inner<'a>(html: &'a str, tag: &Tag) -> &'a str {
    let closing = format!("</{}>", tag.name);
    let mut depth = 1;
    let mut at = tag.end;
    while let Some(close) = html[at..].find(&closing).map(|offset| at + offset) {
        depth += tags(&html[at..close], &tag.name).len();
        depth -= 1;
        if depth == 0 {
            return &html[tag.end..close];
        }
        at = close + closing.len();
    }
    &html[tag.end..]
}

/// One `<form>` of a page, ready to fill in and submit as a browser would.
#[derive(Debug, Clone)]
pub struct Form {
    pub action: String,
    /// The fields a browser sends as they stand: hidden and text inputs with a name.
    pub fields: Vec<(String, String)>,
    /// Radio buttons and checkboxes: (name, value), none ticked unless the page ticked it.
    pub options: Vec<(String, String)>,
    /// Submit buttons: (name, value, visible text).
    pub buttons: Vec<(String, String, String)>,
    /// The inputs as tags, for their other attributes (autofocus, aria-describedby, ...).
    pub inputs: Vec<Tag>,
}

impl Form {
    /// The value of field `name` as the page set it.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// Types `value` into the field `name`, which the form must have.
    pub fn fill(mut self, name: &str, value: &str) -> Form {
        let field = self.fields.iter_mut().find(|(key, _)| key == name);
        let field =
            field.unwrap_or_else(|| panic!("the form to {} has no field {name}", self.action));
        field.1 = value.to_string();
        self
    }

    /// Ticks the option `value` of `name` (a radio button or a checkbox the form must offer).
    pub fn tick(mut self, name: &str, value: &str) -> Form {
        assert!(
            self.options
                .iter()
                .any(|(key, option)| key == name && option == value),
            "the form to {} offers no {name} = {value:?}: {:?}",
            self.action,
            self.options
        );
        self.fields.push((name.to_string(), value.to_string()));
        self
    }

    /// The fields sent when the submit button `name` = `value` is pressed (it must exist).
    pub fn press(&self, name: &str, value: &str) -> Vec<(String, String)> {
        assert!(
            self.buttons
                .iter()
                .any(|(key, pressed, _)| key == name && pressed == value),
            "the form to {} has no button {name} = {value}: {:?}",
            self.action,
            self.buttons
        );
        let mut fields = self.fields.clone();
        fields.push((name.to_string(), value.to_string()));
        fields
    }

    /// The fields sent by a plain submit (Enter, or a button without a name).
    pub fn submit(&self) -> Vec<(String, String)> {
        self.fields.clone()
    }
}

/// Every form of a page.
pub fn forms(html: &str) -> Vec<Form> {
    tags(html, "form")
        .into_iter()
        .map(|form| {
            let body = inner(html, &form);
            let mut fields = Vec::new();
            let mut options = Vec::new();
            let inputs = tags(body, "input");
            for input in &inputs {
                let Some(name) = input.attr("name") else {
                    continue;
                };
                let value = input.attr("value").unwrap_or("").to_string();
                match input.attr("type").unwrap_or("text") {
                    "radio" | "checkbox" => {
                        if input.has("checked") {
                            fields.push((name.to_string(), value.clone()));
                        }
                        options.push((name.to_string(), value));
                    }
                    "submit" | "button" | "reset" => {}
                    _ => fields.push((name.to_string(), value)),
                }
            }
            let buttons = tags(body, "button")
                .iter()
                .filter(|button| button.attr("type").unwrap_or("submit") == "submit")
                .map(|button| {
                    (
                        button.attr("name").unwrap_or("").to_string(),
                        button.attr("value").unwrap_or("").to_string(),
                        text(inner(body, button)),
                    )
                })
                .collect();
            Form {
                action: form.attr("action").unwrap_or("").to_string(),
                fields,
                options,
                buttons,
                inputs,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_read_in_any_order_and_unescaped() {
        let found = tags(
            r#"<p><input type="hidden" value="a&amp;b&#x2f;c" name=x autofocus></p>"#,
            "input",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].attr("value"), Some("a&b/c"));
        assert_eq!(found[0].attr("name"), Some("x"));
        assert!(found[0].has("autofocus"));
        assert!(tags("<body>", "b").is_empty());
    }

    #[test]
    fn text_drops_tags_and_scripts_and_collapses_space() {
        let html = "<p>One &lt;two&gt;</p>\n<script>var x = '<b>';</script><b>three</b>";
        assert_eq!(text(html), "One <two> three");
    }

    #[test]
    fn inner_counts_nested_elements_of_the_same_name() {
        let html = "<div a><div>in</div>out</div>after";
        let outer = &tags(html, "div")[0];
        assert_eq!(inner(html, outer), "<div>in</div>out");
    }

    #[test]
    fn a_form_sends_hidden_and_text_fields_and_only_ticked_options() {
        let html = r#"<form action="/go"><input type="hidden" name="t" value="1">
            <input type="checkbox" name="a" value="x"><input type="checkbox" name="a" value="y" checked>
            <button type="submit" name="q" value="4">Good</button></form>"#;
        let form = forms(html).remove(0);
        assert_eq!(form.action, "/go");
        assert_eq!(
            form.submit(),
            [("t".to_string(), "1".to_string()), ("a".into(), "y".into())]
        );
        assert_eq!(
            form.buttons,
            [("q".to_string(), "4".to_string(), "Good".to_string())]
        );
        assert_eq!(form.press("q", "4").last().unwrap().1, "4");
    }
}
