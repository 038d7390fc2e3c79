//! ArcSight CEF: `CEF:Version|Vendor|Product|Version|SignatureID|Name|Severity|Extension`
//! with `\|` and `\\` escapes in the header and `\=`, `\\`, `\n`, `\r` in
//! extension values; extension values may contain spaces (a value runs until the
//! next ` key=`). `cs1Label=Rule cs1=allow` pairs become `Rule: allow` too.

use super::{FlatFields, Scalar};
use std::borrow::Cow;
use std::collections::HashMap;

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
/// Values are borrowed from the input unless they hold escapes.
pub fn parse(input: &str) -> Option<FlatFields<'_>> {
    let (mut fields, extension) = parse_fixed(input)?;
    parse_extension(extension, &mut fields);
    relabel_custom_fields(&mut fields);
    Some(fields)
}

/// Finds a `deviceProduct` key in a record's extension, which overrides the
/// header's. (A custom label of that name never does: the header's comes
/// first, and a label only names a field the record lacks.)
static DEVICE_PRODUCT: super::Needle =
    super::Needle::new(|| memchr::memmem::Finder::new(b"deviceProduct"));

/// The header's fields alone, where they give the record's last
/// `deviceProduct` (all that tags a CEF event's log source): the whole record
/// when its extension mentions that name. `None` exactly when [`parse`] is.
pub fn parse_header(input: &str) -> Option<FlatFields<'_>> {
    let (fields, extension) = parse_fixed(input)?;
    if super::find(&DEVICE_PRODUCT, extension).is_some() {
        return parse(input);
    }
    Some(fields)
}

/// Whether `input` starts a CEF record with its whole header (`CEF:` and
/// seven `|`-ended fields), without building it: text that merely mentions
/// "CEF:" is no record.
pub fn starts_record(input: &str) -> bool {
    let Some(rest) = input.strip_prefix("CEF:") else {
        return false;
    };
    let bytes = rest.as_bytes();
    let (mut pipes, mut i) = (0, 0);
    while pipes < HEADER.len() {
        match bytes.get(i) {
            None => return false,
            Some(b'\\') => i += 2,
            Some(b'|') => {
                pipes += 1;
                i += 1;
            }
            Some(_) => i += 1,
        }
    }
    true
}

/// The seven header fields and the extension after them.
fn parse_fixed(input: &str) -> Option<(FlatFields<'_>, &str)> {
    let rest = input.strip_prefix("CEF:")?;
    let bytes = rest.as_bytes();
    let mut fields: FlatFields<'_> = Vec::with_capacity(48);
    let (mut start, mut i, mut escaped) = (0, 0, false);
    while let Some(name) = HEADER.get(fields.len()) {
        match bytes.get(i)? {
            // Skips the escaped byte: a `|` or `\` after a backslash is text.
            // (A continuation byte it may land on is never `|` or `\`.)
            b'\\' => {
                escaped = true;
                i += 2;
            }
            b'|' => {
                let segment = rest.get(start..i)?;
                let value = if escaped {
                    Cow::Owned(unescape_header(segment).trim().to_string())
                } else {
                    Cow::Borrowed(segment.trim())
                };
                fields.push((Cow::Borrowed(*name), Scalar::Text(value)));
                (escaped, i, start) = (false, i + 1, i + 1);
            }
            _ => i += 1,
        }
    }
    Some((fields, rest.get(i..)?))
}

/// `\x` is `x` in the header.
fn unescape_header(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    let mut chars = segment.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

/// `key=value` pairs where a value runs until the next ` key=`. A key can
/// start only at the start or after a space: the spaces are found with
/// `memchr` and only the places after them looked at, not every byte.
fn parse_extension<'a>(ext: &'a str, fields: &mut FlatFields<'a>) {
    let bytes = ext.as_bytes();
    let n = bytes.len();
    // The pair whose value is still running: (key start, `=` position).
    let mut open: Option<(usize, usize)> = None;
    // `i` is always a place a key could start; `from` is where to look for
    // the next space.
    let mut i = 0;
    while i < n {
        let mut from = i;
        if bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' {
            let key_end = bytes[i..]
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.'))
                .map_or(n, |at| i + at);
            if bytes.get(key_end) == Some(&b'=') && bytes[key_end - 1] != b'\\' {
                if let Some(pair) = open {
                    push_pair(ext, pair, i.saturating_sub(1), fields);
                }
                open = Some((i, key_end));
                from = key_end + 1;
            }
        }
        match memchr::memchr(b' ', bytes.get(from..).unwrap_or_default()) {
            Some(at) => i = from + at + 1,
            None => break,
        }
    }
    if let Some(pair) = open {
        push_pair(ext, pair, n, fields);
    }
}

