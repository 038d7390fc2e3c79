//! Partition ownership when several detection processes share a bus: tenants
//! hash onto a fixed number of partitions, and each partition has one owner at a
//! time, by lease. Only the owner evaluates a tenant, so a tenant's correlation
//! windows are never split between processes.
//!
//! Every process renews a membership lease; each round it counts the live
//! members, aims for its fair share (partitions / members, rounded up), gives up
//! partitions beyond it (so a newcomer gets work) and takes free ones up to it. A
//! process that dies stops renewing, and its partitions are taken by the others
//! once their leases lapse.

use chrono::Utc;
use garrison_core::bus::partition_of;
use garrison_core::db::Db;
use garrison_core::lease::{self, Held};
use garrison_core::{Result, TenantId};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use std::time::Duration;

const MEMBER_PREFIX: &str = "member.detection.";
const PARTITION_PREFIX: &str = "detection.partition.";

/// What one round changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Change {
    pub gained: Vec<u32>,
    pub lost: Vec<u32>,
}

/// This process's share of the partitions.
pub struct Ownership {
    db: Db,
    holder: String,
    partitions: u32,
    ttl: Duration,
    held: Mutex<BTreeMap<u32, Held>>,
}

impl Ownership {
    pub fn new(db: Db, holder: String, partitions: u32, ttl: Duration) -> Ownership {
        Ownership {
            db,
            holder,
            partitions: partitions.max(1),
            ttl,
            held: Mutex::new(BTreeMap::new()),
        }
    }

    /// This process's holder id.
    pub fn holder(&self) -> &str {
        &self.holder
    }

    /// How often to run [`Ownership::rebalance`]: a third of the lease.
    pub fn period(&self) -> Duration {
        self.ttl / 3
    }

    /// The partition a tenant belongs to.
    pub fn partition_of(&self, tenant: TenantId) -> u32 {
        partition_of(tenant, self.partitions)
    }

    /// The lease under which this process may evaluate `tenant`, if it owns it now.
    pub fn lease_for(&self, tenant: TenantId) -> Option<Held> {
        let held = self.held.lock().unwrap_or_else(|p| p.into_inner());
        held.get(&self.partition_of(tenant))
            .filter(|h| h.expires_at > Utc::now())
            .cloned()
    }

    /// The partitions held now.
    pub fn owned(&self) -> BTreeSet<u32> {
        let held = self.held.lock().unwrap_or_else(|p| p.into_inner());
        held.keys().copied().collect()
    }

