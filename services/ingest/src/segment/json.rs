//! Writing JSON for segment records, faster than going through serde: strings
//! are scanned sixteen bytes at a time (portable SIMD) for the bytes JSON must
//! escape, copied in runs between them, and values are written straight from
//! the tree without a serializer in between. Escaping had been the receiving
//! path's largest single cost, byte by byte. The output is ordinary JSON, read
//! back with serde_json.

use serde_json::{Map, Value};
use wide::u8x16;

/// Which of the sixteen bytes are control characters, `"` or `\`, one bit each.
fn special(chunk: [u8; 16]) -> u32 {
    let v = u8x16::new(chunk);
    // A byte is a control character exactly when min(byte, 0x1f) is itself.
    let control = v.min(u8x16::splat(0x1f)).simd_eq(v);
    let quote = v.simd_eq(u8x16::splat(b'"'));
    let backslash = v.simd_eq(u8x16::splat(b'\\'));
    (control | quote | backslash).to_bitmask()
}

/// Appends `text` as a JSON string.
pub fn write_str(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut copied = 0;
    let mut chunks = bytes.chunks_exact(16);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut array = [0u8; 16];
        array.copy_from_slice(chunk);
        let mut bits = special(array);
        while bits != 0 {
            let i = at + bits.trailing_zeros() as usize;
            escape(out, bytes, &mut copied, i);
            bits &= bits - 1;
        }
        at += 16;
    }
    // Most names and values are shorter than sixteen bytes: the tail is
    // scanned the same way, padded with bytes that need no escape.
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let mut array = [b' '; 16];
        array[..tail.len()].copy_from_slice(tail);
        let mut bits = special(array);
        while bits != 0 {
            let i = at + bits.trailing_zeros() as usize;
            escape(out, bytes, &mut copied, i);
            bits &= bits - 1;
        }
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
}

/// Copies the run before byte `i`, then byte `i` escaped.
fn escape(out: &mut Vec<u8>, bytes: &[u8], copied: &mut usize, i: usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.extend_from_slice(&bytes[*copied..i]);
    let b = bytes[i];
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0c => out.extend_from_slice(b"\\f"),
        _ => {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
        }
    }
    *copied = i + 1;
}

/// Appends an unsigned integer (core's formatting machinery was a visible
/// share of writing a record's few numbers, and a digit at a time after it:
/// `itoa` writes two at a time, and every record holds two 19-digit times).
pub fn write_u64(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// Appends a signed 128-bit integer. Times in nanoseconds fit 64 bits until
/// 2554, and 64-bit division is many times cheaper than 128-bit.
pub fn write_i128(out: &mut Vec<u8>, n: i128) {
    if n < 0 {
        out.push(b'-');
    }
    let mut n = n.unsigned_abs();
    if let Ok(small) = u64::try_from(n) {
        return write_u64(out, small);
    }
    let mut digits = [0u8; 39];
    let mut at = digits.len();
    while n > 0 {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out.extend_from_slice(&digits[at..]);
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
        // Every escape class, at every offset within and across sixteen-byte chunks.
        let pieces = [
            "plain", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{c}", "\u{1}", "\u{1f}", "\u{7f}",
            "é", "日本", "😀", " ", "",
        ];
        for a in pieces {
            for b in pieces {
                for pad in 0..18 {
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
    fn the_sixteen_byte_test_finds_each_byte_that_needs_escaping() {
        for b in 0u8..=255 {
            for position in 0..16 {
                let mut chunk = [b'a'; 16];
                chunk[position] = b;
                let wanted = b < 0x20 || b == b'"' || b == b'\\';
                let expected = if wanted { 1u32 << position } else { 0 };
                assert_eq!(special(chunk), expected, "{b:#x} at {position}");
            }
        }
    }

    #[test]
    fn integers_write_as_rust_prints_them() {
        for n in [0, 7, 10, 99, 1_000_000_007, u64::MAX / 10, u64::MAX] {
            let mut out = Vec::new();
            write_u64(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
        }
        for n in [
            0,
            -1,
            1_793_491_200_052_999_936,
            i128::from(u64::MAX),
            i128::from(u64::MAX) + 1,
            -i128::from(u64::MAX) - 1,
            i128::MAX,
            i128::MIN,
        ] {
            let mut out = Vec::new();
            write_i128(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
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
