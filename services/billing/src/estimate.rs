//! A tenant's invoice for a month as Garrison computes it from its plans and the
//! ledger: the estimate in local mode, the "upcoming invoice" preview in Stripe
//! mode (Stripe's own invoices are fetched separately and are what is charged).

use crate::compute::{ComputedInvoice, compute_invoice};
use crate::period::{Month, zone};
use crate::plans;
use garrison_core::db::Db;
use garrison_core::role::{Action, Resource};
use garrison_core::usage::{DailyHosts, HourlyUsage, UsageLedger};
use garrison_core::{Result, Scope, TenantId, tenants};

/// Which billing mode the installation runs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BillingMode {
    /// No Stripe key: invoices are estimates only.
    Local,
    /// Stripe bills; Garrison's computation is the upcoming-invoice preview.
    Stripe,
}

impl BillingMode {
    pub fn as_str(self) -> &'static str {
        match self {
            BillingMode::Local => "local",
            BillingMode::Stripe => "stripe",
        }
    }
}

/// The month's ledger for the tenant: hours of its local month, and host counts of
/// the month's dates.
pub async fn month_ledger(
    ledger: &dyn UsageLedger,
    tenant: TenantId,
    tz: chrono_tz::Tz,
    month: Month,
) -> Result<(Vec<HourlyUsage>, Vec<DailyHosts>)> {
    let (from, to) = month.bounds(tz);
    let hours = ledger.hourly(tenant, from, to).await?;
    let hosts = ledger
        .distinct_hosts_by_day(tenant, month.first_day(), month.next().first_day())
        .await?;
    Ok((hours, hosts))
}

/// The computed invoice of `month`; `None` when no plan was in force in it.
///
/// Takes the database, not a transaction: the ledger is read after the scoped
/// transaction has ended (the embedded SQLite pool has one connection, and the
/// ledger reader opens its own).
pub async fn estimate_invoice(
    db: &Db,
    scope: &Scope,
    ledger: &dyn UsageLedger,
    tenant: TenantId,
    month: Month,
) -> Result<Option<ComputedInvoice>> {
    let tx = db.begin(scope).await?;
    tx.scope()
        .require_in(tenant, Resource::Billing, Action::Read)?;
    let tz = zone(&tenants::get_tenant(&tx, tenant).await?.timezone);
    let schedule = plans::schedule(&tx, tenant).await?;
    tx.commit().await?;
    if schedule.is_empty() {
        return Ok(None);
    }
    let (hours, hosts) = month_ledger(ledger, tenant, tz, month).await?;
    compute_invoice(month, tz, &schedule, &hours, &hosts)
}
