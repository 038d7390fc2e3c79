//! Billing's joints: the usage ledger (ingest's tables, read through core's
//! `UsageLedger`), the report sources (SLA figures from garrison-sla, alert and
//! case volumes from garrison-cases), the Stripe client from configuration, and
//! one sync pass for the worker and `garrison billing sync`. Billing reads these
//! only for a tenant its caller was authorised for; they read with a task scope.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use garrison_billing::BillingMode;
use garrison_billing::report::{Count, ReportSources, SlaFigures, TargetAttainment, Volumes};
use garrison_billing::stripe::{RetryPolicy, StripeApi, SyncReport, sync_all};
use garrison_cases::alerts::queue::{AlertFilter, AlertOrder, cursor_of, list_alerts};
use garrison_cases::cases::store::{CaseFilter, CaseOrder, case_cursor, list_cases};
use garrison_core::config::Config;
use garrison_core::db::Db;
use garrison_core::usage::{DailyHosts, HourlyUsage, UsageLedger};
use garrison_core::{Error, Result, Scope, TenantId};
use std::collections::BTreeMap;

/// Ingest's ledger.
pub struct IngestLedger {
    db: Db,
}

impl IngestLedger {
    pub fn new(db: Db) -> IngestLedger {
        IngestLedger { db }
    }
}

#[async_trait::async_trait]
impl UsageLedger for IngestLedger {
    async fn hourly(
        &self,
        tenant: TenantId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<HourlyUsage>> {
        let scope = Scope::for_tenant_task("billing-ledger", tenant);
        let tx = self.db.begin(&scope).await?;
        let rows = garrison_ingest::stats::hourly_usage(&tx, tenant, from, to).await?;
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .map(|r| HourlyUsage {
                hour: r.hour,
                events: r.events,
                bytes: r.bytes,
            })
            .collect())
    }

