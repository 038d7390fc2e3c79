//! A fast path for the common shape of a BSD (RFC 3164) syslog header,
//! `<PRI>Mmm dd hh:mm:ss host tag[pid]: message`: it gives exactly the
//! [`Message`] that `syslog_loose`'s RFC 3164 parser gives for such a line,
//! and `None` for any line it does not recognise in full, which then goes to
//! `syslog_loose` as before. The crate stays the definition of what a BSD
//! header is; this only spares the common case its combinators (3.3k
//! instructions a header, against a few hundred here), and is held to the
//! crate's output over edge cases and the shared samples.

use chrono::{DateTime, FixedOffset, TimeZone};
use syslog_loose::{Message, ProcId, Protocol, decompose_pri};

/// Parses `input` (a line, or the part before an embedded CEF payload) when
/// it has the common shape; `year` infers a month's year as `syslog_loose`'s
/// `get_year` does, and `offset` is the zone's offset it reads times in.
pub fn parse(input: &str, year: impl Fn(u32) -> i32, offset: FixedOffset) -> Option<Message<&str>> {
    // `syslog_loose` parses the line trimmed at both ends.
    let input = input.trim();
    let bytes = input.as_bytes();
    let (facility, severity, mut i) = pri(bytes)?;
    let (timestamp, after) = timestamp(bytes.get(i..)?, &year, offset)?;
    i += after;
    // One space, then the host: text up to the next space.
    if bytes.get(i) != Some(&b' ') {
        return None;
    }
    i += 1;
    let host_end = token_end(bytes, i, b' ');
    let host = input.get(i..host_end)?;
    // An empty host, `-`, or one ending in `:` (the separator before a
    // message) each mean something else to `syslog_loose`.
    if host.is_empty() || host == "-" || host.ends_with(':') {
        return None;
    }
    if host_end == bytes.len() {
        // A lone field is the tag when it reads as one (`app[pid]`).
        let (hostname, appname, procid) = match systag(host) {
            Some((app, pid)) => (None, Some(app), Some(ProcId::from(pid))),
            None => (Some(host), None, None),
        };
        return Some(message(
            facility, severity, timestamp, hostname, appname, procid, "",
        ));
    }
    if bytes.get(host_end) != Some(&b' ') {
        return None;
    }
    // The tag: text up to a space or a colon.
    let tag_start = host_end + 1;
    let tag_end = token_end(bytes, tag_start, b':');
    let tag = input.get(tag_start..tag_end)?;
    // Any other byte it stopped at (a control character, non-ASCII text)
    // may or may not end the tag for `syslog_loose`.
    let stopped_well = matches!(bytes.get(tag_end), None | Some(b' ' | b':' | b'\t'));
    if tag.is_empty() || tag == "-" || !stopped_well {
        return None;
    }
    let (appname, procid) = match systag(tag) {
        Some((app, pid)) => (app, Some(ProcId::from(pid))),
        None => (tag, None),
    };
    // Blanks, an optional `:`, blanks: then the message, unless it starts
    // with what `syslog_loose` may take for structured data.
    let mut j = skip_blanks(bytes, tag_end);
    if bytes.get(j) == Some(&b':') {
        j = skip_blanks(bytes, j + 1);
    }
    let msg = input.get(j..)?;
    match msg.as_bytes().first() {
        Some(b'-') => return None,
        Some(b'[') if !bracket_is_no_structured_data(msg) => return None,
        _ => {}
    }
    Some(message(
        facility,
        severity,
        timestamp,
        Some(host),
        Some(appname),
        procid,
        msg,
    ))
}

/// Whether `syslog_loose`'s RFC 3164 parser surely finds no header in
/// `input`: after the PRI and blanks comes neither a month's name
/// (any case), nor `-`, nor an RFC 3339 time, each of which could start its
/// timestamp, without which it parses nothing.
pub fn surely_not(input: &str) -> bool {
    let input = input.trim();
    let bytes = input.as_bytes();
    // Only the usual PRI is skipped; with any other (four digits, `<0013>`)
    // the crate decides.
    let Some((.., after_pri)) = pri(bytes) else {
        return false;
    };
    let rest = input
        .get(after_pri..)
        .unwrap_or_default()
        .trim_start_matches([' ', '\t']);
    // The crate lower-cases three characters: only ASCII ones can come out
    // as a month's name (no other character lower-cases to these letters).
    let start = rest.as_bytes().get(..3).unwrap_or_default();
    let could_be_month = MONTHS.iter().any(|m| m.eq_ignore_ascii_case(start));
    let token = rest.split_once(' ').map_or(rest, |(token, _)| token);
    !could_be_month && !rest.starts_with('-') && DateTime::parse_from_rfc3339(token).is_err()
}

