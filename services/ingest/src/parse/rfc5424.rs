//! A fast path for the common shape of an RFC 5424 header,
//! `<PRI>1 TIMESTAMP HOST APP PROCID MSGID [id k="v" ...]... message`: it
//! gives exactly the [`Message`] `syslog_loose` gives for such a line (asked
//! for either variant, as [`super::syslog`] asks for one with a version), and
//! `None` for any line it does not recognise in full, which then goes to
//! `syslog_loose` as before. The crate's combinators cost 8.5k instructions on
//! such a header with structured data, a sixth of a line's receiving cost;
//! this path is held to the crate's output over edge cases, every one-byte
//! change of them, and the shared samples.

use super::bsd::pri;
use chrono::DateTime;
use syslog_loose::{Message, ProcId, Protocol, StructuredElement};

/// Parses `input` when it has the common shape.
pub fn parse(input: &str) -> Option<Message<&str>> {
    // `syslog_loose` parses the line trimmed at both ends.
    let input = input.trim();
    let bytes = input.as_bytes();
    let (facility, severity, at) = pri(bytes)?;
    let mut cursor = Cursor { input, at };
    let version = cursor.version()?;
    cursor.space()?;
    let stamp = cursor.token()?;
    // `syslog_loose` reads any token but `-` through chrono's RFC 3339
    // parser, as here.
    let timestamp = match stamp {
        "-" => None,
        _ => Some(DateTime::parse_from_rfc3339(stamp).ok()?),
    };
    cursor.space()?;
    let host = cursor.token()?;
    // A host ending in `:` leaves that colon for the next field to trip on.
    if host.ends_with(':') {
        return None;
    }
    cursor.space()?;
    let app = cursor.token()?;
    cursor.space()?;
    let procid = cursor.token()?;
    cursor.space()?;
    let msgid = cursor.token()?;
    let structured_data = cursor.structured_data()?;
    cursor.skip_blanks();
    let msg = input.get(cursor.at..)?;
    Some(Message {
        protocol: Protocol::RFC5424(version),
        facility,
        severity,
        timestamp,
        hostname: nil(host),
        appname: nil(app),
        procid: nil(procid).map(ProcId::from),
        msgid: nil(msgid),
        structured_data,
        msg,
    })
}

/// A header field's value: `-` is none. (A field that is only `:` was
/// turned away by [`Cursor::token`].)
fn nil(field: &str) -> Option<&str> {
    (field != "-").then_some(field)
}

