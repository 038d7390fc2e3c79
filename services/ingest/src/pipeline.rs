//! From received bytes to a [`Submission`]: decoding, attribution to a tenant,
//! parsing, normalizing, quota checks and dead letters. Shared by every receiver.

use crate::normalize::{Arrival, Normalized, cap, normalize, normalize_derived};
use crate::parse::{self, Parsed, year::Clock};
use crate::writer::DeadLetter;
use chrono::Utc;
use chrono_tz::Tz;
use garrison_core::TenantId;
use garrison_core::event::Channel;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// The SD-ID whose `token` parameter names the tenant in RFC 5424 messages.
pub const TOKEN_SD_ID: &str = "garrison@32473";

/// The ingest token in a syslog line's structured data, if any (cheap pre-check
/// before a full parse). Needs a full parse ([`parse::parse_line`]):
/// [`parse::parse_header`] leaves structured data out.
pub fn token_in_structured_data<'p>(parsed: &'p Parsed<'_>) -> Option<&'p str> {
    parsed
        .syslog
        .as_ref()?
        .structured_data
        .iter()
        .find(|(id, _)| id == TOKEN_SD_ID)?
        .1
        .iter()
        .find(|(k, _)| k == "token")
        .map(|(_, v)| v.as_str())
}

/// What a redacted token's secret reads as in stored text.
pub const REDACTED: &str = "REDACTED";

/// `text` with the secret part of every ingest token in it (`gi_`, an
/// eight-character prefix, `_`, the secret) replaced by [`REDACTED`], the
/// public prefix kept to tell which token sent it: no stored line holds a
/// credential its readers could send with (customer users read their raw
/// events). Whichever token named the tenant, and whatever else the line
/// holds: a second element, a line cut inside its structured data. `None`
/// when the text holds no token.
pub fn redact_tokens(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    for at in memchr::memmem::find_iter(bytes, b"gi_") {
        let starts_word = at == 0 || !is_secret_byte(bytes[at - 1]);
        let prefix = bytes.get(at + 3..at + 11);
        let shaped = prefix.is_some_and(|p| p.iter().all(u8::is_ascii_alphanumeric))
            && bytes.get(at + 11) == Some(&b'_');
        let secret_start = at + 12;
        if !(starts_word && shaped) || at < copied {
            continue;
        }
        let secret_len = bytes[secret_start..]
            .iter()
            .take_while(|b| is_secret_byte(**b))
            .count();
        if secret_len == 0 {
            continue;
        }
        out.push_str(&text[copied..secret_start]);
        out.push_str(REDACTED);
        copied = secret_start + secret_len;
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// The bytes of a token's secret (URL-safe base64).
fn is_secret_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Decodes frame bytes as UTF-8, replacing invalid sequences (and saying so);
/// valid text is borrowed, not copied. Validated with SIMD (`simdutf8`):
/// every received byte passes here, and the standard library's check had
/// been 2% of a receiver's instructions.
pub fn decode_text(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), false),
        Err(_) => (String::from_utf8_lossy(bytes), true),
    }
}

/// Builds the event for a text record already attributed to a tenant, reading
/// zoneless times in `tz`.
pub fn text_event<'a>(text: &'a str, flags: &[&str], tz: Tz, arrival: &Arrival) -> Normalized<'a> {
    let clock = Clock::new(arrival.received_at, tz);
    // Without flags or a host from the transport, and within the cap, the
    // fields are the text's: the record leaves them to be derived again when
    // read, and only the event's header is parsed here.
    if flags.is_empty() && arrival.host_hint.is_none() && text.len() <= arrival.raw_cap {
        return normalize_derived(parse::parse_header(text, &clock), text, arrival, tz);
    }
    let mut event = normalize(parse::parse_line(text, &clock), text, arrival);
    event.flag(flags);
    event
}

/// Builds the event for a JSON object record (HTTP, HEC, bulk).
pub fn object_event<'a>(
    object: Map<String, Value>,
    raw: &'a str,
    arrival: &Arrival,
) -> Normalized<'a> {
    let timestamp = parse::json::timestamp_of(&object);
    let message = Cow::Owned(
        object
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
    );
    let parsed = Parsed {
        format: parse::Format::Json,
        payload: parse::Format::Json,
        timestamp,
        syslog: None,
        message,
        fields: parse::Fields::Object(object),
    };
    normalize(parsed, raw, arrival)
}

