//! Elasticsearch bulk compatibility: `POST /_bulk` and `/{index}/_bulk` with the
//! bulk NDJSON wire format (an action line, then a document line), a bulk
//! response (`took`, `errors`, per-item status), and the cluster-info document
//! at `GET /` with `X-Elastic-Product`, so stock bulk clients and shippers
//! (Logstash, Beats, Fluent Bit, the `elasticsearch` clients) connect.
//! Index names are kept on the event (`bulk.index`) and otherwise ignored.

use super::{AuthFailure, authenticate, body, charge};
use crate::Ingest;
use crate::normalize::Arrival;
use crate::pipeline::{dead_letter, object_event};
use crate::writer::{Busy, Submission};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use garrison_core::event::Channel;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Instant;

/// The version stock clients check for (8.x speaks the bulk API we implement).
const COMPAT_VERSION: &str = "8.11.0";

/// Adds the header Elastic's clients insist on.
fn elastic(mut response: Response) -> Response {
    response.headers_mut().insert(
        "x-elastic-product",
        HeaderValue::from_static("Elasticsearch"),
    );
    response
}

fn es_error(status: StatusCode, kind: &str, reason: &str) -> Response {
    elastic(
        (
            status,
            Json(json!({"error": {"type": kind, "reason": reason}, "status": status.as_u16()})),
        )
            .into_response(),
    )
}

/// Whether a `GET /` is a bulk client probing the cluster (not a browser).
pub fn wants_cluster_info(headers: &HeaderMap) -> bool {
    let accept = headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    headers.contains_key(axum::http::header::AUTHORIZATION) || !accept.contains("text/html")
}

/// The cluster-info document.
pub fn cluster_info() -> Response {
    elastic(
        Json(json!({
            "name": "garrison",
            "cluster_name": "garrison",
            "cluster_uuid": "garrison-ingest",
            "version": {
                "number": COMPAT_VERSION,
                "build_flavor": "default",
                "build_type": "garrison",
                "lucene_version": "9.8.0",
                "minimum_wire_compatibility_version": "7.17.0",
                "minimum_index_compatibility_version": "7.0.0"
            },
            "tagline": "You Know, for Search"
        }))
        .into_response(),
    )
}

/// `POST /_bulk`.
pub async fn post_bulk(
    State(ingest): State<Arc<Ingest>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    bulk(ingest, None, headers, body).await
}

/// `POST /{index}/_bulk`.
pub async fn post_bulk_index(
    State(ingest): State<Arc<Ingest>>,
    Path(index): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    bulk(ingest, Some(index), headers, body).await
}

