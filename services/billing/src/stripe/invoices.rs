//! Fetches a tenant's invoices from Stripe and stores them.

use super::client::StripeApi;
use super::wire::{self, InvoiceList};
use crate::invoices::{Invoice, save_invoice};
use chrono::{DateTime, TimeZone, Utc};
use garrison_core::db::Db;
use garrison_core::{Result, Scope, TenantId};
use stripe_billing::invoice::ListInvoice;

/// Stripe's invoice as Garrison stores it.
pub fn from_wire(w: &wire::Invoice) -> Invoice {
    let at = |secs: i64| Utc.timestamp_opt(secs, 0).single().unwrap_or_default();
    Invoice {
        stripe_id: w.id.clone(),
        number: w.number.clone(),
        currency: w.currency.clone(),
        period_start: at(w.period_start),
        period_end: at(w.period_end),
        amount_due: w.amount_due,
        amount_paid: w.amount_paid,
        total: w.total,
        status: w.status.clone().unwrap_or_else(|| "draft".into()),
        hosted_url: w.hosted_invoice_url.clone(),
        pdf_url: w.invoice_pdf.clone(),
    }
}

/// Fetches the customer's invoices (newest 100) and stores them; returns how many.
pub async fn fetch_invoices(
    db: &Db,
    api: &StripeApi,
    tenant: TenantId,
    customer: &str,
    now: DateTime<Utc>,
) -> Result<u64> {
    let list: InvoiceList = api
        .send(
            "list invoices",
            &ListInvoice::new().customer(customer).limit(100),
            None,
        )
        .await?;
    let scope = Scope::for_tenant_task("billing-sync", tenant);
    let tx = db.begin(&scope).await?;
    for w in &list.data {
        save_invoice(&tx, tenant, &from_wire(w), now).await?;
    }
    tx.commit().await?;
    Ok(list.data.len() as u64)
}
