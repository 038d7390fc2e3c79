//! Reading fields out of an event (`serde_json::Value`): exact keys first, then dotted
//! names into nested objects, over a list of candidate names from the field mapping.
//! [`raw`] reads event lines lazily for the prefilter (locating fields with [`scan`] and
//! [`marks`], decoding strings with [`unescape`]); [`lines`] splits a file into them.

pub mod lines;
pub mod marks;
pub mod raw;
pub mod scan;
pub mod unescape;

use crate::fieldmap::Alt;
use serde_json::Value;

/// One way to spell a field in an event.
#[derive(Debug, Clone)]
pub struct Key {
    full: String,
    /// Only used for events from these channels (or without a `Channel`).
    channels: Option<&'static [&'static str]>,
    /// The dotted components when the name has dots, for nested lookups.
    parts: Option<Vec<String>>,
}

impl Key {
    /// A key for a field name.
    pub fn new(name: &str) -> Self {
        let parts = name
            .contains('.')
            .then(|| name.split('.').map(str::to_string).collect());
        Key {
            full: name.to_string(),
            channels: None,
            parts,
        }
    }

    fn get<'a>(&self, event: &'a Value) -> Option<&'a Value> {
        let obj = event.as_object()?;
        if let Some(allowed) = self.channels
            && let Some(ch) = obj.get("Channel").and_then(Value::as_str)
            && !allowed.iter().any(|a| a.eq_ignore_ascii_case(ch))
        {
            return None;
        }
        if let Some(v) = obj.get(&self.full) {
            return Some(v);
        }
        let parts = self.parts.as_ref()?;
        let mut cur = event;
        for p in parts {
            cur = cur.as_object()?.get(p)?;
        }
        Some(cur)
    }
}

/// A field of a rule, resolved to the names it may carry in events (first found wins).
#[derive(Debug, Clone)]
pub struct FieldPath {
    /// The name as written in the rule.
    pub name: String,
    keys: Vec<Key>,
}

impl FieldPath {
    /// A path trying each candidate name in order.
    pub fn new(name: &str, candidates: &[Alt]) -> Self {
        let mut keys = vec![Key::new(name)];
        for c in candidates {
            if c.name != name {
                keys.push(Key {
                    channels: c.channels,
                    ..Key::new(&c.name)
                });
            }
        }
        FieldPath {
            name: name.to_string(),
            keys,
        }
    }

    /// Every name this field may carry, in lookup order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(|k| k.full.as_str())
    }

    /// The top-level event keys a lookup may read: each candidate name, the first
    /// part of a dotted one, and `Channel` when a candidate depends on it.
    pub fn top_level_keys(&self, out: &mut Vec<String>) {
        for k in &self.keys {
            out.push(k.full.clone());
            if let Some(first) = k.parts.as_ref().and_then(|p| p.first()) {
                out.push(first.clone());
            }
            if k.channels.is_some() {
                out.push("Channel".into());
            }
        }
    }

    /// The field's value in the event, if any candidate name is present.
    #[inline]
    pub fn lookup<'a>(&self, event: &'a Value) -> Option<&'a Value> {
        self.keys.iter().find_map(|k| k.get(event))
    }
}

/// Calls `f` on every string value anywhere in the event (for keyword search); stops
/// early when `f` returns true and reports whether it did.
pub fn any_string(v: &Value, f: &mut dyn FnMut(&str) -> bool) -> bool {
    match v {
        Value::String(s) => f(s),
        Value::Array(a) => a.iter().any(|x| any_string(x, f)),
        Value::Object(o) => o.values().any(|x| any_string(x, f)),
        _ => false,
    }
}

/// An event timestamp in milliseconds since the epoch: RFC 3339 text, or a number
/// (seconds, or milliseconds when it is large).
pub fn timestamp_ms(v: &Value) -> Option<i64> {
    match v {
        Value::String(s) => parse_time_ms(s),
        Value::Number(n) => {
            let f = n.as_f64()?;
            Some(if f > 1e11 {
                f as i64
            } else {
                (f * 1000.0) as i64
            })
        }
        _ => None,
    }
}

/// Parses RFC 3339 (or `YYYY-MM-DD hh:mm:ss[.fff]` as UTC) into epoch milliseconds.
pub fn parse_time_ms(s: &str) -> Option<i64> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s.trim()) {
        return Some(t.timestamp_millis());
    }
    let naive = chrono::NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%d %H:%M:%S%.f")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M:%S%.f"))
        .ok()?;
    Some(naive.and_utc().timestamp_millis())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dotted_names_reach_nested_objects() {
        let ev = json!({"process": {"executable": "C:\\x.exe"}, "a.b": 1});
        let p = FieldPath::new("process.executable", &[]);
        assert_eq!(p.lookup(&ev), Some(&json!("C:\\x.exe")));
        assert_eq!(FieldPath::new("a.b", &[]).lookup(&ev), Some(&json!(1)));
        assert_eq!(FieldPath::new("process.missing", &[]).lookup(&ev), None);
    }

    #[test]
    fn candidates_are_tried_in_order() {
        let ev = json!({"NewProcessName": "a"});
        let alt = Alt {
            name: "NewProcessName".into(),
            channels: Some(&["Security"]),
        };
        let p = FieldPath::new("Image", &[alt]);
        assert_eq!(p.lookup(&ev), Some(&json!("a")));
        let security = json!({"Channel": "security", "NewProcessName": "a"});
        assert_eq!(p.lookup(&security), Some(&json!("a")));
        let sysmon =
            json!({"Channel": "Microsoft-Windows-Sysmon/Operational", "NewProcessName": "a"});
        assert_eq!(p.lookup(&sysmon), None);
    }

    #[test]
    fn timestamps() {
        assert_eq!(parse_time_ms("1970-01-01T00:00:01Z"), Some(1000));
        assert_eq!(parse_time_ms("1970-01-01 00:00:02.5"), Some(2500));
        assert_eq!(timestamp_ms(&json!(3)), Some(3000));
        assert_eq!(parse_time_ms("nope"), None);
    }
}
