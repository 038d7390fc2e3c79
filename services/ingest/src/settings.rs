//! A tenant's ingest limits: rate, daily volume and retention overrides.
//! Provider admins set them; anyone who can see the tenant's events can read them.

use crate::entity::ingest_settings;
use chrono::Utc;
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, TenantId};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::OnConflict;

/// Overrides; `None` means "the platform default".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestLimits {
    pub events_per_second: Option<u32>,
    pub bytes_per_day: Option<u64>,
    pub retention_days: Option<u32>,
}

/// The tenant's overrides.
pub async fn get_ingest_limits(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<IngestLimits> {
    tx.scope()
        .require_in(tenant, Resource::Event, Action::Read)?;
    let row = tx
        .select::<ingest_settings::Entity>()
        .filter(ingest_settings::Column::TenantId.eq(tenant.as_uuid()))
        .one(tx)
        .await?;
    Ok(row
        .map(|r| IngestLimits {
            events_per_second: r.events_per_second.and_then(|v| u32::try_from(v).ok()),
            bytes_per_day: r.bytes_per_day.and_then(|v| u64::try_from(v).ok()),
            retention_days: r.retention_days.and_then(|v| u32::try_from(v).ok()),
        })
        .unwrap_or_default())
}

/// Replaces the tenant's overrides (provider admins: quotas are commercial terms).
pub async fn set_ingest_limits(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    limits: IngestLimits,
) -> Result<IngestLimits> {
    tx.scope()
        .require_in(tenant, Resource::Tenant, Action::Update)?;
    if limits.events_per_second == Some(0) {
        return Err(Error::invalid("eventsPerSecond", "must be at least 1"));
    }
    if limits.retention_days == Some(0) {
        return Err(Error::invalid("retentionDays", "must be at least 1"));
    }
    let row = ingest_settings::ActiveModel {
        tenant_id: Set(tenant.as_uuid()),
        events_per_second: Set(limits
            .events_per_second
            .map(|v| v.min(i32::MAX as u32) as i32)),
        bytes_per_day: Set(limits.bytes_per_day.map(|v| v.min(i64::MAX as u64) as i64)),
        retention_days: Set(limits.retention_days.map(|v| v.min(i32::MAX as u32) as i32)),
        updated_at: Set(Utc::now()),
    };
    let conflict = OnConflict::column(ingest_settings::Column::TenantId)
        .update_columns([
            ingest_settings::Column::EventsPerSecond,
            ingest_settings::Column::BytesPerDay,
            ingest_settings::Column::RetentionDays,
            ingest_settings::Column::UpdatedAt,
        ])
        .to_owned();
    tx.upsert(tenant, row, conflict).await?;
    garrison_core::audit::record(
        tx,
        tenant,
        "ingest.limits",
        &format!("tenant:{tenant}"),
        serde_json::json!({"eventsPerSecond": limits.events_per_second, "bytesPerDay": limits.bytes_per_day, "retentionDays": limits.retention_days}),
    )
    .await?;
    Ok(limits)
}
