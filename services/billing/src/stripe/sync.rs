//! The sync job (worker role, and `garrison billing sync`): create what is missing
//! in Stripe, move a subscription to the tenant's new plan once that plan is in
//! force (once: the account records the plan the subscription carries), push the ledger's complete hours and days as meter events, reconcile
//! what was sent against the ledger, and fetch invoices. One tenant's failure is
//! logged and reported; the others still sync.

use super::client::StripeApi;
use super::invoices::fetch_invoices;
use super::meters::{endpoint_events, gb_events, push_events};
use super::setup::{
    change_subscription_plan, create_customer, create_subscription, ensure_meters, ensure_prices,
};
use crate::account;
use crate::period::{Month, local_date, local_midnight, zone};
use crate::plans;
use chrono::{DateTime, Duration, DurationRound, Utc};
use garrison_core::db::Db;
use garrison_core::usage::UsageLedger;
use garrison_core::{Result, Scope, TenantId, tenants};

/// Stripe refuses meter events older than 35 days; stay inside that.
const WINDOW_DAYS: i64 = 34;
/// An hour is pushed once it ended this long ago (the ingest writer has committed it).
const SETTLE: Duration = Duration::minutes(5);

/// What a sync did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SyncReport {
    pub tenants: u64,
    pub customers_created: u64,
    pub subscriptions_created: u64,
    /// Subscriptions moved to the tenant's new plan.
    pub subscriptions_changed: u64,
    pub events_sent: u64,
    pub events_already_sent: u64,
    pub mismatched: u64,
    /// Late ledger changes sent as meter event revisions.
    pub corrections_sent: u64,
    /// Late-lowered GB hours recorded as manual credits (a `manual_credit` notice each).
    pub credits_recorded: u64,
    pub invoices_fetched: u64,
    /// `tenant: reason`, one per tenant that failed.
    pub failures: Vec<String>,
}

/// One full sync at `now`.
pub async fn sync_all(
    db: &Db,
    api: &StripeApi,
    ledger: &dyn UsageLedger,
    now: DateTime<Utc>,
) -> Result<SyncReport> {
    let meters = ensure_meters(db, api, now).await?;
    let scope = Scope::system("billing-sync");
    let tenant_ids: Vec<TenantId> = {
        let tx = db.begin(&scope).await?;
        let ids = tx.tenants().to_vec();
        tx.commit().await?;
        ids
    };
    let mut report = SyncReport::default();
    for tenant in tenant_ids {
        match sync_tenant(db, api, ledger, &meters, tenant, now, &mut report).await {
            Ok(true) => report.tenants += 1,
            Ok(false) => {}
            Err(e) => {
                tracing::warn!(tenant_id = %tenant, error = %e, "billing sync failed for tenant");
                report.failures.push(format!("{tenant}: {e}"));
            }
        }
    }
    tracing::info!(
        tenants = report.tenants,
        events_sent = report.events_sent,
        mismatched = report.mismatched,
        failures = report.failures.len(),
        "billing sync done"
    );
    Ok(report)
}

/// Syncs one tenant; `false` when it has no plan (nothing to bill).
async fn sync_tenant(
    db: &Db,
    api: &StripeApi,
    ledger: &dyn UsageLedger,
    meters: &super::setup::Meters,
    tenant: TenantId,
    now: DateTime<Utc>,
    report: &mut SyncReport,
) -> Result<bool> {
    let scope = Scope::for_tenant_task("billing-sync", tenant);
    let tx = db.begin(&scope).await?;
    let info = tenants::get_tenant(&tx, tenant).await?;
    let tz = zone(&info.timezone);
    let today = local_date(now, tz);
    let current = plans::current_subscription(&tx, tenant, today).await?;
    let stored = account::load(&tx, tenant).await?;
    tx.commit().await?;
    let Some(current) = current else {
        return Ok(false);
    };
    let customer = match stored.as_ref().and_then(|a| a.stripe_customer_id.clone()) {
        Some(c) => c,
        None => {
            let c = create_customer(api, tenant, &info.name).await?;
            save_ids(db, tenant, Some(c.clone()), None, now).await?;
            report.customers_created += 1;
            c
        }
    };
    let existing = stored
        .as_ref()
        .and_then(|a| a.stripe_subscription_id.clone());
    if let Some(sub) = existing {
        let carried = stored.as_ref().and_then(|a| a.stripe_plan_id);
        if carried != Some(current.plan.id.as_uuid()) {
            // The plan in force today is not the one the subscription carries:
            // move it once, prorated from the plan's start (not before the
            // current period, which began on the 1st at local midnight).
            let prices = ensure_prices(db, api, &current.plan, meters, now).await?;
            let from = local_midnight(current.starts_on, tz)
                .max(local_midnight(Month::of(today).first_day(), tz));
            change_subscription_plan(db, api, tenant, &sub, carried, &current.plan, &prices, from)
                .await?;
            save_ids(
                db,
                tenant,
                None,
                Some((sub, current.plan.id.as_uuid())),
                now,
            )
            .await?;
            report.subscriptions_changed += 1;
        }
    } else {
        let prices = ensure_prices(db, api, &current.plan, meters, now).await?;
        let anchor = local_midnight(Month::of(today).next().first_day(), tz);
        let sub =
            create_subscription(api, tenant, &customer, &current.plan, &prices, anchor).await?;
        save_ids(
            db,
            tenant,
            None,
            Some((sub, current.plan.id.as_uuid())),
            now,
        )
        .await?;
        report.subscriptions_created += 1;
    }
    let settled = (now - SETTLE)
        .duration_trunc(Duration::hours(1))
        .unwrap_or(now);
    let from = settled - Duration::days(WINDOW_DAYS);
    let mut events = gb_events(tenant, &ledger.hourly(tenant, from, settled).await?);
    // Whole UTC days only (the host ledger is by UTC date), and only once ended.
    let last_day = (now - SETTLE).date_naive();
    let hosts = ledger
        .distinct_hosts_by_day(tenant, last_day - Duration::days(WINDOW_DAYS), last_day)
        .await?;
    events.extend(endpoint_events(tenant, tz, &hosts));
    let pushed = push_events(db, api, tenant, &customer, &events, now).await?;
    report.events_sent += pushed.sent;
    report.events_already_sent += pushed.already_sent;
    report.mismatched += pushed.mismatched;
    report.corrections_sent += pushed.corrections_sent;
    report.credits_recorded += pushed.credits_recorded;
    report.invoices_fetched += fetch_invoices(db, api, tenant, &customer, now).await?;
    Ok(true)
}

async fn save_ids(
    db: &Db,
    tenant: TenantId,
    customer: Option<String>,
    subscription: Option<(String, uuid::Uuid)>,
    now: DateTime<Utc>,
) -> Result<()> {
    let scope = Scope::for_tenant_task("billing-sync", tenant);
    let tx = db.begin(&scope).await?;
    account::save_stripe_ids(&tx, tenant, customer, subscription, now).await?;
    tx.commit().await
}
