//! Parsing one received record into fields: syslog (RFC 5424 with structured
//! data, RFC 3164 with year and time-zone inference), CEF (inside syslog or
//! alone), JSON objects, and key=value lines. The result is mapped to ECS names by
//! [`crate::normalize`].

pub mod cef;
pub mod json;
pub mod kv;
pub mod kv_time;
pub mod sshd;
pub mod syslog;
pub mod year;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

/// Which format a record was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Rfc5424,
    Rfc3164,
    Cef,
    Json,
    KeyValue,
    Text,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Rfc5424 => "rfc5424",
            Format::Rfc3164 => "rfc3164",
            Format::Cef => "cef",
            Format::Json => "json",
            Format::KeyValue => "kv",
            Format::Text => "text",
        }
    }
}

/// Syslog header fields, when the record had a syslog header.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyslogHeader {
    pub facility: Option<u8>,
    pub severity: Option<u8>,
    pub hostname: Option<String>,
    pub appname: Option<String>,
    pub procid: Option<String>,
    pub msgid: Option<String>,
    /// `(sd-id, [(param, value)])`, in order.
    pub structured_data: Vec<(String, Vec<(String, String)>)>,
    pub version: Option<u32>,
}

/// A parsed record, before ECS mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The outermost format (syslog wins over the payload inside it).
    pub format: Format,
    /// The payload format inside a syslog message (`Cef`, `KeyValue`, `Json`, `Text`).
    pub payload: Format,
    pub timestamp: Option<DateTime<Utc>>,
    pub syslog: Option<SyslogHeader>,
    /// The free-text message (after the syslog header).
    pub message: String,
    /// Fields found in the payload under their original names (CEF header and
    /// extensions, key=value pairs, JSON members).
    pub fields: Map<String, Value>,
}

/// Parses a text record (a syslog line, CEF, key=value or JSON).
pub fn parse_line(line: &str, ctx: &year::Clock) -> Parsed {
    let trimmed = line.trim_end_matches(['\r', '\n', '\0']);
    if trimmed.starts_with('<')
        && let Some(parsed) = syslog::parse(trimmed, ctx)
    {
        return parsed;
    }
    // A PRI with no syslog header after it (FortiGate sends `<189>date=...`):
    // the payload starts after it.
    let (payload, fields, timestamp) = parse_payload(strip_pri(trimmed), ctx);
    Parsed {
        format: payload,
        payload,
        timestamp,
        syslog: None,
        message: trimmed.to_string(),
        fields,
    }
}

/// The line without a leading `<PRI>` (1 to 3 digits).
fn strip_pri(line: &str) -> &str {
    line.strip_prefix('<')
        .and_then(|rest| rest.split_once('>'))
        .filter(|(digits, _)| {
            (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
        })
        .map_or(line, |(_, payload)| payload)
}

/// Recognises the payload of a message: CEF, a JSON object, key=value, or text.
pub fn parse_payload(
    message: &str,
    ctx: &year::Clock,
) -> (Format, Map<String, Value>, Option<DateTime<Utc>>) {
    let body = message.trim();
    if let Some(cef) = body
        .find("CEF:")
        .filter(|i| *i < 64)
        .and_then(|i| cef::parse(&body[i..]))
    {
        return (Format::Cef, cef, None);
    }
    if body.starts_with('{')
        && let Some(object) = json::parse_object(body)
    {
        let timestamp = json::timestamp_of(&object);
        return (Format::Json, object, timestamp);
    }
    if let Some(pairs) = kv::parse(body) {
        let timestamp = kv_time::timestamp_of(&pairs, ctx);
        return (Format::KeyValue, pairs, timestamp);
    }
    if let Some(auth) = sshd::parse(body) {
        return (Format::Text, auth, None);
    }
    (Format::Text, Map::new(), None)
}
