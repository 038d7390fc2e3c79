//! The root query.

use super::errors::GqlResult;
use super::types::{
    AuditChainVerification, AuditConnection, AuditEntry, Tenant, TenantConnection, User,
};
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

    /// Recomputes a tenant's audit hash chain: how many records verify, and where
    /// it is broken if a stored record was edited, removed or reordered.
    async fn verify_audit_chain(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
    ) -> async_graphql::Result<AuditChainVerification> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let v = audit::verify_audit_chain(&tx, tenant).await.gql()?;
        tx.commit().await.gql()?;
        Ok(AuditChainVerification {
            ok: v.broken.is_none(),
            records: v.records.min(i64::MAX as u64) as i64,
            unchained: v.unchained.min(i64::MAX as u64) as i64,
            broken_at_seq: v.broken.as_ref().map(|b| b.seq),
            broken_record_id: v
                .broken
                .as_ref()
                .and_then(|b| b.id)
                .map(|i| ID(i.to_string())),
            reason: v.broken.map(|b| b.reason),
        })
    }

    /// The audit log, newest first: a tenant's, or without `tenantId` every
    /// tenant's the caller reaches (provider admins; customer admins see their own).
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        tenant_id: Option<ID>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<AuditConnection> {
        let tenant = tenant_id
            .map(|t| TenantId::parse("tenantId", &t))
            .transpose()
            .gql()?;
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
