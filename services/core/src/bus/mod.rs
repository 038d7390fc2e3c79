//! The bus between roles: after ingest commits events it announces them, and
//! consumers (detection) read them from the store by sequence with a durable
//! cursor. The notice carries positions, not events, so a slow or restarted
//! consumer loses nothing: it simply reads from its cursor.
//!
//! In one process the bus is a broadcast channel ([`LocalBus`]). When the roles
//! run apart it is NATS JetStream (`nats`, feature `nats`): notices go to a
//! subject per partition and tenant, and each partition has a durable consumer
//! that one detection process at a time owns (by lease), acknowledging a notice
//! only after the alerts for those events are committed.

mod local;
#[cfg(feature = "nats")]
pub mod nats;

pub use local::LocalBus;

use crate::{Result, TenantId};
use async_trait::async_trait;
use tokio::sync::broadcast;

/// "Tenant T's events up to sequence S are committed."
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StoredNotice {
    pub tenant_id: TenantId,
    pub last_seq: i64,
    pub count: u64,
}

/// Publishes and subscribes to stored-event notices.
#[async_trait]
pub trait Bus: Send + Sync {
    /// Announces committed events. Never blocks on slow consumers.
    async fn publish(&self, notice: StoredNotice);
    /// A new subscription; it sees notices published after it was made.
    fn subscribe(&self) -> Subscription;
    /// How many partitions consumers must own one at a time, when the bus is
    /// shared by processes; `None` for the in-process bus (one consumer owns all).
    fn partitions(&self) -> Option<u32> {
        None
    }
    /// The durable consumer of one partition (shared buses only).
    async fn consume_partition(&self, partition: u32) -> Result<PartitionConsumer> {
        Err(crate::Error::internal(format!(
            "this bus has no partitions (asked for {partition})"
        )))
    }
}

/// Which partition a tenant's notices go to: FNV-1a over the tenant id, so every
/// process and every version agrees.
pub fn partition_of(tenant: TenantId, partitions: u32) -> u32 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in tenant.as_uuid().as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (hash % u64::from(partitions.max(1))) as u32
}

/// One delivered notice from a partition's durable consumer. Finish it with
/// [`Delivery::done`] once its events' alerts are committed, or
/// [`Delivery::failed`] to have it redelivered (and dead-lettered after the
/// configured number of attempts).
pub struct Delivery {
    pub notice: StoredNotice,
    acker: Box<dyn Acker>,
}

impl Delivery {
    pub fn new(notice: StoredNotice, acker: Box<dyn Acker>) -> Delivery {
        Delivery { notice, acker }
    }

    /// How many times this notice has been delivered (1 the first time).
    pub fn attempts(&self) -> u64 {
        self.acker.attempts()
    }

    /// The work is committed: never deliver this notice again.
    pub async fn done(self) {
        if let Err(e) = self.acker.ack().await {
            // The notice comes back after the ack wait; replay is idempotent.
            tracing::warn!(error = %e, "bus acknowledgement failed");
        }
    }

    /// The work failed: deliver again later, or dead-letter it when attempts ran out.
    pub async fn failed(self, reason: &str) {
        if let Err(e) = self.acker.retry(&self.notice, reason).await {
            tracing::warn!(error = %e, "bus negative acknowledgement failed");
        }
    }
}

/// How a delivery is acknowledged on its bus.
#[async_trait]
pub trait Acker: Send + Sync {
    fn attempts(&self) -> u64;
    async fn ack(&self) -> Result<()>;
    async fn retry(&self, notice: &StoredNotice, reason: &str) -> Result<()>;
}

/// A partition's stream of deliveries.
pub struct PartitionConsumer {
    inner: Box<dyn DeliveryStream>,
}

impl PartitionConsumer {
    pub fn new(inner: Box<dyn DeliveryStream>) -> PartitionConsumer {
        PartitionConsumer { inner }
    }

    /// The next delivery; `None` when the consumer ended (connection closed).
    pub async fn next(&mut self) -> Option<Delivery> {
        self.inner.next().await
    }
}

/// What a bus implements to stream a partition's deliveries.
#[async_trait]
pub trait DeliveryStream: Send {
    async fn next(&mut self) -> Option<Delivery>;
}

/// A subscription. `Lagged` means notices were missed: read from the cursor.
pub struct Subscription {
    receiver: broadcast::Receiver<StoredNotice>,
}

/// What a subscription yields.
#[derive(Debug, PartialEq, Eq)]
pub enum Received {
    Notice(StoredNotice),
    /// Some notices were dropped because the consumer was slow.
    Lagged(u64),
    Closed,
}

impl Subscription {
    pub(crate) fn from_receiver(receiver: broadcast::Receiver<StoredNotice>) -> Subscription {
        Subscription { receiver }
    }

    /// The next notice.
    pub async fn recv(&mut self) -> Received {
        match self.receiver.recv().await {
            Ok(notice) => Received::Notice(notice),
            Err(broadcast::error::RecvError::Lagged(n)) => Received::Lagged(n),
            Err(broadcast::error::RecvError::Closed) => Received::Closed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_are_stable_and_spread() {
        let tenants: Vec<TenantId> = (0..1000).map(|_| TenantId::new()).collect();
        let mut counts = [0u32; 16];
        for t in &tenants {
            let p = partition_of(*t, 16);
            assert_eq!(p, partition_of(*t, 16));
            counts[p as usize] += 1;
        }
        // 1000 tenants over 16 partitions: every partition gets a fair share.
        assert!(
            counts.iter().all(|&c| (30..=100).contains(&c)),
            "{counts:?}"
        );
        let fixed = TenantId::from_uuid(uuid::Uuid::from_u128(0x0123_4567_89ab_cdef));
        assert_eq!(partition_of(fixed, 16), partition_of(fixed, 16));
        assert_eq!(partition_of(fixed, 1), 0);
    }

    #[tokio::test]
    async fn subscribers_see_notices_and_learn_when_they_lag() {
        let bus = LocalBus::new(16);
        let mut sub = bus.subscribe();
        let tenant = TenantId::new();
        bus.publish(StoredNotice {
            tenant_id: tenant,
            last_seq: 7,
            count: 3,
        })
        .await;
        assert_eq!(
            sub.recv().await,
            Received::Notice(StoredNotice {
                tenant_id: tenant,
                last_seq: 7,
                count: 3
            })
        );
        for i in 0..40 {
            bus.publish(StoredNotice {
                tenant_id: tenant,
                last_seq: i,
                count: 1,
            })
            .await;
        }
        assert!(matches!(sub.recv().await, Received::Lagged(_)));
    }
}
