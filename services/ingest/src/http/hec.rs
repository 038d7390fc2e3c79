//! Splunk HTTP Event Collector compatibility: `/services/collector/event`
//! (concatenated JSON objects with `event`, `time`, `host`, `source`,
//! `sourcetype`, `fields`), `/services/collector/raw` (lines), and
//! `/services/collector/health`, with HEC's response bodies and status codes so
//! stock HEC clients (Splunk forwarders, Fluent Bit, Vector) work unchanged.

use super::{AuthFailure, authenticate, body, charge};
use crate::Ingest;
use crate::normalize::Arrival;
use crate::normalize::Normalized;
use crate::pipeline::{object_event, text_event};
use crate::writer::{Busy, Submission};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use garrison_core::event::{Channel, LogSource};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::sync::Arc;

/// HEC's documented answers.
fn hec(status: StatusCode, code: u32, text: &str) -> Response {
    (status, Json(json!({"text": text, "code": code}))).into_response()
}

/// `GET /services/collector/health`.
pub async fn health() -> Response {
    hec(StatusCode::OK, 17, "HEC is healthy")
}

/// `POST /services/collector/event`.
pub async fn post_event(
    State(ingest): State<Arc<Ingest>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (tenant, _info, tags) = match auth(&ingest, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let body = match body::decode(&headers, body) {
        Ok(b) => b,
        Err(_) => return hec(StatusCode::BAD_REQUEST, 6, "Invalid data format"),
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        return hec(StatusCode::BAD_REQUEST, 5, "No data");
    }
    let received_at = Utc::now();
    let cap = ingest.config.raw_cap_bytes;
    // HEC is all-or-nothing: one bad event refuses the request, naming its index.
    let mut events = Submission::default();
    let stream = serde_json::Deserializer::from_slice(&body).into_iter::<Value>();
    for (index, item) in stream.enumerate() {
        let Ok(value) = item else {
            return invalid_event(index);
        };
        let raw = value.to_string();
        match hec_event(value, &raw, tenant, received_at, cap, &tags) {
            Some(event) => events.push(event, raw.len() as u64),
            None => return hec_missing_event(index),
        }
    }
    commit(&ingest, tenant, events).await
}

/// `POST /services/collector/raw`: each line is an event; `host`, `source` and
/// `sourcetype` may come as query parameters.
pub async fn post_raw(
    State(ingest): State<Arc<Ingest>>,
    Query(params): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (tenant, info, tags) = match auth(&ingest, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let body = match body::decode(&headers, body) {
        Ok(b) => b,
        Err(_) => return hec(StatusCode::BAD_REQUEST, 6, "Invalid data format"),
    };
    let text = String::from_utf8_lossy(&body);
    if text.trim().is_empty() {
        return hec(StatusCode::BAD_REQUEST, 5, "No data");
    }
    let received_at = Utc::now();
    let arrival = Arrival::new(
        tenant,
        Channel::Hec,
        received_at,
        ingest.config.raw_cap_bytes,
    )
    .hinted(
        params.get("host").cloned(),
        log_source_of(params.get("sourcetype").map(String::as_str)),
    )
    .tagged(&tags);
    let mut events = Submission::default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let flags: &[&str] = if line.contains('\u{FFFD}') {
            &["invalid_utf8"]
        } else {
            &[]
        };
        events.push(
            text_event(line, flags, info.tz, &arrival),
            line.len() as u64,
        );
    }
    commit(&ingest, tenant, events).await
}

async fn auth(
    ingest: &Ingest,
    headers: &HeaderMap,
) -> Result<
    (
        garrison_core::TenantId,
        crate::directory::TenantInfo,
        LogSource,
    ),
    Response,
> {
    authenticate(ingest, headers)
        .await
        .map_err(|failure| match failure {
            AuthFailure::Missing => hec(StatusCode::UNAUTHORIZED, 2, "Token is required"),
            AuthFailure::Invalid => hec(StatusCode::FORBIDDEN, 4, "Invalid token"),
            AuthFailure::Unavailable => hec(StatusCode::SERVICE_UNAVAILABLE, 9, "Server is busy"),
        })
}

/// One HEC event object; `None` when it has no `event`.
fn hec_event<'a>(
    value: Value,
    raw: &'a str,
    tenant: garrison_core::TenantId,
    received_at: DateTime<Utc>,
    cap: usize,
    tags: &LogSource,
) -> Option<Normalized<'a>> {
    let Value::Object(mut envelope) = value else {
        return None;
    };
    let event = envelope.remove("event")?;
    if event.is_null() || event == json!("") {
        return None;
    }
    let host = envelope
        .get("host")
        .and_then(Value::as_str)
        .map(str::to_string);
    let sourcetype = envelope
        .get("sourcetype")
        .and_then(Value::as_str)
        .map(str::to_string);
    let mut object = match event {
        Value::Object(map) => map,
        other => {
            let mut map = Map::new();
            map.insert(
                "message".into(),
                match other {
                    Value::String(s) => Value::String(s),
                    v => Value::String(v.to_string()),
                },
            );
            map
        }
    };
    if let Some(Value::Object(fields)) = envelope.remove("fields") {
        for (k, v) in fields {
            object.entry(k).or_insert(v);
        }
    }
    for key in ["source", "sourcetype", "index"] {
        if let Some(v) = envelope.get(key) {
            object.entry(format!("hec.{key}")).or_insert(v.clone());
        }
    }
    if let Some(time) = envelope
        .get("time")
        .and_then(crate::parse::json::parse_time)
    {
        object.insert("@timestamp".into(), json!(time.to_rfc3339()));
    }
    let hints = (host, log_source_of(sourcetype.as_deref()));
    let arrival = Arrival::new(tenant, Channel::Hec, received_at, cap)
        .hinted(hints.0, hints.1)
        .tagged(tags);
    Some(object_event(object, raw, &arrival))
}

