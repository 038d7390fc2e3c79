//! Compaction: a tenant that sends a few events at a time gets a segment per
//! batch (the writer commits every few milliseconds), so a run of small
//! segments at the tenant's tail is merged into one once it is long enough.
//! It runs in the writer's transaction, under the tenant's lock, so the merged
//! segment replaces its parts atomically and numbering is untouched: readers
//! and cursors see the same events with the same sequence numbers.

use super::{COLUMNS, Codec, MAX_SEGMENT_BYTES, Sealed, decompressed_len};
use crate::entity::event_segment;
use garrison_core::db::ScopedTx;
use garrison_core::{Result, TenantId};
use sea_orm::{ColumnTrait, Condition};

/// A segment with fewer events than this is small.
pub const SMALL_EVENTS: i32 = 2048;
/// Small segments at the tail before they are merged.
pub const TAIL_RUN: usize = 16;

/// Merges the tenant's trailing run of small segments when it has reached
/// [`TAIL_RUN`]; returns how many segments were merged (0 when none).
pub async fn compact_tail(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<usize> {
    let heads: Vec<crate::store::SegmentHead> = tx
        .select::<event_segment::Entity>()
        .filter(event_segment::Column::TenantId.eq(tenant.as_uuid()))
        .order_by_desc(event_segment::Column::LastSeq)
        .limit(TAIL_RUN as u64)
        .all_columns(tx, &crate::store::HEAD_COLUMNS)
        .await?;
    // The run: small, numbered without gaps (retention may have deleted a
    // segment in between), and received on the newest one's day, so a merged
    // segment stays in its day's partition and leaves with it.
    let Some(newest) = heads.first() else {
        return Ok(0);
    };
    let day = newest.received_at.date_naive();
    let mut run = 0;
    for (i, head) in heads.iter().enumerate() {
        let follows = i == 0 || heads[i - 1].first_seq == head.last_seq + 1;
        if !follows || head.event_count >= SMALL_EVENTS || head.received_at.date_naive() != day {
            break;
        }
        run += 1;
    }
    let Some(oldest) = heads.get(TAIL_RUN - 1).filter(|_| run >= TAIL_RUN) else {
        return Ok(0);
    };
    let range = Condition::all()
        .add(event_segment::Column::TenantId.eq(tenant.as_uuid()))
        .add(event_segment::Column::FirstSeq.gte(oldest.first_seq))
        .add(event_segment::Column::LastSeq.lte(newest.last_seq));
    let rows = tx
        .select::<event_segment::Entity>()
        .filter(range.clone())
        .order_by_asc(event_segment::Column::LastSeq)
        .all(tx)
        .await?;
    let merged = rows.len();
    let bytes: usize = rows.iter().map(|r| decompressed_len(&r.data)).sum();
    // The rows must be exactly the run listed above (retention holds the
    // tenant's lock too, but a reader of this code should not need to know);
    // moved rows (`ndjson`) stay as they are; so does a run too large to hold
    // in one segment.
    let same_run = merged == TAIL_RUN
        && rows.first().map(|r| r.first_seq) == Some(oldest.first_seq)
        && rows.last().map(|r| r.last_seq) == Some(newest.last_seq);
    if !same_run || rows.iter().any(|r| r.codec != Codec::Lz4.as_str()) || bytes > MAX_SEGMENT_BYTES
    {
        return Ok(0);
    }
    let first_seq = oldest.first_seq;
    // Everything is checked before anything is written: a segment that does
    // not decompress is left as it is, and the commit carrying new events
    // goes ahead.
    let sealed = match Sealed::merge(rows) {
        Ok(sealed) => sealed,
        Err(e) => {
            tracing::warn!(tenant_id = %tenant, error = %e, "segments left unmerged");
            return Ok(0);
        }
    };
    tx.delete_where::<event_segment::Entity>(range).await?;
    tx.insert_rows::<event_segment::Entity>(
        tenant,
        &COLUMNS,
        vec![sealed.into_row(tenant, first_seq)],
        1,
    )
    .await?;
    Ok(merged)
}
