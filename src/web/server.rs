//! Putting the application together: body limits, the routes of the pages and the API, static
//! files and the health check; and starting the HTTP server on a listener.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::error::JsonPayloadError;
use actix_web::middleware::ErrorHandlers;
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, middleware, web};

use crate::web::body_deadline::body_deadline;
use crate::web::error::{ApiError, AppError};
use crate::web::security_headers::{CONTENT_SECURITY_POLICY, tls_only};
use crate::web::state::AppState;
use crate::web::{api, assets, pages};

/// The largest JSON body the API takes.
pub const JSON_LIMIT: usize = 64 * 1024;
/// The largest form body a page takes.
pub const FORM_LIMIT: usize = 64 * 1024;
/// Threads per worker for blocking work (store reads, password hashing).
const BLOCKING_THREADS_PER_WORKER: usize = 2;

/// Starts serving `state` on `listener`; the returned server runs when awaited.
pub fn start(state: AppState, listener: TcpListener) -> std::io::Result<Server> {
    let body_timeout = state.limits.body_timeout;
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let max_connections = state.limits.max_connections;
    let https = state.public_url.is_https();
    let state = web::Data::new(state);
    let server = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .app_data(json_config())
            .app_data(web::PayloadConfig::new(FORM_LIMIT))
            // A page's error seen by someone signed in shows their header; looked at only on
            // error responses, so other requests pay nothing for it.
            .wrap(ErrorHandlers::new().default_handler(pages::with_visitor_header))
            .wrap(middleware::from_fn(move |request, next| {
                body_deadline(body_timeout, request, next)
            }))
            .wrap(
                middleware::DefaultHeaders::new()
                    .add(("X-Content-Type-Options", "nosniff"))
                    .add(("X-Frame-Options", "DENY"))
                    .add(("Referrer-Policy", "same-origin"))
                    .add(("Content-Security-Policy", CONTENT_SECURITY_POLICY)),
            )
            // Outermost, so it sees every response, error pages included.
            .wrap(middleware::Condition::new(
                https,
                middleware::from_fn(tls_only),
            ))
            .route("/healthz", web::get().to(health))
            .route("/static/{name}", web::get().to(static_file))
            .configure(api::routes)
            .configure(pages::routes)
    })
    // Blocking work is mostly store reads, and the store has three read connections per core
    // (actix runs one worker per core, which reads inline, plus these two blocking threads):
    // more threads only queue for a connection. actix's
    // default (256 per worker) lets a busy class start dozens of threads, each with its own
    // malloc arena: the load benchmark measured a peak RSS of 83 MB instead of about 55 MB,
    // and more CPU per request in lock hand-offs.
    .worker_max_blocking_threads(BLOCKING_THREADS_PER_WORKER)
    // actix counts connections per worker. Past the open-file limit, accepting fails for every
    // client, the health check's included; under it, extra connections wait to be accepted.
    .workers(workers)
    .max_connections((max_connections / workers).max(1))
    .listen(listener)?
    .run();
    Ok(server)
}

fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(JSON_LIMIT)
        .error_handler(|error, _| ApiError(json_error(&error)).into())
}

/// 413 for a body over the limit, 422 for JSON of the wrong shape, 400 for anything unreadable.
fn json_error(error: &JsonPayloadError) -> AppError {
    match error {
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            AppError::TooLarge {
                limit_kb: JSON_LIMIT / 1024,
            }
        }
        JsonPayloadError::Deserialize(cause) if cause.is_data() => {
            AppError::Invalid(cause.to_string())
        }
        JsonPayloadError::ContentType => {
            AppError::BadRequest("send the body as JSON with Content-Type: application/json".into())
        }
        other => AppError::BadRequest(format!("malformed JSON: {other}")),
    }
}

/// 200 when the database file is the one opened, a row written commits, no table is missing
/// and no page is corrupt; 503 with the reason otherwise (see `store::health`).
async fn health(state: web::Data<AppState>) -> HttpResponse {
    let write = state.store.health_check_write().await;
    let store = state.store.clone();
    let read = web::block(move || store.health_check_read())
        .await
        .unwrap_or_else(|_| Err(crate::store::StoreError::WriterStopped));
    match write.and(read) {
        Ok(()) => HttpResponse::Ok().json(serde_json::json!({"status": "ok"})),
        Err(problem) => {
            tracing::error!(%problem, "health check failed");
            HttpResponse::ServiceUnavailable()
                .json(serde_json::json!({"status": "unavailable", "error": problem.to_string()}))
        }
    }
}

async fn static_file(request: HttpRequest) -> HttpResponse {
    match assets::lookup(request.path()) {
        Some(asset) => HttpResponse::Ok()
            .content_type(asset.content_type)
            .insert_header(("Cache-Control", assets::CACHE_CONTROL))
            .body(asset.body),
        None => HttpResponse::NotFound().finish(),
    }
}
