//! A tenant's billing account: whether its customer admins may read the account
//! report, and the Stripe customer and subscription Garrison created for it.

use crate::entity::account;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Result, TenantId};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait};

/// The stored account, if any.
pub(crate) async fn load(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<Option<account::Model>> {
    tx.select::<account::Entity>()
        .filter(account::Column::TenantId.eq(tenant.as_uuid()))
        .one(tx)
        .await
}

/// Whether the tenant's customer admins may read its account report (off by default).
pub async fn customer_reports_enabled(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<bool> {
    tx.scope()
        .require_in(tenant, Resource::Billing, Action::Read)?;
    Ok(load(tx, tenant).await?.is_some_and(|a| a.customer_reports))
}

/// Lets (or stops) the tenant's customer admins read its account report.
pub async fn set_customer_reports(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    enabled: bool,
    now: DateTime<Utc>,
) -> Result<bool> {
    tx.scope()
        .require_in(tenant, Resource::Billing, Action::Update)?;
    if tx.scope().role().is_customer() {
        return Err(garrison_core::Error::Forbidden(
            "the provider decides what customers see".into(),
        ));
    }
    let row = account::ActiveModel {
        tenant_id: Set(tenant.as_uuid()),
        customer_reports: Set(enabled),
        stripe_customer_id: Set(None),
        stripe_subscription_id: Set(None),
        stripe_plan_id: Set(None),
        updated_at: Set(now),
    };
    let conflict = OnConflict::column(account::Column::TenantId)
        .update_columns([account::Column::CustomerReports, account::Column::UpdatedAt])
        .to_owned();
    tx.upsert(tenant, row, conflict).await?;
    Ok(enabled)
}

/// Records the Stripe ids created for the tenant (the sync job only).
pub(crate) async fn save_stripe_ids(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    customer: Option<String>,
    subscription: Option<(String, uuid::Uuid)>,
    now: DateTime<Utc>,
) -> Result<()> {
    let current = load(tx, tenant).await?;
    let (sub, plan) = match subscription {
        Some((s, p)) => (Some(s), Some(p)),
        None => (
            current
                .as_ref()
                .and_then(|c| c.stripe_subscription_id.clone()),
            current.as_ref().and_then(|c| c.stripe_plan_id),
        ),
    };
    let row = account::ActiveModel {
        tenant_id: Set(tenant.as_uuid()),
        customer_reports: Set(current.as_ref().is_some_and(|c| c.customer_reports)),
        stripe_customer_id: Set(customer.or_else(|| current.and_then(|c| c.stripe_customer_id))),
        stripe_subscription_id: Set(sub),
        stripe_plan_id: Set(plan),
        updated_at: Set(now),
    };
    let conflict = OnConflict::column(account::Column::TenantId)
        .update_columns([
            account::Column::StripeCustomerId,
            account::Column::StripeSubscriptionId,
            account::Column::StripePlanId,
            account::Column::UpdatedAt,
        ])
        .to_owned();
    tx.upsert(tenant, row, conflict).await?;
    Ok(())
}
