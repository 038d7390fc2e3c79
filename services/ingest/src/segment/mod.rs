//! The event store's unit: a segment, one row holding a batch of one tenant's
//! events as newline-separated JSON records (see [`record`]), compressed with
//! LZ4. The row's plain columns (sequence range, receipt and event-time range,
//! id range) let reads pick segments by index and skip the rest undecoded.
//!
//! Sequence numbers are per tenant and dense: a segment's records are
//! `first_seq`, `first_seq + 1`, ... in order, so a reader finds the record of
//! a sequence number by position, without parsing the records before it.
//! Segments moved from the old row table (codec `ndjson`) are the exception:
//! their numbers had gaps, so each of their records carries its own.

pub mod compact;
pub(crate) mod json;
pub mod numbering;
pub mod record;

use crate::entity::event_segment;
use chrono::{DateTime, Utc};
use garrison_core::event::Event;
use garrison_core::{Error, Result, TenantId};
use serde::Deserialize;

/// Most record bytes in one segment before the writer starts another, so that
/// a reader never holds more than this decompressed at once.
pub const MAX_SEGMENT_BYTES: usize = 16 << 20;

/// Most record bytes a stored segment may claim: a segment is cut once it
/// passes [`MAX_SEGMENT_BYTES`], so only its last record (up to a frame of a
/// few hundred KiB as JSON) runs over. A larger claim is damage, refused before
/// anything is allocated for it.
const MAX_DECOMPRESSED: usize = 4 * MAX_SEGMENT_BYTES;

/// The stored columns, in the order [`Sealed::into_row`] gives their values.
pub const COLUMNS: [event_segment::Column; 11] = [
    event_segment::Column::TenantId,
    event_segment::Column::FirstSeq,
    event_segment::Column::LastSeq,
    event_segment::Column::EventCount,
    event_segment::Column::ReceivedAt,
    event_segment::Column::EventFrom,
    event_segment::Column::EventTo,
    event_segment::Column::IdMin,
    event_segment::Column::IdMax,
    event_segment::Column::Codec,
    event_segment::Column::Data,
];

/// The size of an LZ4 segment's records once decompressed (its prefix).
pub fn decompressed_len(data: &[u8]) -> usize {
    data.get(..4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map_or(0, |b| u32::from_le_bytes(b) as usize)
}

/// How a segment's `data` is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    /// LZ4 block with its decompressed size prepended (what the writer writes).
    Lz4,
    /// Plain records, each with its sequence number (moved from the row table).
    Ndjson,
}

impl Codec {
    pub fn as_str(self) -> &'static str {
        match self {
            Codec::Lz4 => "lz4",
            Codec::Ndjson => "ndjson",
        }
    }

    pub fn parse(raw: &str) -> Option<Codec> {
        [Codec::Lz4, Codec::Ndjson]
            .into_iter()
            .find(|c| c.as_str() == raw)
    }
}

/// A segment being written: its records and the ranges its columns index.
#[derive(Debug, Default)]
pub struct Builder {
    lines: Vec<u8>,
    count: usize,
    ranges: Option<Ranges>,
}

#[derive(Debug, Clone, Copy)]
struct Ranges {
    received_at: DateTime<Utc>,
    event_from: DateTime<Utc>,
    event_to: DateTime<Utc>,
    id_min: uuid::Uuid,
    id_max: uuid::Uuid,
}

/// A finished segment, ready to insert once its first sequence number is known.
#[derive(Debug)]
pub struct Sealed {
    pub count: usize,
    pub received_at: DateTime<Utc>,
    pub event_from: DateTime<Utc>,
    pub event_to: DateTime<Utc>,
    pub id_min: uuid::Uuid,
    pub id_max: uuid::Uuid,
    pub codec: Codec,
    pub data: Vec<u8>,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// With room for `bytes` of records.
    pub fn with_capacity(bytes: usize) -> Builder {
        Builder {
            lines: Vec::with_capacity(bytes),
            ..Builder::default()
        }
    }

