//! The `detection` role: consumes each tenant's stored events with a durable
//! cursor, runs them through the tenant's compiled rules, and hands the folded
//! matches to the alert sink. A bus notice wakes it for one tenant; a periodic
//! sweep catches every tenant up (after a restart, or when notices were missed).
//!
//! When the bus is shared by processes (NATS), tenants hash onto partitions and
//! a process evaluates only the tenants of partitions it owns by lease
//! ([`ownership`]); each partition's durable consumer acknowledges a notice only
//! after the pass it triggered committed ([`partitioned`]).
//!
//! Crash safety: alerts are written before the cursor moves, and the sink is
//! idempotent (an alert records the last event sequence it covers, and new alerts
//! carry a unique dedup key), so replaying a batch after a crash raises nothing
//! twice. Rule changes are picked up between batches: the tenant's rules key is
//! read each pass and a stale set is recompiled and swapped in.

pub mod batch;
mod metrics;
pub mod ownership;
mod partitioned;
mod state;

use crate::correlation::{CorrelationEngine, EngineState, Limits};
use crate::tenant::effective::{TenantRules, load_rule_source, rules_key};
use batch::{AlertOptions, evaluate_batch};
use garrison_core::alerting::AlertSink;
use garrison_core::bus::{Bus, Received};
use garrison_core::clock::SharedClock;
use garrison_core::db::Db;
use garrison_core::event::EventLog;
use garrison_core::{Error, Result, Scope, TenantId};
use ownership::Ownership;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::{Mutex, watch};

/// How the role runs.
#[derive(Debug, Clone)]
pub struct DetectionConfig {
    /// Events read per batch.
    pub batch_size: u64,
    /// How often every tenant is caught up without a notice.
    pub sweep_every: Duration,
    pub alerts: AlertOptions,
    pub limits: Limits,
    /// The event-time field correlations read.
    pub time_field: String,
    /// How long a partition stays owned without renewal (shared buses only).
    pub partition_lease: Duration,
}

impl Default for DetectionConfig {
    fn default() -> Self {
        DetectionConfig {
            batch_size: 2000,
            sweep_every: Duration::from_secs(5),
            alerts: AlertOptions::default(),
            limits: Limits {
                max_entries_per_group: 1000,
                max_groups: 10_000,
                max_event_refs: 100,
                ..Limits::default()
            },
            time_field: "@timestamp".into(),
            partition_lease: Duration::from_secs(15),
        }
    }
}

/// What one pass over a tenant did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PassStats {
    pub events: u64,
    pub matches: u64,
    pub alerts_created: u64,
    pub alerts_updated: u64,
    pub duplicates: u64,
    /// The rule set was (re)compiled during the pass.
    pub recompiled: bool,
}

impl PassStats {
    fn add(&mut self, other: PassStats) {
        self.events += other.events;
        self.matches += other.matches;
        self.alerts_created += other.alerts_created;
        self.alerts_updated += other.alerts_updated;
        self.duplicates += other.duplicates;
        self.recompiled |= other.recompiled;
    }
}

/// A tenant's compiled rules and live correlation windows.
struct Slot {
    rules: Arc<TenantRules>,
    engine: CorrelationEngine,
}

/// The running detection service.
pub struct Detection {
    db: Db,
    events: Arc<dyn EventLog>,
    sink: Arc<dyn AlertSink>,
    clock: SharedClock,
    config: DetectionConfig,
    /// One pass at a time: a tenant's windows and cursor move strictly in order.
    slots: Mutex<HashMap<TenantId, Slot>>,
    /// Set when the bus is shared: the partitions this process owns.
    ownership: OnceLock<Arc<Ownership>>,
}

impl Detection {
    pub fn new(
        db: Db,
        events: Arc<dyn EventLog>,
        sink: Arc<dyn AlertSink>,
        clock: SharedClock,
        config: DetectionConfig,
    ) -> Arc<Detection> {
        Arc::new(Detection {
            db,
            events,
            sink,
            clock,
            config,
            slots: Mutex::new(HashMap::new()),
            ownership: OnceLock::new(),
        })
    }

