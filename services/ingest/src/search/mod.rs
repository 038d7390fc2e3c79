//! Event search for hunting and forensics: the store narrows by tenant, time,
//! host and channel in SQL; the query language is evaluated here over those rows,
//! newest first, with an exact total and keyset pagination by sequence.

pub mod query;

use crate::entity::event;
use crate::normalize::get_path;
use crate::store::to_stored;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use garrison_core::db::{Backend, Scoped, ScopedTx};
use garrison_core::event::StoredEvent;
use garrison_core::page::parse_first;
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, TenantId};
use query::{Pattern, Query};
use sea_orm::ColumnTrait;
use serde_json::Value;

/// Rows read per round trip while evaluating a query.
const SCAN_CHUNK: u64 = 5_000;
/// Most rows one search may examine; past it, the caller must narrow the range.
const MAX_SCAN: u64 = 2_000_000;

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
    let base = || base_select(tx, tenant, &filter, from, to);
    let Some(query) = query else {
        let total_count = base().count(tx).await?;
        let mut page = base().order_by_desc(event::Column::Seq).limit(first + 1);
        if let Some(after) = after {
            page = page.filter(event::Column::Seq.lt(after));
        }
        let mut events = page
            .all(tx)
            .await?
            .into_iter()
            .map(to_stored)
            .collect::<Result<Vec<_>>>()?;
        let has_next_page = events.len() as u64 > first;
        events.truncate(first as usize);
        return Ok(EventPage {
            events,
            total_count,
            has_next_page,
        });
    };
    let mut total_count = 0u64;
    let mut events = Vec::new();
    let mut has_next_page = false;
    scan(tx, base, &query, |row| {
        total_count += 1;
        if after.is_none_or(|a| row.seq < a) {
            if (events.len() as u64) < first {
                events.push(to_stored(row)?);
            } else {
                has_next_page = true;
            }
        }
        Ok(())
    })
    .await?;
    Ok(EventPage {
        events,
        total_count,
        has_next_page,
    })
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
    let mut counts = vec![0u64; buckets as usize];
    let mut add = |offset_secs: i64, n: u64| {
        let index = (offset_secs.max(0) / bucket_secs) as usize;
        if let Some(slot) = counts.get_mut(index) {
            *slot += n;
        }
    };
    let base = || base_select(tx, tenant, filter, from, to);
    match query {
        None => {
            let start = from.timestamp();
            // Whole seconds since `from`, per backend; both values are ours.
            let key = match tx.backend() {
                Backend::Postgres => format!(
                    "CAST(FLOOR((EXTRACT(EPOCH FROM event_time) - {start}) / {bucket_secs}) AS BIGINT)"
                ),
                Backend::Sqlite => format!(
                    "((CAST(strftime('%s', event_time) AS INTEGER) - {start}) / {bucket_secs})"
                ),
            };
            for (index, n) in base().count_by(tx, &key).await? {
                add(
                    index.saturating_mul(bucket_secs),
                    u64::try_from(n).unwrap_or(0),
                );
            }
        }
        Some(query) => {
            // Whole seconds since `from`, exactly as the SQL grouping counts them.
            scan(tx, base, &query, |row| {
                add(row.event_time.timestamp() - from.timestamp(), 1);
                Ok(())
            })
            .await?;
        }
    }
    Ok(Histogram {
        from,
        to,
        bucket_secs,
        counts,
    })
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

/// The filter's SQL part: tenant, range, host and channel.
fn base_select(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    filter: &EventFilter,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Scoped<event::Entity> {
    let mut select = tx
        .select::<event::Entity>()
        .filter(event::Column::TenantId.eq(tenant.as_uuid()))
        .filter(event::Column::EventTime.gte(from))
        .filter(event::Column::EventTime.lt(to));
    if let Some(host) = &filter.host {
        select = select.filter(event::Column::Host.eq(host.as_str()));
    }
    if let Some(source) = &filter.source {
        select = select.filter(event::Column::Channel.eq(source.as_str()));
    }
    select
}

/// Walks the filtered rows newest first, in chunks, handing each row the query
/// matches to `visit`; refuses to examine more than [`MAX_SCAN`] rows.
async fn scan(
    tx: &ScopedTx<'_>,
    base: impl Fn() -> Scoped<event::Entity>,
    query: &Query,
    mut visit: impl FnMut(event::Model) -> Result<()>,
) -> Result<()> {
    let mut scanned = 0u64;
    let mut below: Option<i64> = None;
    loop {
        let mut chunk = base().order_by_desc(event::Column::Seq).limit(SCAN_CHUNK);
        if let Some(seq) = below {
            chunk = chunk.filter(event::Column::Seq.lt(seq));
        }
        let rows = chunk.all(tx).await?;
        let done = (rows.len() as u64) < SCAN_CHUNK;
        scanned += rows.len() as u64;
        below = rows.last().map(|r| r.seq);
        for row in rows {
            if matches(query, &row) {
                visit(row)?;
            }
        }
        if done || below.is_none() {
            return Ok(());
        }
        if scanned >= MAX_SCAN {
            return Err(Error::invalid(
                "filter",
                format!("the search examined {MAX_SCAN} events; narrow the time range"),
            ));
        }
    }
}

/// A row under evaluation; its fields are parsed once, on first need.
struct Candidate<'a> {
    row: &'a event::Model,
    fields: std::cell::OnceCell<serde_json::Map<String, Value>>,
}

impl Candidate<'_> {
    fn fields(&self) -> &serde_json::Map<String, Value> {
        self.fields
            .get_or_init(|| serde_json::from_str(&self.row.fields).unwrap_or_default())
    }
}

fn matches(query: &Query, row: &event::Model) -> bool {
    evaluate(
        query,
        &Candidate {
            row,
            fields: std::cell::OnceCell::new(),
        },
    )
}

fn evaluate(query: &Query, c: &Candidate<'_>) -> bool {
    match query {
        Query::And(items) => items.iter().all(|q| evaluate(q, c)),
        Query::Or(items) => items.iter().any(|q| evaluate(q, c)),
        Query::Not(inner) => !evaluate(inner, c),
        Query::Text(pattern) => {
            pattern.contained_in(&c.row.raw.to_lowercase())
                || c.fields()
                    .get("message")
                    .and_then(Value::as_str)
                    .is_some_and(|m| pattern.contained_in(&m.to_lowercase()))
        }
        Query::Field { path, pattern } => field_matches(path, pattern, c),
    }
}

fn field_matches(path: &str, pattern: &Pattern, c: &Candidate<'_>) -> bool {
    let row = c.row;
    let column = match path {
        "host" => row.host.as_deref(),
        "channel" | "source" => Some(row.channel.as_str()),
        "product" => row.product.as_deref(),
        "category" => row.category.as_deref(),
        "service" => row.service.as_deref(),
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