fn message<'a>(
    facility: Option<syslog_loose::SyslogFacility>,
    severity: Option<syslog_loose::SyslogSeverity>,
    timestamp: DateTime<FixedOffset>,
    hostname: Option<&'a str>,
    appname: Option<&'a str>,
    procid: Option<ProcId<&'a str>>,
    msg: &'a str,
) -> Message<&'a str> {
    Message {
        protocol: Protocol::RFC3164,
        facility,
        severity,
        timestamp: Some(timestamp),
        hostname,
        appname,
        procid,
        msgid: None,
        structured_data: Vec::new(),
        msg,
    }
}

pub(super) type Pri = (
    Option<syslog_loose::SyslogFacility>,
    Option<syslog_loose::SyslogSeverity>,
    usize,
);

/// `<` one to three digits (a `u8`, as `syslog_loose` reads it) `>`, and
/// where the header goes on.
pub(super) fn pri(bytes: &[u8]) -> Option<Pri> {
    if bytes.first() != Some(&b'<') {
        return None;
    }
    let digits = bytes
        .iter()
        .skip(1)
        .take(4)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=3).contains(&digits) || bytes.get(1 + digits) != Some(&b'>') {
        return None;
    }
    let value = bytes[1..=digits]
        .iter()
        .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    let (facility, severity) = decompose_pri(u8::try_from(value).ok()?);
    Some((facility, severity, digits + 2))
}

/// `Mmm dd hh:mm:ss` (the day space-padded or two digits), read in
/// `offset`'s zone with the inferred year, and its length. (The caller wants
/// a space next: another digit or a `:` would read otherwise.)
/// A date that is none (`Feb 30`, `Feb 29` in a common year) is left to
/// `syslog_loose`, which tries its other forms.
fn timestamp(
    bytes: &[u8],
    year: &impl Fn(u32) -> i32,
    offset: FixedOffset,
) -> Option<(DateTime<FixedOffset>, usize)> {
    let field = bytes.get(..15)?;
    let month = month(&field[..3])?;
    if field[3] != b' ' || field[6] != b' ' || field[9] != b':' || field[12] != b':' {
        return None;
    }
    let day = match (field[4], field[5]) {
        (b' ', d) if d.is_ascii_digit() => u32::from(d - b'0'),
        (t, d) => two_digits(t, d)?,
    };
    let hour = two_digits(field[7], field[8])?;
    let minute = two_digits(field[10], field[11])?;
    let second = two_digits(field[13], field[14])?;
    let at = offset
        .with_ymd_and_hms(year(month), month, day, hour, minute, second)
        .earliest()?;
    Some((at, 15))
}

fn two_digits(tens: u8, units: u8) -> Option<u32> {
    (tens.is_ascii_digit() && units.is_ascii_digit())
        .then(|| u32::from(tens - b'0') * 10 + u32::from(units - b'0'))
}

const MONTHS: [&[u8; 3]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

/// A month's number from its English abbreviation as senders write it.
fn month(name: &[u8]) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| &m[..] == name)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Where a token starting at `from` ends: at a space, at `stop`, or at the
/// end; at the first byte that is not printable ASCII too, which makes the
/// caller's next check fail (`syslog_loose` splits on any Unicode space).
fn token_end(bytes: &[u8], from: usize, stop: u8) -> usize {
    bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .position(|&b| b == b' ' || b == stop || !b.is_ascii_graphic())
        .map_or(bytes.len(), |at| from + at)
}

/// Past spaces and tabs (nom's `space0`).
fn skip_blanks(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .position(|&b| b != b' ' && b != b'\t')
        .map_or(bytes.len(), |at| from + at)
}

/// `app[pid]` as `syslog_loose` splits a tag (the whole tag, an app name
/// without `:`, a non-empty pid); `None` for any other tag, which is all app
/// name (or, alone after the time, the host).
fn systag(tag: &str) -> Option<(&str, &str)> {
    let (app, rest) = tag.split_once('[')?;
    let pid = rest.strip_suffix(']')?;
    (!app.contains(':') && !pid.is_empty() && !pid.contains(']')).then_some((app, pid))
}

