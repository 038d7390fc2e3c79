//! The plan catalogue (provider admins write it) and tenants' subscriptions to
//! plans, each in force from a local date until the next one starts.

use crate::compute::{PlanFrom, PlanTerms, compute_invoice};
use crate::entity::{plan, subscription};
use crate::period::{Month, zone};
use chrono::{DateTime, NaiveDate, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, TenantId, tenants};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait};

garrison_core::typed_id!(
    /// A plan of the catalogue.
    PlanId
);

/// A plan: what a tenant pays monthly and for what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub id: PlanId,
    pub name: String,
    /// ISO 4217, lower case (`usd`).
    pub currency: String,
    pub base_fee_minor: i64,
    pub endpoint_price_minor: i64,
    pub included_gb: i64,
    pub overage_gb_price_minor: i64,
    pub sla_tier: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Plan {
    /// The priced terms the invoice computation uses.
    pub fn terms(&self) -> PlanTerms {
        PlanTerms {
            plan_id: self.id.as_uuid(),
            name: self.name.clone(),
            currency: self.currency.clone(),
            base_fee_minor: self.base_fee_minor,
            endpoint_price_minor: self.endpoint_price_minor,
            included_gb: self.included_gb,
            overage_gb_price_minor: self.overage_gb_price_minor,
        }
    }
}

/// Input of `create_plan`.
#[derive(Debug, Clone)]
pub struct NewPlan {
    pub name: String,
    pub currency: String,
    pub base_fee_minor: i64,
    pub endpoint_price_minor: i64,
    pub included_gb: i64,
    pub overage_gb_price_minor: i64,
    pub sla_tier: String,
}

/// Input of `update_plan`: absent fields stay. The currency is fixed at creation.
#[derive(Debug, Clone, Default)]
pub struct PlanPatch {
    pub name: Option<String>,
    pub base_fee_minor: Option<i64>,
    pub endpoint_price_minor: Option<i64>,
    pub included_gb: Option<i64>,
    pub overage_gb_price_minor: Option<i64>,
    pub sla_tier: Option<String>,
}

/// A tenant on a plan from a local date.
#[derive(Debug, Clone)]
pub struct Subscription {
    pub tenant_id: TenantId,
    pub plan: Plan,
    pub starts_on: NaiveDate,
    pub created_at: DateTime<Utc>,
}

/// The catalogue, by name. Provider staff who may read billing see it; everyone
/// else sees an empty list, like an empty scope (customers see their own plan
/// through their billing account).
pub async fn list_plans(tx: &ScopedTx<'_>) -> Result<Vec<Plan>> {
    if require_staff(tx, Action::Read).is_err() {
        return Ok(Vec::new());
    }
    let rows = tx
        .select_catalog::<plan::Entity>()
        .order_by_asc(plan::Column::Name)
        .all(tx)
        .await?;
    Ok(rows.into_iter().map(to_plan).collect())
}

/// One plan of the catalogue.
pub async fn get_plan(tx: &ScopedTx<'_>, id: PlanId) -> Result<Plan> {
    tx.select_catalog::<plan::Entity>()
        .filter(plan::Column::Id.eq(id.as_uuid()))
        .found(tx)
        .await
        .map(to_plan)
}

/// Adds a plan (provider admins). Names are unique.
pub async fn create_plan(tx: &ScopedTx<'_>, input: NewPlan, now: DateTime<Utc>) -> Result<Plan> {
    require_staff(tx, Action::Create)?;
    let name = text("input.name", &input.name, 80)?;
    let sla_tier = text("input.slaTier", &input.sla_tier, 40)?;
    let currency = currency("input.currency", &input.currency)?;
    let taken = tx
        .select_catalog::<plan::Entity>()
        .filter(plan::Column::Name.eq(&name))
        .count(tx)
        .await?;
    if taken > 0 {
        return Err(Error::conflict(
            "input.name",
            format!("a plan named `{name}` exists"),
        ));
    }
    let row = plan::ActiveModel {
        id: Set(PlanId::new().as_uuid()),
        name: Set(name),
        currency: Set(currency),
        base_fee_minor: Set(amount("input.baseFeeMinor", input.base_fee_minor)?),
        endpoint_price_minor: Set(amount(
            "input.endpointPriceMinor",
            input.endpoint_price_minor,
        )?),
        included_gb: Set(amount("input.includedGb", input.included_gb)?),
        overage_gb_price_minor: Set(amount(
            "input.overageGbPriceMinor",
            input.overage_gb_price_minor,
        )?),
        sla_tier: Set(sla_tier),
        created_at: Set(now),
        updated_at: Set(now),
    };
    Ok(to_plan(tx.insert_catalog(row).await?))
}