async fn bulk(
    ingest: Arc<Ingest>,
    default_index: Option<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let started = Instant::now();
    let (tenant, _info, tags) = match authenticate(&ingest, &headers).await {
        Ok(found) => found,
        Err(AuthFailure::Missing) => {
            return es_error(
                StatusCode::UNAUTHORIZED,
                "security_exception",
                "missing authentication credentials (an ingest token)",
            );
        }
        Err(AuthFailure::Invalid) => {
            return es_error(
                StatusCode::UNAUTHORIZED,
                "security_exception",
                "unable to authenticate with the provided ingest token",
            );
        }
        Err(AuthFailure::Unavailable) => {
            return es_error(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable_exception",
                "try again shortly",
            );
        }
    };
    let body = match body::decode(&headers, body) {
        Ok(b) => b,
        Err(message) => return es_error(StatusCode::BAD_REQUEST, "parse_exception", &message),
    };
    let text = String::from_utf8_lossy(&body);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut lines = lines.into_iter().peekable();
    if lines.peek().is_none() {
        return es_error(
            StatusCode::BAD_REQUEST,
            "action_request_validation_exception",
            "Validation Failed: 1: no requests added;",
        );
    }
    let received_at = Utc::now();
    let cap = ingest.config.raw_cap_bytes;
    let mut submission = Submission::default();
    let mut items: Vec<Value> = Vec::new();
    let mut stored_positions = Vec::new();
    while let Some(action_line) = lines.next() {
        let action: Value = match serde_json::from_str(action_line) {
            Ok(v) => v,
            Err(e) => {
                return es_error(
                    StatusCode::BAD_REQUEST,
                    "illegal_argument_exception",
                    &format!("Malformed action/metadata line: {e}"),
                );
            }
        };
        let Some((op, meta)) = action
            .as_object()
            .and_then(|o| o.iter().next())
            .map(|(k, v)| (k.clone(), v.clone()))
        else {
            return es_error(
                StatusCode::BAD_REQUEST,
                "illegal_argument_exception",
                "Malformed action/metadata line: expected an object with one action",
            );
        };
        let index = meta
            .get("_index")
            .and_then(Value::as_str)
            .map(str::to_string)
            .or_else(|| default_index.clone())
            .unwrap_or_else(|| "garrison".into());
        let id = meta.get("_id").and_then(Value::as_str).map(str::to_string);
        match op.as_str() {
            "index" | "create" => {
                let Some(doc_line) = lines.next() else {
                    return es_error(
                        StatusCode::BAD_REQUEST,
                        "illegal_argument_exception",
                        "The bulk request must be terminated by a newline [\\n]; a source document is missing",
                    );
                };
                match serde_json::from_str::<Value>(doc_line) {
                    Ok(Value::Object(mut doc)) => {
                        doc.entry("bulk.index".to_string()).or_insert(json!(index));
                        let event = object_event(
                            doc,
                            doc_line,
                            &Arrival::new(tenant, Channel::Bulk, received_at, cap).tagged(&tags),
                        );
                        let event_id = id.clone().unwrap_or_else(|| event.event.id.to_string());
                        submission.push(event, doc_line.len() as u64);
                        stored_positions.push(items.len());
                        items.push(json!({op.clone(): {"_index": index, "_id": event_id, "_version": 1, "result": "created", "status": 201,
                            "_shards": {"total": 1, "successful": 1, "failed": 0}, "_seq_no": 0, "_primary_term": 1}}));
                    }
                    Ok(_) | Err(_) => {
                        let reason = "failed to parse: the document is not a JSON object";
                        submission.dead_letters.push(dead_letter(
                            tenant,
                            Channel::Bulk,
                            None,
                            reason.into(),
                            doc_line,
                            cap,
                        ));
                        items.push(
                            json!({op.clone(): {"_index": index, "_id": id, "status": 400,
                            "error": {"type": "mapper_parsing_exception", "reason": reason}}}),
                        );
                    }
                }
            }
            "update" => {
                let _ = lines.next();
                items.push(json!({"update": {"_index": index, "_id": id, "status": 400,
                    "error": {"type": "illegal_argument_exception", "reason": "events are append-only: update is not supported"}}}));
            }
            "delete" => {
                items.push(json!({"delete": {"_index": index, "_id": id, "status": 400,
                    "error": {"type": "illegal_argument_exception", "reason": "events are append-only: delete is not supported"}}}));
            }
            other => {
                return es_error(
                    StatusCode::BAD_REQUEST,
                    "illegal_argument_exception",
                    &format!("Malformed action/metadata line: unknown action [{other}]"),
                );
            }
        }
    }
    let count = submission.events().len() as u64;
    let bytes: u64 = submission.events().iter().map(|p| p.bytes).sum();
    if count > 0 {
        let Ok(Some(info)) = ingest.directory.get(tenant).await else {
            return es_error(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable_exception",
                "try again shortly",
            );
        };
        if charge(&ingest, tenant, info.limits, Channel::Bulk, count, bytes).is_err() {
            // Per-item 429s make stock clients retry exactly those documents.
            for position in &stored_positions {
                if let Some(item) = items
                    .get_mut(*position)
                    .and_then(Value::as_object_mut)
                    .and_then(|o| o.values_mut().next())
                {
                    *item = json!({"_index": item["_index"], "_id": item["_id"], "status": 429,
                        "error": {"type": "es_rejected_execution_exception", "reason": "the tenant's ingest quota is exhausted"}});
                }
            }
            submission.clear_events();
        }
    }
    match ingest.writer.submit_and_wait(submission).await {
        Ok(Ok(())) => {}
        Ok(Err(_)) | Err(Busy::Full) | Err(Busy::Stopped) => {
            return es_error(
                StatusCode::TOO_MANY_REQUESTS,
                "es_rejected_execution_exception",
                "ingest is at capacity; retry shortly",
            );
        }
    }
    let errors = items.iter().any(|i| {
        i.as_object()
            .and_then(|o| o.values().next())
            .is_some_and(|v| v["status"].as_u64().unwrap_or(200) >= 300)
    });
    let took = started.elapsed().as_millis() as u64;
    elastic(Json(json!({"took": took, "errors": errors, "items": items})).into_response())
}