    /// Adds one event: `record` is its line from [`record::write_record`]
    /// (without the newline); `event` supplies the indexed columns.
    pub fn push(&mut self, event: &Event, record: &[u8]) {
        self.lines.extend_from_slice(record);
        self.lines.push(b'\n');
        self.count += 1;
        let id = event.id.as_uuid();
        let r = self.ranges.get_or_insert(Ranges {
            received_at: event.received_at,
            event_from: event.timestamp,
            event_to: event.timestamp,
            id_min: id,
            id_max: id,
        });
        r.received_at = r.received_at.min(event.received_at);
        r.event_from = r.event_from.min(event.timestamp);
        r.event_to = r.event_to.max(event.timestamp);
        r.id_min = r.id_min.min(id);
        r.id_max = r.id_max.max(id);
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Bytes of records so far (before compression).
    pub fn bytes(&self) -> usize {
        self.lines.len()
    }

    /// Compresses the records; `None` when there are none.
    pub fn seal(self) -> Option<Sealed> {
        let ranges = self.ranges?;
        Some(Sealed::compress(self.count, ranges, &self.lines))
    }
}

impl Sealed {
    /// One segment holding the records of consecutive segments (oldest first,
    /// numbered without gaps), recompressed together.
    pub fn merge(rows: Vec<event_segment::Model>) -> Result<Sealed> {
        let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
            return Err(Error::internal("merging no segments"));
        };
        let count: usize = rows
            .iter()
            .map(|r| usize::try_from(r.event_count).unwrap_or(0))
            .sum();
        if last.last_seq - first.first_seq + 1 != count as i64 {
            return Err(Error::internal("merged segments are not consecutive"));
        }
        if rows
            .iter()
            .any(|r| Codec::parse(&r.codec) != Some(Codec::Lz4))
        {
            return Err(Error::internal("only LZ4 segments are merged"));
        }
        let ranges = Ranges {
            received_at: rows
                .iter()
                .map(|r| r.received_at)
                .min()
                .unwrap_or(first.received_at),
            event_from: rows
                .iter()
                .map(|r| r.event_from)
                .min()
                .unwrap_or(first.event_from),
            event_to: rows
                .iter()
                .map(|r| r.event_to)
                .max()
                .unwrap_or(last.event_to),
            id_min: rows.iter().map(|r| r.id_min).min().unwrap_or(first.id_min),
            id_max: rows.iter().map(|r| r.id_max).max().unwrap_or(last.id_max),
        };
        let mut lines = Vec::new();
        for row in rows {
            lines.extend_from_slice(&Decoded::open(row)?.text);
        }
        Ok(Sealed::compress(count, ranges, &lines))
    }

    /// The row's values in [`COLUMNS`] order; the data is moved, not copied.
    pub fn into_row(self, tenant: TenantId, first_seq: i64) -> Vec<sea_orm::Value> {
        let count = self.count as i64;
        vec![
            tenant.as_uuid().into(),
            first_seq.into(),
            (first_seq + count - 1).into(),
            i32::try_from(count).unwrap_or(i32::MAX).into(),
            self.received_at.into(),
            self.event_from.into(),
            self.event_to.into(),
            self.id_min.into(),
            self.id_max.into(),
            self.codec.as_str().into(),
            self.data.into(),
        ]
    }

    /// Compresses records whose ranges are known.
    fn compress(count: usize, r: Ranges, lines: &[u8]) -> Sealed {
        Sealed {
            count,
            received_at: r.received_at,
            event_from: r.event_from,
            event_to: r.event_to,
            id_min: r.id_min,
            id_max: r.id_max,
            codec: Codec::Lz4,
            data: lz4_flex::block::compress_prepend_size(lines),
        }
    }
}

/// A segment's records, decompressed.
pub struct Decoded {
    pub tenant: TenantId,
    pub first_seq: i64,
    pub last_seq: i64,
    codec: Codec,
    text: Vec<u8>,
}

/// Just the sequence number of a moved record.
#[derive(Deserialize)]
struct Numbered {
    q: i64,
}

impl Decoded {
    /// Decompresses a stored segment.
    pub fn open(row: event_segment::Model) -> Result<Decoded> {
        let codec = Codec::parse(&row.codec)
            .ok_or_else(|| Error::internal(format!("event segment codec {}", row.codec)))?;
        let text = match codec {
            Codec::Lz4 if decompressed_len(&row.data) > MAX_DECOMPRESSED => {
                return Err(Error::internal(format!(
                    "event segment {}/{} claims {} bytes of records",
                    row.tenant_id,
                    row.first_seq,
                    decompressed_len(&row.data)
                )));
            }
            Codec::Lz4 => lz4_flex::block::decompress_size_prepended(&row.data).map_err(|e| {
                Error::internal(format!(
                    "event segment {}/{} does not decompress: {e}",
                    row.tenant_id, row.first_seq
                ))
            })?,
            Codec::Ndjson => row.data,
        };
        Ok(Decoded {
            tenant: TenantId::from_uuid(row.tenant_id),
            first_seq: row.first_seq,
            last_seq: row.last_seq,
            codec,
            text,
        })
    }

