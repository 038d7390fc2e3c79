//! One event as one line of a segment: a JSON object with short keys, its
//! fields last, or, for a text line, no fields but a mark that they are to
//! be derived again from its raw text (see [`write_derived_record`]). Read
//! back borrowing from the segment's text, so that filtering on time, host or
//! channel never parses or derives an event's fields.

use super::json;
use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use garrison_core::event::{Channel, Event, EventId, LogSource, StoredEvent};
use garrison_core::{Error, Result, TenantId};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// Appends `event` as one record (no newline). Times are nanoseconds since
/// the epoch: cheaper to write and to read than text.
pub fn write_record(event: &Event, out: &mut Vec<u8>) {
    write_record_with(event, &event.raw, None, out, |out| {
        json::write_map(out, &event.fields)
    });
}

/// Appends the record of `event`'s header with `raw` as its text and the
/// fields object that `fields` writes (the receiving path writes it without
/// building a map). `message`, when given, is the byte range of `raw` that
/// is the event's `message` field, which `fields` then leaves out.
pub fn write_record_with(
    event: &Event,
    raw: &str,
    message: Option<(usize, usize)>,
    out: &mut Vec<u8>,
    fields: impl FnOnce(&mut Vec<u8>),
) {
    write_head(event, raw, out);
    if let Some((start, end)) = message {
        out.extend_from_slice(b",\"m\":[");
        json::write_u64(out, start as u64);
        out.push(b',');
        json::write_u64(out, end as u64);
        out.push(b']');
    }
    out.extend_from_slice(b",\"f\":");
    fields(out);
    out.push(b'}');
}

/// Appends the record of a text event whose fields are not stored but derived
/// again from `raw` (not truncated) when read (see [`crate::read::fields`]), as a
/// search engine extracts fields at search time: a record is then about a
/// third of what it is with its fields written out, and the receiving path
/// writes, copies and compresses that much less.
/// `tz` is the zone the text was read in (kept when not UTC): the year a BSD
/// date is given depends on it, and with it whether `Feb 29` is a date.
pub fn write_derived_record(event: &Event, raw: &str, tz: Tz, out: &mut Vec<u8>) {
    write_head(event, raw, out);
    out.extend_from_slice(b",\"d\":");
    json::write_u64(out, u64::from(DERIVED_TEXT));
    if tz != Tz::UTC {
        out.extend_from_slice(b",\"z\":");
        json::write_str(out, tz.name());
    }
    out.push(b'}');
}

/// The `d` of a record whose fields are those the text parser (see
/// [`crate::normalize::derived_fields`]) finds in its raw text. A change to
/// what the parser makes of a line changes what stored events read as (as
/// search-time field extraction does); a change that must not, takes a new
/// number, with this derivation kept for the records that carry this one.
pub const DERIVED_TEXT: u32 = 1;

/// The members every record starts with, up to the raw text's flag.
fn write_head(event: &Event, raw: &str, out: &mut Vec<u8>) {
    let mut id = [0u8; uuid::fmt::Hyphenated::LENGTH];
    out.extend_from_slice(b"{\"id\":\"");
    out.extend_from_slice(
        event
            .id
            .as_uuid()
            .hyphenated()
            .encode_lower(&mut id)
            .as_bytes(),
    );
    out.extend_from_slice(b"\",\"r\":");
    write_time(out, event.received_at);
    out.extend_from_slice(b",\"t\":");
    write_time(out, event.timestamp);
    out.extend_from_slice(b",\"c\":\"");
    out.extend_from_slice(event.channel.as_str().as_bytes());
    out.push(b'"');
    let source = &event.log_source;
    for (key, value) in [
        (&b",\"h\":"[..], &event.host),
        (b",\"p\":", &source.product),
        (b",\"g\":", &source.category),
        (b",\"v\":", &source.service),
    ] {
        // Absent members read as their defaults: no `null` written, copied
        // and compressed for them.
        if let Some(text) = value {
            out.extend_from_slice(key);
            json::write_str(out, text);
        }
    }
    if let Some(s) = event.severity {
        out.extend_from_slice(b",\"s\":");
        json::write_u64(out, s.into());
    }
    out.extend_from_slice(b",\"raw\":");
    json::write_str(out, raw);
    if event.raw_truncated {
        out.extend_from_slice(b",\"x\":true");
    }
}

