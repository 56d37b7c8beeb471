//! A deadline on request bodies: a request whose body has not fully arrived within
//! `--body-timeout` of its start is answered 408 and its connection closed.
//!
//! actix-web times out a request's head but not its body, so a client that sends
//! `Content-Length: 1000` and then nothing held its connection (and a file descriptor) for
//! ever, and a thousand such took the server offline. The deadline is on the whole body, not
//! on each read, so that dribbling a byte now and then does not keep a connection either.
//!
//! A response sent before its request's body was read to the end (a 401 before a JSON body is
//! read, say, or the 408) closes the connection: the rest of the body may never come. actix
//! closes it only while the body is still held by someone; once the handler dropped a chunked
//! body, actix read on to drain it, and a client that sent nothing more held the connection
//! for ever (40 s and counting in a test). So the unread body is kept with the response until
//! it is sent.

use std::cell::RefCell;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::body::{BodySize, BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::rt::time::{Sleep, sleep};
use actix_web::web::Bytes;
use actix_web::{HttpMessage, ResponseError};
use futures_core::Stream;

use crate::web::error::{ApiError, AppError, PageError};

/// Puts the deadline on the request's body; the response is a 408 when the deadline passed
/// while the handler was reading it.
pub async fn body_deadline(
    timeout: Duration,
    mut request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    // Most requests (every page and `next` read) have no body: nothing to wait for, so no
    // timer and no wrapped stream for them.
    if !has_body(&request) {
        return Ok(next.call(request).await?.map_into_left_body());
    }
    let body = request.take_payload();
    let deadline = Rc::new(RefCell::new(Deadline {
        body,
        sleep: Box::pin(sleep(timeout)),
        passed: false,
        ended: false,
    }));
    let shared: Pin<Box<dyn Stream<Item = Result<Bytes, PayloadError>>>> =
        Box::pin(SharedBody(deadline.clone()));
    request.set_payload(Payload::from(shared));
    let api = request.path().starts_with("/api/");
    let response = next.call(request).await?;
    let (passed, ended) = {
        let read = deadline.borrow();
        (read.passed, read.ended)
    };
    if !passed {
        if ended {
            return Ok(response.map_into_left_body());
        }
        return Ok(response
            // Boxed to be Unpin; this is the rare case of a body left unread.
            .map_body(|_, body| {
                BoxBody::new(WithUnreadBody {
                    body: BoxBody::new(body),
                    _unread: deadline,
                })
            })
            .map_into_right_body());
    }
    let error = AppError::BodyTimeout {
        seconds: timeout.as_secs().max(1),
    };
    let mut timed_out = if api {
        ApiError(error).error_response()
    } else {
        PageError(error).error_response()
    };
    // The rest of the body may never come: do not wait for it to reuse the connection.
    timed_out
        .head_mut()
        .set_connection_type(actix_web::http::ConnectionType::Close);
    let timed_out = timed_out.map_body(|_, body| {
        BoxBody::new(WithUnreadBody {
            body,
            _unread: deadline,
        })
    });
    Ok(response.into_response(timed_out).map_into_right_body())
}

/// The request's body, shared with the middleware so that it outlives the handler.
struct SharedBody(Rc<RefCell<Deadline>>);

impl Stream for SharedBody {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Pin::new(&mut *self.0.borrow_mut()).poll_next(context)
    }
}

/// A response body holding its request's unread body until the response is sent: while the
/// body is held, actix closes the connection after the response instead of draining it.
struct WithUnreadBody<B> {
    body: B,
    _unread: Rc<RefCell<Deadline>>,
}

impl<B: MessageBody + Unpin> MessageBody for WithUnreadBody<B> {
    type Error = B::Error;

    fn size(&self) -> BodySize {
        self.body.size()
    }

    fn poll_next(
        self: Pin<&mut Self>,
        context: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Self::Error>>> {
        Pin::new(&mut self.get_mut().body).poll_next(context)
    }
}

/// Whether a body follows the request's head: HTTP/1.1 sends one only with a
/// `Transfer-Encoding` or a `Content-Length` above 0.
fn has_body(request: &ServiceRequest) -> bool {
    let headers = request.headers();
    if headers.contains_key(header::TRANSFER_ENCODING) {
        return true;
    }
    match headers.get(header::CONTENT_LENGTH) {
        None => false,
        Some(length) => length.to_str().map_or(true, |length| length.trim() != "0"),
    }
}

struct Deadline {
    body: Payload,
    sleep: Pin<Box<Sleep>>,
    /// The deadline passed before the body's end.
    passed: bool,
    /// The body was read to its end.
    ended: bool,
}

impl Stream for Deadline {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if let Poll::Ready(chunk) = Pin::new(&mut self.body).poll_next(context) {
            if chunk.is_none() {
                self.ended = true;
            }
            return Poll::Ready(chunk);
        }
        if self.sleep.as_mut().poll(context).is_pending() {
            return Poll::Pending;
        }
        self.passed = true;
        let late = std::io::Error::new(std::io::ErrorKind::TimedOut, "the body came too slowly");
        Poll::Ready(Some(Err(PayloadError::Io(late))))
    }
}
