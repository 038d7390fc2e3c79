//! The web console: the built `frontend/dist` served at `/`, with client-side
//! routes falling back to `index.html`. Hashed assets are cached for a year;
//! `index.html` is revalidated on every load so a deploy takes effect at once.

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};

/// Paths that belong to the API, never to the console's fallback.
const API_PREFIXES: [&str; 8] = [
    "/graphql",
    "/auth/",
    "/healthz",
    "/readyz",
    "/ingest/",
    "/services/",
    "/_bulk",
    "/webhooks/",
];

/// The console router for `dir`, or a page explaining how to build it.
pub fn router(dir: &Path) -> Router {
    let index = dir.join("index.html");
    if !index.is_file() {
        tracing::warn!(dir = %dir.display(), "web console not built; serving a placeholder at /");
        return Router::new().fallback(not_built);
    }
    let serve = ServeDir::new(dir).fallback(ServeFile::new(index));
    Router::new()
        .fallback_service(serve)
        .layer(middleware::from_fn(cache_headers))
}

async fn cache_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    if API_PREFIXES.iter().any(|p| path.starts_with(p)) {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    let mut response = next.run(request).await;
    let policy = if path.starts_with("/assets/") && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
        .headers_mut()
        .insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

async fn not_built() -> Response<Body> {
    let page = "<!doctype html><title>Garrison</title><h1>Garrison</h1>\
        <p>The web console is not built. Run <code>make run</code> (it builds <code>frontend/</code>), \
        or use the GraphQL API at <code>/graphql</code>.</p>";
    (
        StatusCode::OK,
        [(header::CACHE_CONTROL, "no-cache")],
        Html(page),
    )
        .into_response()
}
