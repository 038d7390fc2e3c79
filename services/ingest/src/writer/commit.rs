//! One tenant's share of a batch, in two steps: prepared (its events
//! compressed into segments, its usage and host ledger rows built) off the
//! database's path, then committed (the segments numbered on from the
//! tenant's last, its dead letters and ledger rows) in one transaction of
//! that tenant.

use super::{DeadLetter, Pending, Rejected};
use crate::entity::{dead_letter, event_segment, hosts_daily, usage_hourly};
use crate::segment::{self, Builder, MAX_SEGMENT_BYTES, Sealed};
use chrono::{DateTime, DurationRound, NaiveDate, TimeDelta, Utc};
use foldhash::HashMap;
use garrison_core::event::Channel;
use garrison_core::{Error, Result, Scope, TenantId, db::Db};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Alias, Expr, OnConflict};
use sea_orm::{ExprTrait, Value};

/// Segments per INSERT statement: each is up to megabytes of bound data.
const SEGMENTS_PER_STATEMENT: usize = 1;

#[derive(Default)]
pub(super) struct TenantBatch {
    /// Each event with the submission (its index in the records) it came in.
    pub(super) events: Vec<(usize, Pending)>,
    pub(super) dead_letters: Vec<DeadLetter>,
    pub(super) rejected: Vec<Rejected>,
}

/// One tenant's share of a batch made ready off the database's path: its
/// segments compressed and its ledger rows built, so that the transaction
/// only inserts.
pub(super) struct Ready {
    segments: Vec<Sealed>,
    letters: Vec<dead_letter::ActiveModel>,
    usage_rows: Vec<usage_hourly::ActiveModel>,
    host_rows: Vec<hosts_daily::ActiveModel>,
    /// Per channel: stored, rejected and dead-lettered, for the metrics.
    counted: Vec<(Channel, u64, u64, u64)>,
    /// Events stored, for the bus notice.
    pub(super) stored: u64,
}