/// Nanoseconds since the epoch, as a 128-bit number: every time chrono holds
/// fits (64 bits would stop at the years 1677 and 2262). A leap second (which
/// chrono spells as a second's nanoseconds past 10^9) reads back as the start
/// of the next second.
fn write_time(out: &mut Vec<u8>, at: DateTime<Utc>) {
    let nanos =
        i128::from(at.timestamp()) * 1_000_000_000 + i128::from(at.timestamp_subsec_nanos());
    json::write_i128(out, nanos);
}

/// What deriving a record's fields takes besides its raw text.
#[derive(Debug, Clone, Copy)]
pub struct Derivation<'r> {
    /// [`DERIVED_TEXT`], or a number a newer binary wrote.
    pub version: u32,
    /// When it was received (none if the record's time is unreadable).
    pub received_at: Option<DateTime<Utc>>,
    /// The zone its text was read in, when not UTC.
    pub zone: Option<&'r str>,
}

/// A record as read, borrowing from the segment's text.
#[derive(Deserialize)]
pub struct Record<'a> {
    /// Only records moved from the old row table carry their sequence number.
    #[serde(default)]
    pub q: Option<i64>,
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    r: &'a RawValue,
    #[serde(borrow)]
    t: &'a RawValue,
    #[serde(borrow)]
    c: Cow<'a, str>,
    #[serde(borrow, default)]
    h: Option<Cow<'a, str>>,
    #[serde(default)]
    s: Option<i64>,
    #[serde(borrow, default)]
    p: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    g: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    v: Option<Cow<'a, str>>,
    #[serde(borrow)]
    raw: Cow<'a, str>,
    #[serde(default)]
    x: bool,
    /// The `message` field's byte range in `raw`, when it was stored so.
    #[serde(default)]
    m: Option<(u64, u64)>,
    /// Absent, or [`DERIVED_TEXT`] when the fields are derived from `raw`.
    #[serde(default)]
    d: Option<u32>,
    /// The zone a derived record's text was read in, when not UTC.
    #[serde(borrow, default)]
    z: Option<Cow<'a, str>>,
    /// The fields, unless they are derived.
    #[serde(borrow, default)]
    f: Option<&'a RawValue>,
}

impl<'a> Record<'a> {
    /// Parses one line of a segment.
    pub fn parse(line: &'a [u8]) -> Result<Record<'a>> {
        serde_json::from_slice(line)
            .map_err(|e| Error::internal(format!("stored event record unreadable: {e}")))
    }

    pub fn event_time(&self) -> Result<DateTime<Utc>> {
        time_of(self.t)
    }

    pub fn host(&self) -> Option<&str> {
        self.h.as_deref()
    }

    pub fn channel(&self) -> &str {
        &self.c
    }

    pub fn product(&self) -> Option<&str> {
        self.p.as_deref()
    }

    pub fn category(&self) -> Option<&str> {
        self.g.as_deref()
    }

    pub fn service(&self) -> Option<&str> {
        self.v.as_deref()
    }

    pub fn raw(&self) -> &str {
        &self.raw
    }

    pub fn id(&self) -> Result<uuid::Uuid> {
        uuid::Uuid::parse_str(&self.id)
            .map_err(|e| Error::internal(format!("stored event id {}: {e}", self.id)))
    }

    /// How a record without written fields derives them: `None` for one
    /// whose fields are written (see [`Self::written_fields`]). Readers get
    /// fields either way through [`crate::read`].
    pub fn derivation(&self) -> Option<Derivation<'_>> {
        let version = self.d?;
        Some(Derivation {
            version,
            received_at: time_of(self.r).ok(),
            zone: self.z.as_deref(),
        })
    }