/// A place in the line being read.
struct Cursor<'a> {
    input: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.input.as_bytes().get(self.at).copied()
    }

    /// The version: one or two digits (any number is a `u32` to the crate;
    /// longer ones are left to it).
    fn version(&mut self) -> Option<u32> {
        let bytes = self.input.as_bytes().get(self.at..)?;
        let digits = bytes
            .iter()
            .take(3)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if !(1..=2).contains(&digits) {
            return None;
        }
        let value = bytes[..digits]
            .iter()
            .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        self.at += digits;
        Some(value)
    }

    /// The space before the next field (a field cannot start with another
    /// blank: see [`Cursor::token`]).
    fn space(&mut self) -> Option<()> {
        if self.peek() != Some(b' ') {
            return None;
        }
        self.at += 1;
        Some(())
    }

    /// A field: printable ASCII up to the first other byte, and not `:` alone
    /// (which the crate refuses).
    fn token(&mut self) -> Option<&'a str> {
        let rest = self.input.as_bytes().get(self.at..)?;
        let len = rest
            .iter()
            .position(|&b| !b.is_ascii_graphic())
            .unwrap_or(rest.len());
        // What follows it is the caller's to check: a space before the next
        // field, blanks before structured data.
        if len == 0 {
            return None;
        }
        let token = self.input.get(self.at..self.at + len)?;
        if token == ":" {
            return None;
        }
        self.at += len;
        Some(token)
    }

    fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// Blanks, then `-` (none) or one or more `[id name="value" ...]`
    /// elements back to back. Values with a backslash, and any element the
    /// crate would read leniently or not at all, are left to the crate.
    fn structured_data(&mut self) -> Option<Vec<StructuredElement<&'a str>>> {
        self.skip_blanks();
        match self.peek()? {
            b'-' => {
                self.at += 1;
                Some(Vec::new())
            }
            b'[' => {
                let mut elements = Vec::new();
                while self.peek() == Some(b'[') {
                    elements.push(self.element()?);
                }
                Some(elements)
            }
            _ => None,
        }
    }

    fn element(&mut self) -> Option<StructuredElement<&'a str>> {
        self.at += 1;
        let id = self.name(b' ')?;
        self.skip_blanks();
        let mut params = Vec::new();
        if self.peek() != Some(b']') {
            loop {
                let name = self.name(b'=')?;
                self.at += 1;
                params.push((name, self.value()?));
                match self.peek()? {
                    b']' => break,
                    b' ' => self.at += 1,
                    _ => return None,
                }
            }
        }
        self.at += 1;
        Some(StructuredElement { id, params })
    }

    /// An element's id or a parameter's name: printable ASCII other than
    /// `]`, `=` and `"`, ending at `end` or (an id) at `]`.
    fn name(&mut self, end: u8) -> Option<&'a str> {
        let rest = self.input.as_bytes().get(self.at..)?;
        let len = rest
            .iter()
            .position(|&b| !b.is_ascii_graphic() || matches!(b, b']' | b'=' | b'"'))?;
        let stop = rest[len];
        let fits = stop == end || (end == b' ' && stop == b']');
        if len == 0 || !fits {
            return None;
        }
        let name = self.input.get(self.at..self.at + len)?;
        self.at += len;
        Some(name)
    }

    /// `"text"` without backslashes.
    fn value(&mut self) -> Option<&'a str> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let start = self.at + 1;
        let rest = self.input.as_bytes().get(start..)?;
        let len = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
        if rest[len] != b'"' {
            return None;
        }
        self.at = start + len + 1;
        self.input.get(start..start + len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syslog_loose::Variant;

    /// What `syslog_loose` makes of `line` asked for either variant, and what
    /// the fast path does when it takes the line: the same, or it must not
    /// take it.
    fn check(line: &str) -> bool {
        let offset = chrono::FixedOffset::east_opt(3600);
        let crate_reads =
            syslog_loose::parse_message_with_year_tz(line, |_| 2026, offset, Variant::Either);
        match parse(line) {
            Some(fast) => {
                assert_eq!(format!("{fast:?}"), format!("{crate_reads:?}"), "{line:?}");
                true
            }
            None => false,
        }
    }

    const CASES: &[&str] = &[
        r#"<134>1 2026-11-01T00:00:00.072Z srv-15 billing-api 1639 AUDIT [audit@32473 event="login" outcome="success" user="oracle@corp.example" src="10.0.88.238"][meta sequenceId="0"] user login success"#,
        r#"<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"] An application event"#,
        "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - 'su root' failed",
        "<13>1 2026-11-01T00:00:00+05:30 h a p m - message",
        "<13>1 - h a p m - nil time",
        "<13>1 - - - - - -",
        "<13>1 - - - - - -x",
        "<13>1 - - - - -",
        "<13>1 2026-11-01T00:00:00Z h a p m [id] empty element",
        "<13>1 2026-11-01T00:00:00Z h a p m [id][x k=\"v\"] two",
        "<13>1 2026-11-01T00:00:00Z h a p m [id k=\"\"] empty value",
        "<13>1 2026-11-01T00:00:00Z h a p m [id k=\"a b ] c\"] bracket in value",
        "<13>1 2026-11-01T00:00:00Z h a p m [id k=\"a\\\"b\"] escaped quote",
        "<13>1 2026-11-01T00:00:00Z h a p m [id k=\"v\" ] trailing space",
        "<13>1 2026-11-01T00:00:00Z h a p m [id a=\"1\"  b=\"2\"] two spaces between",
        "<13>1 2026-11-01T00:00:00Z h a p m [id a=\"1\"\tb=\"2\"] tab between",
        "<13>1 2026-11-01T00:00:00Z h a p m [id\ta=\"1\"] tab after id",
        "<13>1 2026-11-01T00:00:00Z h a p m [i[d a=\"1\"] bracket in id",
        "<13>1 2026-11-01T00:00:00Z h a p m [id  k=\"v\"] two spaces",
        "<13>1 2026-11-01T00:00:00Z h a p m [id k= \"v\"] space after equals",
        "<13>1 2026-11-01T00:00:00Z h a p m [id k=v] unquoted",
        "<13>1 2026-11-01T00:00:00Z h a p m [id k=\"v\"] [x k=\"v\"] spaced elements",
        "<13>1 2026-11-01T00:00:00Z h a p m [id k=\"v\"][bad lenient",
        "<13>1 2026-11-01T00:00:00Z h a p m [i=d k=\"v\"] equals in id",
        "<13>1 2026-11-01T00:00:00Z h a p m [] empty brackets",
        "<13>1 2026-11-01T00:00:00Z h a p m no structured data",
        "<13>1 2026-11-01T00:00:00Z h a p m",
        "<13>1 2026-11-01T00:00:00Z h: a p m - host colon",
        "<13>1 2026-11-01T00:00:00Z h a: p m - app colon",
        "<13>1 2026-11-01T00:00:00Z : a p m - colon host",
        "<13>1 2026-11-01T00:00:00Z h : p m - colon app",
        "<13>1 2026-11-01T00:00:00Z h a 007 m - padded pid",
        "<13>1 2026-11-01T00:00:00Z h a +7 m - signed pid",
        "<13>1 2026-11-01 h a p m - date only",
        "<13>1 -2026-11-01T00:00:00Z h a p m - dash time",
        "<13>12 2026-11-01T00:00:00Z h a p m - two-digit version",
        "<13>123 2026-11-01T00:00:00Z h a p m - three-digit version",
        "<13>1  2026-11-01T00:00:00Z h a p m - double space",
        "<13>1\t2026-11-01T00:00:00Z h a p m - tab",
        "<13>1 2026-11-01T00:00:00Z hé a p m - accent",
        "<13>1 2026-11-01T00:00:00Z h a p m - message é 日本  ",
        "<256>1 2026-11-01T00:00:00Z h a p m - pri 256",
        "<191>1 2026-11-01T00:00:00Z h a p m - pri 191",
    ];

    /// Every case and every fifth line of the shared samples: where the fast
    /// path takes a line, it reads what the crate reads; and it does take the
    /// samples' RFC 5424 lines.
    #[test]
    fn the_fast_path_reads_what_syslog_loose_reads() {
        let lines = super::super::with_samples(CASES, 5);
        for (n, line) in lines.iter().enumerate() {
            let taken = check(line);
            let sample_5424 = n >= CASES.len()
                && line
                    .split_once('>')
                    .is_some_and(|(_, r)| r.starts_with("1 "));
            assert!(taken || !sample_5424, "{line}");
        }
        for common in &CASES[..4] {
            assert!(check(common), "{common}");
        }
    }

    /// Each case with each byte replaced by, or preceded by, a byte that
    /// changes how headers split: the fast path agrees with the crate or
    /// leaves the line.
    #[test]
    fn the_fast_path_agrees_on_every_one_byte_change() {
        let changes = [
            " ", "  ", ":", "[", "]", "-", "\t", "é", "=", "\"", "\\", "0", "x", "<", ">", "\u{1}",
        ];
        let mut checked = 0;
        for line in &CASES[..12] {
            for variant in super::super::one_byte_changes(line, &changes) {
                check(&variant);
                checked += 1;
            }
        }
        assert!(checked > 10_000, "{checked}");
    }
}
