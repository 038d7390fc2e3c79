//! ArcSight CEF: `CEF:Version|Vendor|Product|Version|SignatureID|Name|Severity|Extension`
//! with `\|` and `\\` escapes in the header and `\=`, `\\`, `\n`, `\r` in
//! extension values; extension values may contain spaces (a value runs until the
//! next ` key=`). `cs1Label=Rule cs1=allow` pairs become `Rule: allow` too.

use serde_json::{Map, Value};

const HEADER: [&str; 7] = [
    "cefVersion",
    "deviceVendor",
    "deviceProduct",
    "deviceVersion",
    "deviceEventClassId",
    "name",
    "severity",
];

/// Parses a CEF record (starting at `CEF:`); `None` if the header is incomplete.
pub fn parse(input: &str) -> Option<Map<String, Value>> {
    let rest = input.strip_prefix("CEF:")?;
    let mut fields = Map::new();
    let mut parts = Vec::with_capacity(7);
    let mut current = String::new();
    let mut chars = rest.char_indices();
    let mut extension_start = None;
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, next)) = chars.next() {
                    current.push(next);
                }
            }
            '|' => {
                parts.push(std::mem::take(&mut current));
                if parts.len() == 7 {
                    extension_start = Some(i + 1);
                    break;
                }
            }
            _ => current.push(c),
        }
    }
    let extension_start = extension_start?;
    for (name, value) in HEADER.iter().zip(parts) {
        fields.insert((*name).to_string(), Value::String(value.trim().to_string()));
    }
    parse_extension(&rest[extension_start..], &mut fields);
    relabel_custom_fields(&mut fields);
    Some(fields)
}

fn parse_extension(ext: &str, fields: &mut Map<String, Value>) {
    // Positions of unescaped `key=` starts: a key is a run of [A-Za-z0-9_.] after
    // start or a space.
    let bytes = ext.as_bytes();
    let mut starts = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if (i == 0 || bytes[i - 1] == b' ')
            && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_')
        {
            let mut j = i;
            while j < bytes.len()
                && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_' || bytes[j] == b'.')
            {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'=' && (j == 0 || bytes[j - 1] != b'\\') {
                starts.push((i, j));
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    for (n, (key_start, eq)) in starts.iter().enumerate() {
        let value_end = starts
            .get(n + 1)
            .map(|(next, _)| next.saturating_sub(1))
            .unwrap_or(bytes.len());
        let key = &ext[*key_start..*eq];
        let raw = ext.get(eq + 1..value_end.max(eq + 1)).unwrap_or("");
        fields.insert(key.to_string(), Value::String(unescape(raw.trim_end())));
    }
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `csNLabel=Rule csN=allow` → also `Rule=allow` (the label is the real name).
fn relabel_custom_fields(fields: &mut Map<String, Value>) {
    let labelled: Vec<(String, Value)> = fields
        .iter()
        .filter_map(|(key, label)| {
            let base = key.strip_suffix("Label")?;
            let value = fields.get(base)?.clone();
            let label = label.as_str()?.trim();
            (!label.is_empty() && !fields.contains_key(label)).then(|| (label.to_string(), value))
        })
        .collect();
    fields.extend(labelled);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_extension_and_escapes() {
        let f = parse(r"CEF:0|Security|threat\|manager|1.0|100|worm successfully stopped|10|src=10.0.0.1 dst=2.1.2.2 spt=1232 msg=Detected a threat. No action needed cs1Label=Rule cs1=allow outbound fname=C:\\Windows\\x.exe eq=a\=b")
            .expect("cef");
        assert_eq!(f["deviceProduct"], "threat|manager");
        assert_eq!(f["severity"], "10");
        assert_eq!(f["src"], "10.0.0.1");
        assert_eq!(f["msg"], "Detected a threat. No action needed");
        assert_eq!(f["Rule"], "allow outbound");
        assert_eq!(f["fname"], r"C:\Windows\x.exe");
        assert_eq!(f["eq"], "a=b");
    }

    #[test]
    fn incomplete_header_is_not_cef() {
        assert!(parse("CEF:0|only|three").is_none());
        assert!(parse("not cef").is_none());
    }
}
