//! The worker role's jobs: event retention (hourly) and the SLA clocks (every 30
//! seconds). (The billing issue adds Stripe sync here; the scale-out issue makes
//! each job run exactly once across workers.)

use chrono::{DateTime, Utc};
use garrison_core::config::Config;
use garrison_core::db::Db;
use garrison_sla::{NoticeKind, SlaNotice};
use opentelemetry::KeyValue;
use opentelemetry::metrics::Counter;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// How often the SLA clocks are checked for warnings and breaches.
const SLA_EVERY: Duration = Duration::from_secs(30);

/// How often retention runs.
const RETENTION_EVERY: Duration = Duration::from_secs(3600);
/// Delay before the first run, so start-up is not slowed by a large delete.
const FIRST_RUN_AFTER: Duration = Duration::from_secs(60);

/// Starts the background jobs.
pub fn spawn_jobs(db: Db, config: Arc<Config>) {
    tokio::spawn(sla_clocks(db.clone()));
    tokio::spawn(crate::billing::sync_loop(db.clone(), config.clone()));
    tokio::spawn(async move {
        tokio::time::sleep(FIRST_RUN_AFTER).await;
        let mut every = tokio::time::interval(RETENTION_EVERY);
        loop {
            every.tick().await;
            match garrison_ingest::retention::enforce_retention(&db, config.ingest.retention_days)
                .await
            {
                Ok(0) => tracing::debug!("retention: nothing expired"),
                Ok(n) => tracing::info!(deleted = n, "retention: expired events deleted"),
                Err(e) => tracing::warn!(error = %e, "retention pass failed; retrying next hour"),
            }
        }
    });
}

/// Every [`SLA_EVERY`], one pass of the SLA clocks at the wall-clock time.
async fn sla_clocks(db: Db) {
    let mut every = tokio::time::interval(SLA_EVERY);
    // After a stall, one catch-up pass is enough: a pass handles everything overdue.
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        if let Err(e) = run_sla_tick(&db, Utc::now()).await {
            tracing::warn!(error = %e, "sla clocks pass failed; retrying next tick");
        }
    }
}

/// One pass of the SLA clocks at `now`: logs and counts each `sla.warning` and
/// `sla.breached`, and returns them so notifications can deliver them.
pub async fn run_sla_tick(db: &Db, now: DateTime<Utc>) -> garrison_core::Result<Vec<SlaNotice>> {
    let notices = garrison_sla::clocks::tick(db, now).await?;
    for n in &notices {
        let labels = [
            KeyValue::new("tenant_id", n.subject.tenant.to_string()),
            KeyValue::new("severity", n.severity.as_str()),
            KeyValue::new("target", n.target.as_str()),
        ];
        match n.kind {
            NoticeKind::Breached => {
                tracing::warn!(
                    event = n.kind.event_name(),
                    tenant_id = %n.subject.tenant,
                    subject = n.subject.kind.as_str(),
                    subject_id = %n.subject.id,
                    target = n.target.as_str(),
                    severity = n.severity.as_str(),
                    due_at = %n.due_at,
                    "sla breached"
                );
                sla_counter(
                    &SLA_BREACHES,
                    "garrison_sla_breaches_total",
                    "SLA targets breached",
                )
                .add(1, &labels);
            }
            NoticeKind::Warning => {
                tracing::info!(
                    event = n.kind.event_name(),
                    tenant_id = %n.subject.tenant,
                    subject = n.subject.kind.as_str(),
                    subject_id = %n.subject.id,
                    target = n.target.as_str(),
                    severity = n.severity.as_str(),
                    due_at = %n.due_at,
                    "sla warning"
                );
                sla_counter(
                    &SLA_WARNINGS,
                    "garrison_sla_warnings_total",
                    "SLA warnings emitted",
                )
                .add(1, &labels);
            }
        }
    }
    Ok(notices)
}

static SLA_BREACHES: OnceLock<Counter<u64>> = OnceLock::new();
static SLA_WARNINGS: OnceLock<Counter<u64>> = OnceLock::new();

/// A counter of the global OpenTelemetry meter (a no-op until OTLP export is on).
fn sla_counter(
    cell: &'static OnceLock<Counter<u64>>,
    name: &'static str,
    description: &'static str,
) -> &'static Counter<u64> {
    cell.get_or_init(|| {
        opentelemetry::global::meter("garrison-sla")
            .u64_counter(name)
            .with_description(description)
            .build()
    })
}
