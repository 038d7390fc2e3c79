//! Creating, listing, changing, deleting and testing endpoints, and reading
//! their delivery log. Tenant endpoints need `Notification` rights in their tenant
//! (customer admins in their own, provider admins anywhere); provider-wide ones
//! are the provider admins' alone, and do not exist for anyone else (`not_found`).

use super::{
    Endpoint, EndpointId, EndpointKind, EndpointPatch, NewEndpoint, Owner, Routable, events_text,
    from_provider_row, from_tenant_row, parse_events, parse_target,
};
use crate::entity::{delivery, endpoint, outbox, provider_endpoint};
use crate::event::{EventKind, NotificationEvent};
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource, Role};
use garrison_core::scope::TenantAccess;
use garrison_core::{Error, Result, Scope, Secret, Severity, TenantId, audit, token, validate};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ColumnTrait, Condition};
use serde_json::json;

/// Most endpoints per tenant (and provider-wide).
pub const MAX_ENDPOINTS: u64 = 50;

/// A created endpoint and its signing secret, shown this once (webhooks only).
#[derive(Debug)]
pub struct CreatedEndpoint {
    pub endpoint: Endpoint,
    pub signing_secret: Option<Secret<String>>,
}

fn provider_admin(scope: &Scope) -> bool {
    scope.role() == Role::ProviderAdmin && matches!(scope.tenants(), TenantAccess::All)
}

/// Creates an endpoint. Email endpoints need an SMTP relay (`smtp_configured`).
pub async fn create_endpoint(
    tx: &ScopedTx<'_>,
    input: NewEndpoint,
    smtp_configured: bool,
    now: DateTime<Utc>,
) -> Result<CreatedEndpoint> {
    match input.tenant_id {
        Some(t) => tx
            .scope()
            .require_in(t, Resource::Notification, Action::Create)?,
        None if provider_admin(tx.scope()) => {}
        None => {
            return Err(Error::Forbidden(
                "provider-wide endpoints are for provider admins; pass input.tenantId".into(),
            ));
        }
    }
    let name = validate::name("input.name", &input.name)?;
    if input.kind == EndpointKind::Email && !smtp_configured {
        return Err(Error::invalid(
            "input.kind",
            "email endpoints need an SMTP relay, and none is configured ([notify] smtp_url)",
        ));
    }
    let target = parse_target("input.target", input.kind, &input.target)?;
    let events = parse_events("input.events", &input.events)?;
    check_provider_only(tx.scope(), "input.events", &events)?;
    let min_severity = input.min_severity.unwrap_or(Severity::Informational);
    let secret = (input.kind == EndpointKind::Webhook)
        .then(|| Secret::new(format!("whsec_{}", token::random_token(32))));
    let id = EndpointId::new();
    let stored_secret = secret.as_ref().map(|s| s.expose().clone());
    let routable = match input.tenant_id {
        Some(tenant) => {
            let count = tx
                .select::<endpoint::Entity>()
                .filter(endpoint::Column::TenantId.eq(tenant.as_uuid()))
                .count(tx)
                .await?;
            if count >= MAX_ENDPOINTS {
                return Err(Error::invalid(
                    "input.tenantId",
                    format!("the tenant already has {MAX_ENDPOINTS} endpoints"),
                ));
            }
            let row = endpoint::ActiveModel {
                id: Set(id.as_uuid()),
                tenant_id: Set(tenant.as_uuid()),
                name: Set(name.clone()),
                kind: Set(input.kind.as_str().into()),
                target: Set(target),
                events: Set(events_text(&events)),
                min_severity: Set(min_severity.rank()),
                enabled: Set(true),
                secret: Set(stored_secret),
                failures: Set(0),
                circuit_until: Set(None),
                disabled_reason: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
            };
            let created = from_tenant_row(tx.insert(tenant, row).await?)?;
            audit::record(
                tx,
                tenant,
                "notification_endpoint.create",
                &format!("notification_endpoint:{id}"),
                json!({"name": name, "kind": input.kind.as_str(), "events": events}),
            )
            .await?;
            created
        }
        None => {
            let count = tx
                .select_catalog::<provider_endpoint::Entity>()
                .filter(provider_endpoint::Column::DeletedAt.is_null())
                .count(tx)
                .await?;
            if count >= MAX_ENDPOINTS {
                return Err(Error::invalid(
                    "input",
                    format!("there are already {MAX_ENDPOINTS} provider-wide endpoints"),
                ));
            }
            let row = provider_endpoint::ActiveModel {
                id: Set(id.as_uuid()),
                name: Set(name),
                kind: Set(input.kind.as_str().into()),
                target: Set(target),
                events: Set(events_text(&events)),
                min_severity: Set(min_severity.rank()),
                enabled: Set(true),
                secret: Set(stored_secret),
                failures: Set(0),
                circuit_until: Set(None),
                disabled_reason: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                deleted_at: Set(None),
            };
            from_provider_row(tx.insert_catalog(row).await?)?
        }
    };
    tracing::info!(endpoint_id = %id, kind = input.kind.as_str(), "notification endpoint created");
    Ok(CreatedEndpoint {
        endpoint: routable.endpoint,
        signing_secret: secret,
    })
}

