//! JSON payloads: Winlogbeat/ECS documents, Sysmon-as-JSON, arbitrary objects.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

/// Parses a JSON object; `None` for anything else.
pub fn parse_object(text: &str) -> Option<Map<String, Value>> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Some(map),
        _ => None,
    }
}

/// The event's own time: `@timestamp`, `timestamp`, `time`, Windows `TimeCreated`
/// or `UtcTime` (RFC 3339, Sysmon's `YYYY-MM-DD HH:MM:SS.fff`, or epoch seconds/ms).
pub fn timestamp_of(object: &Map<String, Value>) -> Option<DateTime<Utc>> {
    [
        "@timestamp",
        "timestamp",
        "time",
        "TimeCreated_SystemTime",
        "TimeCreated",
        "UtcTime",
        "EventTime",
    ]
    .iter()
    .filter_map(|key| object.get(*key))
    .find_map(parse_time)
}

/// Parses one time value.
pub fn parse_time(value: &Value) -> Option<DateTime<Utc>> {
    match value {
        Value::String(s) => {
            let s = s.trim();
            DateTime::parse_from_rfc3339(s)
                .map(|t| t.with_timezone(&Utc))
                .ok()
                .or_else(|| {
                    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f")
                        .ok()
                        .map(|n| n.and_utc())
                })
                .or_else(|| s.parse::<f64>().ok().and_then(epoch))
        }
        Value::Number(n) => n.as_f64().and_then(epoch),
        _ => None,
    }
}

/// Epoch seconds, or milliseconds when the number is too large to be seconds.
fn epoch(value: f64) -> Option<DateTime<Utc>> {
    let millis = if value > 1e11 { value } else { value * 1000.0 };
    DateTime::from_timestamp_millis(millis as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn times_in_every_shape() {
        let expect = "2026-11-01T10:00:00+00:00";
        for v in [
            json!("2026-11-01T10:00:00Z"),
            json!("2026-11-01 10:00:00.000"),
            json!(1793527200),
            json!(1793527200000u64),
        ] {
            assert_eq!(parse_time(&v).expect("time").to_rfc3339(), expect, "{v}");
        }
        let object =
            parse_object(r#"{"UtcTime":"2026-11-01 10:00:00.000","Image":"x"}"#).expect("object");
        assert_eq!(timestamp_of(&object).expect("t").to_rfc3339(), expect);
        assert!(parse_object("[1,2]").is_none());
    }
}
