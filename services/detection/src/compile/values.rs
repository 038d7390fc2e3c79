//! Value transformations applied before matching: the encoding modifiers (`utf16le`,
//! `utf16be`, `utf16`/`wide`, `base64`, `base64offset`) and `expand` placeholders.

use crate::modifiers::Modifier;
use crate::parse::SigmaValue;
use base64::Engine;
use std::collections::HashMap;

/// Applies utf16*/base64/base64offset in order; `None` when no encoding modifier is used.
pub(super) fn encode(text: &str, mods: &[Modifier]) -> Result<Option<Vec<String>>, String> {
    let mut bytes: Option<Vec<u8>> = None;
    let mut result: Option<Vec<String>> = None;
    let b64 = base64::engine::general_purpose::STANDARD;
    for m in mods {
        let cur = || bytes.clone().unwrap_or_else(|| text.as_bytes().to_vec());
        match m {
            Modifier::Utf16Le => {
                bytes = Some(text.encode_utf16().flat_map(u16::to_le_bytes).collect())
            }
            Modifier::Utf16Be => {
                bytes = Some(text.encode_utf16().flat_map(u16::to_be_bytes).collect())
            }
            Modifier::Utf16 => {
                let mut b = vec![0xFF, 0xFE];
                b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                bytes = Some(b);
            }
            Modifier::Base64 => result = Some(vec![b64.encode(cur())]),
            Modifier::Base64Offset => {
                let value = cur();
                let mut variants = Vec::new();
                for i in 0..3usize {
                    let mut padded = vec![b' '; i];
                    padded.extend_from_slice(&value);
                    let enc = b64.encode(&padded);
                    let start = [0usize, 2, 3][i];
                    let end_trim = [0usize, 3, 2][(value.len() + i) % 3];
                    let end = enc.len().saturating_sub(end_trim);
                    variants.push(enc.get(start..end).unwrap_or_default().to_string());
                }
                result = Some(variants);
            }
            _ => {}
        }
    }
    if result.is_none()
        && let Some(b) = bytes
    {
        // Wide text without base64: match the raw code units as characters.
        return Ok(Some(vec![b.iter().map(|&c| char::from(c)).collect()]));
    }
    Ok(result)
}

/// `expand`: replaces `%name%` placeholders with the tenant's values (each a Sigma string).
pub(super) fn expand(
    values: &[SigmaValue],
    ph: &HashMap<String, Vec<String>>,
) -> Result<Vec<SigmaValue>, String> {
    let mut out = Vec::new();
    for v in values {
        let SigmaValue::Str(s) = v else {
            out.push(v.clone());
            continue;
        };
        let mut acc = vec![String::new()];
        let mut rest = s.as_str();
        while let Some(start) = rest.find('%') {
            let Some(len) = rest[start + 1..].find('%') else {
                break;
            };
            let name = &rest[start + 1..start + 1 + len];
            let vals = ph
                .get(name)
                .filter(|v| !v.is_empty())
                .ok_or_else(|| format!("placeholder '%{name}%' has no values"))?;
            let prefix = &rest[..start];
            acc = acc
                .iter()
                .flat_map(|a| vals.iter().map(move |x| format!("{a}{prefix}{x}")))
                .collect();
            rest = &rest[start + len + 2..];
        }
        out.extend(
            acc.into_iter()
                .map(|a| SigmaValue::Str(format!("{a}{rest}"))),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64offset_matches_reference_values() {
        // pySigma's documented example: 'http://' with base64offset|contains.
        let got = encode("http://", &[Modifier::Base64Offset])
            .expect("ok")
            .expect("encoded");
        assert_eq!(got, vec!["aHR0cDovL", "h0dHA6Ly", "odHRwOi8v"]);
    }

    #[test]
    fn utf16_variants() {
        let le = encode("ab", &[Modifier::Utf16Le, Modifier::Base64])
            .expect("ok")
            .expect("enc");
        assert_eq!(le, vec!["YQBiAA=="]);
        let be = encode("ab", &[Modifier::Utf16Be, Modifier::Base64])
            .expect("ok")
            .expect("enc");
        assert_eq!(be, vec!["AGEAYg=="]);
        let bom = encode("ab", &[Modifier::Utf16, Modifier::Base64])
            .expect("ok")
            .expect("enc");
        assert_eq!(bom, vec!["//5hAGIA"]);
    }

    #[test]
    fn expand_substitutes_placeholders() {
        let mut ph = HashMap::new();
        ph.insert("hosts".to_string(), vec!["a".to_string(), "b".to_string()]);
        let got = expand(&[SigmaValue::Str("x%hosts%y".into())], &ph).expect("ok");
        assert_eq!(
            got,
            vec![SigmaValue::Str("xay".into()), SigmaValue::Str("xby".into())]
        );
        assert!(expand(&[SigmaValue::Str("%missing%".into())], &ph).is_err());
    }
}
