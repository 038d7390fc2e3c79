//! Usage history written straight into the ledger (`ingest_usage_hourly`,
//! `ingest_hosts_daily`) without events: for seeding a demo's past month, or for
//! importing what another system metered. Rows that exist are left as they are,
//! so running it again adds nothing.

use crate::entity::{hosts_daily, usage_hourly};
use chrono::{DateTime, Utc};
use garrison_core::db::Db;
use garrison_core::event::Channel;
use garrison_core::{Result, Scope, TenantId};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::OnConflict;

/// One hour of a tenant's usage, and the hosts seen in it.
#[derive(Debug, Clone)]
pub struct UsageRecord {
    pub hour: DateTime<Utc>,
    pub channel: Channel,
    pub events: u64,
    pub bytes: u64,
    pub hosts: Vec<String>,
}

/// Records the hours (hosts by the hour's UTC date); returns the hours written.
pub async fn record_usage_history(
    db: &Db,
    tenant: TenantId,
    records: &[UsageRecord],
) -> Result<u64> {
    let scope = Scope::for_tenant_task("ingest-backfill", tenant);
    let tx = db.begin(&scope).await?;
    let mut written = 0;
    for r in records {
        let row = usage_hourly::ActiveModel {
            tenant_id: Set(tenant.as_uuid()),
            hour: Set(r.hour),
            channel: Set(r.channel.as_str().into()),
            received: Set(r.events as i64),
            stored: Set(r.events as i64),
            rejected: Set(0),
            dead_lettered: Set(0),
            bytes: Set(r.bytes as i64),
        };
        let keep = OnConflict::columns([
            usage_hourly::Column::TenantId,
            usage_hourly::Column::Hour,
            usage_hourly::Column::Channel,
        ])
        .do_nothing()
        .to_owned();
        written += tx.upsert(tenant, row, keep).await?;
        for host in &r.hosts {
            let row = hosts_daily::ActiveModel {
                tenant_id: Set(tenant.as_uuid()),
                day: Set(r.hour.format("%Y-%m-%d").to_string()),
                host: Set(host.clone()),
                // The history says a host sent in that hour, not how much.
                events: Set(0),
                last_seen_at: Set(Some(r.hour)),
            };
            let keep = OnConflict::columns([
                hosts_daily::Column::TenantId,
                hosts_daily::Column::Day,
                hosts_daily::Column::Host,
            ])
            .do_nothing()
            .to_owned();
            tx.upsert(tenant, row, keep).await?;
        }
    }
    tx.commit().await?;
    Ok(written)
}
