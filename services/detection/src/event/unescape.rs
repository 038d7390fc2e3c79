//! Unescaping the inside of a JSON string, sixteen bytes at a time.
//!
//! Windows values escape a backslash every few bytes (`C:\\Windows\\System32\\...`),
//! and PowerShell blocks run to kilobytes. Copying run by run cost a search and a
//! copy call per escape; here every step copies a whole sixteen-byte window and
//! keeps the part before its first backslash.

use wide::u8x16;

/// Unescapes `inner` (the inside of a valid JSON string) into the start of `out` and
/// returns its length `n` (`out[..n]` is then UTF-8, read by [`as_text`]); `None`
/// for a `\u` escape (`\u00e9`, left to serde_json with its surrogate rules) or an
/// invalid escape.
pub fn unescape_into(inner: &str, out: &mut Vec<u8>) -> Option<usize> {
    let src = inner.as_bytes();
    // Room for a whole window past the last byte written (the output is never longer
    // than the input). The buffer only grows: zeroing it for every value cost more
    // than unescaping.
    if out.len() < src.len() + 16 {
        out.resize(src.len() + 16, 0);
    }
    let backslash = u8x16::splat(b'\\');
    let (mut r, mut w) = (0, 0);
    while let Some(window) = src.get(r..r + 16) {
        let mut a = [0u8; 16];
        a.copy_from_slice(window);
        out.get_mut(w..w + 16)?.copy_from_slice(&a);
        let hits = u8x16::new(a).simd_eq(backslash).to_bitmask();
        if hits == 0 {
            r += 16;
            w += 16;
            continue;
        }
        let k = hits.trailing_zeros() as usize;
        r += k;
        w += k;
        *out.get_mut(w)? = escaped(src.get(r + 1).copied()?)?;
        r += 2;
        w += 1;
    }
    while let Some(&b) = src.get(r) {
        if b == b'\\' {
            *out.get_mut(w)? = escaped(src.get(r + 1).copied()?)?;
            r += 2;
        } else {
            *out.get_mut(w)? = b;
            r += 1;
        }
        w += 1;
    }
    Some(w)
}

/// The text [`unescape_into`] wrote. Whole UTF-8 sequences are copied and escapes
/// yield ASCII, so this is always `Some`; it is checked rather than assumed because
/// `unsafe` is not used here.
pub fn as_text(out: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(out).ok()
}

/// The byte a one-character escape (`\n`, `\\`, ...) stands for.
#[inline]
fn escaped(c: u8) -> Option<u8> {
    Some(match c {
        b'"' => b'"',
        b'\\' => b'\\',
        b'/' => b'/',
        b'b' => 0x08,
        b'f' => 0x0c,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::{as_text, unescape_into};

    /// Agrees with serde_json on strings of every length around the window size,
    /// with escapes at every offset.
    #[test]
    fn agrees_with_serde_json() {
        let pieces = [
            "a", "é", "€", r"\\", r#"\""#, r"\/", r"\b", r"\f", r"\n", r"\r", r"\t", "C:",
        ];
        let mut buf = Vec::new();
        for len in 0..70 {
            for shift in 0..pieces.len() {
                let inner: String = (0..len)
                    .map(|i| pieces[(i * 7 + shift) % pieces.len()])
                    .collect();
                let want: String =
                    serde_json::from_str(&format!("\"{inner}\"")).unwrap_or_default();
                let n = unescape_into(&inner, &mut buf);
                assert_eq!(
                    n.and_then(|n| as_text(&buf[..n])),
                    Some(want.as_str()),
                    "{inner}"
                );
            }
        }
    }

    #[test]
    fn unicode_and_invalid_escapes_are_left_to_the_caller() {
        let mut buf = Vec::new();
        assert_eq!(unescape_into(r"caf\u00e9", &mut buf), None);
        assert_eq!(unescape_into(r"0123456789abcdef\q", &mut buf), None);
        assert_eq!(unescape_into(r"trailing\", &mut buf), None);
        assert_eq!(unescape_into(r"0123456789abcde\", &mut buf), None);
    }
}