/// Whether a message starting with `[` keeps it: `syslog_loose` tries
/// structured data there, and an element with no blank before its `]` has
/// no parameters (`[0.437421]`, a kernel timestamp), so fails, leaving the
/// message whole. Only that case is recognised here.
fn bracket_is_no_structured_data(msg: &str) -> bool {
    let bytes = msg.as_bytes();
    bytes
        .iter()
        .position(|&b| b == b']')
        .is_some_and(|close| bytes[1..close].iter().all(u8::is_ascii_graphic))
}

#[cfg(test)]
mod tests {
    use super::*;
    use syslog_loose::{IncompleteDate, Variant};

    /// What `syslog_loose` makes of `line`, and what the fast path does when
    /// it takes the line: the same, or it must not take it. A line
    /// [`surely_not`] a BSD header is none to the crate either.
    fn check(line: &str, year: i32, offset: FixedOffset) -> bool {
        let get_year = move |_: IncompleteDate| year;
        let crate_reads = syslog_loose::parse_message_with_year_tz(
            line,
            get_year,
            Some(offset),
            Variant::RFC3164,
        );
        if surely_not(line) {
            assert_eq!(
                (crate_reads.facility, crate_reads.severity),
                (None, None),
                "{line:?}"
            );
        }
        match parse(line, |_| year, offset) {
            Some(fast) => {
                assert_eq!(format!("{fast:?}"), format!("{crate_reads:?}"), "{line:?}");
                true
            }
            None => false,
        }
    }

    fn offsets() -> [FixedOffset; 3] {
        [
            FixedOffset::east_opt(0).expect("utc"),
            FixedOffset::east_opt(5 * 3600 + 1800).expect("kolkata"),
            FixedOffset::west_opt(5 * 3600).expect("new york"),
        ]
    }

    const CASES: &[&str] = &[
        "<38>Nov  1 00:00:00 srv-17 sshd[16394]: Failed password for ubuntu",
        "<85>Nov 11 23:59:59 srv-04 sudo[35417]: admin : TTY=pts/3 ; USER=root",
        "<4>Nov  1 00:00:00 srv-15 kernel: [0.437421] [UFW AUDIT] IN=eth0 OUT= SRC=1.2.3.4",
        "<190>Nov  1 00:00:00 web01 nginx: 193.51.161.77 - - [01/Nov/2026:00:00:00 +0000] \"GET /\"",
        "<14>Nov  1 00:00:00 PA-3220",
        "<14>Nov  1 00:00:00 app[12]",
        "<14>Nov  1 00:00:00 a:b[12]",
        "<13>Nov  1 00:00:00 host app message without colon",
        "<13>Nov  1 00:00:00 host app:message",
        "<13>Nov  1 00:00:00 host app:   spaced message   ",
        "<13>Nov  1 00:00:00 host app: \ttabbed",
        "<13>Nov  1 00:00:00 host app:",
        "<13>Nov  1 00:00:00 host app",
        "<13>Nov  1 00:00:00 host [12]: empty name",
        "<13>Nov  1 00:00:00 host app[]: empty pid",
        "<13>Nov  1 00:00:00 host app[1]x: trailing",
        "<13>Nov  1 00:00:00 host app[1][2]: twice",
        "<13>Nov  1 00:00:00 host app[+7]: signed pid",
        "<13>Nov  1 00:00:00 host app[007]: zero-padded pid",
        "<13>Nov  1 00:00:00 host app[99999999999]: pid past i32",
        "<13>Nov  1 00:00:00 host app[x y]: spaced pid",
        "<13>Nov  1 00:00:00 host app: - dash",
        "<13>Nov  1 00:00:00 host app: -dash",
        "<13>Nov  1 00:00:00 host app: [id] one element",
        "<13>Nov  1 00:00:00 host app: [id k=\"v\"] real structured data",
        "<13>Nov  1 00:00:00 host app: [id k=v] half",
        "<13>Nov  1 00:00:00 host app: [] empty",
        "<13>Nov  1 00:00:00 host app: [a b] spaced",
        "<13>Nov  1 00:00:00 host app: [a=\"b\"] no blank",
        "<13>Nov  1 00:00:00 host app: [unclosed",
        "<13>Nov  1 00:00:00 - app: dash host",
        "<13>Nov  1 00:00:00 host - : dash tag",
        "<13>Nov  1 00:00:00 host: app: colon host",
        "<13>Nov  1 00:00:00 : colon",
        "<13>Nov  1 00:00:00  double space",
        "<13>Nov  1 00:00:00 fe80::1 app: ipv6 host",
        "<13>Nov 1 00:00:00 h a: single-space day",
        "<13>Nov 01 00:00:00 h a: zero day",
        "<13>NOV  1 00:00:00 h a: upper month",
        "<13>nov  1 00:00:00 h a: lower month",
        "<13>Foo  1 00:00:00 h a: no month",
        "<13>Feb 29 00:00:00 h a: leap or not",
        "<13>Feb 30 00:00:00 h a: never",
        "<13>Nov  1 24:00:00 h a: hour 24",
        "<13>Nov  1 00:00:60 h a: second 60",
        "<13>Nov  1 00:00:00: h a: colon after time",
        "<13>Nov  1 00:00:000 h a: long seconds",
        "<13>Nov  1 2026 00:00:00 h a: with year",
        "<13> Nov  1 00:00:00 h a: space before time",
        "<0>Nov  1 00:00:00 h a: pri 0",
        "<191>Nov  1 00:00:00 h a: pri 191",
        "<192>Nov  1 00:00:00 h a: pri 192",
        "<255>Nov  1 00:00:00 h a: pri 255",
        "<256>Nov  1 00:00:00 h a: pri 256",
        "<0013>Nov  1 00:00:00 h a: four digits",
        "<>Nov  1 00:00:00 h a: no digits",
        "Nov  1 00:00:00 h a: no pri",
        "<13>Nov  1 00:00:00 h\ta: tab after host",
        "<13>Nov  1 00:00:00 h a\u{1}b: control in tag",
        "<13>Nov  1 00:00:00 h aé: accent in tag",
        "<13>Nov  1 00:00:00 hé a: accent in host",
        "<13>Nov  1 00:00:00 h a\u{a0}b: no-break space",
        "<13>Nov  1 00:00:00 h a:\u{a0}msg",
        "<13>Nov  1 00:00:00 h a: message é 日本",
        "  <13>Nov  1 00:00:00 h a: leading blanks",
        "<189>date=2026-11-01 time=00:00:00 devname=\"FGT\"",
        "<13>2026-11-01T00:00:00Z h a: RFC 3339 time",
        "<13>- h a: nil time",
        "<13> \tnov  1 00:00:00 h a: blanks, lower case",
        "<13>Nové  1 00:00:00 h a: not ASCII",
        "<13>No",
    ];

