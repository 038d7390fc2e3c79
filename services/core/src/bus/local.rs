//! The in-process bus (the embedded default): a broadcast channel.

use super::{Bus, StoredNotice, Subscription};
use async_trait::async_trait;
use tokio::sync::broadcast;

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
        Subscription::from_receiver(self.sender.subscribe())
    }
}