    /// The fields written in the record as a JSON object (parsed now; empty
    /// if they are not an object), the message put back from the raw text
    /// where it was stored as a range. Empty for a derived record.
    pub(crate) fn written_fields(&self) -> Map<String, Value> {
        let mut fields: Map<String, Value> = self
            .f
            .and_then(|f| serde_json::from_str(f.get()).ok())
            .unwrap_or_default();
        if let Some(message) = self.message_in_raw() {
            fields.insert("message".to_string(), Value::String(message.to_string()));
        }
        fields
    }

    /// The message, when stored as a range of the raw text.
    fn message_in_raw(&self) -> Option<&str> {
        let (start, end) = self.m?;
        self.raw
            .get(usize::try_from(start).ok()?..usize::try_from(end).ok()?)
    }

    /// The whole event, with `fields` (see [`crate::read::stored_event`]).
    pub(crate) fn to_stored_with(
        &self,
        seq: i64,
        tenant: TenantId,
        fields: Map<String, Value>,
    ) -> Result<StoredEvent> {
        let channel = Channel::parse(&self.c)
            .ok_or_else(|| Error::internal(format!("stored channel {}", self.c)))?;
        Ok(StoredEvent {
            seq,
            event: Event {
                id: EventId::from_uuid(self.id()?),
                tenant_id: tenant,
                received_at: time_of(self.r)?,
                timestamp: self.event_time()?,
                channel,
                host: self.h.as_deref().map(str::to_string),
                severity: self.s.and_then(|s| u8::try_from(s).ok()),
                log_source: LogSource {
                    product: self.p.as_deref().map(str::to_string),
                    category: self.g.as_deref().map(str::to_string),
                    service: self.v.as_deref().map(str::to_string),
                },
                fields,
                raw: self.raw.to_string(),
                raw_truncated: self.x,
            },
        })
    }
}

/// A record's time: nanoseconds since the epoch, or text.
fn time_of(raw: &RawValue) -> Result<DateTime<Utc>> {
    let text = raw.get();
    if let Ok(nanos) = text.parse::<i128>() {
        let (secs, sub) = (
            nanos.div_euclid(1_000_000_000),
            nanos.rem_euclid(1_000_000_000),
        );
        return i64::try_from(secs)
            .ok()
            .and_then(|secs| DateTime::from_timestamp(secs, u32::try_from(sub).ok()?))
            .ok_or_else(|| Error::internal(format!("stored event time {text} out of range")));
    }
    let text: Cow<'_, str> = serde_json::from_str(text)
        .map_err(|e| Error::internal(format!("stored event time {text}: {e}")))?;
    parse_time(&text)
}

