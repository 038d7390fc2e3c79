//! A keeper holds a fixed set of leases for one process: it tries to take (or
//! renew) each every third of the time-to-live, and answers "do I hold it now?"
//! without touching the database, so a job checks before each run for free.

use super::{Held, acquire, release};
use crate::db::Db;
use chrono::Utc;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;

/// The leases one process keeps trying to hold.
pub struct Keeper {
    db: Db,
    holder: String,
    ttl: Duration,
    names: Vec<String>,
    held: Mutex<HashMap<String, Held>>,
}

impl Keeper {
    /// A keeper for `names`, held as `holder` with `ttl`; call [`Keeper::spawn`].
    pub fn new(db: Db, holder: String, names: Vec<String>, ttl: Duration) -> Arc<Keeper> {
        Arc::new(Keeper {
            db,
            holder,
            ttl,
            names,
            held: Mutex::new(HashMap::new()),
        })
    }

    /// This process's holder id.
    pub fn holder(&self) -> &str {
        &self.holder
    }

    /// Renews until `shutdown` turns true, then releases what it holds so a
    /// standby takes over at once instead of after the expiry.
    pub fn spawn(
        self: &Arc<Self>,
        mut shutdown: watch::Receiver<bool>,
    ) -> tokio::task::JoinHandle<()> {
        let me = self.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(me.ttl / 3);
            every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = shutdown.changed() => break,
                    _ = every.tick() => me.renew_all().await,
                }
            }
            me.release_all().await;
        })
    }

    /// One round: take or renew every lease.
    pub async fn renew_all(&self) {
        for name in &self.names {
            let outcome = acquire(&self.db, name, &self.holder, self.ttl, Utc::now()).await;
            let mut held = self.held.lock().unwrap_or_else(|p| p.into_inner());
            match outcome {
                Ok(Some(lease)) => {
                    if held.get(name).is_none_or(|h| h.epoch != lease.epoch) {
                        tracing::info!(lease = %name, holder = %self.holder, epoch = lease.epoch, "lease taken");
                    }
                    held.insert(name.clone(), lease);
                }
                Ok(None) => {
                    if held.remove(name).is_some() {
                        tracing::warn!(lease = %name, holder = %self.holder, "lease lost to another holder");
                    }
                }
                // Keep what we had: it lapses on its own at `expires_at`.
                Err(e) => tracing::warn!(lease = %name, error = %e, "lease renewal failed"),
            }
        }
    }

    /// The lease if this process holds it now (unexpired).
    pub fn held(&self, name: &str) -> Option<Held> {
        let held = self.held.lock().unwrap_or_else(|p| p.into_inner());
        held.get(name)
            .filter(|h| h.expires_at > Utc::now())
            .cloned()
    }

    async fn release_all(&self) {
        let names: Vec<String> = {
            let mut held = self.held.lock().unwrap_or_else(|p| p.into_inner());
            held.drain().map(|(name, _)| name).collect()
        };
        for name in names {
            if let Err(e) = release(&self.db, &name, &self.holder, Utc::now()).await {
                tracing::warn!(lease = %name, error = %e, "lease release failed; it lapses on its own");
            }
        }
    }
}
