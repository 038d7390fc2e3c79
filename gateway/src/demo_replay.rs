//! The demo's detection replay: the demo's day of traffic is stored at once, but
//! a newcomer should see what a day of live detection leaves behind (alerts raised
//! minutes after their events, not all at the moment `garrison demo` ran). So the
//! demo steps a clock through the day and lets detection see only the events that
//! had "happened" by each step.

use garrison_core::clock::{Clock, ManualClock};
use garrison_core::event::{EventLog, StoredEvent};
use garrison_core::{Result, TenantId};
use std::sync::Arc;

/// An event log that hides events whose time is after the clock's now.
pub struct ReplayLog {
    inner: Arc<dyn EventLog>,
    clock: Arc<ManualClock>,
}

impl ReplayLog {
    pub fn new(inner: Arc<dyn EventLog>, clock: Arc<ManualClock>) -> ReplayLog {
        ReplayLog { inner, clock }
    }
}

#[async_trait::async_trait]
impl EventLog for ReplayLog {
    async fn read_after(
        &self,
        tenant: TenantId,
        after: i64,
        limit: u64,
    ) -> Result<Vec<StoredEvent>> {
        let now = self.clock.now();
        let mut events = self.inner.read_after(tenant, after, limit).await?;
        // A prefix only: the cursor must never skip an event it has not evaluated.
        let visible = events
            .iter()
            .position(|e| e.event.timestamp > now)
            .unwrap_or(events.len());
        events.truncate(visible);
        Ok(events)
    }
}
