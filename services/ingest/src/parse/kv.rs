//! key=value lines (FortiGate, iptables/UFW, sudo): `key=value`, `key="quoted
//! value"`, and sudo's ` ; `-separated pairs whose values contain spaces. Text
//! before the first pair (a kernel timestamp, a tag) is ignored here and kept in
//! the message.

use super::{FlatFields, Scalar};
use std::borrow::Cow;

/// At least this many pairs make a line key=value rather than prose with an `=`.
const MIN_PAIRS: usize = 2;

static SUDO_SEPARATOR: super::Needle = super::Needle::new(|| memchr::memmem::Finder::new(b" ; "));

/// Parses pairs; `None` when the line has fewer than two.
pub fn parse(line: &str) -> Option<FlatFields<'_>> {
    parse_keeping(line, |_| true)
}

/// Parses pairs, keeping only those whose key `keep` wants (a reader that
/// needs a few of forty need not hold the rest); `None` when the line has
/// fewer than two pairs in all, kept or not, exactly as [`parse`].
pub fn parse_keeping(line: &str, keep: impl Fn(&str) -> bool) -> Option<FlatFields<'_>> {
    // Every pair has its `=`: prose (most lines that are not key=value) is
    // turned away by one vectorised count, before any pair is looked for.
    let equals = memchr::memchr_iter(b'=', line.as_bytes()).count();
    if equals < MIN_PAIRS {
        return None;
    }
    let mut pairs = Vec::new();
    let found = if super::find(&SUDO_SEPARATOR, line).is_some() {
        semicolon_pairs(line, &keep, &mut pairs)
    } else {
        // A line of nothing but `=` must not reserve memory by the gigabyte.
        pairs.reserve(equals.min(64));
        space_pairs(line, &keep, &mut pairs)
    };
    (found >= MIN_PAIRS).then_some(pairs)
}

fn is_key(key: &str) -> bool {
    let bytes = key.as_bytes();
    bytes.len() <= 64
        && bytes
            .first()
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
        && bytes.iter().all(|&b| KEY_BYTE[usize::from(b)])
}

/// The bytes a key is made of (ASCII letters and digits, `_`, `.`, `-`), one
/// table lookup each: keys are checked forty to a FortiGate line.
static KEY_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || c == b'-';
        b += 1;
    }
    table
};

/// Pairs separated by spaces, values quoted where they hold spaces, pushed
/// onto `pairs` where `keep` wants them; how many there were. Tokens and
/// values are found with `memchr` rather than byte by byte: a FortiGate line
/// holds forty pairs.
fn space_pairs<'a>(
    line: &'a str,
    keep: &impl Fn(&str) -> bool,
    pairs: &mut FlatFields<'a>,
) -> usize {
    let bytes = line.as_bytes();
    let n = bytes.len();
    let mut found = 0;
    let mut i = 0;
    while i < n {
        while i < n && bytes[i] == b' ' {
            i += 1;
        }
        let token_start = i;
        // The token runs to a space or its `=`; one without `=` is no pair.
        match memchr::memchr2(b' ', b'=', &bytes[i..]) {
            None => break,
            Some(at) if bytes[i + at] == b' ' => {
                i += at;
                continue;
            }
            Some(at) => i += at,
        }
        let key = &line[token_start..i];
        i += 1;
        let (value, quoted) = if bytes.get(i) == Some(&b'"') {
            let start = i + 1;
            // The closing quote is the first one not escaped by a backslash.
            let mut from = start;
            let end = loop {
                match memchr::memchr(b'"', &bytes[from..]) {
                    None => break n,
                    Some(at) if bytes[from + at - 1] == b'\\' => from += at + 1,
                    Some(at) => break from + at,
                }
            };
            i = (end + 1).min(n);
            (start..end, true)
        } else {
            let start = i;
            i = memchr::memchr(b' ', &bytes[i..]).map_or(n, |at| i + at);
            (start..i, false)
        };
        if is_key(key) {
            found += 1;
            if keep(key) {
                let text = line.get(value).unwrap_or("");
                let text = if quoted {
                    unquote(text)
                } else {
                    Cow::Borrowed(text)
                };
                pairs.push((Cow::Borrowed(key), Scalar::Text(text)));
            }
        }
    }
    found
}

/// A quoted value's text: only one with an escaped quote needs a new spelling.
fn unquote(quoted: &str) -> Cow<'_, str> {
    if quoted.contains('\\') {
        Cow::Owned(quoted.replace("\\\"", "\""))
    } else {
        Cow::Borrowed(quoted)
    }
}

