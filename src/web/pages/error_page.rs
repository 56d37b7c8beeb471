//! The error page as a signed-in visitor sees it: with the same header and nav as every other
//! page, their name and the sign-out form, rather than the signed-out header a [`PageError`]
//! renders on its own (it has no request to find the visitor in). Run by actix's
//! `ErrorHandlers` on every error response: only the pages' errors, for a visitor with a valid
//! session, are rendered again; API errors and everything else pass through unchanged.

use actix_web::body::{BoxBody, EitherBody};
use actix_web::dev::{Payload, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{FromRequest, web};

use crate::web::auth::SignedIn;
use crate::web::error::PageError;
use crate::web::state::AppState;
use crate::web::views::Section;

use super::layout;

/// The error handler: see the module notes.
pub fn with_visitor_header<B>(
    response: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let Some(body) = signed_in_error_page(&response) else {
        return Ok(ErrorHandlerResponse::Response(
            response.map_into_left_body(),
        ));
    };
    let (request, response) = response.into_parts();
    // The status and the headers stay; only the page changes.
    let mut response = response.set_body(BoxBody::new(body));
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let response: ServiceResponse<EitherBody<B>> =
        ServiceResponse::new(request, response).map_into_right_body();
    Ok(ErrorHandlerResponse::Response(response))
}

/// The error page with the visitor's header, if the response is a page's error and the request
/// comes from someone signed in.
fn signed_in_error_page<B>(response: &ServiceResponse<B>) -> Option<String> {
    let error = response.response().error()?.as_error::<PageError>()?;
    let request = response.request();
    let visitor = SignedIn::from_request(request, &mut Payload::None)
        .into_inner()
        .ok()?;
    let state = request.app_data::<web::Data<AppState>>()?;
    let view = error.view(layout(&visitor, "Error", Section::Other));
    state.templates.render("error.html", &view).ok()
}
