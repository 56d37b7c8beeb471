//! What a card template shows: the fields it names in `{{…}}`. A reader cannot go by a note
//! type's name (Anki translates "Basic" and "Cloze" into the user's language), so it goes by
//! its templates: the fields the question shows are the front, a `{{type:Field}}` makes a
//! typed answer, and `{{cloze:Field}}` names a cloze type's text.

/// The fields one side of a template refers to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shown {
    /// Shown as they are (`{{Field}}`, `{{text:Field}}`, ...), in order, each once.
    pub fields: Vec<String>,
    /// The field typed in (`{{type:Field}}`).
    pub typed: Option<String>,
    /// The cloze text's field (`{{cloze:Field}}`).
    pub cloze: Option<String>,
}

/// Reads the references of `template`. Conditionals (`{{#F}}`, `{{^F}}`, `{{/F}}`), comments
/// and `{{FrontSide}}` show no field of their own.
pub fn shown(template: &str) -> Shown {
    let mut shown = Shown::default();
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}") else {
            break;
        };
        let inside = rest[open + 2..open + close].trim();
        rest = &rest[open + close + 2..];
        if inside.starts_with(['#', '^', '/', '!', '=']) || inside == "FrontSide" {
            continue;
        }
        let mut parts: Vec<&str> = inside.split(':').collect();
        let Some(field) = parts.pop().map(str::trim).filter(|f| !f.is_empty()) else {
            continue;
        };
        let field = field.to_string();
        if parts.contains(&"cloze") {
            shown.cloze.get_or_insert(field);
        } else if parts.contains(&"type") {
            shown.typed.get_or_insert(field);
        } else if !shown.fields.contains(&field) {
            shown.fields.push(field);
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_typed_fields_and_cloze_fields_are_told_apart() {
        let front = shown("{{Front}}\n\n{{type:Back}}");
        assert_eq!(front.fields, ["Front"]);
        assert_eq!(front.typed.as_deref(), Some("Back"));
        let optional = shown("{{#Add Reverse}}{{Back}}{{/Add Reverse}}");
        assert_eq!(optional.fields, ["Back"]);
        let answer = shown("{{FrontSide}}<hr id=answer>{{text:When}} {{ When }}");
        assert_eq!(answer.fields, ["When"]);
        let cloze = shown("{{cloze:Text}}<br>{{Back Extra}}");
        assert_eq!(cloze.cloze.as_deref(), Some("Text"));
        assert_eq!(cloze.fields, ["Back Extra"]);
        assert_eq!(shown("{{unclosed").fields, Vec::<String>::new());
    }
}