/// Log-source tags from common Splunk sourcetypes.
fn log_source_of(sourcetype: Option<&str>) -> LogSource {
    let Some(st) = sourcetype.map(str::to_ascii_lowercase) else {
        return LogSource::default();
    };
    let mut tags = LogSource::default();
    if st.contains("sysmon") {
        tags.product = Some("windows".into());
        tags.service = Some("sysmon".into());
    } else if let Some(channel) = st
        .strip_prefix("wineventlog:")
        .or_else(|| st.strip_prefix("xmlwineventlog:"))
    {
        tags.product = Some("windows".into());
        tags.service = Some(channel.to_string());
    } else if st.starts_with("linux") || st == "syslog" {
        tags.product = Some("linux".into());
    }
    tags
}

async fn commit(ingest: &Ingest, tenant: garrison_core::TenantId, events: Submission) -> Response {
    let count = events.events().len() as u64;
    let bytes: u64 = events.events().iter().map(|p| p.bytes).sum();
    let Ok(Some(info)) = ingest.directory.get(tenant).await else {
        return hec(StatusCode::SERVICE_UNAVAILABLE, 9, "Server is busy");
    };
    if charge(ingest, tenant, info.limits, Channel::Hec, count, bytes).is_err() {
        return hec(StatusCode::TOO_MANY_REQUESTS, 9, "Server is busy");
    }
    match ingest.writer.submit_and_wait(events).await {
        Ok(Ok(())) => hec(StatusCode::OK, 0, "Success"),
        Ok(Err(_)) | Err(Busy::Full) | Err(Busy::Stopped) => {
            hec(StatusCode::SERVICE_UNAVAILABLE, 9, "Server is busy")
        }
    }
}

fn invalid_event(index: usize) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"text": "Invalid data format", "code": 6, "invalid-event-number": index})),
    )
        .into_response()
}

fn hec_missing_event(index: usize) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"text": "Event field is required", "code": 12, "invalid-event-number": index})),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sourcetypes_become_log_sources() {
        assert_eq!(
            log_source_of(Some("XmlWinEventLog:Microsoft-Windows-Sysmon/Operational"))
                .service
                .as_deref(),
            Some("sysmon")
        );
        assert_eq!(
            log_source_of(Some("WinEventLog:Security"))
                .service
                .as_deref(),
            Some("security")
        );
        assert_eq!(
            log_source_of(Some("linux_secure")).product.as_deref(),
            Some("linux")
        );
        assert_eq!(log_source_of(None), LogSource::default());
    }
}
