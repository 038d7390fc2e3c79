//! Syslog headers via `syslog_loose` (the parser Vector uses): RFC 5424 first,
//! then RFC 3164 with the year inferred and zoneless times read in the tenant's
//! zone (the common shapes through the fast paths of [`super::bsd`] and
//! [`super::rfc5424`], which give what the crate gives). The payload after the
//! header goes through [`super::parse_payload`].

use super::year::Clock;
use super::{Depth, Format, Parsed, SyslogHeader, parse_payload};
use chrono::{FixedOffset, Offset, TimeZone, Utc};
use std::borrow::Cow;
use syslog_loose::{IncompleteDate, Message, ProcId, Protocol, Variant};

static CEF_AFTER_HEADER: super::Needle =
    super::Needle::new(|| memchr::memmem::Finder::new(b" CEF:"));

/// Parses a line starting with `<PRI>`; `None` when it is not syslog after all.
/// Short of [`Depth::Full`], structured data is left out and, where the
/// header names the host and the time, the payload is read at [`Depth::Tags`].
pub fn parse<'a>(line: &'a str, clock: &Clock, depth: Depth) -> Option<Parsed<'a>> {
    // A CEF record's pipes confuse 3164 tag parsing: the header is parsed
    // alone. Only a whole CEF header counts: prose that mentions "CEF:" is
    // part of the message.
    let (header_part, cef_payload) = match super::find(&CEF_AFTER_HEADER, line) {
        Some(i) if super::cef::starts_record(&line[i + 1..]) => (&line[..i], Some(&line[i + 1..])),
        _ => (line, None),
    };
    let offset: FixedOffset = clock
        .tz
        .offset_from_utc_datetime(&clock.now.naive_utc())
        .fix();
    let clock_copy = *clock;
    let get_year = move |(month, _day, _h, _m, _s): IncompleteDate| clock_copy.infer_year(month);
    let variant = variant(header_part);
    // The common shapes through their fast paths, which give what the crate
    // gives; everything else through the crate.
    let fast = match variant {
        Variant::RFC3164 => super::bsd::parse(header_part, |month| clock.infer_year(month), offset),
        _ => super::rfc5424::parse(header_part),
    };
    let message: Message<&'a str> = match fast {
        Some(message) => message,
        // A PRI before another device's payload (FortiGate's `<189>date=...`)
        // is no BSD header, which the crate would find out the slow way.
        None if matches!(variant, Variant::RFC3164) && super::bsd::surely_not(header_part) => {
            return None;
        }
        None => {
            syslog_loose::parse_message_with_year_tz(header_part, get_year, Some(offset), variant)
        }
    };
    if message.facility.is_none() && message.severity.is_none() {
        return None;
    }
    let format = match message.protocol {
        Protocol::RFC5424(_) => Format::Rfc5424,
        Protocol::RFC3164 => Format::Rfc3164,
    };
    let header = SyslogHeader {
        facility: message.facility.map(|f| f as u8),
        severity: message.severity.map(|s| s as u8),
        hostname: message.hostname.filter(|h| *h != "-"),
        appname: message.appname.filter(|a| *a != "-"),
        procid: message.procid.map(|p| match p {
            ProcId::PID(pid) => Cow::Owned(pid.to_string()),
            ProcId::Name(name) => Cow::Borrowed(name),
        }),
        msgid: message.msgid.filter(|m| *m != "-"),
        structured_data: match depth {
            Depth::Full => message
                .structured_data
                .iter()
                .map(|sd| {
                    (
                        sd.id.to_string(),
                        sd.params()
                            .map(|(k, v)| (k.to_string(), v.to_string()))
                            .collect(),
                    )
                })
                .collect(),
            Depth::Header | Depth::Tags => Vec::new(),
        },
        version: match message.protocol {
            Protocol::RFC5424(v) => Some(v),
            Protocol::RFC3164 => None,
        },
    };
    // The payload is read from the record itself, however long the text
    // before it; that text (a forwarder's note) stays in the message.
    let text = cef_payload.unwrap_or(message.msg);
    let message_text = match cef_payload {
        Some(_) if !message.msg.is_empty() && header_part.ends_with(message.msg) => {
            &line[header_part.len() - message.msg.len()..]
        }
        _ => text,
    };
    // Without a host or a time in the header, the payload's fields may give them.
    let depth = match (depth, &header.hostname, &message.timestamp) {
        (Depth::Header, Some(_), Some(_)) => Depth::Tags,
        (depth, ..) => depth,
    };
    let (payload, fields, payload_time) = parse_payload(text, clock, depth);
    let timestamp = message
        .timestamp
        .map(|t| t.with_timezone(&Utc))
        .or(payload_time);
    Some(Parsed {
        format,
        payload,
        timestamp,
        syslog: Some(header),
        message: Cow::Borrowed(message_text),
        fields,
    })
}

