//! The account report of one tenant for one month: usage by day, the computed
//! invoice and Stripe's invoices, SLA attainment and MTTA/MTTR, alert and case
//! volumes, and the flags that call for a conversation. SLA figures and volumes
//! come from other services through [`ReportSources`] (the gateway plugs them in).
//!
//! Who may read it: provider admins, account managers for their assigned tenants
//! (the scope), and a tenant's customer admins when the tenant's
//! `customer_reports` flag is on; everyone else gets `not_found`.

use crate::account;
use crate::compute::ComputedInvoice;
use crate::compute::compute_invoice;
use crate::estimate::month_ledger;
use crate::invoices::{Invoice, list_invoices};
use crate::period::{Month, local_date, zone};
use crate::plans::{self, Plan};
use chrono::{DateTime, NaiveDate, Utc};
use garrison_core::db::{Db, ScopedTx};
use garrison_core::role::{Action, Resource};
use garrison_core::usage::UsageLedger;
use garrison_core::{Error, Result, Scope, TenantId, tenants};
use std::collections::BTreeMap;

/// Attainment of one SLA target.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetAttainment {
    pub target: String,
    pub met: u64,
    pub breached: u64,
    pub percent: Option<f64>,
}

/// The SLA figures of a month.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SlaFigures {
    pub attainment: Vec<TargetAttainment>,
    pub attainment_percent: Option<f64>,
    pub mtta_secs: Option<f64>,
    pub mttr_secs: Option<f64>,
    pub breach_count: u64,
}

/// A count under a label (a severity, a disposition, a status).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub key: String,
    pub count: u64,
}

/// Alert and case volumes of a month.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Volumes {
    pub alerts_by_severity: Vec<Count>,
    pub alerts_by_disposition: Vec<Count>,
    pub cases_by_severity: Vec<Count>,
    pub cases_by_status: Vec<Count>,
}

/// Figures owned by other services, read for a tenant the caller was authorised for.
#[async_trait::async_trait]
pub trait ReportSources: Send + Sync {
    async fn sla(
        &self,
        tenant: TenantId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<SlaFigures>;
    async fn volumes(
        &self,
        tenant: TenantId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Volumes>;
}

/// One local day of usage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayUsage {
    pub day: NaiveDate,
    pub events: u64,
    pub bytes: u64,
    pub endpoints: u64,
}

/// What needs a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    SlaBreach,
    IngestDrop,
    UnpaidInvoice,
}

impl Flag {
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::SlaBreach => "sla_breach",
            Flag::IngestDrop => "ingest_drop",
            Flag::UnpaidInvoice => "unpaid_invoice",
        }
    }
}

/// The account report.
#[derive(Debug, Clone)]
pub struct AccountReport {
    pub tenant_id: TenantId,
    pub tenant_name: String,
    pub timezone: String,
    pub month: Month,
    pub plan: Option<Plan>,
    pub usage_by_day: Vec<DayUsage>,
    pub events: u64,
    pub bytes: u64,
    pub max_endpoints: u64,
    /// Bytes of the previous month (for the ingest-drop flag).
    pub previous_bytes: u64,
    pub computed: Option<ComputedInvoice>,
    pub invoices: Vec<Invoice>,
    pub sla: SlaFigures,
    pub volumes: Volumes,
    pub flags: Vec<Flag>,
}