    /// One round: heartbeat, renew, give up extras, take free partitions.
    pub async fn rebalance(&self) -> Result<Change> {
        let now = Utc::now();
        let member = format!("{MEMBER_PREFIX}{}", self.holder);
        lease::acquire(&self.db, &member, &self.holder, self.ttl, now).await?;
        let members = lease::live(&self.db, MEMBER_PREFIX, now)
            .await?
            .len()
            .max(1);
        let share = (self.partitions as usize).div_ceil(members);
        let mut change = Change::default();

        let mine: Vec<u32> = self.owned().into_iter().collect();
        for p in mine {
            let renewed = lease::acquire(&self.db, &name(p), &self.holder, self.ttl, now).await?;
            let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
            match renewed {
                Some(h) if held.get(&p).is_some_and(|old| old.epoch == h.epoch) => {
                    held.insert(p, h);
                }
                // Lost, or lost and regained in between: either way the windows
                // this process has for it are stale.
                _ => {
                    held.remove(&p);
                    change.lost.push(p);
                }
            }
        }
        let extras: Vec<u32> = {
            let held = self.held.lock().unwrap_or_else(|e| e.into_inner());
            held.keys()
                .rev()
                .take(held.len().saturating_sub(share))
                .copied()
                .collect()
        };
        for p in extras {
            self.held
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&p);
            lease::release(&self.db, &name(p), &self.holder, now).await?;
            change.lost.push(p);
        }
        let count = self.owned().len();
        if count < share {
            let taken: BTreeSet<String> = lease::live(&self.db, PARTITION_PREFIX, now)
                .await?
                .into_iter()
                .map(|h| h.name)
                .collect();
            // Start at a holder-specific offset so newcomers do not all race for 0.
            let offset = self.holder.bytes().map(u32::from).sum::<u32>() % self.partitions;
            let mut wanted = share - count;
            for i in 0..self.partitions {
                if wanted == 0 {
                    break;
                }
                let p = (offset + i) % self.partitions;
                if taken.contains(&name(p)) || self.owned().contains(&p) {
                    continue;
                }
                if let Some(h) =
                    lease::acquire(&self.db, &name(p), &self.holder, self.ttl, now).await?
                {
                    self.held
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(p, h);
                    change.gained.push(p);
                    wanted -= 1;
                }
            }
        }
        if !change.gained.is_empty() || !change.lost.is_empty() {
            tracing::info!(
                holder = %self.holder,
                members,
                share,
                gained = ?change.gained,
                lost = ?change.lost,
                "detection partitions rebalanced"
            );
        }
        Ok(change)
    }

    /// Gives every partition and the membership up (clean shutdown), so the
    /// others take over at once.
    pub async fn release_all(&self) {
        let now = Utc::now();
        let mine: Vec<u32> = {
            let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
            let keys = held.keys().copied().collect();
            held.clear();
            keys
        };
        for p in mine {
            let _ = lease::release(&self.db, &name(p), &self.holder, now).await;
        }
        let member = format!("{MEMBER_PREFIX}{}", self.holder);
        let _ = lease::release(&self.db, &member, &self.holder, now).await;
        // Membership rows of processes gone for an hour are noise.
        let _ = lease::prune(&self.db, MEMBER_PREFIX, now - chrono::Duration::hours(1)).await;
    }
}

fn name(partition: u32) -> String {
    format!("{PARTITION_PREFIX}{partition}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use garrison_core::db::testing::TestDb;

    #[tokio::test]
    async fn two_processes_split_the_partitions_and_the_survivor_takes_all() {
        let t = TestDb::new().await;
        let ttl = Duration::from_millis(900);
        let a = Ownership::new(t.db.clone(), "a".into(), 8, ttl);
        let b = Ownership::new(t.db.clone(), "b".into(), 8, ttl);
        let first = a.rebalance().await.expect("a");
        assert_eq!(first.gained.len(), 8, "alone, a takes everything");
        b.rebalance().await.expect("b joins");
        a.rebalance().await.expect("a gives up its extras");
        b.rebalance().await.expect("b takes them");
        assert_eq!(a.owned().len(), 4);
        assert_eq!(b.owned().len(), 4);
        assert!(a.owned().is_disjoint(&b.owned()));
        // Every tenant has exactly one owner.
        for _ in 0..50 {
            let tenant = TenantId::new();
            assert!(a.lease_for(tenant).is_some() ^ b.lease_for(tenant).is_some());
        }
        // b dies (stops renewing): after its leases lapse a owns everything again.
        tokio::time::sleep(Duration::from_millis(1000)).await;
        a.rebalance().await.expect("a alone again");
        assert_eq!(a.owned().len(), 8);
        let lost = b.rebalance().await.expect("b comes back");
        assert_eq!(lost.lost.len(), 4, "b learns it lost what it had");
    }

    #[tokio::test]
    async fn a_clean_shutdown_hands_over_at_once() {
        let t = TestDb::new().await;
        let ttl = Duration::from_secs(60);
        let a = Ownership::new(t.db.clone(), "a".into(), 4, ttl);
        let b = Ownership::new(t.db.clone(), "b".into(), 4, ttl);
        a.rebalance().await.expect("a");
        a.release_all().await;
        b.rebalance().await.expect("b");
        assert_eq!(b.owned().len(), 4);
    }
}
