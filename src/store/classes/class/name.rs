//! A class's name, valid by construction: what the create-class form sends, trimmed and checked.

/// The longest class name, in characters.
pub const MAX_CLASS_NAME_CHARS: usize = 80;

/// A class's name: 1 to [`MAX_CLASS_NAME_CHARS`] characters, trimmed, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassName(String);

/// Text that cannot be a class name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClassNameError {
    #[error("give the class a name")]
    Empty,
    #[error("a class name has at most {MAX_CLASS_NAME_CHARS} characters; this one has {0}")]
    TooLong(usize),
    #[error("a class name is one line of text, without tabs or line breaks")]
    Control,
}

impl ClassName {
    pub fn parse(text: &str) -> Result<ClassName, ClassNameError> {
        let name = text.trim();
        let length = name.chars().count();
        if length == 0 {
            Err(ClassNameError::Empty)
        } else if length > MAX_CLASS_NAME_CHARS {
            Err(ClassNameError::TooLong(length))
        } else if name.chars().any(char::is_control) {
            Err(ClassNameError::Control)
        } else {
            Ok(ClassName(name.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_and_kept_as_typed() {
        assert_eq!(
            ClassName::parse("  History 9B ").unwrap().as_str(),
            "History 9B"
        );
        assert_eq!(
            ClassName::parse("Grüße & <b>").unwrap().as_str(),
            "Grüße & <b>"
        );
    }

    #[test]
    fn an_empty_a_long_or_a_multi_line_name_is_refused() {
        assert_eq!(ClassName::parse(" \t "), Err(ClassNameError::Empty));
        let long = "é".repeat(MAX_CLASS_NAME_CHARS + 1);
        assert_eq!(
            ClassName::parse(&long),
            Err(ClassNameError::TooLong(MAX_CLASS_NAME_CHARS + 1))
        );
        assert!(ClassName::parse(&"é".repeat(MAX_CLASS_NAME_CHARS)).is_ok());
        assert_eq!(
            ClassName::parse("History\n9B"),
            Err(ClassNameError::Control)
        );
    }
}
