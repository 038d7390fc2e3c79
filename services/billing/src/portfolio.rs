//! The portfolio: one summary line per tenant the caller reaches (an account
//! manager's assigned tenants), with usage against the plan, invoice status, SLA
//! health and the flags. Customers have no portfolio.

use crate::compute::LineKind;
use crate::period::Month;
use crate::report::{AccountReport, Flag, ReportSources, account_report};
use chrono::{DateTime, Utc};
use garrison_core::db::Db;
use garrison_core::role::{Action, Resource};
use garrison_core::usage::UsageLedger;
use garrison_core::{Result, Scope, TenantId};

/// One tenant's line.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountReportSummary {
    pub tenant_id: TenantId,
    pub tenant_name: String,
    pub month: Month,
    pub plan_name: Option<String>,
    pub currency: Option<String>,
    pub included_gb: Option<i64>,
    pub bytes: u64,
    pub max_endpoints: u64,
    pub estimated_total_minor: Option<i64>,
    pub overage_minor: Option<i64>,
    /// The latest Stripe invoice's status for the month, if any.
    pub invoice_status: Option<String>,
    pub sla_attainment_percent: Option<f64>,
    pub breach_count: u64,
    pub flags: Vec<Flag>,
}

impl AccountReportSummary {
    /// The summary line of a full report.
    pub fn of(report: &AccountReport) -> AccountReportSummary {
        AccountReportSummary {
            tenant_id: report.tenant_id,
            tenant_name: report.tenant_name.clone(),
            month: report.month,
            plan_name: report.plan.as_ref().map(|p| p.name.clone()),
            currency: report.computed.as_ref().map(|c| c.currency.clone()),
            included_gb: report.plan.as_ref().map(|p| p.included_gb),
            bytes: report.bytes,
            max_endpoints: report.max_endpoints,
            estimated_total_minor: report.computed.as_ref().map(|c| c.total_minor),
            overage_minor: report.computed.as_ref().map(|c| {
                c.lines
                    .iter()
                    .filter(|l| l.kind == LineKind::DataOverage)
                    .map(|l| l.amount_minor)
                    .sum()
            }),
            invoice_status: report.invoices.first().map(|i| i.status.clone()),
            sla_attainment_percent: report.sla.attainment_percent,
            breach_count: report.sla.breach_count,
            flags: report.flags.clone(),
        }
    }
}

/// Every reachable tenant's summary for `month`, by tenant name. Roles without a
/// portfolio (customers; staff who may not read billing) get an empty list.
pub async fn portfolio_report(
    db: &Db,
    scope: &Scope,
    ledger: &dyn UsageLedger,
    sources: &dyn ReportSources,
    month: Month,
    now: DateTime<Utc>,
) -> Result<Vec<AccountReportSummary>> {
    if scope.role().is_customer() || !scope.can(Resource::Billing, Action::Read) {
        return Ok(Vec::new());
    }
    let tenants = {
        let tx = db.begin(scope).await?;
        let ids = tx.tenants().to_vec();
        tx.commit().await?;
        ids
    };
    let mut rows = Vec::new();
    for tenant in tenants {
        let report = account_report(db, scope, ledger, sources, tenant, month, now).await?;
        rows.push(AccountReportSummary::of(&report));
    }
    rows.sort_by(|a, b| a.tenant_name.cmp(&b.tenant_name));
    Ok(rows)
}