/// Fails with `not_found` unless the caller may read the tenant's account report.
pub async fn authorize_report(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<()> {
    tx.scope()
        .require_in(tenant, Resource::Billing, Action::Read)?;
    if tx.scope().role().is_customer() && !account::customer_reports_enabled(tx, tenant).await? {
        return Err(Error::NotFound);
    }
    Ok(())
}

/// The tenant's report for `month`, as of `now`. What Garrison stores is read in
/// one scoped transaction that ends before the ledger and the other services are
/// read (they open their own; the embedded SQLite pool has one connection).
pub async fn account_report(
    db: &Db,
    scope: &Scope,
    ledger: &dyn UsageLedger,
    sources: &dyn ReportSources,
    tenant: TenantId,
    month: Month,
    now: DateTime<Utc>,
) -> Result<AccountReport> {
    let tx = db.begin(scope).await?;
    authorize_report(&tx, tenant).await?;
    let info = tenants::get_tenant(&tx, tenant).await?;
    let tz = zone(&info.timezone);
    let (from, to) = month.bounds(tz);
    let last_day = month
        .next()
        .first_day()
        .pred_opt()
        .unwrap_or(month.first_day());
    let plan = plans::current_subscription(&tx, tenant, last_day.min(local_date(now, tz)))
        .await?
        .map(|s| s.plan);
    let schedule = plans::schedule(&tx, tenant).await?;
    let invoices = list_invoices(&tx, tenant, Some(month)).await?;
    let all_invoices = list_invoices(&tx, tenant, None).await?;
    tx.commit().await?;
    let (hours, hosts) = month_ledger(ledger, tenant, tz, month).await?;
    let mut days: BTreeMap<NaiveDate, DayUsage> = month
        .each_day()
        .map(|day| {
            (
                day,
                DayUsage {
                    day,
                    events: 0,
                    bytes: 0,
                    endpoints: 0,
                },
            )
        })
        .collect();
    for h in &hours {
        if let Some(d) = days.get_mut(&local_date(h.hour, tz)) {
            d.events += h.events;
            d.bytes += h.bytes;
        }
    }
    for h in &hosts {
        if let Some(d) = days.get_mut(&h.day) {
            d.endpoints = h.hosts;
        }
    }
    let previous = month.previous();
    let (prev_from, prev_to) = previous.bounds(tz);
    let previous_bytes: u64 = ledger
        .hourly(tenant, prev_from, prev_to)
        .await?
        .iter()
        .map(|h| h.bytes)
        .sum();
    let computed = if schedule.is_empty() {
        None
    } else {
        compute_invoice(month, tz, &schedule, &hours, &hosts)?
    };
    let sla = sources.sla(tenant, from, to).await?;
    let volumes = sources.volumes(tenant, from, to).await?;
    let usage_by_day: Vec<DayUsage> = days.into_values().collect();
    let bytes: u64 = usage_by_day.iter().map(|d| d.bytes).sum();
    let mut flags = Vec::new();
    if sla.breach_count > 0 {
        flags.push(Flag::SlaBreach);
    }
    if ingest_dropped(bytes, previous_bytes, from, to, now) {
        flags.push(Flag::IngestDrop);
    }
    if all_invoices.iter().any(Invoice::unpaid) {
        flags.push(Flag::UnpaidInvoice);
    }
    Ok(AccountReport {
        tenant_id: tenant,
        tenant_name: info.name,
        timezone: info.timezone,
        month,
        plan,
        events: usage_by_day.iter().map(|d| d.events).sum(),
        bytes,
        max_endpoints: usage_by_day.iter().map(|d| d.endpoints).max().unwrap_or(0),
        usage_by_day,
        previous_bytes,
        computed,
        invoices,
        sla,
        volumes,
        flags,
    })
}

/// Ingest fell by more than half against the previous month. A month still in
/// progress is compared with the previous month scaled to the share elapsed.
pub fn ingest_dropped(
    bytes: u64,
    previous_bytes: u64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    if previous_bytes == 0 || now <= from {
        return false;
    }
    let total = (to - from).num_seconds().max(1) as u128;
    let elapsed = (now.min(to) - from).num_seconds().max(0) as u128;
    let expected = u128::from(previous_bytes) * elapsed / total;
    u128::from(bytes) * 2 < expected
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ingest_drop_compares_pro_rata() {
        let from = DateTime::parse_from_rfc3339("2026-03-01T00:00:00Z")
            .expect("t")
            .with_timezone(&Utc);
        let to = DateTime::parse_from_rfc3339("2026-04-01T00:00:00Z")
            .expect("t")
            .with_timezone(&Utc);
        // A finished month at 40% of the previous one: dropped.
        assert!(ingest_dropped(
            40,
            100,
            from,
            to,
            to + chrono::Duration::days(3)
        ));
        assert!(!ingest_dropped(50, 100, from, to, to));
        // Halfway through the month with 30% of the previous total: on track (>= 25%).
        let mid = from + (to - from) / 2;
        assert!(!ingest_dropped(30, 100, from, to, mid));
        assert!(ingest_dropped(20, 100, from, to, mid));
        assert!(!ingest_dropped(0, 0, from, to, mid));
    }
}
