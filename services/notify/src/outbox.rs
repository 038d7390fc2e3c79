//! The transactional outbox: [`enqueue`] writes one row per endpoint that wants
//! an event, inside the caller's transaction, so a rolled-back action notifies
//! nobody and a committed one is never lost. A row's dedup key is unique per
//! endpoint, so an event emitted twice is queued once.

use crate::endpoint::{Owner, Routable, from_provider_row, from_tenant_row};
use crate::entity::{endpoint, outbox, provider_endpoint};
use crate::event::NotificationEvent;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::{Error, Result, TenantId};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::OnConflict;

/// Queues `event` of `tenant` for every enabled endpoint that wants it: the
/// tenant's own and the provider-wide ones. Returns how many rows were queued
/// (0 for an event already queued). No role check: the caller's service has
/// authorised the action the event reports.
pub async fn enqueue(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    event: NotificationEvent,
    now: DateTime<Utc>,
) -> Result<u64> {
    tx.check_tenant(tenant)?;
    let mut targets: Vec<Routable> = tx
        .select::<endpoint::Entity>()
        .filter(endpoint::Column::TenantId.eq(tenant.as_uuid()))
        .filter(endpoint::Column::Enabled.eq(true))
        .all(tx)
        .await?
        .into_iter()
        .map(from_tenant_row)
        .collect::<Result<_>>()?;
    let provider = tx
        .select_catalog::<provider_endpoint::Entity>()
        .filter(provider_endpoint::Column::Enabled.eq(true))
        .filter(provider_endpoint::Column::DeletedAt.is_null())
        .all(tx)
        .await?;
    for row in provider {
        targets.push(from_provider_row(row)?);
    }
    let mut queued = 0;
    for target in targets.iter().filter(|t| t.endpoint.wants(&event)) {
        queued += queue_for(tx, tenant, target, &event, now).await?;
    }
    Ok(queued)
}

/// Queues one event for one endpoint (no subscription check). While the
/// endpoint's circuit is open the row waits for its next probe.
pub(crate) async fn queue_for(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    target: &Routable,
    event: &NotificationEvent,
    now: DateTime<Utc>,
) -> Result<u64> {
    let payload = serde_json::to_string(event).map_err(Error::internal)?;
    let due = match target.endpoint.circuit_until {
        Some(until) if until > now => until,
        _ => now,
    };
    let row = outbox::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        tenant_id: Set(tenant.as_uuid()),
        endpoint_id: Set(target.endpoint.id.as_uuid()),
        provider: Set(target.endpoint.owner == Owner::Provider),
        event_kind: Set(event.kind.as_str().into()),
        dedup_key: Set(event.dedup_key.clone()),
        payload: Set(payload),
        occurred_at: Set(event.occurred_at),
        created_at: Set(now),
        next_attempt_at: Set(due),
        attempts: Set(0),
        status: Set("pending".into()),
        claim: Set(None),
        claimed_until: Set(None),
        last_error: Set(None),
        finished_at: Set(None),
    };
    let conflict = OnConflict::columns([
        outbox::Column::TenantId,
        outbox::Column::EndpointId,
        outbox::Column::DedupKey,
    ])
    .do_nothing()
    .to_owned();
    tx.upsert(tenant, row, conflict).await
}
