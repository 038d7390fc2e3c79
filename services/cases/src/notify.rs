//! The in-process feed of alert changes behind the `alertEvents` subscription.
//! It carries ids and tenants only; a subscriber re-reads the alert through its own
//! scope, so the feed can never leak another tenant's data to it.

use crate::alerts::AlertId;
use garrison_core::TenantId;
use tokio::sync::broadcast;

/// What happened to an alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Raised,
    Updated,
}

/// One change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlertChange {
    pub tenant_id: TenantId,
    pub alert_id: AlertId,
    pub kind: ChangeKind,
}

/// A broadcast of alert changes (slow subscribers skip ahead; they re-query).
#[derive(Debug, Clone)]
pub struct AlertFeed {
    sender: broadcast::Sender<AlertChange>,
}

impl Default for AlertFeed {
    fn default() -> Self {
        AlertFeed::new(1024)
    }
}

impl AlertFeed {
    /// A feed buffering `capacity` changes per subscriber.
    pub fn new(capacity: usize) -> AlertFeed {
        let (sender, _) = broadcast::channel(capacity.max(16));
        AlertFeed { sender }
    }

    /// Announces changes (after their transaction committed).
    pub fn publish(&self, changes: impl IntoIterator<Item = AlertChange>) {
        for change in changes {
            // No subscriber is fine.
            let _ = self.sender.send(change);
        }
    }

    /// A new subscription.
    pub fn subscribe(&self) -> broadcast::Receiver<AlertChange> {
        self.sender.subscribe()
    }
}
