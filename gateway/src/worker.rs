//! The worker role's jobs. Today: event retention, hourly. (The response and
//! billing issues add SLA clocks and Stripe sync here; the scale-out issue makes
//! each job run exactly once across workers.)

use garrison_core::config::Config;
use garrison_core::db::Db;
use std::sync::Arc;
use std::time::Duration;

/// How often retention runs.
const RETENTION_EVERY: Duration = Duration::from_secs(3600);
/// Delay before the first run, so start-up is not slowed by a large delete.
const FIRST_RUN_AFTER: Duration = Duration::from_secs(60);

/// Starts the background jobs.
pub fn spawn_jobs(db: Db, config: Arc<Config>) {
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