/// sudo's pairs, pushed onto `pairs` where `keep` wants them; how many
/// there were.
fn semicolon_pairs<'a>(
    line: &'a str,
    keep: &impl Fn(&str) -> bool,
    pairs: &mut FlatFields<'a>,
) -> usize {
    let mut found = 0;
    for part in line.split(" ; ") {
        let part = part.trim();
        let Some((key, value)) = part.split_once('=') else {
            continue;
        };
        // "alice : TTY=pts/0" — the key is the last word before '='.
        let key = key.rsplit([' ', ':']).next().unwrap_or(key).trim();
        if is_key(key) {
            found += 1;
            if keep(key) {
                pairs.push((
                    Cow::Borrowed(key),
                    Scalar::Text(Cow::Borrowed(value.trim())),
                ));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text<'a>(fields: &'a FlatFields<'_>, name: &str) -> &'a str {
        super::super::flat_text(fields, name).expect("field")
    }

    #[test]
    fn fortigate_quoted_values() {
        let f = parse(r#"date=2026-11-01 time=00:00:00 devname="FGT60F-HQ" srcip=10.3.173.251 dstcountry="Russian Federation" action="close""#)
            .expect("kv");
        assert_eq!(text(&f, "devname"), "FGT60F-HQ");
        assert_eq!(text(&f, "dstcountry"), "Russian Federation");
        assert_eq!(text(&f, "srcip"), "10.3.173.251");
    }

    #[test]
    fn escaped_quotes_inside_quoted_values() {
        let f = parse(r#"msg="say \"hi\" now" path="C:\temp" n=1"#).expect("kv");
        assert_eq!(text(&f, "msg"), r#"say "hi" now"#);
        assert_eq!(
            text(&f, "path"),
            r"C:\temp",
            "a backslash before anything else stays"
        );
        assert_eq!(text(&f, "n"), "1");
    }

    #[test]
    fn ufw_with_prefix_and_empty_values() {
        let f = parse("[0.437421] [UFW AUDIT] IN=eth0 OUT= SRC=198.25.122.231 DST=10.0.136.150 PROTO=UDP SPT=61517 DPT=3306")
            .expect("kv");
        assert_eq!(text(&f, "IN"), "eth0");
        assert_eq!(text(&f, "OUT"), "");
        assert_eq!(text(&f, "DPT"), "3306");
    }

    #[test]
    fn sudo_semicolons_keep_spaces() {
        let f =
            parse("admin : TTY=pts/3 ; PWD=/home/admin ; USER=root ; COMMAND=/bin/cat /etc/shadow")
                .expect("kv");
        assert_eq!(text(&f, "COMMAND"), "/bin/cat /etc/shadow");
        assert_eq!(text(&f, "TTY"), "pts/3");
    }

    /// The byte-by-byte scanner `space_pairs` replaced, kept to hold it to
    /// the same pairs.
    fn byte_by_byte(line: &str) -> FlatFields<'_> {
        let bytes = line.as_bytes();
        let mut pairs = Vec::with_capacity(32);
        let mut i = 0;
        while i < bytes.len() {
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
            let token_start = i;
            while i < bytes.len() && bytes[i] != b' ' && bytes[i] != b'=' {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] != b'=' {
                // Not a pair: skip the rest of this token.
                while i < bytes.len() && bytes[i] != b' ' {
                    i += 1;
                }
                continue;
            }
            let key = &line[token_start..i];
            i += 1;
            let value = if i < bytes.len() && bytes[i] == b'"' {
                let start = i + 1;
                let mut end = start;
                while end < bytes.len() && !(bytes[end] == b'"' && bytes[end - 1] != b'\\') {
                    end += 1;
                }
                i = (end + 1).min(bytes.len());
                unquote(line.get(start..end.min(bytes.len())).unwrap_or(""))
            } else {
                let start = i;
                while i < bytes.len() && bytes[i] != b' ' {
                    i += 1;
                }
                Cow::Borrowed(&line[start..i])
            };
            if is_key(key) {
                pairs.push((Cow::Borrowed(key), Scalar::Text(value)));
            }
        }
        pairs
    }

    #[test]
    fn pairs_are_those_the_byte_by_byte_scanner_found() {
        let lines = super::super::with_samples(
            &[
                r#"a="x\"y" b=1"#,
                r#"a="unterminated b=1"#,
                "a= b=",
                "=x y=1 z=2",
                "é=1 a=2 b=3",
                r#"a="é" b="" c=3"#,
                "a=1  b=2   ",
                "  a=1 b=2",
                r#"k="v\" n=1"#,
                r#"k="v\\" n=1 m="""#,
                "x y z a=1 word b=2 tail",
                "a=b=c d=e",
                r#"q="a b" "not=key" r=1"#,
            ],
            3,
        );
        for line in &lines {
            let mut pairs = Vec::new();
            let found = space_pairs(line, &|_| true, &mut pairs);
            assert_eq!(pairs, byte_by_byte(line), "{line}");
            assert_eq!(found, pairs.len(), "{line}");
        }
    }

    /// Keeping some keys gives the pairs of those keys that parsing all of
    /// them gives, in order, and turns away just the lines it turns away.
    #[test]
    fn kept_pairs_are_those_parsed_under_their_keys() {
        let lines = super::super::with_samples(
            &[
                r#"date=2026-11-01 time=00:00:00 tz="+0100" devid="FG" logid=1 a=1"#,
                "IN=eth0 OUT= SRC=1.2.3.4 DST=5.6.7.8 PROTO=TCP",
                "admin : TTY=pts/3 ; PWD=/home ; USER=root ; COMMAND=/bin/cat",
                "Computer=WS-9 ; USER=root",
                "a=1 date=x",
                "date=x",
                "x y=1 z=2",
            ],
            3,
        );
        let keep = |key: &str| matches!(key, "date" | "time" | "tz" | "SRC" | "USER" | "Computer");
        for line in &lines {
            let expected = parse(line).map(|pairs| {
                pairs
                    .into_iter()
                    .filter(|(key, _)| keep(key))
                    .collect::<Vec<_>>()
            });
            assert_eq!(parse_keeping(line, keep), expected, "{line}");
        }
        let sudo = parse_keeping(&lines[2], keep).expect("pairs");
        assert_eq!(sudo.len(), 1);
        assert_eq!(parse_keeping("a=1 date=x", keep).expect("pairs").len(), 1);
        assert_eq!(parse_keeping("date=x", keep), None);
    }

    #[test]
    fn the_key_byte_table_is_the_rule() {
        for b in 0..=255u8 {
            let rule = b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-');
            assert_eq!(KEY_BYTE[usize::from(b)], rule, "{b}");
        }
    }

    #[test]
    fn prose_is_not_kv() {
        assert!(parse("Failed password for ubuntu from 1.2.3.4 port 22 ssh2").is_none());
        assert!(parse("x=1 is not enough").is_none());
    }
}