    /// Runs the role until `shutdown` turns true.
    pub fn spawn(
        self: &Arc<Self>,
        bus: Arc<dyn Bus>,
        mut shutdown: watch::Receiver<bool>,
    ) -> tokio::task::JoinHandle<()> {
        if let Some(partitions) = bus.partitions() {
            return partitioned::spawn(self, bus, partitions, shutdown);
        }
        let me = self.clone();
        tokio::spawn(async move {
            let mut notices = bus.subscribe();
            let mut sweep = tokio::time::interval(me.config.sweep_every);
            loop {
                tokio::select! {
                    _ = shutdown.changed() => break,
                    received = notices.recv() => match received {
                        Received::Notice(n) => me.log_pass(me.process_tenant(n.tenant_id).await),
                        Received::Lagged(missed) => {
                            tracing::warn!(missed, "detection missed bus notices; sweeping every tenant");
                            me.log_pass(me.sweep().await);
                        }
                        Received::Closed => break,
                    },
                    _ = sweep.tick() => me.log_pass(me.sweep().await),
                }
            }
            tracing::info!("detection stopped");
        })
    }

    fn log_pass(&self, result: Result<PassStats>) {
        match result {
            Ok(s) if s.events > 0 => tracing::debug!(
                events = s.events,
                matches = s.matches,
                created = s.alerts_created,
                updated = s.alerts_updated,
                "detection pass"
            ),
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(error = %e, "detection pass failed; retrying on the next notice or sweep")
            }
        }
    }

    /// Catches every tenant that runs rules up to its newest stored event.
    pub async fn sweep(&self) -> Result<PassStats> {
        let mut total = PassStats::default();
        for tenant in state::tenants_with_rules(&self.db).await? {
            total.add(self.process_tenant(tenant).await?);
        }
        Ok(total)
    }

    /// Catches one tenant up to its newest stored event. With a shared bus, a
    /// tenant of a partition this process does not own is left alone.
    pub async fn process_tenant(&self, tenant: TenantId) -> Result<PassStats> {
        let ownership = self.ownership.get().cloned();
        let lease = match &ownership {
            Some(o) => match o.lease_for(tenant) {
                Some(held) => Some(held),
                None => return Ok(PassStats::default()),
            },
            None => None,
        };
        let mut slots = self.slots.lock().await;
        let scope = Scope::for_tenant_task("detection", tenant);
        let mut stats = PassStats::default();
        loop {
            let tx = self.db.begin(&scope).await?;
            let saved = state::load(&tx, tenant).await?;
            let key = rules_key(&tx, tenant).await?;
            let stale = slots.get(&tenant).is_none_or(|s| s.rules.key != key);
            let source = if stale {
                Some(load_rule_source(&tx, tenant).await?)
            } else {
                None
            };
            tx.commit().await?;
            if let Some(source) = source {
                let fresh_start = !slots.contains_key(&tenant);
                let rules = tokio::task::spawn_blocking(move || TenantRules::compile(source))
                    .await
                    .map_err(Error::internal)?;
                // Windows are indexed by correlation: restore them on start, and
                // start them afresh when the set changed (indexes may have moved).
                let restored = match (&saved.correlation_state, fresh_start) {
                    (Some(text), true) => serde_json::from_str::<EngineState>(text).ok(),
                    _ => None,
                };
                let engine = CorrelationEngine::with_state(
                    &self.config.time_field,
                    self.config.limits,
                    restored.unwrap_or_default(),
                );
                tracing::info!(
                    tenant_id = %tenant,
                    rules = rules.set.len(),
                    correlations = rules.set.correlation_count(),
                    "tenant rule set compiled"
                );
                slots.insert(
                    tenant,
                    Slot {
                        rules: Arc::new(rules),
                        engine,
                    },
                );
                stats.recompiled = true;
            }
            let Some(slot) = slots.get_mut(&tenant) else {
                return Err(Error::internal("detection slot vanished"));
            };
            let events = self
                .events
                .read_after(tenant, saved.cursor_seq, self.config.batch_size)
                .await?;
            if events.is_empty() {
                break;
            }
            let n = events.len() as u64;
            let rules = slot.rules.clone();
            let mut engine = std::mem::replace(
                &mut slot.engine,
                CorrelationEngine::new(&self.config.time_field, self.config.limits),
            );
            let options = self.config.alerts.clone();
            let now = self.clock.now();
            let late_before = engine.late_events();
            let (output, engine) = tokio::task::spawn_blocking(move || {
                let out = evaluate_batch(tenant, &rules, &mut engine, &events, &options, now);
                (out, engine)
            })
            .await
            .map_err(Error::internal)?;
            let outcome = self.sink.raise(tenant, output.alerts).await?;
            let tx = self.db.begin(&scope).await?;
            if let (Some(o), Some(held)) = (&ownership, &lease) {
                // A process that stalled past its lease must not move the cursor
                // its successor now owns; its alerts were idempotent anyway.
                if let Err(e) =
                    garrison_core::lease::fence(&tx, held, o.holder(), chrono::Utc::now()).await
                {
                    slots.remove(&tenant);
                    return Err(e);
                }
            }
            state::save(&tx, tenant, output.last_seq, engine.state(), now).await?;
            tx.commit().await?;
            let late = engine.late_events().saturating_sub(late_before);
            slot.engine = engine;
            if late > 0 {
                tracing::info!(tenant_id = %tenant, late, "events too late for their correlation windows");
            }
            metrics::record(tenant, n, output.matches, late, &outcome);
            stats.add(PassStats {
                events: n,
                matches: output.matches,
                alerts_created: outcome.created,
                alerts_updated: outcome.updated,
                duplicates: outcome.duplicates,
                recompiled: false,
            });
            if n < self.config.batch_size {
                break;
            }
        }
        Ok(stats)
    }

    /// Moves a tenant's cursor back to `seq` (0: the oldest retained event) so the
    /// next pass evaluates those events again: a retro-hunt after new rules, or a
    /// replay. Alerts already raised for them are not raised twice.
    pub async fn rewind(&self, tenant: TenantId, seq: i64) -> Result<()> {
        let mut slots = self.slots.lock().await;
        let scope = Scope::for_tenant_task("detection", tenant);
        let tx = self.db.begin(&scope).await?;
        state::save(
            &tx,
            tenant,
            seq.max(0),
            &EngineState::default(),
            self.clock.now(),
        )
        .await?;
        tx.commit().await?;
        // Windows restart empty, so a replay rebuilds them from the events.
        slots.remove(&tenant);
        Ok(())
    }

    /// Forgets the in-memory windows of tenants on `partitions` (ownership moved:
    /// the next owner restores them from the saved state).
    async fn forget_partitions(&self, partitions: &[u32]) {
        let Some(o) = self.ownership.get() else {
            return;
        };
        let mut slots = self.slots.lock().await;
        slots.retain(|tenant, _| !partitions.contains(&o.partition_of(*tenant)));
    }

    /// The tenant's compiled rules, compiling them if needed (diagnostics, tests).
    pub async fn compiled_rules(&self, tenant: TenantId) -> Result<Arc<TenantRules>> {
        let scope = Scope::for_tenant_task("detection", tenant);
        let tx = self.db.begin(&scope).await?;
        let source = load_rule_source(&tx, tenant).await?;
        tx.commit().await?;
        let rules = tokio::task::spawn_blocking(move || TenantRules::compile(source))
            .await
            .map_err(Error::internal)?;
        Ok(Arc::new(rules))
    }
}
