//! Ingest statistics and the usage ledger, read from `ingest_usage_hourly` and
//! `ingest_hosts_daily` (the billing service reads the same ledger).

use crate::entity::{hosts_daily, usage_hourly};
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::event::Channel;
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, TenantId};
use sea_orm::ColumnTrait;
use std::collections::BTreeMap;

/// Counts for one channel over a period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChannelStats {
    pub channel: String,
    pub received: u64,
    pub stored: u64,
    pub rejected: u64,
    pub dead_lettered: u64,
    pub bytes: u64,
}

/// One ledger row: a tenant's usage in one hour (all channels).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HourlyUsage {
    pub hour: DateTime<Utc>,
    pub events: u64,
    pub bytes: u64,
}

/// Received, stored, rejected and dead-lettered counts by channel in `[from, to)`.
pub async fn ingest_stats(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<ChannelStats>> {
    tx.scope()
        .require_in(tenant, Resource::Event, Action::Read)?;
    check_range(from, to)?;
    let rows = rows_in(tx, tenant, from, to).await?;
    let mut by_channel: BTreeMap<String, ChannelStats> = BTreeMap::new();
    for row in rows {
        let entry = by_channel
            .entry(row.channel.clone())
            .or_insert_with(|| ChannelStats {
                channel: row.channel.clone(),
                ..Default::default()
            });
        entry.received += row.received.max(0) as u64;
        entry.stored += row.stored.max(0) as u64;
        entry.rejected += row.rejected.max(0) as u64;
        entry.dead_lettered += row.dead_lettered.max(0) as u64;
        entry.bytes += row.bytes.max(0) as u64;
    }
    Ok(by_channel.into_values().collect())
}

/// Stored events and bytes per hour in `[from, to)`: the billing ledger.
pub async fn hourly_usage(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<HourlyUsage>> {
    tx.scope()
        .require_in(tenant, Resource::Event, Action::Read)?;
    check_range(from, to)?;
    let mut by_hour: BTreeMap<DateTime<Utc>, (u64, u64)> = BTreeMap::new();
    for row in rows_in(tx, tenant, from, to).await? {
        let entry = by_hour.entry(row.hour).or_default();
        entry.0 += row.stored.max(0) as u64;
        entry.1 += row.bytes.max(0) as u64;
    }
    Ok(by_hour
        .into_iter()
        .map(|(hour, (events, bytes))| HourlyUsage {
            hour,
            events,
            bytes,
        })
        .collect())
}

/// Distinct hosts seen on a day (`YYYY-MM-DD`, the event's UTC date).
pub async fn distinct_hosts(tx: &ScopedTx<'_>, tenant: TenantId, day: &str) -> Result<u64> {
    tx.scope()
        .require_in(tenant, Resource::Event, Action::Read)?;
    tx.select::<hosts_daily::Entity>()
        .filter(hosts_daily::Column::TenantId.eq(tenant.as_uuid()))
        .filter(hosts_daily::Column::Day.eq(day))
        .count(tx)
        .await
}

/// One sending host over a range of days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostActivity {
    pub host: String,
    /// Events whose own time falls on those days.
    pub events: u64,
    /// When the latest of them arrived.
    pub last_seen_at: Option<DateTime<Utc>>,
}

/// Every host that sent events dated in `[from, to)` (by UTC day), with its event
/// count and latest arrival, least recently seen first: the silent ones lead.
pub async fn host_activity(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<HostActivity>> {
    tx.scope()
        .require_in(tenant, Resource::Event, Action::Read)?;
    check_range(from, to)?;
    let day = |t: DateTime<Utc>| t.format("%Y-%m-%d").to_string();
    // The last instant of the range belongs to the day before `to` when `to` is midnight.
    let last_day = day(to - chrono::TimeDelta::nanoseconds(1));
    let rows = tx
        .select::<hosts_daily::Entity>()
        .filter(hosts_daily::Column::TenantId.eq(tenant.as_uuid()))
        .filter(hosts_daily::Column::Day.gte(day(from)))
        .filter(hosts_daily::Column::Day.lte(last_day))
        .all(tx)
        .await?;
    let mut by_host: BTreeMap<String, HostActivity> = BTreeMap::new();
    for row in rows {
        let entry = by_host
            .entry(row.host.clone())
            .or_insert_with(|| HostActivity {
                host: row.host.clone(),
                events: 0,
                last_seen_at: None,
            });
        entry.events += row.events.max(0) as u64;
        entry.last_seen_at = entry.last_seen_at.max(row.last_seen_at);
    }
    let mut hosts: Vec<HostActivity> = by_host.into_values().collect();
    hosts.sort_by(|a, b| {
        a.last_seen_at
            .cmp(&b.last_seen_at)
            .then(a.host.cmp(&b.host))
    });
    Ok(hosts)
}

async fn rows_in(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<usage_hourly::Model>> {
    // Hour buckets that start inside the range (the ledger's resolution is an hour).
    tx.select::<usage_hourly::Entity>()
        .filter(usage_hourly::Column::TenantId.eq(tenant.as_uuid()))
        .filter(usage_hourly::Column::Hour.gte(from))
        .filter(usage_hourly::Column::Hour.lt(to))
        .all(tx)
        .await
}

fn check_range(from: DateTime<Utc>, to: DateTime<Utc>) -> Result<()> {
    if to <= from {
        return Err(Error::invalid("to", "must be after `from`"));
    }
    Ok(())
}

/// Every channel name, for callers that list all of them.
pub fn channels() -> impl Iterator<Item = &'static str> {
    Channel::ALL.into_iter().map(Channel::as_str)
}
