//! The detection loop on a shared bus: rebalance partition ownership every third
//! of the lease, run one durable consumer per owned partition (a notice is
//! acknowledged only after its tenant's pass committed, and failed passes are
//! redelivered, then dead-lettered), and catch the owned tenants up from their
//! cursors when partitions are taken and on every sweep. Sweeps run in their own
//! task: a long catch-up must never delay the lease renewals.

use super::Detection;
use super::ownership::Ownership;
use garrison_core::bus::Bus;
use garrison_core::lease::holder_id;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

/// Starts the partitioned loop; it ends when `shutdown` turns true, releasing
/// what it owns so the other processes take over at once.
pub(super) fn spawn(
    detection: &Arc<Detection>,
    bus: Arc<dyn Bus>,
    partitions: u32,
    mut shutdown: watch::Receiver<bool>,
) -> JoinHandle<()> {
    let ownership = Arc::new(Ownership::new(
        detection.db.clone(),
        holder_id("detection"),
        partitions,
        detection.config.partition_lease,
    ));
    let ownership = detection.ownership.get_or_init(|| ownership).clone();
    let me = detection.clone();
    let catch_up = Arc::new(Notify::new());
    let sweeper = spawn_sweeper(me.clone(), catch_up.clone(), shutdown.clone());
    tokio::spawn(async move {
        let mut consumers: HashMap<u32, JoinHandle<()>> = HashMap::new();
        let mut rebalance = tokio::time::interval(ownership.period());
        rebalance.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = shutdown.changed() => break,
                _ = rebalance.tick() => {
                    let change = match ownership.rebalance().await {
                        Ok(change) => change,
                        Err(e) => {
                            tracing::warn!(error = %e, "partition rebalance failed; keeping current leases until they lapse");
                            continue;
                        }
                    };
                    for p in &change.lost {
                        if let Some(task) = consumers.remove(p) {
                            task.abort();
                        }
                    }
                    if !change.lost.is_empty() {
                        me.forget_partitions(&change.lost).await;
                    }
                    if !change.gained.is_empty() {
                        // Notices may have been discarded or acknowledged by the
                        // previous owner: catch the new tenants up from their cursors.
                        catch_up.notify_one();
                    }
                    for p in change.gained {
                        consumers.insert(p, spawn_consumer(me.clone(), bus.clone(), p));
                    }
                    // A consumer that ended (connection lost) is started again.
                    let ended: Vec<u32> = consumers.iter().filter(|(_, t)| t.is_finished()).map(|(p, _)| *p).collect();
                    for p in ended {
                        consumers.insert(p, spawn_consumer(me.clone(), bus.clone(), p));
                    }
                }
            }
        }
        for (_, task) in consumers.drain() {
            task.abort();
        }
        sweeper.abort();
        ownership.release_all().await;
        tracing::info!("detection stopped");
    })
}

/// Sweeps the owned tenants every `sweep_every`, and at once when asked.
fn spawn_sweeper(
    me: Arc<Detection>,
    catch_up: Arc<Notify>,
    mut shutdown: watch::Receiver<bool>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut sweep = tokio::time::interval(me.config.sweep_every);
        sweep.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = shutdown.changed() => break,
                _ = sweep.tick() => {}
                _ = catch_up.notified() => {}
            }
            me.log_pass(me.sweep().await);
        }
    })
}

/// Consumes one partition: catch its tenants up first (notices may have been
/// discarded or acknowledged by a previous owner), then follow its notices.
fn spawn_consumer(me: Arc<Detection>, bus: Arc<dyn Bus>, partition: u32) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut consumer = loop {
            match bus.consume_partition(partition).await {
                Ok(c) => break c,
                Err(e) => {
                    tracing::warn!(partition, error = %e, "partition consumer unavailable; retrying");
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
            }
        };
        while let Some(delivery) = consumer.next().await {
            let tenant = delivery.notice.tenant_id;
            match me.process_tenant(tenant).await {
                Ok(stats) => {
                    me.log_pass(Ok(stats));
                    delivery.done().await;
                }
                Err(e) => {
                    tracing::warn!(partition, tenant_id = %tenant, attempts = delivery.attempts(), error = %e, "detection pass failed; the notice will be redelivered");
                    delivery.failed(&e.to_string()).await;
                }
            }
        }
    })
}
