//! GraphQL types of the account and portfolio reports.

use super::billing_types::{Date, Invoice, InvoiceEstimate, Plan, clamp};
use async_graphql::{Enum, ID, SimpleObject};
use garrison_billing::BillingMode;
use garrison_billing::money::gb_string;
use garrison_billing::portfolio::AccountReportSummary as Summary;
use garrison_billing::report::{self, Count};

/// What needs a conversation with the customer.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum ReportFlag {
    /// An SLA target was breached in the month.
    SlaBreach,
    /// Ingest fell by more than half against the previous month.
    IngestDrop,
    /// An invoice is unpaid.
    UnpaidInvoice,
}

impl From<report::Flag> for ReportFlag {
    fn from(f: report::Flag) -> Self {
        match f {
            report::Flag::SlaBreach => ReportFlag::SlaBreach,
            report::Flag::IngestDrop => ReportFlag::IngestDrop,
            report::Flag::UnpaidInvoice => ReportFlag::UnpaidInvoice,
        }
    }
}

/// One local day of usage.
#[derive(SimpleObject)]
pub struct UsageDay {
    pub day: Date,
    pub events: i64,
    pub bytes: i64,
    pub gb: String,
    /// Distinct hosts seen that day.
    pub endpoints: i64,
}

/// A count under a label (severity, disposition, status).
#[derive(SimpleObject)]
pub struct VolumeCount {
    pub key: String,
    pub count: i64,
}

fn volumes(v: Vec<Count>) -> Vec<VolumeCount> {
    v.into_iter()
        .map(|c| VolumeCount {
            key: c.key,
            count: clamp(c.count),
        })
        .collect()
}

/// Attainment of one SLA target in the month.
#[derive(SimpleObject)]
pub struct AccountSlaTarget {
    pub target: String,
    pub met: i64,
    pub breached: i64,
    pub percent: Option<f64>,
}

/// The month's SLA figures (from the SLA service).
#[derive(SimpleObject)]
pub struct AccountSla {
    pub attainment: Vec<AccountSlaTarget>,
    pub attainment_percent: Option<f64>,
    /// Mean time to acknowledge, seconds.
    pub mtta_seconds: Option<f64>,
    /// Mean time to resolve, seconds.
    pub mttr_seconds: Option<f64>,
    pub breach_count: i64,
}

/// A tenant's account report for a month.
#[derive(SimpleObject)]
pub struct AccountReport {
    pub tenant_id: ID,
    pub tenant_name: String,
    pub timezone: String,
    pub month: String,
    pub plan: Option<Plan>,
    pub usage_by_day: Vec<UsageDay>,
    pub events: i64,
    pub bytes: i64,
    pub gb: String,
    pub max_endpoints: i64,
    /// Garrison's computed invoice for the month (an estimate).
    pub estimate: Option<InvoiceEstimate>,
    /// Stripe's invoices for the month.
    pub invoices: Vec<Invoice>,
    pub sla: AccountSla,
    pub alerts_by_severity: Vec<VolumeCount>,
    pub alerts_by_disposition: Vec<VolumeCount>,
    pub cases_by_severity: Vec<VolumeCount>,
    pub cases_by_status: Vec<VolumeCount>,
    pub flags: Vec<ReportFlag>,
}

impl AccountReport {
    pub fn new(r: report::AccountReport, mode: BillingMode) -> Self {
        AccountReport {
            tenant_id: ID(r.tenant_id.to_string()),
            tenant_name: r.tenant_name,
            timezone: r.timezone,
            month: r.month.to_string(),
            plan: r.plan.map(Plan::from),
            usage_by_day: r
                .usage_by_day
                .into_iter()
                .map(|d| UsageDay {
                    day: Date(d.day),
                    events: clamp(d.events),
                    bytes: clamp(d.bytes),
                    gb: gb_string(d.bytes),
                    endpoints: clamp(d.endpoints),
                })
                .collect(),
            events: clamp(r.events),
            bytes: clamp(r.bytes),
            gb: gb_string(r.bytes),
            max_endpoints: clamp(r.max_endpoints),
            estimate: r.computed.map(|c| InvoiceEstimate::new(c, mode)),
            invoices: r.invoices.into_iter().map(Invoice::from).collect(),
            sla: AccountSla {
                attainment: r
                    .sla
                    .attainment
                    .into_iter()
                    .map(|a| AccountSlaTarget {
                        target: a.target,
                        met: clamp(a.met),
                        breached: clamp(a.breached),
                        percent: a.percent,
                    })
                    .collect(),
                attainment_percent: r.sla.attainment_percent,
                mtta_seconds: r.sla.mtta_secs,
                mttr_seconds: r.sla.mttr_secs,
                breach_count: clamp(r.sla.breach_count),
            },
            alerts_by_severity: volumes(r.volumes.alerts_by_severity),
            alerts_by_disposition: volumes(r.volumes.alerts_by_disposition),
            cases_by_severity: volumes(r.volumes.cases_by_severity),
            cases_by_status: volumes(r.volumes.cases_by_status),
            flags: r.flags.into_iter().map(ReportFlag::from).collect(),
        }
    }
}

/// One tenant's line of the portfolio.
#[derive(SimpleObject)]
pub struct AccountReportSummary {
    pub tenant_id: ID,
    pub tenant_name: String,
    pub month: String,
    pub plan_name: Option<String>,
    pub currency: Option<String>,
    pub included_gb: Option<i64>,
    pub bytes: i64,
    pub gb: String,
    pub max_endpoints: i64,
    pub estimated_total_minor: Option<i64>,
    pub overage_minor: Option<i64>,
    pub invoice_status: Option<String>,
    pub sla_attainment_percent: Option<f64>,
    pub breach_count: i64,
    pub flags: Vec<ReportFlag>,
}

impl From<Summary> for AccountReportSummary {
    fn from(s: Summary) -> Self {
        AccountReportSummary {
            tenant_id: ID(s.tenant_id.to_string()),
            tenant_name: s.tenant_name,
            month: s.month.to_string(),
            plan_name: s.plan_name,
            currency: s.currency,
            included_gb: s.included_gb,
            bytes: clamp(s.bytes),
            gb: gb_string(s.bytes),
            max_endpoints: clamp(s.max_endpoints),
            estimated_total_minor: s.estimated_total_minor,
            overage_minor: s.overage_minor,
            invoice_status: s.invoice_status,
            sla_attainment_percent: s.sla_attainment_percent,
            breach_count: clamp(s.breach_count),
            flags: s.flags.into_iter().map(ReportFlag::from).collect(),
        }
    }
}
