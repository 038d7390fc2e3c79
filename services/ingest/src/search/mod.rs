//! Event search for hunting and forensics: segments are narrowed by tenant and
//! time in SQL; each event's time, host, channel and the query language are
//! evaluated here, newest first, with an exact total and keyset pagination by
//! sequence. Without a query, host or channel, a segment wholly inside the
//! range is counted from its header and decompressed only when the page (or
//! the histogram bucket) needs its events one by one.

pub mod query;

mod walk;

use crate::segment::record::Record;
use crate::store::SegmentHead;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::event::StoredEvent;
use garrison_core::page::parse_first;
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, TenantId};
use query::Query;
use walk::{Filter, Visitor};

/// What to search.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub query: Option<String>,
    pub host: Option<String>,
    /// A channel name (`syslog_tcp`, `http`, `hec`, ...).
    pub source: Option<String>,
}

/// One page of results.
#[derive(Debug, Clone)]
pub struct EventPage {
    pub events: Vec<StoredEvent>,
    pub total_count: u64,
    pub has_next_page: bool,
}

/// The cursor of a result.
pub fn cursor_of(seq: i64) -> String {
    URL_SAFE_NO_PAD.encode(format!("seq:{seq}"))
}

fn parse_cursor(raw: &str) -> Result<i64> {
    let bad = || Error::invalid("after", "is not a cursor from this API");
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(raw.trim()).map_err(|_| bad())?)
        .map_err(|_| bad())?;
    text.strip_prefix("seq:")
        .and_then(|n| n.parse().ok())
        .ok_or_else(bad)
}

/// Searches one tenant's events (default range: the last 24 hours).
pub async fn search_events(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    filter: EventFilter,
    first: Option<i32>,
    after: Option<&str>,
) -> Result<EventPage> {
    tx.scope()
        .require_in(tenant, Resource::Event, Action::Read)?;
    let first = parse_first(first)?;
    let after = after.map(parse_cursor).transpose()?;
    let (from, to, query) = resolve(&filter)?;
    let mut page = Page {
        tenant,
        first,
        after,
        events: Vec::new(),
        total_count: 0,
        has_next_page: false,
    };
    walk::walk(
        tx,
        tenant,
        &filter_of(&filter, from, to, query.as_ref()),
        &mut page,
    )
    .await?;
    Ok(EventPage {
        events: page.events,
        total_count: page.total_count,
        has_next_page: page.has_next_page,
    })
}

/// A page being filled, newest first.
struct Page {
    tenant: TenantId,
    first: u64,
    after: Option<i64>,
    events: Vec<StoredEvent>,
    total_count: u64,
    has_next_page: bool,
}

impl Page {
    /// Whether some of the segment's events come after the cursor (older).
    fn past_cursor(&self, head: &SegmentHead) -> bool {
        self.after.is_none_or(|a| head.first_seq < a)
    }
}

impl Visitor for Page {
    fn wants(&self, head: &SegmentHead) -> bool {
        self.past_cursor(head) && (self.events.len() as u64) < self.first
    }

    fn counted(&mut self, head: &SegmentHead) {
        self.total_count += u64::try_from(head.event_count).unwrap_or(0);
        // Counted whole only with the page full: its events would be a next page.
        if self.past_cursor(head) {
            self.has_next_page = true;
        }
    }

    fn event(&mut self, seq: i64, record: &Record<'_>) -> Result<()> {
        self.total_count += 1;
        if self.after.is_none_or(|a| seq < a) {
            if (self.events.len() as u64) < self.first {
                self.events
                    .push(crate::read::stored_event(record, seq, self.tenant)?);
            } else {
                self.has_next_page = true;
            }
        }
        Ok(())
    }
}

/// Matching events over time: `counts[i]` covers
/// `[from + i * bucket_secs, from + (i + 1) * bucket_secs)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Histogram {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub bucket_secs: i64,
    pub counts: Vec<u64>,
}

/// Most buckets one histogram may have.
pub const MAX_BUCKETS: u32 = 500;

/// Counts a search's matching events per time bucket (by event time), over the
/// same range and filter as [`search_events`].
pub async fn histogram(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    filter: &EventFilter,
    buckets: u32,
) -> Result<Histogram> {
    tx.scope()
        .require_in(tenant, Resource::Event, Action::Read)?;
    if !(1..=MAX_BUCKETS).contains(&buckets) {
        return Err(Error::invalid(
            "buckets",
            format!("must be between 1 and {MAX_BUCKETS}, got {buckets}"),
        ));
    }
    let (from, to, query) = resolve(filter)?;
    let span = (to - from).num_seconds().max(1);
    let bucket_secs = (span + i64::from(buckets) - 1) / i64::from(buckets);
    let mut tally = Tally {
        from,
        bucket_secs,
        counts: vec![0u64; buckets as usize],
    };
    walk::walk(
        tx,
        tenant,
        &filter_of(filter, from, to, query.as_ref()),
        &mut tally,
    )
    .await?;
    Ok(Histogram {
        from,
        to,
        bucket_secs,
        counts: tally.counts,
    })
}

/// Histogram buckets being counted.
struct Tally {
    from: DateTime<Utc>,
    bucket_secs: i64,
    counts: Vec<u64>,
}

impl Tally {
    /// The bucket of a time: whole seconds since `from`, divided.
    fn bucket(&self, at: DateTime<Utc>) -> usize {
        ((at.timestamp() - self.from.timestamp()).max(0) / self.bucket_secs) as usize
    }

    fn add(&mut self, at: DateTime<Utc>, n: u64) {
        let index = self.bucket(at);
        if let Some(slot) = self.counts.get_mut(index) {
            *slot += n;
        }
    }
}

impl Visitor for Tally {
    fn wants(&self, head: &SegmentHead) -> bool {
        self.bucket(head.event_from) != self.bucket(head.event_to)
    }

    fn counted(&mut self, head: &SegmentHead) {
        self.add(
            head.event_from,
            u64::try_from(head.event_count).unwrap_or(0),
        );
    }

    fn event(&mut self, _seq: i64, record: &Record<'_>) -> Result<()> {
        self.add(record.event_time()?, 1);
        Ok(())
    }
}

/// The range (default: the 24 hours before `to`, itself defaulting to now) and
/// the parsed query.
fn resolve(filter: &EventFilter) -> Result<(DateTime<Utc>, DateTime<Utc>, Option<Query>)> {
    let to = filter.to.unwrap_or_else(Utc::now);
    let from = filter.from.unwrap_or(to - Duration::hours(24));
    if to <= from {
        return Err(Error::invalid("filter.to", "must be after `filter.from`"));
    }
    let query = match filter.query.as_deref() {
        Some(q) => query::parse(q)?,
        None => None,
    };
    Ok((from, to, query))
}

fn filter_of<'a>(
    filter: &'a EventFilter,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    query: Option<&'a Query>,
) -> Filter<'a> {
    Filter {
        from,
        to,
        host: filter.host.as_deref(),
        source: filter.source.as_deref(),
        query,
    }
}
