//! The root mutation.

use super::errors::GqlResult;
use super::types::{CreateTenantInput, CreateUserInput, Tenant, UpdateTenantInput, User};
use super::{scope, state};
use async_graphql::{Context, ID, Object};
use garrison_core::tenants::{self, NewTenant, TenantPatch, TenantStatus};
use garrison_core::users::{self, NewUser};
use garrison_core::{Secret, TenantId, UserId};

/// Writes. Each runs in one transaction in exactly the tenants it names.
#[derive(Default)]
pub struct SpineMutation;

#[Object]
impl SpineMutation {
    /// Creates a tenant (provider admins).
    async fn create_tenant(
        &self,
        ctx: &Context<'_>,
        input: CreateTenantInput,
    ) -> async_graphql::Result<Tenant> {
        let scope = scope(ctx)?;
        let mut tx = state(ctx)?.db.begin(scope).await.gql()?;
        let input = NewTenant {
            name: input.name,
            slug: input.slug,
            timezone: input.timezone,
        };
        let tenant = tenants::create_tenant(&mut tx, input).await.gql()?;
        tx.commit().await.gql()?;
        Ok(Tenant(tenant))
    }

    /// Renames a tenant or changes its time zone (provider admins).
    async fn update_tenant(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateTenantInput,
    ) -> async_graphql::Result<Tenant> {
        let id = TenantId::parse("id", &id).gql()?;
        let scope = scope(ctx)?;
        let tx = state(ctx)?.db.begin(scope).await.gql()?;
        let patch = TenantPatch {
            name: input.name,
            timezone: input.timezone,
        };
        let tenant = tenants::update_tenant(&tx, id, patch).await.gql()?;
        tx.commit().await.gql()?;
        Ok(Tenant(tenant))
    }

    /// Suspends a tenant: its users cannot sign in (provider admins).
    async fn suspend_tenant(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Tenant> {
        set_status(ctx, id, TenantStatus::Suspended).await
    }

    /// Reactivates a suspended tenant (provider admins).
    async fn activate_tenant(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Tenant> {
        set_status(ctx, id, TenantStatus::Active).await
    }

    /// Creates a user. A customer admin may create only customer users of its tenant.
    async fn create_user(
        &self,
        ctx: &Context<'_>,
        input: CreateUserInput,
    ) -> async_graphql::Result<User> {
        let tenant_id = input
            .tenant_id
            .map(|t| TenantId::parse("input.tenantId", &t))
            .transpose()
            .gql()?;
        let tenant_ids = input
            .tenant_ids
            .unwrap_or_default()
            .iter()
            .map(|t| TenantId::parse("input.tenantIds", t))
            .collect::<Result<Vec<_>, _>>()
            .gql()?;
        let scope = scope(ctx)?;
        let tx = state(ctx)?.db.begin(scope).await.gql()?;
        let new = NewUser {
            email: input.email,
            display_name: input.display_name,
            password: Secret::new(input.password),
            role: input.role.into(),
            tenant_id,
            tenant_ids,
            all_tenants: input.all_tenants.unwrap_or(false),
        };
        let user = users::create_user(&tx, new).await.gql()?;
        tx.commit().await.gql()?;
        Ok(User(user))
    }

    /// Replaces a provider staff member's tenant assignments (provider admins).
    async fn assign_tenants(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
        tenant_ids: Vec<ID>,
        all_tenants: Option<bool>,
    ) -> async_graphql::Result<User> {
        let user = UserId::parse("userId", &user_id).gql()?;
        let tenants = tenant_ids
            .iter()
            .map(|t| TenantId::parse("tenantIds", t))
            .collect::<Result<Vec<_>, _>>()
            .gql()?;
        let scope = scope(ctx)?;
        let tx = state(ctx)?.db.begin(scope).await.gql()?;
        let user = users::assign_tenants(&tx, user, tenants, all_tenants)
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(User(user))
    }

    /// Disables a user and ends its sessions.
    async fn disable_user(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<User> {
        let id = UserId::parse("id", &id).gql()?;
        let scope = scope(ctx)?;
        let tx = state(ctx)?.db.begin(scope).await.gql()?;
        let user = users::disable_user(&tx, id).await.gql()?;
        tx.commit().await.gql()?;
        Ok(User(user))
    }

    /// Re-enables a disabled user (they sign in again).
    async fn enable_user(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<User> {
        let id = UserId::parse("id", &id).gql()?;
        let scope = scope(ctx)?;
        let tx = state(ctx)?.db.begin(scope).await.gql()?;
        let user = users::enable_user(&tx, id).await.gql()?;
        tx.commit().await.gql()?;
        Ok(User(user))
    }

    /// Changes the caller's password; every session of the caller ends.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        current: String,
        new: String,
    ) -> async_graphql::Result<bool> {
        let scope = scope(ctx)?;
        let tx = state(ctx)?.db.begin(scope).await.gql()?;
        users::change_password(&tx, &Secret::new(current), &Secret::new(new))
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(true)
    }
}

async fn set_status(
    ctx: &Context<'_>,
    id: ID,
    status: TenantStatus,
) -> async_graphql::Result<Tenant> {
    let id = TenantId::parse("id", &id).gql()?;
    let scope = scope(ctx)?;
    let tx = state(ctx)?.db.begin(scope).await.gql()?;
    let tenant = tenants::set_tenant_status(&tx, id, status).await.gql()?;
    tx.commit().await.gql()?;
    Ok(Tenant(tenant))
}