    async fn distinct_hosts_by_day(
        &self,
        tenant: TenantId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<DailyHosts>> {
        let scope = Scope::for_tenant_task("billing-ledger", tenant);
        let tx = self.db.begin(&scope).await?;
        let mut out = Vec::new();
        let mut day = from;
        while day < to {
            let key = day.format("%Y-%m-%d").to_string();
            let hosts = garrison_ingest::stats::distinct_hosts(&tx, tenant, &key).await?;
            if hosts > 0 {
                out.push(DailyHosts { day, hosts });
            }
            day += Duration::days(1);
        }
        tx.commit().await?;
        Ok(out)
    }
}

/// SLA figures and alert/case volumes from their services.
pub struct ServiceSources {
    db: Db,
}

impl ServiceSources {
    pub fn new(db: Db) -> ServiceSources {
        ServiceSources { db }
    }
}

fn counts(map: BTreeMap<String, u64>) -> Vec<Count> {
    map.into_iter()
        .map(|(key, count)| Count { key, count })
        .collect()
}

#[async_trait::async_trait]
impl ReportSources for ServiceSources {
    async fn sla(
        &self,
        tenant: TenantId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<SlaFigures> {
        let scope = Scope::for_tenant_task("billing-report", tenant);
        let tx = self.db.begin(&scope).await?;
        let report = garrison_sla::report::sla_report(&tx, tenant, from, to).await?;
        tx.commit().await?;
        let o = &report.overall;
        Ok(SlaFigures {
            attainment: o
                .attainment
                .iter()
                .map(|a| TargetAttainment {
                    target: a.target.as_str().to_string(),
                    met: a.met,
                    breached: a.breached,
                    percent: a.percent,
                })
                .collect(),
            attainment_percent: o.attainment_percent,
            mtta_secs: o.mtta.mean,
            mttr_secs: o.mttr_resolve.mean,
            breach_count: o.breach_count,
        })
    }

    async fn volumes(
        &self,
        tenant: TenantId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Volumes> {
        let scope = Scope::for_tenant_task("billing-report", tenant);
        let tx = self.db.begin(&scope).await?;
        let mut by_severity = BTreeMap::new();
        let mut by_disposition = BTreeMap::new();
        let filter = AlertFilter {
            tenant_ids: vec![tenant],
            from: Some(from),
            to: Some(to),
            ..Default::default()
        };
        let mut after: Option<String> = None;
        loop {
            let page = list_alerts(
                &tx,
                &filter,
                AlertOrder::Newest,
                Some(200),
                after.as_deref(),
            )
            .await?;
            for a in &page.items {
                *by_severity
                    .entry(a.severity.as_str().to_string())
                    .or_default() += 1;
                let d = a.disposition.map(|d| d.as_str()).unwrap_or("undecided");
                *by_disposition.entry(d.to_string()).or_default() += 1;
            }
            match (page.has_next_page, page.items.last()) {
                (true, Some(last)) => after = Some(cursor_of(last, AlertOrder::Newest)),
                _ => break,
            }
        }
        let mut cases_severity = BTreeMap::new();
        let mut cases_status = BTreeMap::new();
        let filter = CaseFilter {
            tenant_ids: vec![tenant],
            ..Default::default()
        };
        let mut after: Option<String> = None;
        loop {
            let page =
                list_cases(&tx, &filter, CaseOrder::Newest, Some(200), after.as_deref()).await?;
            for c in page
                .items
                .iter()
                .filter(|c| c.created_at >= from && c.created_at < to)
            {
                *cases_severity
                    .entry(c.severity.as_str().to_string())
                    .or_default() += 1;
                *cases_status
                    .entry(c.status.as_str().to_string())
                    .or_default() += 1;
            }
            match (page.has_next_page, page.items.last()) {
                (true, Some(last)) => after = Some(case_cursor(last, CaseOrder::Newest)),
                _ => break,
            }
        }
        tx.commit().await?;
        Ok(Volumes {
            alerts_by_severity: counts(by_severity),
            alerts_by_disposition: counts(by_disposition),
            cases_by_severity: counts(cases_severity),
            cases_by_status: counts(cases_status),
        })
    }
}

/// Local mode without a Stripe key, Stripe mode with one.
pub fn billing_mode(config: &Config) -> BillingMode {
    if config.billing.stripe_secret_key.is_some() {
        BillingMode::Stripe
    } else {
        BillingMode::Local
    }
}

/// The Stripe client, in Stripe mode.
pub fn stripe_api(config: &Config) -> Result<Option<StripeApi>> {
    let Some(key) = &config.billing.stripe_secret_key else {
        return Ok(None);
    };
    StripeApi::new(&config.billing.stripe_api_base, key, RetryPolicy::default())
        .map(Some)
        .map_err(|e| Error::Unavailable(format!("stripe client: {e}")))
}

/// One sync pass; `None` in local mode (nothing to sync).
pub async fn run_sync(db: &Db, config: &Config, now: DateTime<Utc>) -> Result<Option<SyncReport>> {
    let Some(api) = stripe_api(config)? else {
        return Ok(None);
    };
    let ledger = IngestLedger::new(db.clone());
    sync_all(db, &api, &ledger, now).await.map(Some)
}

/// The worker's billing job: in Stripe mode, a sync every `sync_every_secs` (the
/// first a minute after start); in local mode nothing runs.
pub async fn sync_loop(
    db: Db,
    config: std::sync::Arc<Config>,
    keeper: std::sync::Arc<garrison_core::lease::Keeper>,
) {
    if billing_mode(&config) == BillingMode::Local {
        tracing::info!("billing: local mode (no Stripe key); invoices are estimates");
        return;
    }
    tokio::time::sleep(std::time::Duration::from_secs(60)).await;
    let every = std::time::Duration::from_secs(config.billing.sync_every_secs.max(60));
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if keeper.held(crate::jobs::JOB_BILLING).is_none() {
            continue;
        }
        if let Err(e) = run_sync(&db, &config, Utc::now()).await {
            tracing::warn!(error = %e, "billing sync failed; retrying next tick");
        }
    }
}

/// `garrison billing sync`: one pass, printed; fails in local mode.
pub async fn sync_command(db: &Db, config: &Config) -> anyhow::Result<()> {
    match run_sync(db, config, Utc::now()).await? {
        None => anyhow::bail!(
            "local mode: set GARRISON_STRIPE_SECRET_KEY (or billing.stripe_secret_key) to sync with Stripe"
        ),
        Some(r) => {
            println!(
                "tenants synced: {}\ncustomers created: {}\nsubscriptions created: {}\nsubscriptions moved to a new plan: {}\nmeter events sent: {} (already sent: {}, ledger changed since: {})\ncorrections sent: {}\nmanual credits recorded: {}\ninvoices fetched: {}",
                r.tenants,
                r.customers_created,
                r.subscriptions_created,
                r.subscriptions_changed,
                r.events_sent,
                r.events_already_sent,
                r.mismatched,
                r.corrections_sent,
                r.credits_recorded,
                r.invoices_fetched
            );
            for f in &r.failures {
                println!("failed: {f}");
            }
            if r.failures.is_empty() {
                Ok(())
            } else {
                anyhow::bail!("{} tenant(s) failed to sync", r.failures.len())
            }
        }
    }
}