/// RFC 3339; records moved from the old table may also hold the
/// space-separated form a database printed.
fn parse_time(text: &str) -> Result<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    if let Ok(t) = DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f%#z") {
        return Ok(t.with_timezone(&Utc));
    }
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f")
        .map(|t| t.and_utc())
        .map_err(|e| Error::internal(format!("stored event time {text}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A record with written fields read back whole.
    fn stored(record: &Record, seq: i64, tenant: TenantId) -> Result<StoredEvent> {
        record.to_stored_with(seq, tenant, record.written_fields())
    }

    fn event() -> Event {
        Event {
            id: EventId::new(),
            tenant_id: TenantId::new(),
            received_at: Utc::now(),
            timestamp: DateTime::parse_from_rfc3339("2026-11-01T10:00:00.5Z")
                .expect("time")
                .with_timezone(&Utc),
            channel: Channel::SyslogTcp,
            host: Some("web-1".into()),
            severity: Some(4),
            log_source: LogSource {
                product: Some("linux".into()),
                category: None,
                service: Some("sshd".into()),
            },
            fields: Map::new(),
            raw: "line with \"quotes\", a \\ and a\nnewline é".into(),
            raw_truncated: true,
        }
    }

    #[test]
    fn a_record_reads_back_as_written() {
        let mut original = event();
        let fields = json!({"message": "hi", "source": {"ip": "10.0.0.1"}, "n": 3});
        original.fields = fields.as_object().cloned().expect("object");
        let mut line = Vec::new();
        write_record(&original, &mut line);
        assert!(!line.contains(&b'\n'), "a record is one line");
        let record = Record::parse(&line).expect("parse");
        assert_eq!(record.q, None);
        let stored = stored(&record, 42, original.tenant_id).expect("stored");
        assert_eq!(stored.seq, 42);
        assert_eq!(stored.event, original);
        // Times past what 64-bit nanoseconds hold, either way (a sender's
        // millisecond count read as seconds lands tens of millennia out).
        for (secs, nanos) in [
            (16_725_225_600, 123_456_789),
            (-62_000_000_000, 5),
            (1_000_000_000_000, 0),
        ] {
            original.timestamp = DateTime::from_timestamp(secs, nanos).expect("time");
            assert_eq!(round_trip(&original), original);
        }
        original.host = None;
        assert_eq!(round_trip(&original), original);
        // What is absent is left out of the record, and reads back absent.
        original.severity = None;
        original.raw_truncated = false;
        original.log_source = LogSource::default();
        original.fields = Map::new();
        original.raw = "plain".into();
        let mut line = Vec::new();
        write_record(&original, &mut line);
        let text = String::from_utf8(line).expect("utf-8");
        for absent in ["null", "\"x\"", "\"s\"", "\"h\"", "\"p\"", "\"g\"", "\"v\""] {
            assert!(!text.contains(absent), "{absent} in {text}");
        }
        assert_eq!(round_trip(&original), original);
    }

    /// The event written as a record and read back.
    fn round_trip(event: &Event) -> Event {
        let mut line = Vec::new();
        write_record(event, &mut line);
        let record = Record::parse(&line).expect("parse");
        stored(&record, 1, event.tenant_id).expect("stored").event
    }

    #[test]
    fn records_moved_from_rows_read_with_their_sequence_and_either_time_form() {
        let line = br#"{"q":7,"id":"0193a8f2c4b87c3d9e0f112233445566","r":"2026-11-01 10:00:00.25+00:00","t":"2026-11-01T09:59:59Z","c":"http","h":null,"s":null,"p":null,"g":null,"v":null,"raw":"x","x":false,"f":{"a":1}}"#;
        let record = Record::parse(line).expect("parse");
        assert_eq!(record.q, Some(7));
        let stored = stored(&record, 7, TenantId::new()).expect("stored");
        assert_eq!(
            stored.event.received_at.to_rfc3339(),
            "2026-11-01T10:00:00.250+00:00"
        );
        assert_eq!(
            stored.event.timestamp.to_rfc3339(),
            "2026-11-01T09:59:59+00:00"
        );
        assert_eq!(stored.event.fields["a"], 1);
        assert_eq!(stored.event.channel, Channel::Http);
    }

    /// A message stored as a range of the raw text reads back among the
    /// fields; a range that does not fit the text adds nothing.
    #[test]
    fn a_message_stored_as_a_range_of_the_raw_text_reads_back() {
        let mut original = event();
        original.raw = "<14>host app: täst message".to_string();
        original.fields = json!({"n": 1}).as_object().cloned().expect("object");
        let start = original.raw.find("täst").expect("in raw");
        let mut line = Vec::new();
        write_record_with(
            &original,
            &original.raw,
            Some((start, original.raw.len())),
            &mut line,
            |out| json::write_map(out, &original.fields),
        );
        let record = Record::parse(&line).expect("parse");
        let stored = stored(&record, 1, original.tenant_id).expect("stored");
        assert_eq!(
            stored.event.fields,
            *json!({"n": 1, "message": "täst message"})
                .as_object()
                .expect("object")
        );
        // Past the end, or inside a character: no message.
        for range in [(0, 400), (start + 2, start + 4)] {
            let mut line = Vec::new();
            write_record_with(&original, &original.raw, Some(range), &mut line, |out| {
                json::write_map(out, &original.fields)
            });
            let record = Record::parse(&line).expect("parse");
            assert_eq!(record.written_fields(), original.fields, "{range:?}");
        }
    }

    #[test]
    fn a_damaged_record_is_an_error_not_a_panic() {
        assert!(Record::parse(b"{\"id\":").is_err());
        let line = br#"{"id":"nope","r":"2026","t":"x","c":"smtp","raw":"","f":{}}"#;
        let record = Record::parse(line).expect("well-formed JSON");
        assert!(stored(&record, 1, TenantId::new()).is_err());
    }
}
