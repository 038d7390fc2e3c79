//! Request bodies: gzip when `Content-Encoding: gzip`, with a cap on the
//! decompressed size so a small bomb cannot exhaust memory.

use axum::body::Bytes;
use axum::http::HeaderMap;
use std::io::Read;

/// Largest decompressed body accepted.
pub const MAX_DECOMPRESSED: u64 = 256 << 20;

/// The body as bytes, decompressed if needed; the error says what is wrong.
pub fn decode(headers: &HeaderMap, body: Bytes) -> Result<Bytes, String> {
    let encoding = headers
        .get(axum::http::header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_ascii_lowercase());
    match encoding.as_deref() {
        None | Some("") | Some("identity") => Ok(body),
        Some("gzip") | Some("x-gzip") => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(MAX_DECOMPRESSED + 1)
                .read_to_end(&mut out)
                .map_err(|e| format!("gzip body cannot be decompressed: {e}"))?;
            if out.len() as u64 > MAX_DECOMPRESSED {
                return Err(format!(
                    "decompressed body exceeds {MAX_DECOMPRESSED} bytes"
                ));
            }
            Ok(Bytes::from(out))
        }
        Some(other) => Err(format!(
            "unsupported Content-Encoding `{other}` (gzip or identity)"
        )),
    }
}
