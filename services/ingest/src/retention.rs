//! Retention: events older than the tenant's retention (or the default) are
//! deleted a batch of segments at a time, so the worker never holds a long
//! transaction. A segment goes once its newest event has expired: events of a
//! batch that arrived with older times than its others stay until then.
//! On PostgreSQL the worker also drops whole daily partitions once the longest
//! retention of any tenant has passed them ([`longest_retention_days`]); the
//! row deletes remain for tenants whose retention is shorter.

use crate::entity::{dead_letter, event_segment, ingest_settings};
use crate::store::{HEAD_COLUMNS, SegmentHead};
use chrono::{Duration, Utc};
use garrison_core::db::Db;
use garrison_core::{Result, Scope, TenantId};
use sea_orm::{ColumnTrait, Condition};

/// Segments deleted per transaction (each holds up to thousands of events).
const BATCH: u64 = 200;

/// One pass over every tenant; returns how many events were deleted.
pub async fn enforce_retention(db: &Db, default_days: u32) -> Result<u64> {
    let mut deleted = 0;
    for tenant in all_tenants(db).await? {
        deleted += enforce_for(db, tenant, default_days).await?;
    }
    Ok(deleted)
}

/// The longest retention any tenant has (its override, or the default): whole
/// days older than this hold no event any tenant still keeps.
pub async fn longest_retention_days(db: &Db, default_days: u32) -> Result<u32> {
    let scope = Scope::system("retention");
    let tx = db.begin(&scope).await?;
    let longest = tx
        .select::<ingest_settings::Entity>()
        .all(&tx)
        .await?
        .into_iter()
        .filter_map(|s| s.retention_days)
        .filter_map(|d| u32::try_from(d).ok())
        .fold(default_days, u32::max);
    tx.commit().await?;
    Ok(longest)
}

async fn all_tenants(db: &Db) -> Result<Vec<TenantId>> {
    let scope = Scope::system("retention");
    let tx = db.begin(&scope).await?;
    let ids = tx.tenants().to_vec();
    tx.commit().await?;
    Ok(ids)
}

/// Deletes one tenant's expired events and dead letters.
pub async fn enforce_for(db: &Db, tenant: TenantId, default_days: u32) -> Result<u64> {
    let scope = Scope::for_tenant_task("retention", tenant);
    let mut deleted = 0;
    loop {
        let tx = db.begin(&scope).await?;
        let days = tx
            .select::<ingest_settings::Entity>()
            .filter(ingest_settings::Column::TenantId.eq(tenant.as_uuid()))
            .one(&tx)
            .await?
            .and_then(|s| s.retention_days)
            .and_then(|d| u32::try_from(d).ok())
            .unwrap_or(default_days);
        let cutoff = Utc::now() - Duration::days(i64::from(days));
        // The writer's lock: segments never vanish under a compaction that is
        // merging them.
        tx.serialize_on(&format!("events:{tenant}")).await?;
        // The batch's upper bound: the BATCH-th oldest expired segment by sequence.
        let expired: Vec<SegmentHead> = tx
            .select::<event_segment::Entity>()
            .filter(event_segment::Column::TenantId.eq(tenant.as_uuid()))
            .filter(event_segment::Column::EventTo.lt(cutoff))
            .order_by_asc(event_segment::Column::LastSeq)
            .limit(BATCH)
            .all_columns(&tx, &HEAD_COLUMNS)
            .await?;
        let Some(boundary) = expired.last().map(|head| head.last_seq) else {
            tx.delete_where::<dead_letter::Entity>(dead_letter::Column::ReceivedAt.lt(cutoff))
                .await?;
            tx.commit().await?;
            return Ok(deleted);
        };
        let n = tx
            .delete_where::<event_segment::Entity>(
                Condition::all()
                    .add(event_segment::Column::EventTo.lt(cutoff))
                    .add(event_segment::Column::LastSeq.lte(boundary)),
            )
            .await?;
        let events: u64 = expired
            .iter()
            .map(|head| u64::try_from(head.event_count).unwrap_or(0))
            .sum();
        tx.commit().await?;
        deleted += events;
        if n < BATCH {
            return Ok(deleted);
        }
    }
}
