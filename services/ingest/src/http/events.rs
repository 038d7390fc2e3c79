//! `POST /ingest/v1/events`: NDJSON (one JSON object, or a JSON string holding a
//! raw log line, per line) or a single JSON array of the same. Valid records are
//! stored; the answer lists every rejected line (1-based) with its reason, and
//! rejected lines are kept in the tenant's dead letters.

use super::{AuthFailure, authenticate, body, charge};
use crate::Ingest;
use crate::normalize::Arrival;
use crate::pipeline::{dead_letter, object_event, text_event};
use crate::writer::{Busy, Submission};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use garrison_core::event::Channel;
use serde_json::{Value, json};
use std::sync::Arc;

/// The handler.
pub async fn post_events(
    State(ingest): State<Arc<Ingest>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (tenant, info, tags) = match authenticate(&ingest, &headers).await {
        Ok(found) => found,
        Err(AuthFailure::Missing) => {
            return error(
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "an ingest token is required (Authorization: Bearer <token>)",
            );
        }
        Err(AuthFailure::Invalid) => {
            return error(
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "the ingest token is not valid",
            );
        }
        Err(AuthFailure::Unavailable) => {
            return error(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "try again shortly",
            );
        }
    };
    let body = match body::decode(&headers, body) {
        Ok(b) => b,
        Err(message) => return error(StatusCode::BAD_REQUEST, "invalid_input", &message),
    };
    let received_at = Utc::now();
    let cap = ingest.config.raw_cap_bytes;
    let records = match split_records(&body) {
        Ok(records) => records,
        Err(message) => return error(StatusCode::BAD_REQUEST, "invalid_input", &message),
    };
    let mut submission = Submission::default();
    let mut rejected = Vec::new();
    let mut bytes_total = 0u64;
    for (line, raw, parsed) in records {
        bytes_total += raw.len() as u64;
        let arrival = Arrival::new(tenant, Channel::Http, received_at, cap).tagged(&tags);
        match parsed {
            Ok(Value::Object(object)) => {
                let event = object_event(object, &raw, &arrival);
                submission.push(event, raw.len() as u64);
            }
            Ok(Value::String(text)) => {
                let event = text_event(&text, &[], info.tz, &arrival);
                submission.push(event, raw.len() as u64);
            }
            Ok(_) => rejected.push((
                line,
                "expected a JSON object or a JSON string".to_string(),
                raw,
            )),
            Err(reason) => rejected.push((line, reason, raw)),
        }
    }
    let accepted = submission.events().len() as u64;
    if accepted > 0
        && let Err(refusal) = charge(
            &ingest,
            tenant,
            info.limits,
            Channel::Http,
            accepted,
            bytes_total,
        )
    {
        return too_many(refusal.retry_after_secs());
    }
    for (line, reason, raw) in &rejected {
        submission.dead_letters.push(dead_letter(
            tenant,
            Channel::Http,
            None,
            format!("line {line}: {reason}"),
            raw,
            cap,
        ));
    }
    match ingest.writer.submit_and_wait(submission).await {
        Ok(Ok(())) => {}
        Ok(Err(_)) | Err(Busy::Stopped) => {
            return error(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "the event store is unavailable; nothing was stored",
            );
        }
        Err(Busy::Full) => {
            return error(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "ingest is at capacity; retry shortly",
            );
        }
    }
    let status = if accepted == 0 && !rejected.is_empty() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let rejected: Vec<Value> = rejected
        .iter()
        .map(|(line, reason, _)| json!({"line": line, "reason": reason}))
        .collect();
    (
        status,
        Json(json!({"accepted": accepted, "rejected": rejected})),
    )
        .into_response()
}

type Record = (usize, String, Result<Value, String>);

/// Splits the body into numbered records: a JSON array's elements (numbered by
/// position) or NDJSON lines (numbered by line; blank lines skipped).
fn split_records(body: &[u8]) -> Result<Vec<Record>, String> {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        let array: Vec<Value> = serde_json::from_str(trimmed)
            .map_err(|e| format!("body is not a valid JSON array: {e}"))?;
        return Ok(array
            .into_iter()
            .enumerate()
            .map(|(i, v)| (i + 1, v.to_string(), Ok(v)))
            .collect());
    }
    Ok(text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let parsed =
                serde_json::from_str::<Value>(line).map_err(|e| format!("invalid JSON: {e}"));
            (i + 1, line.to_string(), parsed)
        })
        .collect())
}

fn error(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        Json(json!({"error": {"code": code, "message": message}})),
    )
        .into_response()
}

fn too_many(retry_after: u64) -> Response {
    let mut response = error(
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limited",
        "the tenant's ingest quota is exhausted; nothing was stored",
    );
    if let Ok(v) = HeaderValue::from_str(&retry_after.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ndjson_lines_are_numbered_from_one_and_blank_lines_skipped() {
        let records = split_records(b"{\"a\":1}\n\nnot json\n\"raw line\"\n").expect("records");
        let lines: Vec<usize> = records.iter().map(|r| r.0).collect();
        assert_eq!(lines, vec![1, 3, 4]);
        assert!(records[1].2.is_err());
        assert_eq!(records[2].2.as_ref().expect("ok"), &json!("raw line"));
    }

    #[test]
    fn arrays_are_accepted() {
        let records = split_records(b" [{\"a\":1}, \"x\"]").expect("records");
        assert_eq!(records.len(), 2);
        assert!(split_records(b"[{\"a\":").is_err());
    }
}
