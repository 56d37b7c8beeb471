//! Reading a posted HTML form, repeated fields included (a multi card's ticked boxes each send an
//! `answer`), which actix's `web::Form` cannot hold.

use std::future::Future;
use std::pin::Pin;

use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};

use crate::web::error::{AppError, PageError};
use crate::web::server::FORM_LIMIT;

/// The fields of a posted form, in order.
#[derive(Debug, Clone, Default)]
pub struct FormFields(Vec<(String, String)>);

impl FormFields {
    pub fn parse(body: &[u8]) -> FormFields {
        FormFields(form_urlencoded::parse(body).into_owned().collect())
    }

    /// The first value of `name`, or `""` when it is missing.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.as_str())
    }

    /// Every value of `name`, in order.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .collect()
    }
}

impl FromRequest for FormFields {
    type Error = PageError;
    type Future = Pin<Box<dyn Future<Output = Result<FormFields, PageError>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_form = request
            .headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"));
        let body = web::Bytes::from_request(request, payload);
        Box::pin(async move {
            if !is_form {
                return Err(AppError::BadRequest(
                    "send the form as application/x-www-form-urlencoded".into(),
                )
                .into());
            }
            let body = body.await.map_err(|error| {
                if error.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE {
                    AppError::TooLarge {
                        limit_kb: FORM_LIMIT / 1024,
                    }
                } else {
                    AppError::BadRequest("the form could not be read".into())
                }
            })?;
            Ok(FormFields::parse(&body))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_fields_are_all_kept_in_order_and_decoded() {
        let form = FormFields::parse(b"answer=Lushun&answer=Port+Arthur&csrf_token=a%26b");
        assert_eq!(form.all("answer"), ["Lushun", "Port Arthur"]);
        assert_eq!(form.get("answer"), "Lushun");
        assert_eq!(form.get("csrf_token"), "a&b");
        assert_eq!(form.get("missing"), "");
        assert!(form.all("missing").is_empty());
    }
}
