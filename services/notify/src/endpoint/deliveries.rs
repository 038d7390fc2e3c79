//! The delivery log as endpoint owners read it.

use super::EndpointId;
use super::store::find;
use crate::entity::delivery;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::{Error, Result, TenantId};
use sea_orm::ColumnTrait;

/// One attempt in the delivery log.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub id: uuid::Uuid,
    pub endpoint_id: EndpointId,
    /// The outbox row (the `Garrison-Delivery` header).
    pub delivery_id: uuid::Uuid,
    pub tenant_id: TenantId,
    pub event: String,
    pub attempt: i32,
    pub attempted_at: DateTime<Utc>,
    pub outcome: String,
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub latency_ms: i64,
}

/// The endpoint's latest attempts, newest first (at most 100).
pub async fn list_deliveries(
    tx: &ScopedTx<'_>,
    id: EndpointId,
    first: Option<i32>,
) -> Result<Vec<Delivery>> {
    find(tx, id).await?;
    let first = first.unwrap_or(20);
    if !(1..=100).contains(&first) {
        return Err(Error::invalid("first", "must be between 1 and 100"));
    }
    let rows = tx
        .select::<delivery::Entity>()
        .filter(delivery::Column::EndpointId.eq(id.as_uuid()))
        .order_by_desc(delivery::Column::AttemptedAt)
        .order_by_desc(delivery::Column::Id)
        .limit(first as u64)
        .all(tx)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| Delivery {
            id: r.id,
            endpoint_id: EndpointId::from_uuid(r.endpoint_id),
            delivery_id: r.outbox_id,
            tenant_id: TenantId::from_uuid(r.tenant_id),
            event: r.event_kind,
            attempt: r.attempt,
            attempted_at: r.attempted_at,
            outcome: r.outcome,
            status_code: r.status_code,
            error: r.error,
            latency_ms: r.latency_ms,
        })
        .collect())
}
