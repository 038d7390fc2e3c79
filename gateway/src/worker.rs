//! The worker role's jobs: event retention (hourly), the SLA clocks (every 30
//! seconds by default), notification delivery (every 5 seconds by default) and
//! the Stripe sync. Each job runs only in the worker process that holds its
//! lease, so any number of workers run each job once at a time, and when the
//! holder dies a standby takes the job within the lease time.

use crate::jobs::{JOB_NOTIFY, JOB_PARTITIONS, JOB_RETENTION, JOB_SLA};
use chrono::{DateTime, Utc};
use garrison_core::config::Config;
use garrison_core::db::Db;
use garrison_core::lease::{self, Keeper};
use garrison_sla::{NoticeKind, SlaNotice};
use opentelemetry::KeyValue;
use opentelemetry::metrics::Counter;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Daily event partitions made this many days ahead (PostgreSQL).
const PARTITIONS_AHEAD: u32 = 7;
/// How often partitions are checked.
const PARTITIONS_EVERY: Duration = Duration::from_secs(3600);

/// Most batches one delivery run works through before yielding to the next tick.
const DELIVER_MAX_BATCHES: usize = 10;

/// How often retention runs.
const RETENTION_EVERY: Duration = Duration::from_secs(3600);
/// Delay before the first run, so start-up is not slowed by a large delete.
const FIRST_RUN_AFTER: Duration = Duration::from_secs(60);

/// Starts the background jobs and the keeper of their leases.
pub fn spawn_jobs(db: Db, config: Arc<Config>, shutdown: tokio::sync::watch::Receiver<bool>) {
    let names = crate::jobs::ALL.map(String::from).to_vec();
    let ttl = Duration::from_secs(config.worker.lease_secs.max(3));
    let keeper = Keeper::new(db.clone(), lease::holder_id("worker"), names, ttl);
    keeper.spawn(shutdown);
    let sla_every = Duration::from_secs(config.worker.sla_every_secs.max(1));
    tokio::spawn(sla_clocks(db.clone(), keeper.clone(), sla_every));
    tokio::spawn(event_partitions(db.clone(), config.clone(), keeper.clone()));
    tokio::spawn(crate::billing::sync_loop(
        db.clone(),
        config.clone(),
        keeper.clone(),
    ));
    let deliver_every = Duration::from_secs(config.worker.deliver_every_secs.max(1));
    match delivery_client(&config) {
        Ok(client) => {
            tokio::spawn(notify_delivery(
                db.clone(),
                client,
                keeper.clone(),
                deliver_every,
            ));
        }
        Err(e) => tracing::error!(error = %e, "notification delivery not started"),
    }
    tokio::spawn(async move {
        tokio::time::sleep(FIRST_RUN_AFTER).await;
        let mut every = tokio::time::interval(RETENTION_EVERY);
        loop {
            every.tick().await;
            if keeper.held(JOB_RETENTION).is_none() {
                continue;
            }
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

/// Hourly, while this worker holds the job: create the coming days' event
/// partitions and drop those past every tenant's retention (PostgreSQL only).
async fn event_partitions(db: Db, config: Arc<Config>, keeper: Arc<Keeper>) {
    if db.backend() != garrison_core::db::Backend::Postgres {
        return;
    }
    // Wait for the first lease round before the first pass.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let mut every = tokio::time::interval(PARTITIONS_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        if keeper.held(JOB_PARTITIONS).is_none() {
            continue;
        }
        let keep = match garrison_ingest::retention::longest_retention_days(
            &db,
            config.ingest.retention_days,
        )
        .await
        {
            Ok(days) => days,
            Err(e) => {
                tracing::warn!(error = %e, "partition maintenance: retention unreadable; retrying next hour");
                continue;
            }
        };
        match garrison_core::db::partitions::maintain_event_partitions(
            &config.database_url(),
            Utc::now(),
            PARTITIONS_AHEAD,
            keep,
        )
        .await
        {
            Ok(r) if r.created.is_empty() && r.dropped.is_empty() => {}
            Ok(r) => {
                tracing::info!(created = ?r.created, dropped = ?r.dropped, "event partitions maintained")
            }
            Err(e) => {
                tracing::warn!(error = %e, "partition maintenance failed; retrying next hour")
            }
        }
    }
}

/// Every `period`, while this worker holds the job, one pass of the SLA clocks
/// at the wall-clock time.
async fn sla_clocks(db: Db, keeper: Arc<Keeper>, period: Duration) {
    let mut every = tokio::time::interval(period);
    // After a stall, one catch-up pass is enough: a pass handles everything overdue.
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        if keeper.held(JOB_SLA).is_none() {
            continue;
        }
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

/// The notification sender configured by `[notify]` (one shared HTTP client).
pub fn delivery_client(config: &Config) -> garrison_core::Result<garrison_notify::DeliveryClient> {
    garrison_notify::DeliveryClient::new(&garrison_notify::DeliverySettings {
        smtp_url: config.notify.smtp_url.clone(),
        smtp_from: config.notify.smtp_from.clone(),
        console_url: config.notify.console_url.clone(),
        allow_private_targets: config.notify.allow_private_targets,
    })
}

/// Every `period`, while this worker holds the job, deliver what is due at the
/// wall-clock time.
async fn notify_delivery(
    db: Db,
    client: garrison_notify::DeliveryClient,
    keeper: Arc<Keeper>,
    period: Duration,
) {
    let mut every = tokio::time::interval(period);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        if keeper.held(JOB_NOTIFY).is_none() {
            continue;
        }
        if let Err(e) = run_notify_delivery(&db, &client, Utc::now()).await {
            tracing::warn!(error = %e, "notification delivery failed; retrying next tick");
        }
    }
}

/// Delivers the notifications due at `now`, batch after batch while batches come
/// back full (bounded), and returns the totals.
pub async fn run_notify_delivery(
    db: &Db,
    client: &garrison_notify::DeliveryClient,
    now: DateTime<Utc>,
) -> garrison_core::Result<garrison_notify::DeliveryStats> {
    let mut total = garrison_notify::DeliveryStats::default();
    for _ in 0..DELIVER_MAX_BATCHES {
        let stats = garrison_notify::deliver_due(db, client, now).await?;
        total.claimed += stats.claimed;
        total.sent += stats.sent;
        total.delivered += stats.delivered;
        total.retrying += stats.retrying;
        total.dead += stats.dead;
        total.deferred += stats.deferred;
        total.cancelled += stats.cancelled;
        if stats.claimed < garrison_notify::deliver::run::BATCH {
            break;
        }
    }
    if total.sent > 0 {
        let counter = sla_counter(
            &NOTIFY_SENT,
            "garrison_notify_deliveries_total",
            "Notification delivery attempts",
        );
        counter.add(total.delivered, &[KeyValue::new("outcome", "delivered")]);
        counter.add(
            total.sent - total.delivered,
            &[KeyValue::new("outcome", "failed")],
        );
    }
    Ok(total)
}

static NOTIFY_SENT: OnceLock<Counter<u64>> = OnceLock::new();
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
