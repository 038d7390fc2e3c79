//! From received bytes to a [`Submission`]: decoding, attribution to a tenant,
//! parsing, normalizing, quota checks and dead letters. Shared by every receiver.

use crate::normalize::{Arrival, Normalized, cap, normalize};
use crate::parse::{self, Parsed, year::Clock};
use crate::writer::DeadLetter;
use chrono::Utc;
use chrono_tz::Tz;
use garrison_core::TenantId;
use garrison_core::event::Channel;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// The SD-ID whose `token` parameter names the tenant in RFC 5424 messages.
pub const TOKEN_SD_ID: &str = "garrison@32473";

/// The ingest token in a syslog line's structured data, if any (cheap pre-check
/// before a full parse).
pub fn token_in_structured_data<'p>(parsed: &'p Parsed<'_>) -> Option<&'p str> {
    parsed
        .syslog
        .as_ref()?
        .structured_data
        .iter()
        .find(|(id, _)| id == TOKEN_SD_ID)?
        .1
        .iter()
        .find(|(k, _)| k == "token")
        .map(|(_, v)| v.as_str())
}

/// Decodes frame bytes as UTF-8, replacing invalid sequences (and saying so);
/// valid text is borrowed, not copied.
pub fn decode_text(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), false),
        Err(_) => (String::from_utf8_lossy(bytes), true),
    }
}

/// Builds the event for a text record already attributed to a tenant, reading
/// zoneless times in `tz`.
pub fn text_event<'a>(text: &'a str, flags: &[&str], tz: Tz, arrival: &Arrival) -> Normalized<'a> {
    let clock = Clock::new(arrival.received_at, tz);
    let parsed = parse::parse_line(text, &clock);
    let mut event = normalize(parsed, text, arrival);
    event.flag(flags);
    event
}

/// Builds the event for a JSON object record (HTTP, HEC, bulk).
pub fn object_event<'a>(
    object: Map<String, Value>,
    raw: &'a str,
    arrival: &Arrival,
) -> Normalized<'a> {
    let timestamp = parse::json::timestamp_of(&object);
    let message = Cow::Owned(
        object
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
    );
    let parsed = Parsed {
        format: parse::Format::Json,
        payload: parse::Format::Json,
        timestamp,
        syslog: None,
        message,
        fields: parse::Fields::Object(object),
    };
    normalize(parsed, raw, arrival)
}

/// A dead letter with the raw text capped.
pub fn dead_letter(
    tenant: TenantId,
    channel: Channel,
    peer: Option<String>,
    reason: String,
    raw: &str,
    raw_cap: usize,
) -> DeadLetter {
    DeadLetter {
        tenant_id: tenant,
        channel,
        received_at: Utc::now(),
        peer,
        reason,
        raw: cap(raw, raw_cap).0.to_string(),
    }
}
