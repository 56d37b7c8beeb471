//! The signed-in visitor of a page. As an extractor it sends anyone not signed in to the
//! sign-in page (303), so page handlers start with the visitor in hand.

use std::fmt;
use std::future::{Ready, ready};
use std::ops::Deref;

use actix_web::http::{StatusCode, header};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError, dev::Payload};

use crate::web::auth::SignedIn;

/// Someone signed in, looking at a page.
#[derive(Debug, Clone)]
pub struct Visitor(pub SignedIn);

impl Deref for Visitor {
    type Target = SignedIn;

    fn deref(&self) -> &SignedIn {
        &self.0
    }
}

/// Not signed in: answered with a redirect to the sign-in page.
#[derive(Debug)]
pub struct SignInFirst;

impl fmt::Display for SignInFirst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("sign in first")
    }
}

impl ResponseError for SignInFirst {
    fn status_code(&self) -> StatusCode {
        StatusCode::SEE_OTHER
    }

    fn error_response(&self) -> HttpResponse {
        HttpResponse::SeeOther()
            .insert_header((header::LOCATION, "/login"))
            .finish()
    }
}

impl FromRequest for Visitor {
    type Error = SignInFirst;
    type Future = Ready<Result<Visitor, SignInFirst>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let signed_in = SignedIn::from_request(request, payload).into_inner();
        ready(signed_in.map(Visitor).map_err(|_| SignInFirst))
    }
}
