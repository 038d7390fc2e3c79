//! The usage ledger as other services read it: per tenant, stored events and bytes
//! per hour and distinct endpoints per day. Ingest owns the tables; billing reads
//! them through this trait (the gateway plugs ingest in), so neither imports the
//! other. The caller has authorised the read: implementations read with a task
//! scope for exactly the tenant asked about.

use crate::{Result, TenantId};
use chrono::{DateTime, NaiveDate, Utc};

/// One hour of a tenant's stored usage (every channel together).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HourlyUsage {
    /// The hour's first instant (UTC, on the hour).
    pub hour: DateTime<Utc>,
    pub events: u64,
    pub bytes: u64,
}

/// Distinct hosts (endpoints) seen on one UTC day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailyHosts {
    pub day: NaiveDate,
    pub hosts: u64,
}

/// Reads the ledger. Billing and reports are its callers.
#[async_trait::async_trait]
pub trait UsageLedger: Send + Sync {
    /// Hour buckets starting in `[from, to)`, oldest first; hours without usage are absent.
    async fn hourly(
        &self,
        tenant: TenantId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<HourlyUsage>>;

    /// Distinct hosts per UTC day in `[from, to)`, oldest first; days without hosts are absent.
    async fn distinct_hosts_by_day(
        &self,
        tenant: TenantId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<DailyHosts>>;
}