/// One endpoint the caller may read (with its secret, for this crate only).
pub(crate) async fn find(tx: &ScopedTx<'_>, id: EndpointId) -> Result<Routable> {
    if let Some(row) = tx
        .select::<endpoint::Entity>()
        .filter(endpoint::Column::Id.eq(id.as_uuid()))
        .one(tx)
        .await?
    {
        tx.scope().require_in(
            TenantId::from_uuid(row.tenant_id),
            Resource::Notification,
            Action::Read,
        )?;
        return from_tenant_row(row);
    }
    if !provider_admin(tx.scope()) {
        return Err(Error::NotFound);
    }
    let row = tx
        .select_catalog::<provider_endpoint::Entity>()
        .filter(provider_endpoint::Column::Id.eq(id.as_uuid()))
        .filter(provider_endpoint::Column::DeletedAt.is_null())
        .found(tx)
        .await?;
    from_provider_row(row)
}

/// Customers may not subscribe to the provider's own events (a failed payment
/// is the account manager's conversation to have, and billing is what the
/// provider chooses to show): such an event is refused, naming the argument.
fn check_provider_only(scope: &Scope, field: &str, events: &[EventKind]) -> Result<()> {
    match events.iter().find(|e| e.provider_only()) {
        Some(e) if scope.role().is_customer() => Err(Error::invalid(
            field,
            format!("`{}` is for the provider's staff", e.as_str()),
        )),
        _ => Ok(()),
    }
}

fn require(scope: &Scope, owner: Owner, action: Action) -> Result<()> {
    match owner {
        Owner::Tenant(t) => scope.require_in(t, Resource::Notification, action),
        Owner::Provider if provider_admin(scope) => Ok(()),
        Owner::Provider => Err(Error::NotFound),
    }
}

/// One endpoint (`not_found` outside the caller's reach).
pub async fn get_endpoint(tx: &ScopedTx<'_>, id: EndpointId) -> Result<Endpoint> {
    Ok(find(tx, id).await?.endpoint)
}

/// A tenant's endpoints, or (without a tenant) the provider-wide ones.
pub async fn list_endpoints(tx: &ScopedTx<'_>, tenant: Option<TenantId>) -> Result<Vec<Endpoint>> {
    let rows = match tenant {
        Some(t) => {
            tx.scope()
                .require_in(t, Resource::Notification, Action::Read)?;
            tx.select::<endpoint::Entity>()
                .filter(endpoint::Column::TenantId.eq(t.as_uuid()))
                .order_by_asc(endpoint::Column::Id)
                .all(tx)
                .await?
                .into_iter()
                .map(from_tenant_row)
                .collect::<Result<Vec<_>>>()?
        }
        None if provider_admin(tx.scope()) => tx
            .select_catalog::<provider_endpoint::Entity>()
            .filter(provider_endpoint::Column::DeletedAt.is_null())
            .order_by_asc(provider_endpoint::Column::Id)
            .all(tx)
            .await?
            .into_iter()
            .map(from_provider_row)
            .collect::<Result<Vec<_>>>()?,
        None => {
            return Err(Error::Forbidden(
                "provider-wide endpoints are for provider admins; pass tenantId".into(),
            ));
        }
    };
    Ok(rows.into_iter().map(|r| r.endpoint).collect())
}