fn push_pair<'a>(
    ext: &'a str,
    (key_start, eq): (usize, usize),
    value_end: usize,
    fields: &mut FlatFields<'a>,
) {
    let key = &ext[key_start..eq];
    let raw = ext
        .get(eq + 1..value_end.max(eq + 1))
        .unwrap_or("")
        .trim_end();
    let value = if raw.contains('\\') {
        Cow::Owned(unescape(raw))
    } else {
        Cow::Borrowed(raw)
    };
    fields.push((Cow::Borrowed(key), Scalar::Text(value)));
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

/// `csNLabel=Rule csN=allow` → also `Rule=allow` (the label is the real name),
/// unless the record already has a field of that name. Two keys naming the
/// same label: the later in key order wins (as when these came from a map).
fn relabel_custom_fields(fields: &mut FlatFields<'_>) {
    if !fields.iter().any(|(key, _)| key.ends_with("Label")) {
        return;
    }
    // A record's last field of each name: by a scan for the usual few dozen
    // fields, through an index for a line of thousands (no line may cost
    // quadratic time).
    let index: Option<HashMap<&str, usize>> = (fields.len() > 64).then(|| {
        fields
            .iter()
            .enumerate()
            .map(|(i, (key, _))| (key.as_ref(), i))
            .collect()
    });
    let last = |name: &str| match &index {
        Some(index) => index.get(name).copied(),
        None => fields.iter().rposition(|(key, _)| key == name),
    };
    // (position of the label key, label, value)
    let mut labelled = Vec::new();
    for (n, (key, label)) in fields.iter().enumerate() {
        let Some(base) = key.strip_suffix("Label") else {
            continue;
        };
        // A label given twice counts once, with its last value.
        if last(key) != Some(n) {
            continue;
        }
        let Some(label) = label.as_str().map(str::trim).filter(|l| !l.is_empty()) else {
            continue;
        };
        if last(label).is_some() {
            continue;
        }
        if let Some(b) = last(base) {
            labelled.push((n, label.to_string(), fields[b].1.clone()));
        }
    }
    drop(index);
    labelled.sort_by(|(a, ..), (b, ..)| fields[*a].0.cmp(&fields[*b].0));
    fields.extend(
        labelled
            .into_iter()
            .map(|(_, label, value)| (Cow::Owned(label), value)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte scanner `parse_extension` replaced, kept to hold it
    /// to the same pairs.
    /// `key=value` pairs where a value runs until the next ` key=`.
    fn byte_by_byte<'a>(ext: &'a str, fields: &mut FlatFields<'a>) {
        let bytes = ext.as_bytes();
        // The pair whose value is still running: (key start, `=` position).
        let mut open: Option<(usize, usize)> = None;
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
                    if let Some(pair) = open {
                        push_pair(ext, pair, i.saturating_sub(1), fields);
                    }
                    open = Some((i, j));
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
        if let Some(pair) = open {
            push_pair(ext, pair, bytes.len(), fields);
        }
    }

    #[test]
    fn extensions_split_as_the_byte_by_byte_scanner_split_them() {
        // The cases, then the extensions of the samples' CEF lines.
        let lines: Vec<String> = super::super::with_samples(
            &[
                "src=10.0.0.1 msg=two words act=deny",
                "msg=a\\=b c=d",
                "msg=ends with space ",
                "  lead=1  double=2",
                "=x a=1",
                "a= b=",
                "k.e_y=1 é=2 x=é y",
                "a=b=c d",
                "justtext no pairs",
                "x=1\\ y=2",
                "",
                " ",
            ],
            1,
        )
        .into_iter()
        .map(|l| match l.find("CEF:") {
            Some(at) => match l[at..].match_indices('|').nth(6) {
                Some((bar, _)) => l[at + bar + 1..].to_string(),
                None => l,
            },
            None => l,
        })
        .collect();
        for line in &lines {
            let (mut new, mut old) = (Vec::new(), Vec::new());
            parse_extension(line, &mut new);
            byte_by_byte(line, &mut old);
            assert_eq!(new, old, "{line}");
        }
    }

    fn text<'a>(fields: &'a FlatFields<'_>, name: &str) -> &'a str {
        super::super::flat_text(fields, name).expect("field")
    }

    #[test]
    fn header_extension_and_escapes() {
        let f = parse(r"CEF:0|Security|threat\|manager|1.0|100|worm successfully stopped|10|src=10.0.0.1 dst=2.1.2.2 spt=1232 msg=Detected a threat. No action needed cs1Label=Rule cs1=allow outbound fname=C:\\Windows\\x.exe eq=a\=b")
            .expect("cef");
        assert_eq!(text(&f, "deviceProduct"), "threat|manager");
        assert_eq!(text(&f, "severity"), "10");
        assert_eq!(text(&f, "src"), "10.0.0.1");
        assert_eq!(text(&f, "msg"), "Detected a threat. No action needed");
        assert_eq!(text(&f, "Rule"), "allow outbound");
        assert_eq!(text(&f, "fname"), r"C:\Windows\x.exe");
        assert_eq!(text(&f, "eq"), "a=b");
    }

    #[test]
    fn a_label_named_twice_goes_to_the_later_key_in_order_and_labels_never_overwrite() {
        let f = parse("CEF:0|V|P|1|1|n|1|cs2Label=Zone cs2=b cs1Label=Zone cs1=a cs10Label=Zone cs10=c cs3Label=src cs3=x src=1.2.3.4")
            .expect("cef");
        // Key order: cs10Label < cs1Label < cs2Label.
        assert_eq!(text(&f, "Zone"), "b");
        assert_eq!(
            text(&f, "src"),
            "1.2.3.4",
            "an existing field keeps its value"
        );
        assert_eq!(f.iter().filter(|(k, _)| k == "Zone").count(), 3);
    }

    #[test]
    fn thousands_of_labels_are_each_applied() {
        let mut line = String::from("CEF:0|V|P|1|1|n|1|");
        for i in 0..3000 {
            line.push_str(&format!("f{i}Label=l{i} f{i}=v{i} "));
        }
        let f = parse(&line).expect("cef");
        assert_eq!(text(&f, "l2999"), "v2999");
        assert_eq!(f.len(), 7 + 6000 + 3000);
    }

    #[test]
    fn incomplete_header_is_not_cef() {
        assert!(parse("CEF:0|only|three").is_none());
        assert!(parse("not cef").is_none());
    }
}
