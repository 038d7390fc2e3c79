//! Notices for account managers: a failed payment, and GB over-billed by a late
//! ledger correction that must be credited by hand (`manual_credit`, stored by
//! the meter sync). A failed payment is a stored record, a
//! log line naming the managers assigned to the tenant, and a
//! `billing.payment_failed` notification queued in the same transaction for the
//! provider-wide endpoints and the tenant's endpoints subscribed to it (once per
//! invoice, however often Stripe reports the failure).

use crate::entity::notice;
use crate::invoices::Invoice;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Result, Role, TenantId, users};
use garrison_notify::NotificationEvent;
use sea_orm::{ActiveValue::Set, ColumnTrait};

/// A stored notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: String,
    pub detail: String,
    pub created_at: DateTime<Utc>,
}

/// Records the notice, logs it for every account manager of the tenant and
/// queues the notification (deduplicated per invoice by the outbox).
pub(crate) async fn notify_account_managers(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    kind: &str,
    invoice: &Invoice,
    now: DateTime<Utc>,
) -> Result<()> {
    let detail = format!(
        "invoice {} ({} {}) {}",
        invoice.number.as_deref().unwrap_or(&invoice.stripe_id),
        invoice.amount_due,
        invoice.currency,
        kind.replace('_', " ")
    );
    record_notice(tx, tenant, kind, &detail, now).await?;
    let managers: Vec<String> = users::list_users(tx, Some(tenant))
        .await?
        .into_iter()
        .filter(|u| u.role == Role::AccountManager && !u.disabled)
        .map(|u| u.id.to_string())
        .collect();
    let amount = format!(
        "{} {}",
        crate::money::format_minor(invoice.amount_due),
        invoice.currency.to_uppercase()
    );
    let queued = garrison_notify::enqueue(
        tx,
        tenant,
        NotificationEvent::payment_failed(
            &invoice.stripe_id,
            invoice.number.as_deref(),
            &amount,
            now,
        ),
        now,
    )
    .await?;
    tracing::warn!(
        event = "billing.payment_failed",
        notifications_queued = queued,
        tenant_id = %tenant,
        account_managers = %managers.join(","),
        detail = %detail,
        "billing: notify account managers"
    );
    Ok(())
}

/// Stores a notice for the tenant's account managers (read with [`list_notices`]).
pub(crate) async fn record_notice(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    kind: &str,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.insert(
        tenant,
        notice::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            tenant_id: Set(tenant.as_uuid()),
            kind: Set(kind.to_string()),
            detail: Set(detail.to_string()),
            created_at: Set(now),
        },
    )
    .await?;
    Ok(())
}

/// The tenant's notices, newest first.
pub async fn list_notices(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<Vec<Notice>> {
    tx.scope()
        .require_in(tenant, Resource::Billing, Action::Read)?;
    let rows = tx
        .select::<notice::Entity>()
        .filter(notice::Column::TenantId.eq(tenant.as_uuid()))
        .order_by_desc(notice::Column::CreatedAt)
        .all(tx)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| Notice {
            kind: r.kind,
            detail: r.detail,
            created_at: r.created_at,
        })
        .collect())
}
