//! Tenants: the provider's customer organizations.

use crate::audit;
use crate::db::ScopedTx;
use crate::entity::tenant;
use crate::page::{Page, PageRequest};
use crate::role::{Action, Resource};
use crate::scope::TenantAccess;
use crate::{Error, Result, TenantId, validate};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde_json::json;

/// Whether a tenant is served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenantStatus {
    Active,
    /// Suspended: its users cannot sign in and its data is not ingested.
    Suspended,
}

impl TenantStatus {
    fn as_str(self) -> &'static str {
        match self {
            TenantStatus::Active => "active",
            TenantStatus::Suspended => "suspended",
        }
    }

    fn parse(raw: &str) -> TenantStatus {
        if raw == "suspended" {
            TenantStatus::Suspended
        } else {
            TenantStatus::Active
        }
    }
}

/// A customer organization.
#[derive(Debug, Clone)]
pub struct Tenant {
    pub id: TenantId,
    pub name: String,
    pub slug: String,
    pub status: TenantStatus,
    pub timezone: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Input of `create_tenant`, as received at the edge.
#[derive(Debug, Clone)]
pub struct NewTenant {
    pub name: String,
    pub slug: String,
    pub timezone: Option<String>,
}

/// Input of `update_tenant`: absent fields stay as they are.
#[derive(Debug, Clone, Default)]
pub struct TenantPatch {
    pub name: Option<String>,
    pub timezone: Option<String>,
}

/// Creates a tenant (provider admins). The slug is unique.
pub async fn create_tenant(tx: &mut ScopedTx<'_>, input: NewTenant) -> Result<Tenant> {
    tx.scope().require(Resource::Tenant, Action::Create)?;
    let name = validate::name("input.name", &input.name)?;
    let slug = validate::slug("input.slug", &input.slug)?;
    let timezone =
        validate::timezone("input.timezone", input.timezone.as_deref().unwrap_or("UTC"))?;
    let taken = tenant::Entity::find()
        .filter(tenant::Column::Slug.eq(&slug))
        .count(tx.raw())
        .await?;
    if taken > 0 {
        return Err(Error::conflict(
            "input.slug",
            format!("`{slug}` is already taken"),
        ));
    }
    let id = TenantId::new();
    let now = Utc::now();
    let row = tenant::ActiveModel {
        id: Set(id.as_uuid()),
        name: Set(name),
        slug: Set(slug),
        status: Set(TenantStatus::Active.as_str().into()),
        timezone: Set(timezone),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx.raw())
    .await?;
    tx.admit_new_tenant(id).await?;
    audit::record(
        tx,
        id,
        "tenant.create",
        &format!("tenant:{id}"),
        json!({"slug": row.slug}),
    )
    .await?;
    Ok(to_tenant(row))
}

/// A page of the tenants in scope, oldest first.
pub async fn list_tenants(tx: &ScopedTx<'_>, page: PageRequest) -> Result<Page<Tenant>> {
    tx.scope().require(Resource::Tenant, Action::Read)?;
    let scoped = || {
        let query = tenant::Entity::find();
        match tx.scope().tenants() {
            TenantAccess::All => query,
            TenantAccess::Only(_) => {
                query.filter(tenant::Column::Id.is_in(tx.tenants().iter().map(|t| t.as_uuid())))
            }
        }
    };
    let total = scoped().count(tx.raw()).await?;
    let mut query = scoped()
        .order_by_asc(tenant::Column::Id)
        .limit(page.first + 1);
    if let Some(after) = page.after {
        query = query.filter(tenant::Column::Id.gt(after));
    }
    let rows = query.all(tx.raw()).await?;
    Ok(Page::from_fetched(
        rows.into_iter().map(to_tenant).collect(),
        page,
        total,
    ))
}

/// One tenant, or `not_found` when absent or outside the scope.
pub async fn get_tenant(tx: &ScopedTx<'_>, id: TenantId) -> Result<Tenant> {
    tx.scope().require_in(id, Resource::Tenant, Action::Read)?;
    tenant::Entity::find_by_id(id.as_uuid())
        .one(tx.raw())
        .await?
        .map(to_tenant)
        .ok_or(Error::NotFound)
}

/// Finds a tenant by slug within the scope.
pub async fn find_tenant_by_slug(tx: &ScopedTx<'_>, slug: &str) -> Result<Option<Tenant>> {
    let row = tenant::Entity::find()
        .filter(tenant::Column::Slug.eq(slug))
        .one(tx.raw())
        .await?;
    Ok(row.map(to_tenant).filter(|t| tx.scope().reaches(t.id)))
}

/// Renames a tenant or changes its time zone (provider admins).
pub async fn update_tenant(tx: &ScopedTx<'_>, id: TenantId, patch: TenantPatch) -> Result<Tenant> {
    tx.scope()
        .require_in(id, Resource::Tenant, Action::Update)?;
    let current = get_tenant(tx, id).await?;
    let mut row: tenant::ActiveModel = tenant::Entity::find_by_id(id.as_uuid())
        .one(tx.raw())
        .await?
        .ok_or(Error::NotFound)?
        .into();
    if let Some(name) = &patch.name {
        row.name = Set(validate::name("input.name", name)?);
    }
    if let Some(tz) = &patch.timezone {
        row.timezone = Set(validate::timezone("input.timezone", tz)?);
    }
    row.updated_at = Set(Utc::now());
    let updated = row.update(tx.raw()).await?;
    audit::record(
        tx,
        id,
        "tenant.update",
        &format!("tenant:{id}"),
        json!({"name": [current.name, updated.name], "timezone": [current.timezone, updated.timezone]}),
    )
    .await?;
    Ok(to_tenant(updated))
}

/// Suspends or reactivates a tenant (provider admins).
pub async fn set_tenant_status(
    tx: &ScopedTx<'_>,
    id: TenantId,
    status: TenantStatus,
) -> Result<Tenant> {
    tx.scope()
        .require_in(id, Resource::Tenant, Action::Update)?;
    let mut row: tenant::ActiveModel = tenant::Entity::find_by_id(id.as_uuid())
        .one(tx.raw())
        .await?
        .ok_or(Error::NotFound)?
        .into();
    row.status = Set(status.as_str().into());
    row.updated_at = Set(Utc::now());
    let updated = row.update(tx.raw()).await?;
    audit::record(
        tx,
        id,
        &format!("tenant.{}", status.as_str()),
        &format!("tenant:{id}"),
        json!({}),
    )
    .await?;
    Ok(to_tenant(updated))
}

/// Whether the tenant is active (registry read, no scope check: used at sign-in).
pub(crate) async fn is_active(tx: &ScopedTx<'_>, id: TenantId) -> Result<bool> {
    let row = tenant::Entity::find_by_id(id.as_uuid())
        .one(tx.raw())
        .await?;
    Ok(row.is_some_and(|r| TenantStatus::parse(&r.status) == TenantStatus::Active))
}

fn to_tenant(row: tenant::Model) -> Tenant {
    Tenant {
        id: TenantId::from_uuid(row.id),
        name: row.name,
        slug: row.slug,
        status: TenantStatus::parse(&row.status),
        timezone: row.timezone,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}
