//! Stripe invoices as Garrison keeps them (fetched by the sync job, updated by
//! webhooks), and the tenant's invoice reads.

use crate::entity::invoice;
use crate::period::Month;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Result, TenantId};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait};

/// A Stripe invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invoice {
    pub stripe_id: String,
    pub number: Option<String>,
    pub currency: String,
    pub period_start: DateTime<Utc>,
    pub period_end: DateTime<Utc>,
    pub amount_due: i64,
    pub amount_paid: i64,
    pub total: i64,
    /// Stripe's status: draft, open, paid, uncollectible, void (or payment_failed).
    pub status: String,
    pub hosted_url: Option<String>,
    pub pdf_url: Option<String>,
}

impl Invoice {
    /// Whether money is owed and not coming on its own.
    pub fn unpaid(&self) -> bool {
        matches!(
            self.status.as_str(),
            "open" | "uncollectible" | "payment_failed"
        ) && self.amount_due > self.amount_paid
    }
}

/// The tenant's invoices, newest period first; with `month`, those whose period
/// starts in it (UTC, as Stripe dates them).
pub async fn list_invoices(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    month: Option<Month>,
) -> Result<Vec<Invoice>> {
    tx.scope()
        .require_in(tenant, Resource::Billing, Action::Read)?;
    let mut query = tx
        .select::<invoice::Entity>()
        .filter(invoice::Column::TenantId.eq(tenant.as_uuid()));
    if let Some(m) = month {
        // A day either side: Stripe periods start at the tenant's local midnight.
        let (start, end) = m.bounds(chrono_tz::Tz::UTC);
        query = query
            .filter(invoice::Column::PeriodStart.gte(start - chrono::Duration::days(1)))
            .filter(invoice::Column::PeriodStart.lt(end - chrono::Duration::days(1)));
    }
    let rows = query
        .order_by_desc(invoice::Column::PeriodStart)
        .all(tx)
        .await?;
    Ok(rows.into_iter().map(to_invoice).collect())
}

/// Stores (or refreshes) an invoice of the tenant.
pub(crate) async fn save_invoice(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    inv: &Invoice,
    now: DateTime<Utc>,
) -> Result<()> {
    let row = invoice::ActiveModel {
        tenant_id: Set(tenant.as_uuid()),
        stripe_id: Set(inv.stripe_id.clone()),
        number: Set(inv.number.clone()),
        currency: Set(inv.currency.clone()),
        period_start: Set(inv.period_start),
        period_end: Set(inv.period_end),
        amount_due: Set(inv.amount_due),
        amount_paid: Set(inv.amount_paid),
        total: Set(inv.total),
        status: Set(inv.status.clone()),
        hosted_url: Set(inv.hosted_url.clone()),
        pdf_url: Set(inv.pdf_url.clone()),
        updated_at: Set(now),
    };
    use invoice::Column as C;
    let conflict = OnConflict::columns([C::TenantId, C::StripeId])
        .update_columns([
            C::Number,
            C::Currency,
            C::PeriodStart,
            C::PeriodEnd,
            C::AmountDue,
            C::AmountPaid,
            C::Total,
            C::Status,
            C::HostedUrl,
            C::PdfUrl,
            C::UpdatedAt,
        ])
        .to_owned();
    tx.upsert(tenant, row, conflict).await?;
    Ok(())
}

fn to_invoice(row: invoice::Model) -> Invoice {
    Invoice {
        stripe_id: row.stripe_id,
        number: row.number,
        currency: row.currency,
        period_start: row.period_start,
        period_end: row.period_end,
        amount_due: row.amount_due,
        amount_paid: row.amount_paid,
        total: row.total,
        status: row.status,
        hosted_url: row.hosted_url,
        pdf_url: row.pdf_url,
    }
}