/// Compresses one tenant's share of a batch and builds its ledger rows.
pub(super) fn prepare_tenant(
    batch: TenantBatch,
    records: &[Vec<u8>],
    tenant: TenantId,
) -> Result<Ready> {
    let segments = seal(&batch.events, records)?;
    // Looked up once per run of events (and per dead letter and rejection);
    // the hosts map once per event: foldhash, not SipHash (which had been a
    // few percent of the writer's time).
    let mut usage: HashMap<(DateTime<Utc>, Channel), Usage> = HashMap::default();
    // Per (event day, host): events and the latest arrival. Keys borrow from the
    // batch; only distinct hosts are copied, into their ledger rows.
    let mut hosts: HashMap<(NaiveDate, &str), (i64, DateTime<Utc>)> = HashMap::default();
    // A submission's events share their receipt time and channel: they are
    // counted as a run and added to the hour's usage once per run, not each
    // truncated to its hour and looked up.
    let mut run: Option<((DateTime<Utc>, Channel), u64, u64)> = None;
    for (_, Pending { event, bytes, .. }) in &batch.events {
        let key = (event.received_at, event.channel);
        match &mut run {
            Some((current, events, run_bytes)) if *current == key => {
                *events += 1;
                *run_bytes += bytes;
            }
            _ => {
                if let Some(((at, channel), events, run_bytes)) = run.replace((key, 1, *bytes)) {
                    add_usage(&mut usage, at, channel, events, run_bytes);
                }
            }
        }
        if let Some(host) = &event.host {
            let seen = hosts
                .entry((event.timestamp.date_naive(), host.as_str()))
                .or_insert((0, event.received_at));
            seen.0 += 1;
            seen.1 = Ord::max(seen.1, event.received_at);
        }
    }
    if let Some(((at, channel), events, run_bytes)) = run {
        add_usage(&mut usage, at, channel, events, run_bytes);
    }
    // Written in (day, host) order, so concurrent writers take the ledger's row
    // locks alike.
    let mut hosts: Vec<_> = hosts.into_iter().collect();
    hosts.sort_unstable_by_key(|(key, _)| *key);
    let host_rows: Vec<hosts_daily::ActiveModel> = hosts
        .into_iter()
        .map(|((day, host), (events, last))| hosts_daily::ActiveModel {
            tenant_id: Set(tenant.as_uuid()),
            day: Set(day.format("%Y-%m-%d").to_string()),
            host: Set(host.to_string()),
            events: Set(events),
            last_seen_at: Set(Some(last)),
        })
        .collect();
    for letter in &batch.dead_letters {
        let entry = usage
            .entry((hour_of(letter.received_at), letter.channel))
            .or_default();
        entry.received += 1;
        entry.dead_lettered += 1;
        entry.bytes += letter.raw.len() as u64;
    }
    let now = Utc::now();
    for rejected in &batch.rejected {
        let entry = usage.entry((hour_of(now), rejected.channel)).or_default();
        entry.received += rejected.count;
        entry.rejected += rejected.count;
    }
    let letters: Vec<dead_letter::ActiveModel> = batch
        .dead_letters
        .into_iter()
        .map(|l| dead_letter::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            tenant_id: Set(tenant.as_uuid()),
            received_at: Set(l.received_at),
            channel: Set(l.channel.as_str().into()),
            peer: Set(l.peer),
            reason: Set(l.reason),
            raw: Set(l.raw),
        })
        .collect();
    let counted: Vec<(Channel, u64, u64, u64)> = usage
        .iter()
        .map(|((_, c), u)| (*c, u.stored, u.rejected, u.dead_lettered))
        .collect();
    // One statement per ledger (a round trip per row added up on PostgreSQL),
    // in key order, so concurrent writers take the rows' locks alike.
    let mut usage: Vec<_> = usage.into_iter().collect();
    usage.sort_unstable_by_key(|((hour, channel), _)| (*hour, channel.as_str()));
    let usage_rows: Vec<usage_hourly::ActiveModel> = usage
        .into_iter()
        .map(|((hour, channel), u)| usage_hourly::ActiveModel {
            tenant_id: Set(tenant.as_uuid()),
            hour: Set(hour),
            channel: Set(channel.as_str().into()),
            received: Set(u.received as i64),
            stored: Set(u.stored as i64),
            rejected: Set(u.rejected as i64),
            dead_lettered: Set(u.dead_lettered as i64),
            bytes: Set(u.bytes as i64),
        })
        .collect();
    Ok(Ready {
        segments,
        letters,
        usage_rows,
        host_rows,
        counted,
        stored: batch.events.len() as u64,
    })
}

/// Stores one tenant's prepared share in one transaction; returns the last
/// stored sequence.
pub(super) async fn commit_ready(db: &Db, tenant: TenantId, ready: Ready) -> Result<Option<i64>> {
    let Ready {
        segments,
        letters,
        usage_rows,
        host_rows,
        counted,
        stored: _,
    } = ready;
    let scope = Scope::for_tenant_task("ingest-writer", tenant);
    let tx = db.begin(&scope).await?;
    let mut last_seq = None;
    if !segments.is_empty() {
        // Sequence numbers continue from the tenant's last; holding the
        // tenant's lock until commit keeps them dense and in order across
        // ingest processes.
        tx.serialize_on(&format!("events:{tenant}")).await?;
        let mut next = segment::numbering::last(&tx, tenant).await? + 1;
        let rows: Vec<Vec<Value>> = segments
            .into_iter()
            .map(|segment| {
                let first = next;
                next += segment.count as i64;
                segment.into_row(tenant, first)
            })
            .collect();
        tx.insert_rows::<event_segment::Entity>(
            tenant,
            &segment::COLUMNS,
            rows,
            SEGMENTS_PER_STATEMENT,
        )
        .await?;
        segment::numbering::advance(&tx, tenant, next - 1).await?;
        last_seq = Some(next - 1);
        segment::compact::compact_tail(&tx, tenant).await?;
    }
    tx.insert_many(tenant, letters).await?;
    tx.upsert_many(tenant, usage_rows, usage_conflict()).await?;
    tx.upsert_many(tenant, host_rows, hosts_conflict()).await?;
    tx.commit().await?;
    // Counted for operators only once the batch is committed.
    for (channel, stored, rejected, dead) in counted {
        crate::metrics::record(Some(tenant), channel, "stored", stored);
        crate::metrics::record(Some(tenant), channel, "rejected", rejected);
        crate::metrics::record(Some(tenant), channel, "dead_lettered", dead);
    }
    Ok(last_seq)
}

