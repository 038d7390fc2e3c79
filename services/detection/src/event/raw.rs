//! An event line read lazily: the top-level JSON object's fields as slices of the line,
//! each decoded only when the rule index asks for it.
//!
//! Most events match no rule. Building a full `serde_json::Value` for each one (a map
//! node, a key and a value string per field) cost more than finding out that no rule
//! applies, so the prefilter runs on this view and the tree is built only for events
//! that have candidate rules ([`RawEvent::to_value`]).

use super::scan::{Member, object_members, object_members_spelled};
use super::unescape::{as_text, unescape_into};
use serde_json::value::RawValue;
use serde_json::{Number, Value};
use std::borrow::Cow;

/// A JSON object line with its top-level fields located but not decoded.
#[derive(Debug)]
pub struct RawEvent<'a> {
    line: &'a str,
    /// Each member's name and its value's JSON text.
    fields: Vec<Member<'a>>,
    /// No `\u` or `\/` escape anywhere (see [`RawEvent::single_spelling`]).
    single_spelling: bool,
}

/// A decoded field value, as the prefilter needs it.
#[derive(Debug)]
pub enum RawScalar<'a> {
    Str(Cow<'a, str>),
    Number(Number),
    Array(Vec<&'a str>),
    Object(Vec<Member<'a>>),
    /// `true`, `false` or `null` (a boolean's text may hold a literal need: the
    /// prefilter reads the raw text for those).
    Other,
}

impl<'a> RawEvent<'a> {
    /// Locates the fields of a JSON object line. The whole line is checked to be valid
    /// JSON (nested values are skipped over, not built); anything else is an error
    /// naming what is wrong.
    pub fn parse(line: &'a str) -> Result<Self, String> {
        let (fields, single_spelling) = object_members_spelled(line)?;
        Ok(RawEvent {
            line,
            fields,
            single_spelling,
        })
    }

    /// Whether every character of the line has one spelling: it holds no `\u`
    /// escape (`\u00e9`) and no `\/`, so a literal occurs in a string value exactly
    /// when its JSON-escaped form occurs in the line.
    pub fn single_spelling(&self) -> bool {
        self.single_spelling
    }

    /// The whole line.
    pub fn line(&self) -> &'a str {
        self.line
    }

    /// The top-level fields in line order (a repeated key appears each time).
    pub fn fields(&self) -> &[Member<'a>] {
        &self.fields
    }

    /// A top-level field's raw value; for a repeated key the last one, as a parsed
    /// object keeps it.
    pub fn get(&self, key: &str) -> Option<&'a str> {
        self.fields
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| *v)
    }

    /// A top-level string field (decoded), or `None` when absent or not a string.
    pub fn get_str(&self, key: &str) -> Option<Cow<'a, str>> {
        match decode(self.get(key)?) {
            RawScalar::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The full tree, for evaluating rules on the event.
    pub fn to_value(&self) -> serde_json::Result<Value> {
        serde_json::from_str(self.line)
    }

    /// A tree of only the named top-level fields (a repeated key keeps its last
    /// value, as in the full tree): enough for rules that read nothing else. `keys`
    /// may repeat a name. `buf` is reused from event to event: a fresh one grew (and
    /// was zeroed) again for every long value.
    pub fn partial_value(&self, keys: &[&str], buf: &mut Vec<u8>) -> serde_json::Result<Value> {
        let mut map = serde_json::Map::new();
        for (k, v) in &self.fields {
            // Few names, told apart by length first: most members are passed
            // over without comparing any text.
            if keys.iter().any(|n| n.len() == k.len() && *n == k.as_ref()) {
                // Strings, most values, are unescaped directly (the line is already
                // known to be valid JSON); the rest, and `\u` escapes, by serde_json.
                let value = match v.starts_with('"').then(|| raw_str(v, buf)).flatten() {
                    Some(text) => Value::String(text.to_owned()),
                    None => serde_json::from_str(v)?,
                };
                map.insert(k.to_string(), value);
            }
        }
        Ok(Value::Object(map))
    }
}

