//! The notifications API: endpoints per tenant (customer admins, provider
//! admins) and provider-wide (provider admins), a test message, and the
//! delivery log. Thin: authorization of record is in garrison-notify.

use super::errors::GqlResult;
use super::notify_types::*;
use super::{scope, state};
use async_graphql::{Context, ID, Object};
use garrison_core::TenantId;
use garrison_notify::EndpointId;
use garrison_notify::endpoint::store::{
    create_endpoint, delete_endpoint, list_deliveries, list_endpoints, test_endpoint,
    update_endpoint,
};
use garrison_notify::endpoint::{EndpointPatch, NewEndpoint};

/// Notification reads.
#[derive(Default)]
pub struct NotifyQuery;

#[Object]
impl NotifyQuery {
    /// A tenant's endpoints; without `tenantId`, the provider-wide ones
    /// (provider admins only).
    async fn notification_endpoints(
        &self,
        ctx: &Context<'_>,
        tenant_id: Option<ID>,
    ) -> async_graphql::Result<Vec<NotificationEndpoint>> {
        let tenant = tenant_id
            .map(|t| TenantId::parse("tenantId", &t))
            .transpose()
            .gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = list_endpoints(&tx, tenant).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(NotificationEndpoint).collect())
    }

    /// An endpoint's latest delivery attempts, newest first (`first` at most 100).
    async fn notification_deliveries(
        &self,
        ctx: &Context<'_>,
        endpoint_id: ID,
        first: Option<i32>,
    ) -> async_graphql::Result<Vec<NotificationDelivery>> {
        let id = EndpointId::parse("endpointId", &endpoint_id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = list_deliveries(&tx, id, first).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(NotificationDelivery).collect())
    }
}

/// Notification changes.
#[derive(Default)]
pub struct NotifyMutation;

#[Object]
impl NotifyMutation {
    /// Creates an endpoint; a webhook's signing secret is returned this once.
    async fn create_notification_endpoint(
        &self,
        ctx: &Context<'_>,
        input: CreateNotificationEndpointInput,
    ) -> async_graphql::Result<CreatedNotificationEndpoint> {
        let state = state(ctx)?;
        let new = NewEndpoint {
            tenant_id: input
                .tenant_id
                .map(|t| TenantId::parse("input.tenantId", &t))
                .transpose()
                .gql()?,
            name: input.name,
            kind: input.kind.into(),
            target: input.target,
            events: input.events.into_iter().map(Into::into).collect(),
            min_severity: input.min_severity.map(Into::into),
        };
        let smtp = state.config.notify.smtp_url.is_some();
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let created = create_endpoint(&tx, new, smtp, state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(CreatedNotificationEndpoint {
            endpoint: NotificationEndpoint(created.endpoint),
            signing_secret: created.signing_secret.map(|s| s.expose().clone()),
        })
    }

    /// Changes an endpoint (enabling it again also closes its circuit).
    async fn update_notification_endpoint(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateNotificationEndpointInput,
    ) -> async_graphql::Result<NotificationEndpoint> {
        let id = EndpointId::parse("id", &id).gql()?;
        let patch = EndpointPatch {
            name: input.name,
            target: input.target,
            events: input
                .events
                .map(|e| e.into_iter().map(Into::into).collect()),
            min_severity: input.min_severity.map(Into::into),
            enabled: input.enabled,
        };
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let endpoint = update_endpoint(&tx, id, patch, state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(NotificationEndpoint(endpoint))
    }

    /// Deletes an endpoint and drops what it still had queued.
    async fn delete_notification_endpoint(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<NotificationEndpoint> {
        let id = EndpointId::parse("id", &id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let endpoint = delete_endpoint(&tx, id, state.clock.now()).await.gql()?;
        tx.commit().await.gql()?;
        Ok(NotificationEndpoint(endpoint))
    }

    /// Sends a `test` event: queued for a tenant's endpoint (see its delivery
    /// log); sent at once to a provider-wide one (`UNAVAILABLE` if it fails).
    async fn test_notification_endpoint(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<NotificationEndpoint> {
        let id = EndpointId::parse("id", &id).gql()?;
        let state = state(ctx)?;
        let now = state.clock.now();
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let (endpoint, provider_test) = test_endpoint(&tx, id, now).await.gql()?;
        tx.commit().await.gql()?;
        if let Some(test) = provider_test {
            let client = crate::worker::delivery_client(&state.config).gql()?;
            garrison_notify::deliver::send_test(&client, test, now)
                .await
                .gql()?;
        }
        Ok(NotificationEndpoint(endpoint))
    }
}