#[derive(Default)]
struct Usage {
    received: u64,
    stored: u64,
    rejected: u64,
    dead_lettered: u64,
    bytes: u64,
}

/// Adds to an existing ledger row instead of replacing it.
fn usage_conflict() -> OnConflict {
    use usage_hourly::Column as C;
    let add =
        |c: C| Expr::col((usage_hourly::Entity, c)).add(Expr::col((Alias::new("excluded"), c)));
    OnConflict::columns([C::TenantId, C::Hour, C::Channel])
        .value(C::Received, add(C::Received))
        .value(C::Stored, add(C::Stored))
        .value(C::Rejected, add(C::Rejected))
        .value(C::DeadLettered, add(C::DeadLettered))
        .value(C::Bytes, add(C::Bytes))
        .to_owned()
}

/// A host seen again the same day: its events add up, its last arrival is the later.
fn hosts_conflict() -> OnConflict {
    use hosts_daily::Column as C;
    let events = Expr::col((hosts_daily::Entity, C::Events))
        .add(Expr::col((Alias::new("excluded"), C::Events)));
    // CASE rather than MAX/GREATEST: one spelling for SQLite and PostgreSQL.
    let last = Expr::cust(
        "CASE WHEN ingest_hosts_daily.last_seen_at IS NULL \
         OR excluded.last_seen_at > ingest_hosts_daily.last_seen_at \
         THEN excluded.last_seen_at ELSE ingest_hosts_daily.last_seen_at END",
    );
    OnConflict::columns([C::TenantId, C::Day, C::Host])
        .value(C::Events, events)
        .value(C::LastSeenAt, last)
        .to_owned()
}

/// Adds `events` stored events of `bytes` received at `at` on `channel`.
fn add_usage(
    usage: &mut HashMap<(DateTime<Utc>, Channel), Usage>,
    at: DateTime<Utc>,
    channel: Channel,
    events: u64,
    bytes: u64,
) {
    let entry = usage.entry((hour_of(at), channel)).or_default();
    entry.received += events;
    entry.stored += events;
    entry.bytes += bytes;
}

fn hour_of(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(TimeDelta::hours(1)).unwrap_or(t)
}

/// The batch's events as segments of at most [`MAX_SEGMENT_BYTES`] of records.
/// An event whose record cannot be found fails the tenant's batch (nothing is
/// acknowledged) rather than leave a gap that would shift every later
/// event's sequence number in the segment.
fn seal(events: &[(usize, Pending)], records: &[Vec<u8>]) -> Result<Vec<Sealed>> {
    let found: Vec<&[u8]> = events
        .iter()
        .map(|(buffer, pending)| pending.record(records.get(*buffer)?))
        .collect::<Option<_>>()
        .ok_or_else(|| Error::internal("a pending event's record is missing"))?;
    let mut sealed = Vec::new();
    // Sized up front: growing the buffer copied every record again.
    let mut left: usize = found.iter().map(|r| r.len() + 1).sum();
    let room = |left: usize| left.min(MAX_SEGMENT_BYTES + (1 << 20));
    let mut builder = Builder::with_capacity(room(left));
    for ((_, pending), record) in events.iter().zip(found) {
        builder.push(&pending.event, record);
        left -= record.len() + 1;
        if builder.bytes() >= MAX_SEGMENT_BYTES {
            let next = Builder::with_capacity(room(left));
            sealed.extend(std::mem::replace(&mut builder, next).seal());
        }
    }
    sealed.extend(builder.seal());
    Ok(sealed)
}
