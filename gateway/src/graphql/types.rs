//! GraphQL object types for the spine: tenants, users, audit entries, and the
//! Relay connection shape every list uses.

use super::errors::GqlResult;
use super::{scope, state};
use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use garrison_core::page::{Page, PageRequest, encode_cursor};
use garrison_core::{audit, tenants, users};

/// A user's role.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum Role {
    ProviderAdmin,
    Analyst,
    AccountManager,
    CustomerAdmin,
    CustomerViewer,
}

impl From<garrison_core::Role> for Role {
    fn from(role: garrison_core::Role) -> Self {
        match role {
            garrison_core::Role::ProviderAdmin => Role::ProviderAdmin,
            garrison_core::Role::Analyst => Role::Analyst,
            garrison_core::Role::AccountManager => Role::AccountManager,
            garrison_core::Role::CustomerAdmin => Role::CustomerAdmin,
            garrison_core::Role::CustomerViewer => Role::CustomerViewer,
        }
    }
}

impl From<Role> for garrison_core::Role {
    fn from(role: Role) -> Self {
        match role {
            Role::ProviderAdmin => garrison_core::Role::ProviderAdmin,
            Role::Analyst => garrison_core::Role::Analyst,
            Role::AccountManager => garrison_core::Role::AccountManager,
            Role::CustomerAdmin => garrison_core::Role::CustomerAdmin,
            Role::CustomerViewer => garrison_core::Role::CustomerViewer,
        }
    }
}

/// Whether a tenant is served.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum TenantStatus {
    Active,
    Suspended,
}

/// Relay page info.
#[derive(SimpleObject)]
pub struct PageInfo {
    pub has_next_page: bool,
    pub has_previous_page: bool,
    pub start_cursor: Option<String>,
    pub end_cursor: Option<String>,
}

/// A customer organization.
pub struct Tenant(pub tenants::Tenant);

#[Object]
impl Tenant {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    async fn status(&self) -> TenantStatus {
        match self.0.status {
            tenants::TenantStatus::Active => TenantStatus::Active,
            tenants::TenantStatus::Suspended => TenantStatus::Suspended,
        }
    }
    /// IANA time zone; SLA business hours and reports use it.
    async fn timezone(&self) -> &str {
        &self.0.timezone
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The tenant's audit log, newest first.
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<AuditConnection> {
        let page = PageRequest::parse(first, after.as_deref()).gql()?;
        let scope = scope(ctx)?;
        let tx = state(ctx)?.db.begin(scope).await.gql()?;
        let result = audit::list_audit(&tx, Some(self.0.id), page).await.gql()?;
        tx.commit().await.gql()?;
        Ok(AuditConnection::from_page(
            result,
            |e| e.id.as_uuid(),
            AuditEntry,
        ))
    }
}

/// A person who signs in.
pub struct User(pub users::User);

#[Object]
impl User {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn email(&self) -> &str {
        &self.0.email
    }
    async fn display_name(&self) -> &str {
        &self.0.display_name
    }
    async fn role(&self) -> Role {
        self.0.role.into()
    }
    /// The home tenant of a customer user.
    async fn tenant_id(&self) -> Option<ID> {
        self.0.home_tenant_id.map(|t| ID(t.to_string()))
    }
    /// Tenants a provider staff member is assigned to.
    async fn tenant_ids(&self) -> Vec<ID> {
        self.0
            .assigned_tenants
            .iter()
            .map(|t| ID(t.to_string()))
            .collect()
    }
    /// Whether a provider staff member works on every tenant.
    async fn all_tenants(&self) -> bool {
        self.0.all_tenants || self.0.role == garrison_core::Role::ProviderAdmin
    }
    async fn disabled(&self) -> bool {
        self.0.disabled
    }
    async fn last_login_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_login_at
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// One recorded change.
pub struct AuditEntry(pub audit::AuditEntry);

#[Object]
impl AuditEntry {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn tenant_id(&self) -> ID {
        ID(self.0.tenant_id.to_string())
    }
    async fn actor_id(&self) -> Option<ID> {
        self.0.actor_id.map(|a| ID(a.to_string()))
    }
    /// Who acted, by display name (absent for the system).
    async fn actor_name(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        super::names::name_of(ctx, self.0.actor_id).await
    }
    async fn action(&self) -> &str {
        &self.0.action
    }
    async fn target(&self) -> &str {
        &self.0.target
    }
    async fn detail(&self) -> async_graphql::Json<serde_json::Value> {
        async_graphql::Json(self.0.detail.clone())
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// The result of recomputing a tenant's audit chain.
#[derive(SimpleObject)]
pub struct AuditChainVerification {
    /// True when every chained record verifies up to the chain's head.
    pub ok: bool,
    /// Chained records checked.
    pub records: i64,
    /// Records written before the chain existed (not verifiable).
    pub unchained: i64,
    /// Where it broke: the chain position, the record (when it exists) and why.
    pub broken_at_seq: Option<i64>,
    pub broken_record_id: Option<ID>,
    pub reason: Option<String>,
}

/// Declares a Relay connection and edge type for a node type.
macro_rules! connection {
    ($conn:ident, $edge:ident, $node:ty) => {
        /// A Relay edge.
        #[derive(SimpleObject)]
        pub struct $edge {
            pub cursor: String,
            pub node: $node,
        }

        /// A Relay connection with the total count in the caller's scope.
        #[derive(SimpleObject)]
        pub struct $conn {
            pub total_count: i64,
            pub edges: Vec<$edge>,
            pub page_info: PageInfo,
        }

        impl $conn {
            pub fn from_page<T>(
                page: Page<T>,
                id_of: impl Fn(&T) -> uuid::Uuid,
                wrap: impl Fn(T) -> $node,
            ) -> $conn {
                let edges: Vec<$edge> = page
                    .items
                    .into_iter()
                    .map(|item| $edge {
                        cursor: encode_cursor(id_of(&item)),
                        node: wrap(item),
                    })
                    .collect();
                let page_info = PageInfo {
                    has_next_page: page.has_next_page,
                    has_previous_page: page.has_previous_page,
                    start_cursor: edges.first().map(|e| e.cursor.clone()),
                    end_cursor: edges.last().map(|e| e.cursor.clone()),
                };
                $conn {
                    total_count: page.total_count.min(i64::MAX as u64) as i64,
                    edges,
                    page_info,
                }
            }
        }
    };
}

connection!(TenantConnection, TenantEdge, Tenant);
connection!(AuditConnection, AuditEdge, AuditEntry);

/// Input of `createTenant`.
#[derive(InputObject)]
pub struct CreateTenantInput {
    pub name: String,
    /// Unique, 2-63 characters of a-z, 0-9 and '-'.
    pub slug: String,
    /// IANA time zone; defaults to UTC.
    pub timezone: Option<String>,
}

/// Input of `updateTenant`: absent fields are unchanged.
#[derive(InputObject)]
pub struct UpdateTenantInput {
    pub name: Option<String>,
    pub timezone: Option<String>,
}

/// Input of `createUser`.
#[derive(InputObject)]
pub struct CreateUserInput {
    pub email: String,
    /// At least 12 characters.
    pub password: String,
    pub role: Role,
    pub display_name: Option<String>,
    /// Home tenant: required for customer roles, absent for provider staff.
    pub tenant_id: Option<ID>,
    /// Assigned tenants for provider staff.
    pub tenant_ids: Option<Vec<ID>>,
    /// Every tenant, for provider staff.
    pub all_tenants: Option<bool>,
}
