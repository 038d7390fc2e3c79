//! Retention: events older than the tenant's retention (or the default) are
//! deleted in bounded batches, so the worker never holds a long transaction.
//! On PostgreSQL the worker also drops whole daily partitions once the longest
//! retention of any tenant has passed them ([`longest_retention_days`]); the
//! row deletes remain for tenants whose retention is shorter.

use crate::entity::{dead_letter, event, ingest_settings};
use chrono::{Duration, Utc};
use garrison_core::db::Db;
use garrison_core::{Result, Scope, TenantId};
use sea_orm::{ColumnTrait, Condition};

/// Rows deleted per transaction.
const BATCH: u64 = 5_000;

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
        // The batch's upper bound: the BATCH-th oldest expired event by sequence.
        let boundary = tx
            .select::<event::Entity>()
            .filter(event::Column::TenantId.eq(tenant.as_uuid()))
            .filter(event::Column::EventTime.lt(cutoff))
            .order_by_asc(event::Column::Seq)
            .limit(BATCH)
            .all(&tx)
            .await?
            .last()
            .map(|row| row.seq);
        let Some(boundary) = boundary else {
            tx.delete_where::<dead_letter::Entity>(dead_letter::Column::ReceivedAt.lt(cutoff))
                .await?;
            tx.commit().await?;
            return Ok(deleted);
        };
        let n = tx
            .delete_where::<event::Entity>(
                Condition::all()
                    .add(event::Column::EventTime.lt(cutoff))
                    .add(event::Column::Seq.lte(boundary)),
            )
            .await?;
        tx.commit().await?;
        deleted += n;
        if n < BATCH {
            return Ok(deleted);
        }
    }
}
