//! GraphQL types of billing: the `Date` scalar, plans, subscriptions, the billing
//! account, invoices and the computed invoice (always marked as an estimate).

use async_graphql::{
    Enum, ID, InputObject, InputValueError, InputValueResult, Scalar, ScalarType, SimpleObject,
    Value,
};
use chrono::{DateTime, NaiveDate, Utc};
use garrison_billing::compute::{ComputedInvoice, LineItem};
use garrison_billing::money::gb_string;
use garrison_billing::{BillingMode, invoices, plans};

/// A calendar date, `YYYY-MM-DD` (in the tenant's time zone where it matters).
#[derive(Debug, Clone, Copy)]
pub struct Date(pub NaiveDate);

#[Scalar(name = "Date")]
impl ScalarType for Date {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                .map(Date)
                .map_err(|_| InputValueError::custom(format!("`{s}` is not a date (YYYY-MM-DD)"))),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.format("%Y-%m-%d").to_string())
    }
}

/// A plan of the provider's catalogue. Money in minor units of `currency`.
#[derive(SimpleObject)]
pub struct Plan {
    pub id: ID,
    pub name: String,
    pub currency: String,
    pub base_fee_minor: i64,
    pub endpoint_price_minor: i64,
    /// GB (10^9 bytes) included per month.
    pub included_gb: i64,
    pub overage_gb_price_minor: i64,
    pub sla_tier: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<plans::Plan> for Plan {
    fn from(p: plans::Plan) -> Self {
        Plan {
            id: ID(p.id.to_string()),
            name: p.name,
            currency: p.currency,
            base_fee_minor: p.base_fee_minor,
            endpoint_price_minor: p.endpoint_price_minor,
            included_gb: p.included_gb,
            overage_gb_price_minor: p.overage_gb_price_minor,
            sla_tier: p.sla_tier,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

/// Input of `createPlan`.
#[derive(InputObject)]
pub struct PlanInput {
    pub name: String,
    /// ISO 4217, e.g. `usd`.
    pub currency: String,
    pub base_fee_minor: i64,
    pub endpoint_price_minor: i64,
    pub included_gb: i64,
    pub overage_gb_price_minor: i64,
    pub sla_tier: String,
}

impl From<PlanInput> for plans::NewPlan {
    fn from(i: PlanInput) -> Self {
        plans::NewPlan {
            name: i.name,
            currency: i.currency,
            base_fee_minor: i.base_fee_minor,
            endpoint_price_minor: i.endpoint_price_minor,
            included_gb: i.included_gb,
            overage_gb_price_minor: i.overage_gb_price_minor,
            sla_tier: i.sla_tier,
        }
    }
}

/// Input of `updatePlan`: absent fields stay (the currency is fixed).
#[derive(InputObject)]
pub struct PlanPatchInput {
    pub name: Option<String>,
    pub base_fee_minor: Option<i64>,
    pub endpoint_price_minor: Option<i64>,
    pub included_gb: Option<i64>,
    pub overage_gb_price_minor: Option<i64>,
    pub sla_tier: Option<String>,
}

impl From<PlanPatchInput> for plans::PlanPatch {
    fn from(i: PlanPatchInput) -> Self {
        plans::PlanPatch {
            name: i.name,
            base_fee_minor: i.base_fee_minor,
            endpoint_price_minor: i.endpoint_price_minor,
            included_gb: i.included_gb,
            overage_gb_price_minor: i.overage_gb_price_minor,
            sla_tier: i.sla_tier,
        }
    }
}

/// A tenant on a plan from a local date.
#[derive(SimpleObject)]
pub struct TenantSubscription {
    pub tenant_id: ID,
    pub plan: Plan,
    pub starts_on: Date,
}

impl From<plans::Subscription> for TenantSubscription {
    fn from(s: plans::Subscription) -> Self {
        TenantSubscription {
            tenant_id: ID(s.tenant_id.to_string()),
            plan: s.plan.into(),
            starts_on: Date(s.starts_on),
        }
    }
}

/// Whether Stripe bills, or Garrison only estimates.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum BillingModeKind {
    Local,
    Stripe,
}

impl From<BillingMode> for BillingModeKind {
    fn from(m: BillingMode) -> Self {
        match m {
            BillingMode::Local => BillingModeKind::Local,
            BillingMode::Stripe => BillingModeKind::Stripe,
        }
    }
}

/// A tenant's billing: its plan now, its plan history, and the report flag.
#[derive(SimpleObject)]
pub struct BillingAccount {
    pub tenant_id: ID,
    pub mode: BillingModeKind,
    pub current_subscription: Option<TenantSubscription>,
    pub subscriptions: Vec<TenantSubscription>,
    /// Whether the tenant's customer admins may read its account report.
    pub customer_reports: bool,
}

/// One line of a computed invoice.
#[derive(SimpleObject)]
pub struct InvoiceLine {
    /// `base_fee`, `endpoints` or `data_overage`.
    pub kind: String,
    pub plan_id: ID,
    pub description: String,
    pub quantity: String,
    pub amount_minor: i64,
    /// The first and last local day the line covers.
    pub first_day: Date,
    pub last_day: Date,
}

impl From<LineItem> for InvoiceLine {
    fn from(l: LineItem) -> Self {
        InvoiceLine {
            kind: l.kind.as_str().into(),
            plan_id: ID(l.plan_id.to_string()),
            description: l.description,
            quantity: l.quantity,
            amount_minor: l.amount_minor,
            first_day: Date(l.from),
            last_day: Date(l.to),
        }
    }
}

/// The invoice Garrison computes from the plan and the ledger. In local mode it is
/// the only invoice; in Stripe mode it previews the upcoming one. Never a charge.
#[derive(SimpleObject)]
pub struct InvoiceEstimate {
    /// Always true: this is Garrison's computation, not an issued invoice.
    pub estimate: bool,
    pub mode: BillingModeKind,
    pub month: String,
    pub currency: String,
    pub lines: Vec<InvoiceLine>,
    pub total_minor: i64,
    pub events: i64,
    pub bytes: i64,
    /// Decimal GB (10^9 bytes), exact to the byte.
    pub gb: String,
    pub max_endpoints: i64,
}

impl InvoiceEstimate {
    pub fn new(c: ComputedInvoice, mode: BillingMode) -> Self {
        InvoiceEstimate {
            estimate: true,
            mode: mode.into(),
            month: c.month.to_string(),
            currency: c.currency,
            lines: c.lines.into_iter().map(InvoiceLine::from).collect(),
            total_minor: c.total_minor,
            events: clamp(c.events),
            bytes: clamp(c.bytes),
            gb: gb_string(c.bytes),
            max_endpoints: clamp(c.max_endpoints),
        }
    }
}

/// An invoice issued by Stripe.
#[derive(SimpleObject)]
pub struct Invoice {
    pub stripe_id: String,
    pub number: Option<String>,
    pub currency: String,
    pub period_start: DateTime<Utc>,
    pub period_end: DateTime<Utc>,
    pub amount_due: i64,
    pub amount_paid: i64,
    pub total: i64,
    pub status: String,
    pub hosted_url: Option<String>,
    pub pdf_url: Option<String>,
}

impl From<invoices::Invoice> for Invoice {
    fn from(i: invoices::Invoice) -> Self {
        Invoice {
            stripe_id: i.stripe_id,
            number: i.number,
            currency: i.currency,
            period_start: i.period_start,
            period_end: i.period_end,
            amount_due: i.amount_due,
            amount_paid: i.amount_paid,
            total: i.total,
            status: i.status,
            hosted_url: i.hosted_url,
            pdf_url: i.pdf_url,
        }
    }
}

/// A count as GraphQL's Int (saturating).
pub fn clamp(v: u64) -> i64 {
    v.min(i64::MAX as u64) as i64
}
