//! Event time from key=value records that carry it in fields rather than in a
//! syslog header: FortiGate (and FortiOS-style devices) send `date=2026-11-30
//! time=10:04:05`, optionally `tz="+0100"`, and from FortiOS 6.2 on `eventtime=`
//! in epoch seconds, milliseconds, microseconds or nanoseconds. Without a zone the
//! time is read in the tenant's zone, as for RFC 3164 headers.

use super::year::Clock;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

/// The record's own time, when its fields say.
pub fn timestamp_of<'v>(
    field: impl Fn(&str) -> Option<&'v str>,
    clock: &Clock,
) -> Option<DateTime<Utc>> {
    let text = |k: &str| field(k).map(str::trim);
    if let Some(epoch) = text("eventtime").and_then(|v| v.parse::<i64>().ok()) {
        return from_epoch(epoch);
    }
    let date = NaiveDate::parse_from_str(text("date")?, "%Y-%m-%d").ok()?;
    let time = NaiveTime::parse_from_str(text("time")?, "%H:%M:%S").ok()?;
    let local = NaiveDateTime::new(date, time);
    if let Some(offset) = text("tz").and_then(parse_offset) {
        return offset
            .from_local_datetime(&local)
            .single()
            .map(|t| t.with_timezone(&Utc));
    }
    clock
        .tz
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// Epoch in s, ms, µs or ns, told apart by magnitude (valid for dates 2001–2286).
fn from_epoch(v: i64) -> Option<DateTime<Utc>> {
    let (secs, nanos) = match v {
        v if v < 10_000_000_000 => (v, 0),
        v if v < 10_000_000_000_000 => (v / 1_000, (v % 1_000) * 1_000_000),
        v if v < 10_000_000_000_000_000 => (v / 1_000_000, (v % 1_000_000) * 1_000),
        v => (v / 1_000_000_000, v % 1_000_000_000),
    };
    DateTime::from_timestamp(secs, u32::try_from(nanos).ok()?)
}

/// `+0100`, `-05:00`, `+00`.
fn parse_offset(raw: &str) -> Option<FixedOffset> {
    let (sign, rest) = match raw.as_bytes().first()? {
        b'+' => (1, &raw[1..]),
        b'-' => (-1, &raw[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Map, Value, json};

    fn fields(v: Value) -> Map<String, Value> {
        v.as_object().cloned().expect("object")
    }

    fn lookup<'m>(fields: &'m Map<String, Value>) -> impl Fn(&str) -> Option<&'m str> + 'm {
        move |name| fields.get(name).and_then(Value::as_str)
    }

    fn clock(tz: chrono_tz::Tz) -> Clock {
        Clock::new(Utc::now(), tz)
    }

    #[test]
    fn fortigate_date_and_time_are_read_in_the_tenants_zone() {
        let f = fields(json!({"date": "2026-11-30", "time": "10:04:05"}));
        let t = timestamp_of(lookup(&f), &clock(chrono_tz::America::New_York)).expect("time");
        assert_eq!(t.to_rfc3339(), "2026-11-30T15:04:05+00:00");
    }

    #[test]
    fn an_explicit_offset_or_eventtime_wins() {
        let f = fields(json!({"date": "2026-11-30", "time": "10:04:05", "tz": "+0100"}));
        let t = timestamp_of(lookup(&f), &clock(chrono_tz::America::New_York)).expect("time");
        assert_eq!(t.to_rfc3339(), "2026-11-30T09:04:05+00:00");
        let f = fields(
            json!({"eventtime": "1796119445123456789", "date": "2000-01-01", "time": "00:00:00"}),
        );
        let t = timestamp_of(lookup(&f), &clock(chrono_tz::UTC)).expect("time");
        assert_eq!(t.timestamp(), 1_796_119_445);
        let f = fields(json!({"eventtime": "1796119445"}));
        assert_eq!(
            timestamp_of(lookup(&f), &clock(chrono_tz::UTC))
                .expect("time")
                .timestamp(),
            1_796_119_445
        );
    }

    #[test]
    fn records_without_a_time_have_none() {
        assert!(
            timestamp_of(
                lookup(&fields(json!({"SRC": "1.2.3.4"}))),
                &clock(chrono_tz::UTC)
            )
            .is_none()
        );
        assert!(
            timestamp_of(
                lookup(&fields(json!({"date": "yesterday", "time": "now"}))),
                &clock(chrono_tz::UTC)
            )
            .is_none()
        );
    }
}

#[cfg(test)]
mod line_tests {
    use super::super::{parse_line, year::Clock};
    use chrono::Utc;

    #[test]
    fn a_fortigate_line_with_a_bare_pri_gets_its_own_time() {
        let clock = Clock::new(Utc::now(), chrono_tz::UTC);
        let parsed = parse_line(
            "<189>date=2026-11-30 time=12:52:08 devname=\"FGT60F-HQ\" action=\"deny\"",
            &clock,
        );
        assert_eq!(
            parsed.timestamp.map(|t| t.to_rfc3339()),
            Some("2026-11-30T12:52:08+00:00".to_string())
        );
        assert_eq!(parsed.fields.get_str("devname"), Some("FGT60F-HQ"));
        // The PRI gives the facility and severity (local7, notice); the
        // message starts after it.
        let header = parsed.syslog.as_ref().expect("a header from the PRI");
        assert_eq!((header.facility, header.severity), (Some(23), Some(5)));
        assert!(parsed.message.starts_with("date="), "{}", parsed.message);
        // Out of range: no header, but the payload still starts after it.
        let parsed = parse_line("<192>date=2026-11-30 time=12:52:08 a=1", &clock);
        assert!(parsed.syslog.is_none());
        assert_eq!(parsed.message, "date=2026-11-30 time=12:52:08 a=1");
        assert_eq!(parsed.fields.get_str("a"), Some("1"));
        assert!(parsed.timestamp.is_some());
        // Not a PRI at all: the line is the message, whole.
        for line in ["<1x>a=1", "<>a=1", "<1234>a=1"] {
            let parsed = parse_line(line, &clock);
            assert!(parsed.syslog.is_none(), "{line}");
            assert_eq!(parsed.message, line);
        }
    }
}
