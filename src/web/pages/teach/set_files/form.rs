//! Reading the upload form: `multipart/form-data`, field by field, each within its limit.
//!
//! actix-multipart walks the fields; this type keeps them. A field over its limit is read to
//! its end and dropped, and the upload is marked too large, so the whole body is still read
//! and the browser gets the 413 page rather than a reset connection. A body declaring more than
//! [`BODY_LIMIT`] is refused at once, without reading it through.

use std::any::Any;
use std::future::Future;
use std::pin::Pin;

use actix_multipart::form::{Limits, MultipartCollect, State};
use actix_multipart::{Field, MultipartError};
use actix_web::HttpRequest;
use actix_web::error::PayloadError;
use actix_web::http::header::CONTENT_LENGTH;

/// The largest set file (or pasted set) taken: a set of a thousand cards is a tenth of it.
pub const SET_FILE_LIMIT: usize = 1024 * 1024;
/// The largest file chosen: an Anki package may carry media (not kept). Any other file is
/// held to [`SET_FILE_LIMIT`] once read.
const PACKAGE_LIMIT: usize = 16 * 1024 * 1024;
/// The largest of the other fields (the CSRF token, a set id, a title).
const FIELD_LIMIT: usize = 4 * 1024;
/// A body declaring more than this is refused before it is read.
const BODY_LIMIT: u64 = 32 * 1024 * 1024;
/// Where the fields gather in actix-multipart's state while they are read.
const KEY: &str = "set-upload";

/// The fields of an upload or publish form. Unknown fields are read and ignored.
#[derive(Debug, Default, Clone)]
pub struct SetUpload {
    pub csrf_token: String,
    /// `toml` or `sheet`.
    pub format: String,
    pub set_id: String,
    pub set_title: String,
    /// The set a new version is for, when uploaded from its page.
    pub replaces: String,
    /// A Quizlet export's separators and what its cards ask, as the form writes them.
    pub quizlet_separator: String,
    pub quizlet_row_separator: String,
    pub quizlet_ask: String,
    /// For a new set, on the Publish form: `open` or `restricted`.
    pub visibility: String,
    /// The textarea (pasted text) or, on the Publish form, the hidden text.
    pub text: Vec<u8>,
    /// The chosen file's bytes; empty when no file was chosen.
    pub file: Vec<u8>,
    pub file_name: Option<String>,
    /// "Try it as a student": the card shown (its index), the answer (a multi card's ticked
    /// boxes each) and the showing's review token.
    pub card: String,
    pub answers: Vec<String>,
    pub review_token: String,
    /// A field was over its limit: nothing of the upload is used.
    pub too_large: bool,
}

impl SetUpload {
    /// A field was over its limit, or the text (or a chosen file other than an Anki
    /// package) is over [`SET_FILE_LIMIT`] with plain line ends.
    pub fn is_too_large(&self) -> bool {
        let crlf = self.text.windows(2).filter(|pair| pair == b"\r\n").count();
        let package = crate::questions::formats::apkg::is_package(&self.file);
        self.too_large
            || self.text.len() - crlf > SET_FILE_LIMIT
            || !package && self.file.len() > SET_FILE_LIMIT
    }

    fn keep(&mut self, name: &str, file_name: Option<String>, bytes: Vec<u8>) {
        let text = || String::from_utf8_lossy(&bytes).into_owned();
        match name {
            "csrf_token" => self.csrf_token = text(),
            "format" => self.format = text(),
            "set_id" => self.set_id = text(),
            "set_title" => self.set_title = text(),
            "replaces" => self.replaces = text(),
            "quizlet_separator" => self.quizlet_separator = text(),
            "quizlet_row_separator" => self.quizlet_row_separator = text(),
            "quizlet_ask" => self.quizlet_ask = text(),
            "visibility" => self.visibility = text(),
            "card" => self.card = text(),
            // More boxes than any card has (at most 10) are ignored.
            "answer" if self.answers.len() < 16 => self.answers.push(text()),
            "review_token" => self.review_token = text(),
            "text" => self.text = bytes,
            "file" => {
                // A file input with no file chosen still sends an empty part with an empty name.
                self.file_name = file_name.filter(|name| !name.is_empty());
                self.file = bytes;
            }
            _ => {}
        }
    }
}

impl MultipartCollect for SetUpload {
    fn limit(_field_name: &str) -> Option<usize> {
        None
    }

    fn handle_field<'t>(
        request: &'t HttpRequest,
        mut field: Field,
        _limits: &'t mut Limits,
        state: &'t mut State,
    ) -> Pin<Box<dyn Future<Output = Result<(), MultipartError>> + 't>> {
        Box::pin(async move {
            if declared_length(request).is_some_and(|length| length > BODY_LIMIT) {
                return Err(MultipartError::Payload(PayloadError::Overflow));
            }
            let name = field.name().unwrap_or_default().to_string();
            let file_name = field
                .content_disposition()
                .and_then(|disposition| disposition.get_filename())
                .map(str::to_string);
            let limit = match name.as_str() {
                "file" => PACKAGE_LIMIT,
                // A browser sends a text box's line ends as CR LF: room for them, checked
                // against SET_FILE_LIMIT once they are plain again (`SetUpload::is_too_large`).
                "text" => 2 * SET_FILE_LIMIT,
                _ => FIELD_LIMIT,
            };
            let read = field.bytes(limit).await;
            let upload = state
                .entry(KEY.to_string())
                .or_insert_with(|| Box::new(SetUpload::default()) as Box<dyn Any>)
                .downcast_mut::<SetUpload>()
                .expect("only a SetUpload is kept under its key");
            match read {
                Ok(Ok(bytes)) => upload.keep(&name, file_name, bytes.to_vec()),
                Ok(Err(error)) => return Err(error),
                Err(_limit_exceeded) => upload.too_large = true,
            }
            Ok(())
        })
    }

    fn from_state(mut state: State) -> Result<SetUpload, MultipartError> {
        let upload = state
            .remove(KEY)
            .and_then(|kept| kept.downcast::<SetUpload>().ok());
        Ok(upload.map(|upload| *upload).unwrap_or_default())
    }
}

fn declared_length(request: &HttpRequest) -> Option<u64> {
    request
        .headers()
        .get(CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

/// Whether a multipart error is a body over [`BODY_LIMIT`] (else it is a malformed form).
pub fn is_overflow(error: &actix_web::Error) -> bool {
    matches!(
        error.as_error::<MultipartError>(),
        Some(MultipartError::Payload(PayloadError::Overflow))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_known_field_is_kept_and_an_empty_file_part_is_no_file() {
        let mut upload = SetUpload::default();
        upload.keep("csrf_token", None, b"abc".to_vec());
        upload.keep("text", None, b"[set]".to_vec());
        upload.keep("file", Some(String::new()), Vec::new());
        upload.keep("other", None, b"ignored".to_vec());
        assert_eq!(upload.csrf_token, "abc");
        assert_eq!(upload.text, b"[set]");
        assert_eq!(upload.file_name, None);
        upload.keep("file", Some("cold-war.csv".into()), b"id".to_vec());
        assert_eq!(upload.file_name.as_deref(), Some("cold-war.csv"));
    }

    #[test]
    fn pasted_text_is_measured_with_plain_line_ends() {
        let mut upload = SetUpload {
            text: "x\r\n".repeat(SET_FILE_LIMIT / 2).into_bytes(),
            ..SetUpload::default()
        };
        assert!(!upload.is_too_large(), "CR LF counts as one byte");
        upload.text.extend_from_slice(b"x");
        assert!(upload.is_too_large());
    }
}
