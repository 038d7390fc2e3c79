//! Reading the event store: a tenant's events after a sequence number (how
//! detection consumes with a cursor), events by id (an alert's evidence), and
//! segment headers for search. Segments are decompressed only when one of
//! their events is wanted.

use crate::entity::event_segment;
use crate::segment::Decoded;
use crate::segment::record::Record;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::event::{EventId, StoredEvent};
use garrison_core::role::{Action, Resource};
use garrison_core::{Result, TenantId};
use sea_orm::{ColumnTrait, Condition};

/// Segments fetched per round trip while reading in order.
const SEGMENTS_PER_READ: u64 = 4;

/// A segment's columns without its data.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct SegmentHead {
    pub first_seq: i64,
    pub last_seq: i64,
    pub event_count: i32,
    pub received_at: DateTime<Utc>,
    pub event_from: DateTime<Utc>,
    pub event_to: DateTime<Utc>,
}

/// [`SegmentHead`]'s columns.
pub const HEAD_COLUMNS: [event_segment::Column; 6] = [
    event_segment::Column::FirstSeq,
    event_segment::Column::LastSeq,
    event_segment::Column::EventCount,
    event_segment::Column::ReceivedAt,
    event_segment::Column::EventFrom,
    event_segment::Column::EventTo,
];

/// Up to `limit` of the tenant's events with `seq > after`, in order.
pub async fn events_after(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    after: i64,
    limit: u64,
) -> Result<Vec<StoredEvent>> {
    tx.scope()
        .require_in(tenant, Resource::Event, Action::Read)?;
    let mut events = Vec::new();
    if limit == 0 {
        return Ok(events);
    }
    each_past(tx, tenant, after, Condition::all(), |seq, record| {
        events.push(crate::read::stored_event(&record, seq, tenant)?);
        Ok((events.len() as u64) < limit)
    })
    .await?;
    Ok(events)
}

/// The tenant's events with these ids (an alert's matching events), oldest first.
/// Ids of other tenants or of expired events are simply absent.
pub async fn events_by_ids(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    ids: &[EventId],
) -> Result<Vec<StoredEvent>> {
    tx.scope()
        .require_in(tenant, Resource::Event, Action::Read)?;
    let wanted: std::collections::HashSet<uuid::Uuid> = ids.iter().map(EventId::as_uuid).collect();
    let (Some(lowest), Some(highest)) = (wanted.iter().min(), wanted.iter().max()) else {
        return Ok(Vec::new());
    };
    // Ids are UUIDv7: a segment can hold one only if its id range spans it.
    // Read a few segments at a time, so that ids far apart never load every
    // segment between them at once.
    let spans = Condition::all()
        .add(event_segment::Column::IdMax.gte(*lowest))
        .add(event_segment::Column::IdMin.lte(*highest));
    let mut found = Vec::new();
    each_past(tx, tenant, 0, spans, |seq, record| {
        if wanted.contains(&record.id()?) {
            found.push(crate::read::stored_event(&record, seq, tenant)?);
        }
        Ok(true)
    })
    .await?;
    Ok(found)
}

/// Visits the tenant's records numbered past `after`, in segments that meet
/// `narrow`, in order, while `visit` answers `true`.
///
/// Compaction may replace segments between two queries (on PostgreSQL each
/// statement sees what is committed by then): a merged segment comes back
/// whole, and the numbers already visited are skipped, not visited twice.
async fn each_past(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    after: i64,
    narrow: Condition,
    mut visit: impl FnMut(i64, Record<'_>) -> Result<bool>,
) -> Result<()> {
    let mut seen = after;
    loop {
        let rows = segments_past(tx, tenant, seen, narrow.clone()).await?;
        if rows.is_empty() {
            return Ok(());
        }
        for row in rows {
            let last = row.last_seq;
            let segment = Decoded::open(row)?;
            for (seq, line) in segment.lines()? {
                if seq <= seen {
                    continue;
                }
                if !visit(seq, Record::parse(line)?)? {
                    return Ok(());
                }
                seen = seq;
            }
            seen = seen.max(last);
        }
    }
}

/// The next few of the tenant's segments that hold numbers past `seen` and
/// meet `narrow`, oldest first.
async fn segments_past(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    seen: i64,
    narrow: Condition,
) -> Result<Vec<event_segment::Model>> {
    tx.select::<event_segment::Entity>()
        .filter(event_segment::Column::TenantId.eq(tenant.as_uuid()))
        .filter(narrow)
        .filter(event_segment::Column::LastSeq.gt(seen))
        .order_by_asc(event_segment::Column::LastSeq)
        .limit(SEGMENTS_PER_READ)
        .all(tx)
        .await
}
