//! Walking a tenant's segments newest first for a search: which segments the
//! range touches, which must be decompressed, and which events match.

use super::query::{Pattern, Query};
use crate::entity::event_segment;
use crate::normalize::get_path;
use crate::segment::Decoded;
use crate::segment::record::Record;
use crate::store::{HEAD_COLUMNS, SegmentHead};
use chrono::{DateTime, Utc};
use garrison_core::db::{Scoped, ScopedTx};
use garrison_core::{Error, Result, TenantId};
use sea_orm::ColumnTrait;
use serde_json::{Map, Value};

/// Segments read per round trip when every one is decompressed.
const SEGMENTS_PER_READ: u64 = 8;
/// Most events one search may examine one by one; past it, the caller must
/// narrow the range.
const MAX_SCAN: u64 = 2_000_000;

/// What an event must satisfy.
pub(super) struct Filter<'a> {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub host: Option<&'a str>,
    pub source: Option<&'a str>,
    pub query: Option<&'a Query>,
}

impl Filter<'_> {
    /// Whether anything but time decides: then every segment is read.
    fn per_event(&self) -> bool {
        self.host.is_some() || self.source.is_some() || self.query.is_some()
    }

    fn holds(&self, head: &SegmentHead) -> bool {
        head.event_from >= self.from && head.event_to < self.to
    }

    fn matches(&self, record: &Record<'_>) -> Result<bool> {
        let at = record.event_time()?;
        if at < self.from || at >= self.to {
            return Ok(false);
        }
        if self.host.is_some_and(|h| record.host() != Some(h)) {
            return Ok(false);
        }
        if self.source.is_some_and(|s| record.channel() != s) {
            return Ok(false);
        }
        Ok(self.query.is_none_or(|q| {
            evaluate(
                q,
                &Candidate {
                    record,
                    fields: std::cell::OnceCell::new(),
                },
            )
        }))
    }
}

/// What a walk reports to.
pub(super) trait Visitor {
    /// Whether a segment wholly inside the range (and with nothing but time to
    /// decide) must still be read event by event; if not, [`Visitor::counted`].
    fn wants(&self, head: &SegmentHead) -> bool;
    /// A segment whose every event matches, taken whole.
    fn counted(&mut self, head: &SegmentHead);
    /// One matching event, newest first.
    fn event(&mut self, seq: i64, record: &Record<'_>) -> Result<()>;
}

/// Visits the tenant's events in the filter's range, newest first.
pub(super) async fn walk(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    filter: &Filter<'_>,
    visitor: &mut impl Visitor,
) -> Result<()> {
    let mut scanned = 0u64;
    // Compaction may merge segments between two of these queries (on
    // PostgreSQL each statement sees what is committed by then), so segments
    // are found by the numbers they hold and only the numbers not yet visited
    // are read: nothing is missed or visited twice.
    if filter.per_event() {
        // Every number at or above this has been visited.
        let mut below = i64::MAX;
        loop {
            let rows = overlapping(tx, tenant, filter)
                .filter(event_segment::Column::FirstSeq.lt(below))
                .order_by_desc(event_segment::Column::LastSeq)
                .limit(SEGMENTS_PER_READ)
                .all(tx)
                .await?;
            if rows.is_empty() {
                return Ok(());
            }
            for row in rows {
                let first = row.first_seq;
                read(row, i64::MIN..below, filter, visitor, &mut scanned)?;
                below = below.min(first);
            }
        }
    }
    let heads: Vec<SegmentHead> = overlapping(tx, tenant, filter)
        .order_by_desc(event_segment::Column::LastSeq)
        .all_columns(tx, &HEAD_COLUMNS)
        .await?;
    for head in heads {
        if filter.holds(&head) && !visitor.wants(&head) {
            visitor.counted(&head);
            continue;
        }
        let rows = overlapping(tx, tenant, filter)
            .filter(event_segment::Column::FirstSeq.lte(head.last_seq))
            .filter(event_segment::Column::LastSeq.gte(head.first_seq))
            .order_by_desc(event_segment::Column::LastSeq)
            .all(tx)
            .await?;
        for row in rows {
            let numbers = head.first_seq..head.last_seq.saturating_add(1);
            read(row, numbers, filter, visitor, &mut scanned)?;
        }
    }
    Ok(())
}

/// The tenant's segments with events in the range.
fn overlapping(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    filter: &Filter<'_>,
) -> Scoped<event_segment::Entity> {
    tx.select::<event_segment::Entity>()
        .filter(event_segment::Column::TenantId.eq(tenant.as_uuid()))
        .filter(event_segment::Column::EventTo.gte(filter.from))
        .filter(event_segment::Column::EventFrom.lt(filter.to))
}

/// Decompresses one segment and visits its matching events numbered within
/// `numbers`, newest first; refuses to examine more than [`MAX_SCAN`] events
/// in all.
fn read(
    row: event_segment::Model,
    numbers: std::ops::Range<i64>,
    filter: &Filter<'_>,
    visitor: &mut impl Visitor,
    scanned: &mut u64,
) -> Result<()> {
    let segment = Decoded::open(row)?;
    for (seq, line) in segment.lines()?.into_iter().rev() {
        if !numbers.contains(&seq) {
            continue;
        }
        *scanned += 1;
        if *scanned > MAX_SCAN {
            return Err(Error::invalid(
                "filter",
                format!("the search examined {MAX_SCAN} events; narrow the time range"),
            ));
        }
        let record = Record::parse(line)?;
        if filter.matches(&record)? {
            visitor.event(seq, &record)?;
        }
    }
    Ok(())
}

/// An event under evaluation; its fields are parsed once, on first need.
struct Candidate<'a> {
    record: &'a Record<'a>,
    fields: std::cell::OnceCell<Map<String, Value>>,
}

impl Candidate<'_> {
    fn fields(&self) -> &Map<String, Value> {
        self.fields.get_or_init(|| crate::read::fields(self.record))
    }
}

fn evaluate(query: &Query, c: &Candidate<'_>) -> bool {
    match query {
        Query::And(items) => items.iter().all(|q| evaluate(q, c)),
        Query::Or(items) => items.iter().any(|q| evaluate(q, c)),
        Query::Not(inner) => !evaluate(inner, c),
        Query::Text(pattern) => {
            pattern.contained_in(&c.record.raw().to_lowercase())
                || c.fields()
                    .get("message")
                    .and_then(Value::as_str)
                    .is_some_and(|m| pattern.contained_in(&m.to_lowercase()))
        }
        Query::Field { path, pattern } => field_matches(path, pattern, c),
    }
}

fn field_matches(path: &str, pattern: &Pattern, c: &Candidate<'_>) -> bool {
    let record = c.record;
    let column = match path {
        "host" => record.host(),
        "channel" | "source" => Some(record.channel()),
        "product" => record.product(),
        "category" => record.category(),
        "service" => record.service(),
        _ => None,
    };
    if let Some(value) = column {
        return pattern.matches(value);
    }
    let fields = c.fields();
    // Original names may contain dots themselves (`bulk.index`): try both.
    let value = fields.get(path).or_else(|| get_path(fields, path));
    value.is_some_and(|v| value_matches(v, pattern))
}

fn value_matches(value: &Value, pattern: &Pattern) -> bool {
    match value {
        Value::String(s) => pattern.matches(s),
        Value::Number(n) => pattern.matches(&n.to_string()),
        Value::Bool(b) => pattern.matches(if *b { "true" } else { "false" }),
        Value::Array(items) => items.iter().any(|v| value_matches(v, pattern)),
        Value::Null | Value::Object(_) => false,
    }
}