/// A dead letter with the raw text capped.
pub fn dead_letter(
    tenant: TenantId,
    channel: Channel,
    peer: Option<String>,
    reason: String,
    raw: &str,
    raw_cap: usize,
) -> DeadLetter {
    DeadLetter {
        tenant_id: tenant,
        channel,
        received_at: Utc::now(),
        peer,
        reason,
        raw: cap(raw, raw_cap).0.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::record::Record;
    use chrono::{DateTime, TimeZone};

    #[test]
    fn text_is_decoded_as_the_standard_library_decodes_it() {
        let base = "<13>Nov  1 00:00:00 h app: héllo wörld € 𝄞 ✓ ".repeat(4);
        let interesting = [
            0x00, 0x0a, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4,
            0xf5, 0xff,
        ];
        let mut variants = vec![base.as_bytes().to_vec()];
        for at in 0..base.len() {
            for b in interesting {
                let mut replaced = base.as_bytes().to_vec();
                replaced[at] = b;
                variants.push(replaced);
                let mut inserted = base.as_bytes().to_vec();
                inserted.insert(at, b);
                variants.push(inserted);
            }
            let mut removed = base.as_bytes().to_vec();
            removed.remove(at);
            variants.push(removed);
        }
        let mut invalid = 0;
        for bytes in &variants {
            let (text, flagged) = decode_text(bytes);
            assert_eq!(text, String::from_utf8_lossy(bytes), "{bytes:?}");
            assert_eq!(flagged, std::str::from_utf8(bytes).is_err(), "{bytes:?}");
            invalid += usize::from(flagged);
        }
        assert!(
            invalid > variants.len() / 4,
            "the variants test invalid text too"
        );
    }

    #[test]
    fn every_token_in_the_text_keeps_only_its_public_part() {
        let token = "gi_abcd1234_S3cret-S3cret_S3cretS3cretS3cret12";
        let other = "gi_0000zz99_AnotherSecretAnotherSecretAnother";
        let line = format!(
            "<134>1 2026-11-01T00:00:00Z h app - - [garrison@32473 token=\"{token}\"][garrison@32473 token=\"{other}\"] echo {token}."
        );
        assert_eq!(
            redact_tokens(&line).as_deref(),
            Some(
                "<134>1 2026-11-01T00:00:00Z h app - - [garrison@32473 token=\"gi_abcd1234_REDACTED\"][garrison@32473 token=\"gi_0000zz99_REDACTED\"] echo gi_abcd1234_REDACTED."
            )
        );
        // Cut inside its structured data: the part that arrived is redacted too.
        assert_eq!(
            redact_tokens("[garrison@32473 token=\"gi_abcd1234_S3cr").as_deref(),
            Some("[garrison@32473 token=\"gi_abcd1234_REDACTED")
        );
        for untouched in [
            "[garrison@32473 token=\"odd\"]",
            "gi_short_secret",
            "gi_abcd1234_",
            "xgi_abcd1234_secret",
            "gi_abcd12345secret",
        ] {
            assert_eq!(redact_tokens(untouched), None, "{untouched}");
        }
    }

    /// A line's record both ways: fields written out, and left to be derived.
    fn records(line: &str, tz: Tz, now: DateTime<Utc>) -> (Vec<u8>, Vec<u8>) {
        let arrival = Arrival::new(TenantId::new(), Channel::SyslogTcp, now, 8192);
        let mut written = Vec::new();
        let parsed = parse::parse_line(line, &Clock::new(now, tz));
        normalize(parsed, line, &arrival).into_record(&mut written);
        let mut derived = Vec::new();
        text_event(line, &[], tz, &arrival).into_record(&mut derived);
        (written, derived)
    }

    fn fields_of(record: &[u8]) -> Map<String, Value> {
        crate::read::fields(&Record::parse(record).expect("record"))
    }

    /// Asserts that both records read back as the same event (ids aside):
    /// header (host, severity, log source, times) and fields alike.
    fn assert_same_event(written: &[u8], derived: &[u8], context: &str) {
        let tenant = TenantId::new();
        let read = |record: &[u8]| {
            Record::parse(record)
                .and_then(|r| crate::read::stored_event(&r, 1, tenant))
                .expect("stored event")
                .event
        };
        let (written, mut derived) = (read(written), read(derived));
        derived.id = written.id;
        assert_eq!(derived, written, "{context}");
    }

    fn contains(record: &[u8], part: &str) -> bool {
        memchr::memmem::find(record, part.as_bytes()).is_some()
    }

    /// Every kind of line the parsers know reads back the same from a record
    /// that leaves its fields to be derived as from one that writes them, in
    /// any zone and at any receipt time: including `Feb 29` around a New Year
    /// before a leap year, a date or not depending on the zone's year.
    #[test]
    fn derived_fields_are_the_fields_written_out() {
        let lines = [
            r#"<134>1 2026-11-01T00:00:00.072Z srv-15 billing-api 1639 AUDIT [audit@32473 event="login" user="oracle@corp.example"][garrison@32473 token="gi_x"] user login success"#,
            "<38>Dec 31 23:59:58 srv-17 sshd[16394]: Failed password for ubuntu from 45.31.198.206 port 2170 ssh2",
            "<85>Nov  1 00:00:00 srv-04 sudo[35417]: admin : TTY=pts/3 ; PWD=/home/admin ; USER=root ; COMMAND=/bin/cat /etc/shadow",
            r#"<189>date=2026-11-01 time=00:00:00 devname="FGT60F-HQ" devid="FGT60F" logid="0000000013" srcip=10.3.173.251 srcport=1593 dstip=203.11.24.93 dstport=3389 action="close" proto=6"#,
            r"<14>Nov  1 00:00:00 PA-3220 CEF:0|Palo Alto Networks|PAN-OS|10.2.4|end|TRAFFIC|1|rt=Nov 01 2026 00:00:00 GMT src=10.2.106.157 suser=corp\\backup cs1Label=Rule cs1=allow spt=24605 dpt=443",
            "CEF:0|Vendor|Product|1.0|100|Name with \\| pipe|5|src=10.0.0.1 msg=two words",
            "<4>Nov  1 00:00:00 srv-15 kernel: [0.437421] [UFW AUDIT] IN=eth0 OUT= SRC=198.25.122.231 DST=10.0.136.150 PROTO=UDP SPT=61517 DPT=3306",
            r#"<190>Jan  2 03:04:05 web01 nginx: 193.51.161.77 - - [01/Nov/2026:00:00:00 +0000] "GET /.env HTTP/1.1" 401 11787 "-" "curl/8.5.0""#,
            r#"<13>Nov  1 00:00:00 host1 app: {"user":{"name":"ann"},"event":{"action":"x"},"n":3}"#,
            "host=web-9 user=bob action=login",
            "Computer=WS-1 user=bob action=login",
            "Computer=WS-1 Computer=WS-2 action=login",
            "<14>Nov  1 00:00:00 h app: Computer=WS-1 action=login",
            "<14>Nov  1 00:00:00 - app: Computer=WS-1 action=login",
            "plain text, nothing to parse: é 日本 \"quoted\" \\ tab\tend",
            "<999>not really a priority",
            "<13>Feb 29 10:00:00 h app: user=bob action=login",
            // What tags a log source, read at the header's depth only.
            "<14>Nov  1 00:00:00 fw CEF:0|Vendor|Header Product|1|2|n|3|src=10.0.0.1 deviceProduct=Extension Product",
            "<14>Nov  1 00:00:00 fw CEF:0|Vendor|Header Product|1|2|n|3|cs1Label=deviceProduct cs1=Labelled",
            "<14>Nov  1 00:00:00 fw CEF:0|Vendor|Product|1|2|n",
            "<14>Nov  1 00:00:00 fgt app: devid=FG1 logid=0000000013 srcip=10.0.0.1",
            "<14>Nov  1 00:00:00 fgt app: note=devid,logid a=1",
            "<14>1 - fgt app - - - date=2026-11-01 time=00:00:00 devname=FGT devid=FG1 logid=13",
            "<14>1 - h app - - - date=2026-11-01 time=00:00:00 user=bob",
            r#"<189>date=2026-11-01 time=10:00:00 tz="+0100" devid=FG1 logid=13 a=1"#,
            "<189>eventtime=1793491200052999936 devid=FG1 logid=13 a=1",
            "Computer=WS-9 ; USER=root ; COMMAND=/bin/x",
            "CEF:0|Vendor|Product|1|2|n|3|Computer=WS-7 src=10.0.0.1",
            "<14>1 2026-11-01T00:00:00Z - app - - - devname=FGT devid=FG1 logid=13 Computer=WS-3",
            "",
        ];
        let january = Utc
            .with_ymd_and_hms(2027, 1, 1, 0, 30, 0)
            .single()
            .expect("time");
        let november = Utc
            .with_ymd_and_hms(2026, 11, 1, 12, 0, 0)
            .single()
            .expect("time");
        // New Year 2028 in UTC, still 2027 in New York.
        let leap = Utc
            .with_ymd_and_hms(2028, 1, 1, 2, 0, 0)
            .single()
            .expect("time");
        for tz in [
            Tz::UTC,
            Tz::Europe__Berlin,
            Tz::America__New_York,
            Tz::Asia__Kolkata,
        ] {
            for now in [january, november, leap] {
                for line in lines {
                    let (written, derived) = records(line, tz, now);
                    assert!(contains(&written, "\"f\":"), "{line}");
                    assert!(!contains(&derived, "\"f\":"), "{line}");
                    assert!(contains(&derived, "\"d\":1"), "{line}");
                    assert!(derived.len() < written.len(), "{line}");
                    assert_eq!(contains(&derived, "\"z\":"), tz != Tz::UTC, "{line}");
                    assert_same_event(&written, &derived, &format!("{line} in {tz} at {now}"));
                    assert!(fields_of(&derived).contains_key("log"), "{line}: fields");
                }
            }
        }
    }

    /// The same over the shared corpus of real lines (every fifth line of
    /// each sample file), where present.
    #[test]
    fn derived_fields_match_over_the_shared_syslog_samples() {
        let lines = parse::with_samples(&[], 5);
        if lines.is_empty() {
            return;
        }
        let now = Utc
            .with_ymd_and_hms(2026, 11, 1, 12, 0, 0)
            .single()
            .expect("time");
        let mut checked = 0;
        for line in &lines {
            let (written, derived) = records(line, Tz::Europe__Berlin, now);
            assert_same_event(&written, &derived, line);
            checked += 1;
        }
        assert!(checked > 1000, "{checked} lines checked");
    }

    /// What the text alone cannot give back keeps its fields written out:
    /// raw text cut at the cap, flags, a host named by the transport.
    #[test]
    fn records_whose_fields_need_more_than_the_text_keep_them() {
        let now = Utc::now();
        let line = "<14>Nov  1 00:00:00 h app: user=bob action=login and a long tail";
        let arrival = Arrival::new(TenantId::new(), Channel::SyslogTcp, now, 8192);
        let cases = [
            (
                Arrival {
                    raw_cap: 20,
                    ..arrival.clone()
                },
                &[][..],
            ),
            (arrival.clone(), &["invalid_utf8"][..]),
            (
                arrival
                    .clone()
                    .hinted(Some("hec-host".into()), Default::default()),
                &[][..],
            ),
        ];
        for (arrival, flags) in cases {
            let mut record = Vec::new();
            text_event(line, flags, Tz::UTC, &arrival).into_record(&mut record);
            assert!(contains(&record, "\"f\":"), "{flags:?}");
            assert!(!contains(&record, "\"d\":"), "{flags:?}");
            assert_eq!(fields_of(&record)["user"], "bob");
        }
    }

    /// A derivation or zone this binary does not know reads as no fields,
    /// not as a panic or as fields made up another way.
    #[test]
    fn an_unknown_derivation_or_zone_reads_as_no_fields() {
        let now = Utc::now();
        let (_, derived) = records(
            "<14>Nov  1 00:00:00 h app: user=bob action=login",
            Tz::Europe__Berlin,
            now,
        );
        let text = String::from_utf8(derived).expect("utf-8");
        assert_eq!(fields_of(text.as_bytes())["user"], "bob");
        for damaged in [
            text.replace("\"d\":1", "\"d\":2"),
            text.replace("Europe/Berlin", "Mars/Olympus"),
        ] {
            assert_ne!(damaged, text);
            assert!(fields_of(damaged.as_bytes()).is_empty(), "{damaged}");
        }
    }
}