/// The variant to ask `syslog_loose` for: what `Variant::Either` would parse,
/// without its RFC 5424 attempt failing first on every BSD line (a fifth of
/// the header's cost). RFC 5424 puts its version, digits, right after the
/// optional `<PRI>`, and `syslog_loose` reads PRI as `<`, a `u32`'s digits,
/// `>`: a line without a digit there can only be RFC 3164.
fn variant(line: &str) -> Variant {
    let bytes = line.trim_start().as_bytes();
    let digits = bytes
        .iter()
        .skip(1)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let pri = bytes.first() == Some(&b'<')
        && bytes.get(1 + digits) == Some(&b'>')
        && bytes
            .get(1..1 + digits)
            .and_then(|d| std::str::from_utf8(d).ok())
            .is_some_and(|d| d.parse::<u32>().is_ok());
    let version_at = if pri { 2 + digits } else { 0 };
    if bytes.get(version_at).is_some_and(u8::is_ascii_digit) {
        Variant::Either
    } else {
        Variant::RFC3164
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};
    use chrono_tz::Tz;

    fn clock(now: &str, tz: Tz) -> Clock {
        Clock::new(
            DateTime::parse_from_rfc3339(now)
                .expect("t")
                .with_timezone(&Utc),
            tz,
        )
    }

    #[test]
    fn rfc5424_with_structured_data() {
        let line = r#"<134>1 2026-11-01T00:00:00.072Z srv-15 billing-api 1639 AUDIT [audit@32473 event="login" user="bob@corp.example"][garrison@32473 token="gi_x"] user login success"#;
        let parsed =
            parse(line, &clock("2026-11-01T00:00:01Z", Tz::UTC), Depth::Full).expect("syslog");
        assert_eq!(parsed.format, Format::Rfc5424);
        let header = parsed.syslog.expect("header");
        assert_eq!(header.facility, Some(16));
        assert_eq!(header.severity, Some(6));
        assert_eq!(header.hostname, Some("srv-15"));
        assert_eq!(header.appname, Some("billing-api"));
        assert_eq!(header.procid.as_deref(), Some("1639"));
        assert_eq!(header.msgid, Some("AUDIT"));
        assert_eq!(header.structured_data[0].0, "audit@32473");
        assert_eq!(
            header.structured_data[1].1,
            vec![("token".to_string(), "gi_x".to_string())]
        );
        assert_eq!(parsed.message, "user login success");
        assert_eq!(
            parsed.timestamp.expect("ts").to_rfc3339(),
            "2026-11-01T00:00:00.072+00:00"
        );
    }

    #[test]
    fn rfc3164_across_new_year_in_the_tenant_zone() {
        let line = "<38>Dec 31 23:59:58 srv-17 sshd[16394]: Failed password for ubuntu from 45.31.198.206 port 2170 ssh2";
        // Received just after midnight in New York (05:00:03 UTC).
        let parsed = parse(
            line,
            &clock("2027-01-01T05:00:03Z", chrono_tz::America::New_York),
            Depth::Full,
        )
        .expect("syslog");
        assert_eq!(parsed.format, Format::Rfc3164);
        assert_eq!(
            parsed.timestamp.expect("ts").to_rfc3339(),
            "2027-01-01T04:59:58+00:00"
        );
        let header = parsed.syslog.expect("header");
        assert_eq!(header.appname, Some("sshd"));
        assert_eq!(header.procid.as_deref(), Some("16394"));
        assert_eq!(header.hostname, Some("srv-17"));
    }

    /// The variant chosen parses every line exactly as `Variant::Either` does:
    /// edge cases of PRI and version, and the shared samples where present.
    #[test]
    fn the_variant_chosen_parses_as_either_would() {
        let lines = super::super::with_samples(
            &[
                "<134>1 2026-11-01T00:00:00.072Z srv-15 app 1 ID [a@1 k=\"v\"] msg",
                "<38>Dec 31 23:59:58 srv-17 sshd[16394]: Failed password",
                "<189>date=2026-11-01 time=00:00:00 devname=\"FGT\"",
                "<13>12 not a 5424 timestamp",
                "<13>1",
                "<13>",
                "<>1 2026-11-01T00:00:00Z h a p m - x",
                "<abc>1 2026-11-01T00:00:00Z h a p m - x",
                "<99999999999>1 2026-11-01T00:00:00Z h a p m - x",
                "<4294967295>1 2026-11-01T00:00:00Z h a p m - x",
                "<4294967296>Nov  1 00:00:00 h a: x",
                "< 13>1 2026-11-01T00:00:00Z h a p m - x",
                "<13> 1 2026-11-01T00:00:00Z h a p m - x",
                "<13>١ 2026-11-01T00:00:00Z h a p m - x",
                "<0013>1 2026-11-01T00:00:00Z h a p m - x",
                "<13>Nov  1 00:00:00 h a: x",
                "1 2026-11-01T00:00:00Z h a p m - x",
                "  <13>1 2026-11-01T00:00:00Z h a p m - x",
            ],
            7,
        );
        let year = |_: IncompleteDate| 2026;
        let offset = FixedOffset::east_opt(3600);
        for line in &lines {
            let either =
                syslog_loose::parse_message_with_year_tz(line, year, offset, Variant::Either);
            let chosen =
                syslog_loose::parse_message_with_year_tz(line, year, offset, variant(line));
            assert_eq!(format!("{chosen:?}"), format!("{either:?}"), "{line}");
        }
        assert_eq!(
            format!("{:?}", variant("<13>Nov  1 00:00:00 h a: x")),
            "RFC3164"
        );
    }

    #[test]
    fn prose_that_mentions_cef_keeps_all_of_its_message() {
        let at = clock("2026-11-01T00:00:01Z", Tz::UTC);
        let line =
            "<13>Nov  1 00:00:00 host app: the vendor said CEF: is fine and CEF:0|only|three";
        let parsed = parse(line, &at, Depth::Full).expect("syslog");
        assert_eq!(
            parsed.message,
            "the vendor said CEF: is fine and CEF:0|only|three"
        );
        assert_ne!(parsed.payload, Format::Cef);
        assert_eq!(parsed.syslog.expect("h").appname, Some("app"));
        // Nor is a mention inside structured data a place to cut the header.
        let line =
            r#"<13>1 2026-11-01T00:00:00Z host app - - [x@1 note="see CEF: docs"] real message"#;
        let parsed = parse(line, &at, Depth::Full).expect("syslog");
        assert_eq!(parsed.message, "real message");
        let header = parsed.syslog.expect("h");
        assert_eq!(
            header.structured_data,
            vec![(
                "x@1".to_string(),
                vec![("note".to_string(), "see CEF: docs".to_string())]
            )]
        );
        // A note before a whole record stays in the message; the record is
        // read, however long the note (and whatever it mentions).
        let long = format!("relayed by {}", "relay-".repeat(12));
        let mentions = format!("relayed (CEF:) by {}", "relay-".repeat(12));
        for note in ["relayed", &long, &mentions] {
            let record = "CEF:0|V|P|1|1|n|1|src=10.0.0.1";
            let line = format!("<13>Nov  1 00:00:00 host fwd: {note} {record}");
            let parsed = parse(&line, &at, Depth::Full).expect("syslog");
            assert_eq!(parsed.message, format!("{note} {record}"));
            assert_eq!(parsed.payload, Format::Cef, "{note}");
            assert_eq!(parsed.fields.get_str("deviceVendor"), Some("V"), "{note}");
            assert_eq!(parsed.fields.get_str("src"), Some("10.0.0.1"));
            assert_eq!(parsed.syslog.expect("h").appname, Some("fwd"));
        }
    }

    #[test]
    fn a_whole_cef_header_is_a_record_and_a_mention_is_not() {
        assert!(super::super::cef::starts_record("CEF:0|V|P|1|1|n|1|"));
        assert!(super::super::cef::starts_record(
            r"CEF:0|V|P\|x|1|1|n|1|a=b"
        ));
        for text in [
            "CEF: hello",
            "CEF:0|V|P|1|1|n|1",
            r"CEF:0|V|P|1|1|n\|1",
            "cef:0|V|P|1|1|n|1|",
        ] {
            assert!(!super::super::cef::starts_record(text), "{text}");
        }
    }

    #[test]
    fn cef_inside_syslog_keeps_its_pipes() {
        let line = "<14>Nov  1 00:00:00 PA-3220 CEF:0|Palo Alto Networks|PAN-OS|10.2.4|end|TRAFFIC|1|src=10.2.106.157 dst=103.239.161.105 act=deny";
        let parsed =
            parse(line, &clock("2026-11-01T00:00:01Z", Tz::UTC), Depth::Full).expect("syslog");
        assert_eq!(parsed.payload, Format::Cef);
        assert_eq!(
            parsed.fields.get_str("deviceVendor"),
            Some("Palo Alto Networks")
        );
        assert_eq!(parsed.fields.get_str("src"), Some("10.2.106.157"));
        assert_eq!(parsed.syslog.expect("h").hostname, Some("PA-3220"));
    }
}