    /// Every case, every fifth line of the shared samples, in three zones and
    /// two years: where the fast path takes a line, it reads what the crate
    /// reads; and it does take the common shapes.
    #[test]
    fn the_fast_path_reads_what_syslog_loose_reads() {
        let lines = super::super::with_samples(CASES, 5);
        let mut taken = Vec::new();
        for line in &lines {
            let mut count = 0;
            for offset in offsets() {
                for year in [2026, 2028] {
                    count += usize::from(check(line, year, offset));
                }
            }
            taken.push(count);
        }
        for common in &CASES[..4] {
            assert!(check(common, 2026, offsets()[0]), "{common}");
            assert!(!surely_not(common), "{common}");
        }
        assert!(surely_not(
            "<189>date=2026-11-01 time=00:00:00 devname=\"FGT\""
        ));
        // The samples' BSD lines all have the common shape.
        for (line, count) in lines.iter().zip(&taken).skip(CASES.len()) {
            let after_pri = line.split_once('>').map_or("", |(_, rest)| rest);
            if month(after_pri.as_bytes().get(..3).unwrap_or_default()).is_some() {
                assert_eq!(*count, 6, "{line}");
            }
        }
    }

    /// Each case with each byte replaced by, or preceded by, a byte that
    /// changes how headers split (blanks, separators, brackets, digits,
    /// non-ASCII): the fast path agrees with the crate or leaves the line.
    #[test]
    fn the_fast_path_agrees_on_every_one_byte_change() {
        let changes = [
            " ", "  ", ":", "[", "]", "-", "\t", "é", "=", "0", "9", "x", "<", ">", "\u{1}",
        ];
        let mut checked = 0;
        for line in &CASES[..16] {
            for variant in super::super::one_byte_changes(line, &changes) {
                check(&variant, 2026, offsets()[1]);
                checked += 1;
            }
        }
        assert!(checked > 10_000, "{checked}");
    }
}