/// Changes an endpoint. Enabling it also closes its circuit.
pub async fn update_endpoint(
    tx: &ScopedTx<'_>,
    id: EndpointId,
    patch: EndpointPatch,
    now: DateTime<Utc>,
) -> Result<Endpoint> {
    let found = find(tx, id).await?.endpoint;
    require(tx.scope(), found.owner, Action::Update)?;
    let mut set: Vec<(&'static str, SimpleExpr)> = vec![("updated_at", Expr::value(now))];
    if let Some(name) = &patch.name {
        set.push(("name", Expr::value(validate::name("input.name", name)?)));
    }
    if let Some(target) = &patch.target {
        set.push((
            "target",
            Expr::value(parse_target("input.target", found.kind, target)?),
        ));
    }
    if let Some(events) = &patch.events {
        let events = parse_events("input.events", events)?;
        check_provider_only(tx.scope(), "input.events", &events)?;
        set.push(("events", Expr::value(events_text(&events))));
    }
    if let Some(min) = patch.min_severity {
        set.push(("min_severity", Expr::value(min.rank())));
    }
    if let Some(enabled) = patch.enabled {
        set.push(("enabled", Expr::value(enabled)));
        if enabled {
            set.push(("failures", Expr::value(0)));
            set.push(("circuit_until", Expr::value(Option::<DateTime<Utc>>::None)));
            set.push(("disabled_reason", Expr::value(Option::<String>::None)));
        }
    }
    match found.owner {
        Owner::Tenant(tenant) => {
            let set = set
                .into_iter()
                .map(|(c, v)| (tenant_column(c), v))
                .collect();
            tx.update_where::<endpoint::Entity>(endpoint::Column::Id.eq(id.as_uuid()), set)
                .await?;
            audit::record(
                tx,
                tenant,
                "notification_endpoint.update",
                &format!("notification_endpoint:{id}"),
                json!({"name": patch.name, "target_changed": patch.target.is_some(), "enabled": patch.enabled}),
            )
            .await?;
        }
        Owner::Provider => {
            let set = set
                .into_iter()
                .map(|(c, v)| (provider_column(c), v))
                .collect();
            tx.update_catalog::<provider_endpoint::Entity>(
                provider_endpoint::Column::Id.eq(id.as_uuid()),
                set,
            )
            .await?;
        }
    }
    get_endpoint(tx, id).await
}

fn tenant_column(name: &str) -> endpoint::Column {
    use endpoint::Column as C;
    match name {
        "name" => C::Name,
        "target" => C::Target,
        "events" => C::Events,
        "min_severity" => C::MinSeverity,
        "enabled" => C::Enabled,
        "failures" => C::Failures,
        "circuit_until" => C::CircuitUntil,
        "disabled_reason" => C::DisabledReason,
        _ => C::UpdatedAt,
    }
}

fn provider_column(name: &str) -> provider_endpoint::Column {
    use provider_endpoint::Column as C;
    match name {
        "name" => C::Name,
        "target" => C::Target,
        "events" => C::Events,
        "min_severity" => C::MinSeverity,
        "enabled" => C::Enabled,
        "failures" => C::Failures,
        "circuit_until" => C::CircuitUntil,
        "disabled_reason" => C::DisabledReason,
        _ => C::UpdatedAt,
    }
}

/// Deletes an endpoint; what it still had queued is dropped.
pub async fn delete_endpoint(
    tx: &ScopedTx<'_>,
    id: EndpointId,
    now: DateTime<Utc>,
) -> Result<Endpoint> {
    let found = find(tx, id).await?.endpoint;
    require(tx.scope(), found.owner, Action::Delete)?;
    let pending = Condition::all()
        .add(outbox::Column::EndpointId.eq(id.as_uuid()))
        .add(outbox::Column::Status.eq("pending"));
    match found.owner {
        Owner::Tenant(tenant) => {
            tx.delete_where::<outbox::Entity>(outbox::Column::EndpointId.eq(id.as_uuid()))
                .await?;
            tx.delete_where::<delivery::Entity>(delivery::Column::EndpointId.eq(id.as_uuid()))
                .await?;
            tx.delete_where::<endpoint::Entity>(endpoint::Column::Id.eq(id.as_uuid()))
                .await?;
            audit::record(
                tx,
                tenant,
                "notification_endpoint.delete",
                &format!("notification_endpoint:{id}"),
                json!({"name": found.name}),
            )
            .await?;
        }
        Owner::Provider => {
            // Kept (deleted) for its delivery log; nothing more is sent to it.
            tx.update_where::<outbox::Entity>(
                pending,
                vec![
                    (outbox::Column::Status, Expr::value("cancelled")),
                    (outbox::Column::FinishedAt, Expr::value(now)),
                ],
            )
            .await?;
            tx.update_catalog::<provider_endpoint::Entity>(
                provider_endpoint::Column::Id.eq(id.as_uuid()),
                vec![
                    (provider_endpoint::Column::DeletedAt, Expr::value(now)),
                    (provider_endpoint::Column::Enabled, Expr::value(false)),
                ],
            )
            .await?;
        }
    }
    tracing::info!(endpoint_id = %id, "notification endpoint deleted");
    Ok(found)
}

/// A provider-wide endpoint's test, sent at once by [`crate::deliver::send_test`]
/// (it belongs to no tenant, so it has no outbox row or log).
#[derive(Debug)]
pub struct ProviderTest(pub(crate) Routable);

/// Queues a `test` event for one tenant endpoint (delivered like any other), or
/// hands back a provider-wide one's test to send now.
pub async fn test_endpoint(
    tx: &ScopedTx<'_>,
    id: EndpointId,
    now: DateTime<Utc>,
) -> Result<(Endpoint, Option<ProviderTest>)> {
    let found = find(tx, id).await?;
    require(tx.scope(), found.endpoint.owner, Action::Update)?;
    match found.endpoint.owner {
        Owner::Tenant(tenant) => {
            crate::outbox::queue_for(tx, tenant, &found, &NotificationEvent::test(now), now)
                .await?;
            Ok((found.endpoint, None))
        }
        Owner::Provider => Ok((found.endpoint.clone(), Some(ProviderTest(found)))),
    }
}

pub use super::deliveries::{Delivery, list_deliveries};
