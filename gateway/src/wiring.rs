//! The joints between services that must not import each other: detection reads
//! what ingest stored through `EventLog`, and hands alerts to cases through
//! `AlertSink`. The gateway (which depends on every service) plugs them together.

use garrison_core::db::Db;
use garrison_core::event::{EventLog, StoredEvent};
use garrison_core::{Result, Scope, TenantId};

/// Ingest's event store, read by sequence for one tenant at a time.
pub struct IngestEventLog {
    db: Db,
}

impl IngestEventLog {
    pub fn new(db: Db) -> IngestEventLog {
        IngestEventLog { db }
    }
}

#[async_trait::async_trait]
impl EventLog for IngestEventLog {
    async fn read_after(
        &self,
        tenant: TenantId,
        after: i64,
        limit: u64,
    ) -> Result<Vec<StoredEvent>> {
        let scope = Scope::for_tenant_task("detection", tenant);
        let tx = self.db.begin(&scope).await?;
        let events = garrison_ingest::store::events_after(&tx, tenant, after, limit).await?;
        tx.commit().await?;
        Ok(events)
    }
}