/// Decodes one raw value far enough for the prefilter: strings are unescaped only when
/// they contain an escape, arrays and objects are split into their raw members.
pub fn decode(text: &str) -> RawScalar<'_> {
    match text.as_bytes().first() {
        Some(b'"') => {
            let inner = &text[1..text.len() - 1];
            if !inner.contains('\\') {
                return RawScalar::Str(Cow::Borrowed(inner));
            }
            serde_json::from_str::<String>(text)
                .map(|s| RawScalar::Str(Cow::Owned(s)))
                .unwrap_or(RawScalar::Other)
        }
        Some(b'[') => serde_json::from_str::<Vec<&RawValue>>(text)
            .map(|items| RawScalar::Array(items.into_iter().map(RawValue::get).collect()))
            .unwrap_or(RawScalar::Other),
        Some(b'{') => object_members(text)
            .map(RawScalar::Object)
            .unwrap_or(RawScalar::Other),
        Some(b'-' | b'0'..=b'9') => match text.parse::<i64>() {
            // Integers (EventIDs, process ids) are by far the most common numbers.
            Ok(i) => RawScalar::Number(i.into()),
            Err(_) => serde_json::from_str::<Number>(text)
                .map(RawScalar::Number)
                .unwrap_or(RawScalar::Other),
        },
        _ => RawScalar::Other,
    }
}

/// The text of a raw JSON string value (with its quotes), unescaped into `buf` only
/// when it holds escapes; `None` when it is not a string. Windows paths make most
/// values hold escapes, so this reuses one buffer instead of allocating per value.
pub fn raw_str<'b>(raw: &'b str, buf: &'b mut Vec<u8>) -> Option<&'b str> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    if !inner.contains('\\') {
        return Some(inner);
    }
    if let Some(n) = unescape_into(inner, buf) {
        return as_text(&buf[..n]);
    }
    // `\u` escapes such as `\u00e9` (rare): serde_json's own decoding, with its
    // surrogate rules.
    *buf = serde_json::from_str::<String>(raw).ok()?.into_bytes();
    std::str::from_utf8(buf).ok()
}

/// [`raw_str`] for a fragment of a valid JSON string's inside that splits no escape
/// (a line from [`raw_lines`]).
pub fn unescape_fragment<'b>(fragment: &'b str, buf: &'b mut Vec<u8>) -> Option<&'b str> {
    if !fragment.contains('\\') {
        return Some(fragment);
    }
    if let Some(n) = unescape_into(fragment, buf) {
        return as_text(&buf[..n]);
    }
    *buf = serde_json::from_str::<String>(&format!("\"{fragment}\""))
        .ok()?
        .into_bytes();
    std::str::from_utf8(buf).ok()
}

