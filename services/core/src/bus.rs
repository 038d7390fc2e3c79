//! The bus between roles: after ingest commits events it announces them, and
//! consumers (detection) read them from the store by sequence with a durable
//! cursor. The notice carries positions, not events, so a slow or restarted
//! consumer loses nothing: it simply reads from its cursor.
//!
//! In one process the bus is a broadcast channel; the scale-out issue adds a
//! NATS JetStream implementation of the same trait.

use crate::TenantId;
use async_trait::async_trait;
use tokio::sync::broadcast;

/// "Tenant T's events up to sequence S are committed."
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// The next notice.
    pub async fn recv(&mut self) -> Received {
        match self.receiver.recv().await {
            Ok(notice) => Received::Notice(notice),
            Err(broadcast::error::RecvError::Lagged(n)) => Received::Lagged(n),
            Err(broadcast::error::RecvError::Closed) => Received::Closed,
        }
    }
}

/// The in-process bus (the embedded default).
pub struct LocalBus {
    sender: broadcast::Sender<StoredNotice>,
}

impl LocalBus {
    /// A bus buffering up to `capacity` notices per slow subscriber.
    pub fn new(capacity: usize) -> LocalBus {
        let (sender, _) = broadcast::channel(capacity.max(16));
        LocalBus { sender }
    }
}

#[async_trait]
impl Bus for LocalBus {
    async fn publish(&self, notice: StoredNotice) {
        // No subscribers is fine: consumers catch up from their cursors.
        let _ = self.sender.send(notice);
    }

    fn subscribe(&self) -> Subscription {
        Subscription {
            receiver: self.sender.subscribe(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
