//! The root query.

use super::errors::GqlResult;
use super::types::{AuditConnection, AuditEntry, Tenant, TenantConnection, User};
use super::{scope, state};
use async_graphql::{Context, ID, Object};
use garrison_core::page::PageRequest;
use garrison_core::{Error, TenantId, audit, tenants, users};

/// Reads.
#[derive(Default)]
pub struct SpineQuery;

#[Object]
impl SpineQuery {
    /// The signed-in user.
    async fn me(&self, ctx: &Context<'_>) -> async_graphql::Result<User> {
        let scope = scope(ctx)?;
        let id = scope.user_id().ok_or(Error::Unauthenticated).gql()?;
        let tx = state(ctx)?.db.begin(scope).await.gql()?;
        let user = users::get_user(&tx, id).await.gql()?;
        tx.commit().await.gql()?;
        Ok(User(user))
    }

    /// The tenants in the caller's scope.
    async fn tenants(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<TenantConnection> {
        let page = PageRequest::parse(first, after.as_deref()).gql()?;
        let scope = scope(ctx)?;
        let tx = state(ctx)?.db.begin(scope).await.gql()?;
        let result = tenants::list_tenants(&tx, page).await.gql()?;
        tx.commit().await.gql()?;
        Ok(TenantConnection::from_page(
            result,
            |t| t.id.as_uuid(),
            Tenant,
        ))
    }

    /// One tenant; `NOT_FOUND` when absent or outside the caller's scope.
    async fn tenant(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Tenant>> {
        let id = TenantId::parse("id", &id).gql()?;
        let scope = scope(ctx)?;
        let tx = state(ctx)?.db.begin(scope).await.gql()?;
        let tenant = tenants::get_tenant(&tx, id).await.gql()?;
        tx.commit().await.gql()?;
        Ok(Some(Tenant(tenant)))
    }

    /// Users the caller may see; with `tenantId`, those of that tenant.
    async fn users(
        &self,
        ctx: &Context<'_>,
        tenant_id: Option<ID>,
    ) -> async_graphql::Result<Vec<User>> {
        let tenant = tenant_id
            .map(|t| TenantId::parse("tenantId", &t))
            .transpose()
            .gql()?;
        let scope = scope(ctx)?;
        let tx = state(ctx)?.db.begin(scope).await.gql()?;
        let list = users::list_users(&tx, tenant).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(User).collect())
    }

    /// A tenant's audit log, newest first.
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<AuditConnection> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let page = PageRequest::parse(first, after.as_deref()).gql()?;
        let scope = scope(ctx)?;
        let tx = state(ctx)?.db.begin(scope).await.gql()?;
        let result = audit::list_audit(&tx, tenant, page).await.gql()?;
        tx.commit().await.gql()?;
        Ok(AuditConnection::from_page(
            result,
            |e| e.id.as_uuid(),
            AuditEntry,
        ))
    }
}
