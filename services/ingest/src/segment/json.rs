//! Writing JSON for segment records, faster than going through serde: strings
//! are scanned eight bytes at a time for the few bytes JSON must escape (the
//! escaping itself was the receiving path's largest single cost), and values
//! are written straight from the tree without a serializer in between. The
//! output is ordinary JSON, read back with serde_json.

use serde_json::{Map, Value};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether any of the eight bytes is a control character, `"` or `\`.
/// (`x - n` borrows into a byte's high bit exactly when that byte is below `n`;
/// exact as to whether any byte qualifies, which is all this answers.)
fn needs_escape(word: u64) -> bool {
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    let quote = word ^ (ONES * u64::from(b'"'));
    let is_quote = quote.wrapping_sub(ONES) & !quote & HIGHS;
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let is_backslash = backslash.wrapping_sub(ONES) & !backslash & HIGHS;
    (below_space | is_quote | is_backslash) != 0
}

/// Appends `text` as a JSON string.
pub fn write_str(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes
            .get(i..i + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
            && !needs_escape(u64::from_le_bytes(chunk))
        {
            i += 8;
            continue;
        }
        // Byte by byte through this word (or the tail).
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes[i];
            let escape: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                0x00..=0x1f => b"",
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.extend_from_slice(&bytes[copied..i]);
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            } else {
                out.extend_from_slice(escape);
            }
            i += 1;
            copied = i;
        }
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
}

/// Appends a JSON value.
pub fn write_value(out: &mut Vec<u8>, value: &Value) {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Number(n) => {
            // Numbers print through serde_json's own formatting (exact, finite).
            if serde_json::to_writer(&mut *out, n).is_err() {
                out.extend_from_slice(b"null");
            }
        }
        Value::String(s) => write_str(out, s),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_value(out, item);
            }
            out.push(b']');
        }
        Value::Object(map) => write_map(out, map),
    }
}

/// Appends a JSON object.
pub fn write_map(out: &mut Vec<u8>, map: &Map<String, Value>) {
    out.push(b'{');
    for (i, (key, value)) in map.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_str(out, key);
        out.push(b':');
        write_value(out, value);
    }
    out.push(b'}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strings_round_trip_through_serde_json_whatever_their_bytes() {
        // Every escape class, at every offset within and across eight-byte words.
        let pieces = [
            "plain", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{c}", "\u{1}", "\u{1f}", "\u{7f}",
            "é", "日本", "😀", " ", "",
        ];
        for a in pieces {
            for b in pieces {
                for pad in 0..10 {
                    let text = format!("{}{a}{}{b}", "x".repeat(pad), "y".repeat(pad % 3));
                    let mut out = Vec::new();
                    write_str(&mut out, &text);
                    let back: String = serde_json::from_slice(&out).expect("valid JSON");
                    assert_eq!(back, text);
                    assert!(!out.contains(&b'\n'), "a record stays on one line");
                }
            }
        }
    }

    #[test]
    fn the_eight_byte_test_finds_each_byte_that_needs_escaping() {
        for b in 0u8..=255 {
            for position in 0..8 {
                let mut word = [b'a'; 8];
                word[position] = b;
                let wanted = b < 0x20 || b == b'"' || b == b'\\';
                assert_eq!(needs_escape(u64::from_le_bytes(word)), wanted, "{b:#x}");
            }
        }
    }

    #[test]
    fn values_write_as_serde_json_writes_them() {
        let value = json!({
            "a": null, "b": true, "c": false, "d": -12, "e": 1.5, "f": 18446744073709551615u64,
            "g": "x\"y", "h": [1, "two", {"three": [null]}], "i": {}, "j": [],
            "k\n": {"nested": {"deeper": "é"}}
        });
        let mut out = Vec::new();
        write_value(&mut out, &value);
        assert_eq!(String::from_utf8(out).expect("utf-8"), value.to_string());
    }
}