/// Changes a plan's name, prices, allowance or SLA tier (provider admins). Months
/// already invoiced by Stripe keep their prices; estimates use the new ones.
pub async fn update_plan(
    tx: &ScopedTx<'_>,
    id: PlanId,
    patch: PlanPatch,
    now: DateTime<Utc>,
) -> Result<Plan> {
    require_staff(tx, Action::Update)?;
    let current = get_plan(tx, id).await?;
    let mut set: Vec<(plan::Column, sea_orm::sea_query::SimpleExpr)> =
        vec![(plan::Column::UpdatedAt, Expr::value(now))];
    if let Some(name) = &patch.name {
        let name = text("input.name", name, 80)?;
        if name != current.name {
            let taken = tx
                .select_catalog::<plan::Entity>()
                .filter(plan::Column::Name.eq(&name))
                .count(tx)
                .await?;
            if taken > 0 {
                return Err(Error::conflict(
                    "input.name",
                    format!("a plan named `{name}` exists"),
                ));
            }
        }
        set.push((plan::Column::Name, Expr::value(name)));
    }
    if let Some(tier) = &patch.sla_tier {
        set.push((
            plan::Column::SlaTier,
            Expr::value(text("input.slaTier", tier, 40)?),
        ));
    }
    let amounts = [
        (
            plan::Column::BaseFeeMinor,
            "input.baseFeeMinor",
            patch.base_fee_minor,
        ),
        (
            plan::Column::EndpointPriceMinor,
            "input.endpointPriceMinor",
            patch.endpoint_price_minor,
        ),
        (
            plan::Column::IncludedGb,
            "input.includedGb",
            patch.included_gb,
        ),
        (
            plan::Column::OverageGbPriceMinor,
            "input.overageGbPriceMinor",
            patch.overage_gb_price_minor,
        ),
    ];
    for (column, field, value) in amounts {
        if let Some(v) = value {
            set.push((column, Expr::value(amount(field, v)?)));
        }
    }
    tx.update_catalog::<plan::Entity>(plan::Column::Id.eq(id.as_uuid()), set)
        .await?;
    get_plan(tx, id).await
}

/// Puts the tenant on `plan` from `starts_on` (its local date). A second
/// subscription on the same date replaces the first. Mid-month changes are
/// prorated by day; plans of different currencies may only change on the 1st.
pub async fn subscribe_tenant(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    plan_id: PlanId,
    starts_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Subscription> {
    tx.scope()
        .require_in(tenant, Resource::Billing, Action::Create)?;
    let plan = get_plan(tx, plan_id)
        .await
        .map_err(|_| Error::invalid("planId", "no such plan"))?;
    let mut schedule = schedule(tx, tenant).await?;
    schedule.retain(|s| s.starts_on != starts_on);
    schedule.push(PlanFrom {
        starts_on,
        terms: plan.terms(),
    });
    let tz = zone(&tenants::get_tenant(tx, tenant).await?.timezone);
    compute_invoice(Month::of(starts_on), tz, &schedule, &[], &[])?;
    let row = subscription::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        tenant_id: Set(tenant.as_uuid()),
        plan_id: Set(plan_id.as_uuid()),
        starts_on: Set(starts_on.format("%Y-%m-%d").to_string()),
        created_at: Set(now),
    };
    let conflict = OnConflict::columns([
        subscription::Column::TenantId,
        subscription::Column::StartsOn,
    ])
    .update_columns([
        subscription::Column::PlanId,
        subscription::Column::CreatedAt,
    ])
    .to_owned();
    tx.upsert(tenant, row, conflict).await?;
    Ok(Subscription {
        tenant_id: tenant,
        plan,
        starts_on,
        created_at: now,
    })
}

/// The tenant's subscriptions, oldest start first.
pub async fn subscriptions(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<Vec<Subscription>> {
    tx.scope()
        .require_in(tenant, Resource::Billing, Action::Read)?;
    let rows = tx
        .select::<subscription::Entity>()
        .filter(subscription::Column::TenantId.eq(tenant.as_uuid()))
        .order_by_asc(subscription::Column::StartsOn)
        .all(tx)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let Ok(starts_on) = NaiveDate::parse_from_str(&row.starts_on, "%Y-%m-%d") else {
            continue;
        };
        out.push(Subscription {
            tenant_id: tenant,
            plan: get_plan(tx, PlanId::from_uuid(row.plan_id)).await?,
            starts_on,
            created_at: row.created_at,
        });
    }
    Ok(out)
}

/// The subscription in force on `today` (the tenant's local date), if any.
pub async fn current_subscription(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    today: NaiveDate,
) -> Result<Option<Subscription>> {
    Ok(subscriptions(tx, tenant)
        .await?
        .into_iter()
        .rev()
        .find(|s| s.starts_on <= today))
}

/// The tenant's plans as the invoice computation takes them.
pub async fn schedule(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<Vec<PlanFrom>> {
    Ok(subscriptions(tx, tenant)
        .await?
        .into_iter()
        .map(|s| PlanFrom {
            starts_on: s.starts_on,
            terms: s.plan.terms(),
        })
        .collect())
}

fn require_staff(tx: &ScopedTx<'_>, action: Action) -> Result<()> {
    if tx.scope().role().is_customer() {
        return Err(Error::Forbidden(
            "the plan catalogue is the provider's".into(),
        ));
    }
    tx.scope().require(Resource::Billing, action)
}

fn text(field: &str, raw: &str, max: usize) -> Result<String> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if value.chars().count() > max {
        return Err(Error::invalid(
            field,
            format!("is longer than {max} characters"),
        ));
    }
    Ok(value.to_string())
}

fn currency(field: &str, raw: &str) -> Result<String> {
    let value = raw.trim().to_ascii_lowercase();
    if value.len() != 3 || !value.chars().all(|c| c.is_ascii_lowercase()) {
        return Err(Error::invalid(
            field,
            format!("`{raw}` is not an ISO 4217 code (e.g. usd)"),
        ));
    }
    Ok(value)
}

fn amount(field: &str, value: i64) -> Result<i64> {
    if value < 0 {
        return Err(Error::invalid(field, "must not be negative"));
    }
    Ok(value)
}

fn to_plan(row: plan::Model) -> Plan {
    Plan {
        id: PlanId::from_uuid(row.id),
        name: row.name,
        currency: row.currency,
        base_fee_minor: row.base_fee_minor,
        endpoint_price_minor: row.endpoint_price_minor,
        included_gb: row.included_gb,
        overage_gb_price_minor: row.overage_gb_price_minor,
        sla_tier: row.sla_tier,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}