/// The lines of a raw JSON string value (with its quotes), split at its `\n` escapes
/// and left escaped. A line break spelled `\u000a` does not split (a line may then
/// hold one), and a `\\n` (backslash, then the letter) is no break.
pub fn raw_lines(raw: &str) -> impl Iterator<Item = &str> {
    let inner = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or_default();
    let mut start = 0;
    let mut at = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let bytes = inner.as_bytes();
        while let Some(i) = memchr::memchr(b'\\', &bytes[at..]).map(|i| at + i) {
            // Every backslash here starts an escape: the text is valid JSON.
            match bytes.get(i + 1) {
                Some(b'n') => {
                    let line = &inner[start..i];
                    start = i + 2;
                    at = start;
                    return Some(line);
                }
                Some(b'u') => at = i + 6,
                _ => at = i + 2,
            }
            at = at.min(bytes.len());
        }
        done = true;
        Some(&inner[start..])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_located_and_decoded_on_demand() -> Result<(), String> {
        let line = r#"{"Image":"C:\\Windows\\x.exe","EventID":4688,"a\"b":"plain","n":{"k":[1,"two"]},"t":true}"#;
        let ev = RawEvent::parse(line)?;
        assert_eq!(ev.fields().len(), 5);
        assert_eq!(ev.get_str("Image").as_deref(), Some("C:\\Windows\\x.exe"));
        assert_eq!(ev.get_str("a\"b").as_deref(), Some("plain"));
        assert!(matches!(ev.get_str("a\"b"), Some(Cow::Borrowed(_))));
        match ev.get("EventID").map(decode) {
            Some(RawScalar::Number(n)) => assert_eq!(n.as_i64(), Some(4688)),
            other => return Err(format!("EventID decoded as {other:?}")),
        }
        let Some(RawScalar::Object(inner)) = ev.get("n").map(decode) else {
            return Err("n is not an object".into());
        };
        let Some(RawScalar::Array(items)) = inner.first().map(|(_, v)| decode(v)) else {
            return Err("n.k is not an array".into());
        };
        assert_eq!(items.len(), 2);
        assert!(matches!(ev.get("t").map(decode), Some(RawScalar::Other)));
        let mut buf = Vec::new();
        for raw in [
            r#""plain""#,
            r#""C:\\x \"q\" \/ \t\n\b\f\r""#,
            r#""\u00e9\ud83d\ude00""#,
        ] {
            let want: String = serde_json::from_str(raw).map_err(|e| e.to_string())?;
            assert_eq!(raw_str(raw, &mut buf), Some(want.as_str()), "{raw}");
        }
        assert_eq!(raw_str("12", &mut buf), None);
        assert_eq!(
            ev.to_value().map_err(|e| e.to_string())?["n"]["k"][1],
            "two"
        );
        let part = ev
            .partial_value(&["missing", "n", "t"], &mut Vec::new())
            .map_err(|e| e.to_string())?;
        assert_eq!(part, serde_json::json!({"n": {"k": [1, "two"]}, "t": true}));
        Ok(())
    }

    #[test]
    fn raw_lines_split_at_line_break_escapes_only() {
        let raw = r#""a\\nb\nc\u000ad\"\n\n\\""#;
        let lines: Vec<&str> = raw_lines(raw).collect();
        assert_eq!(lines, [r"a\\nb", r#"c\u000ad\""#, "", r"\\"]);
        let mut buf = Vec::new();
        let decoded: Vec<String> = lines
            .iter()
            .filter_map(|l| unescape_fragment(l, &mut buf).map(str::to_owned))
            .collect();
        assert_eq!(decoded, ["a\\nb", "c\nd\"", "", "\\"]);
        // Joined again, the decoded lines are the decoded value.
        let whole: String = serde_json::from_str(raw).unwrap_or_default();
        assert_eq!(decoded.join("\n"), whole);
        assert_eq!(raw_lines(r#""""#).collect::<Vec<_>>(), [""]);
        assert_eq!(raw_lines(r#""x\n""#).collect::<Vec<_>>(), ["x", ""]);
    }

    #[test]
    fn a_repeated_key_reads_as_its_last_value() -> Result<(), String> {
        let ev = RawEvent::parse(r#"{"a":"1","a":"2"}"#)?;
        assert_eq!(ev.get_str("a").as_deref(), Some("2"));
        Ok(())
    }

    #[test]
    fn bad_lines_are_errors_naming_the_problem() {
        assert_eq!(
            RawEvent::parse("[1,2]").err().as_deref(),
            Some("not a JSON object")
        );
        let truncated = RawEvent::parse(r#"{"a":"1","b":[1,2"#).err();
        assert!(
            truncated.as_deref().is_some_and(|e| e.contains("EOF")),
            "{truncated:?}"
        );
        let bad_escape = RawEvent::parse(r#"{"a":"\q"}"#).err();
        assert!(
            bad_escape.as_deref().is_some_and(|e| e.contains("escape")),
            "{bad_escape:?}"
        );
        let trailing = RawEvent::parse(r#"{"a":1} x"#).err();
        assert!(
            trailing.as_deref().is_some_and(|e| e.contains("trailing")),
            "{trailing:?}"
        );
    }
}