    /// Each record's sequence number and line, in sequence order.
    pub fn lines(&self) -> Result<Vec<(i64, &[u8])>> {
        let mut out = Vec::new();
        let lines = self.text.split(|b| *b == b'\n').filter(|l| !l.is_empty());
        for (seq, line) in (self.first_seq..).zip(lines) {
            let number = match self.codec {
                Codec::Lz4 => seq,
                Codec::Ndjson => {
                    serde_json::from_slice::<Numbered>(line)
                        .map_err(|e| {
                            Error::internal(format!("moved event record without a number: {e}"))
                        })?
                        .q
                }
            };
            out.push((number, line));
        }
        if self.codec == Codec::Ndjson {
            // Moved records were aggregated in order; sort in case a database did not.
            out.sort_by_key(|(seq, _)| *seq);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use garrison_core::event::{Channel, EventId, LogSource};

    fn event(minutes: i64) -> Event {
        let at = DateTime::parse_from_rfc3339("2026-12-01T00:00:00Z")
            .expect("time")
            .with_timezone(&Utc)
            + chrono::Duration::minutes(minutes);
        Event {
            id: EventId::new(),
            tenant_id: TenantId::new(),
            received_at: at,
            timestamp: at - chrono::Duration::seconds(5),
            channel: Channel::Hec,
            host: None,
            severity: None,
            log_source: LogSource::default(),
            fields: serde_json::Map::new(),
            raw: format!("event {minutes}"),
            raw_truncated: false,
        }
    }

    #[test]
    fn a_sealed_segment_opens_to_its_records_numbered_in_order() {
        let mut builder = Builder::new();
        let events: Vec<Event> = [3, 1, 2].into_iter().map(event).collect();
        for e in &events {
            let mut line = Vec::new();
            record::write_record(e, &mut line);
            builder.push(e, &line);
        }
        let sealed = builder.seal().expect("sealed");
        assert_eq!(sealed.count, 3);
        assert_eq!(sealed.received_at, events[1].received_at);
        assert_eq!(sealed.event_from, events[1].timestamp);
        assert_eq!(sealed.event_to, events[0].timestamp);
        let row = event_segment::Model {
            tenant_id: uuid::Uuid::now_v7(),
            first_seq: 10,
            last_seq: 12,
            event_count: 3,
            received_at: sealed.received_at,
            event_from: sealed.event_from,
            event_to: sealed.event_to,
            id_min: sealed.id_min,
            id_max: sealed.id_max,
            codec: sealed.codec.as_str().into(),
            data: sealed.data,
        };
        let decoded = Decoded::open(row).expect("open");
        let lines = decoded.lines().expect("lines");
        let seqs: Vec<i64> = lines.iter().map(|(s, _)| *s).collect();
        assert_eq!(seqs, [10, 11, 12]);
        let raws: Vec<String> = lines
            .iter()
            .map(|(_, l)| record::Record::parse(l).expect("record").raw().to_string())
            .collect();
        assert_eq!(raws, ["event 3", "event 1", "event 2"]);
    }

    #[test]
    fn an_empty_builder_seals_nothing_and_damaged_data_is_an_error() {
        assert!(Builder::new().seal().is_none());
        let row = event_segment::Model {
            tenant_id: uuid::Uuid::now_v7(),
            first_seq: 1,
            last_seq: 1,
            event_count: 1,
            received_at: Utc::now(),
            event_from: Utc::now(),
            event_to: Utc::now(),
            id_min: uuid::Uuid::now_v7(),
            id_max: uuid::Uuid::now_v7(),
            codec: "lz4".into(),
            data: vec![200, 0, 0, 0, 1, 2],
        };
        assert!(Decoded::open(row.clone()).is_err());
        let unknown = event_segment::Model {
            codec: "zstd".into(),
            ..row
        };
        assert!(Decoded::open(unknown).is_err());
    }
}
