//! A set file must be UTF-8 text. Reading one from bytes (a file on disk, an upload) either
//! gives its text or says where the first byte that is not UTF-8 stands, so that a binary file
//! or one saved in another encoding gets a clear, located error instead of a garbled parse.

use crate::questions::parse::line_and_column;
use crate::questions::rules::Problem;

/// Where a file stops being UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotUtf8 {
    /// The line and character column of the first bad byte, counted from 1.
    pub line: usize,
    pub column: usize,
    /// The bad byte itself.
    pub byte: Option<u8>,
}

impl NotUtf8 {
    /// What is wrong and how to fix it.
    pub fn problem(&self) -> Problem {
        let byte = self
            .byte
            .map_or(String::new(), |byte| format!(" (byte 0x{byte:02X})"));
        Problem::new(
            format!("the file is not UTF-8 text{byte}"),
            "save the file as UTF-8",
        )
    }
}

/// The bytes as text, or where the first byte that is not UTF-8 stands.
pub fn decode(bytes: Vec<u8>) -> Result<String, NotUtf8> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let bytes = error.as_bytes();
        // The bytes before `valid` are UTF-8 by definition; locate the first bad byte in them.
        let before = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        let (line, column) = line_and_column(before, valid);
        NotUtf8 {
            line,
            column,
            byte: bytes.get(valid).copied(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_text_is_returned_as_it_is() {
        assert_eq!(decode("Séoul\n".as_bytes().to_vec()).unwrap(), "Séoul\n");
    }

    #[test]
    fn the_first_bad_byte_is_located_by_line_and_character_column() {
        let mut bytes = "a\nSé".as_bytes().to_vec();
        bytes.push(0xFF);
        let error = decode(bytes).unwrap_err();
        assert_eq!((error.line, error.column, error.byte), (2, 3, Some(0xFF)));
        assert_eq!(
            error.problem().message,
            "the file is not UTF-8 text (byte 0xFF)"
        );
    }
}
