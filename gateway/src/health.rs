//! `GET /healthz` (the process is up) and `GET /readyz` (the database answers and
//! its migrations are current).

use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;

/// Liveness.
pub async fn healthz() -> impl IntoResponse {
    Json(serde_json::json!({"status": "ok"}))
}

/// Readiness.
pub async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    match state.db.ready().await {
        Ok(()) => (StatusCode::OK, Json(serde_json::json!({"status": "ready"}))),
        Err(e) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({"status": "not_ready", "reason": e.public_message()})),
        ),
    }
}
