//! Reading the event store: rows back into [`StoredEvent`]s, and reading a
//! tenant's events after a sequence (how detection consumes with a cursor).

use crate::entity::event;
use garrison_core::db::ScopedTx;
use garrison_core::event::{Channel, Event, EventId, LogSource, StoredEvent};
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, TenantId};
use sea_orm::ColumnTrait;

/// A stored row as an event.
pub fn to_stored(row: event::Model) -> Result<StoredEvent> {
    let fields = serde_json::from_str(&row.fields).unwrap_or_default();
    let channel = Channel::parse(&row.channel)
        .ok_or_else(|| Error::internal(format!("stored channel {}", row.channel)))?;
    Ok(StoredEvent {
        seq: row.seq,
        event: Event {
            id: EventId::from_uuid(row.id),
            tenant_id: TenantId::from_uuid(row.tenant_id),
            received_at: row.received_at,
            timestamp: row.event_time,
            channel,
            host: row.host,
            severity: row.severity.and_then(|s| u8::try_from(s).ok()),
            log_source: LogSource {
                product: row.product,
                category: row.category,
                service: row.service,
            },
            fields,
            raw: row.raw,
            raw_truncated: row.raw_truncated,
        },
    })
}

/// Up to `limit` of the tenant's events with `seq > after`, in order.
pub async fn events_after(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    after: i64,
    limit: u64,
) -> Result<Vec<StoredEvent>> {
    tx.scope()
        .require_in(tenant, Resource::Event, Action::Read)?;
    tx.select::<event::Entity>()
        .filter(event::Column::TenantId.eq(tenant.as_uuid()))
        .filter(event::Column::Seq.gt(after))
        .order_by_asc(event::Column::Seq)
        .limit(limit)
        .all(tx)
        .await?
        .into_iter()
        .map(to_stored)
        .collect()
}

/// The tenant's events with these ids (an alert's matching events), oldest first.
/// Ids of other tenants or of expired events are simply absent.
pub async fn events_by_ids(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    ids: &[EventId],
) -> Result<Vec<StoredEvent>> {
    tx.scope()
        .require_in(tenant, Resource::Event, Action::Read)?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let raw: Vec<uuid::Uuid> = ids.iter().map(EventId::as_uuid).collect();
    tx.select::<event::Entity>()
        .filter(event::Column::TenantId.eq(tenant.as_uuid()))
        .filter(event::Column::Id.is_in(raw))
        .order_by_asc(event::Column::Seq)
        .all(tx)
        .await?
        .into_iter()
        .map(to_stored)
        .collect()
}
