//! Users: provider staff and customer users, their roles and tenant assignments.
//! Signing in and the caller's own account live in [`access`].
//!
//! Who may see a user: customer users are visible inside their home tenant to roles
//! that may read customer users; provider staff are visible only to roles that may
//! read provider users; everyone sees themselves. Anything else is `not_found`.

use crate::db::ScopedTx;
use crate::entity::{refresh_token, tenant, tenant_assignment, user};
use crate::role::{Action, Resource, Role};
use crate::{Error, Result, Scope, Secret, TenantId, UserId, audit, password, validate};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use serde_json::json;
use std::collections::BTreeSet;

mod access;

pub use access::{
    Credentials, change_password, check_credentials, count_users, ensure_provider_admin,
    find_user_by_email, load_active_user, scope_of,
};

/// A user as the platform knows it (never with the password hash).
#[derive(Debug, Clone)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// The one tenant of a customer user.
    pub home_tenant_id: Option<TenantId>,
    /// Provider staff granted every tenant.
    pub all_tenants: bool,
    /// Provider staff's per-tenant assignments.
    pub assigned_tenants: Vec<TenantId>,
    pub disabled: bool,
    pub last_login_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// Input of `create_user`, as received at the edge.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub display_name: Option<String>,
    pub password: Secret<String>,
    pub role: Role,
    /// Home tenant (customer roles only).
    pub tenant_id: Option<TenantId>,
    /// Assigned tenants (provider staff only).
    pub tenant_ids: Vec<TenantId>,
    /// Every tenant (provider staff only).
    pub all_tenants: bool,
}

/// Creates a user. Provider admins create anyone; a customer admin creates only
/// customer users of its own tenant.
pub async fn create_user(tx: &ScopedTx<'_>, input: NewUser) -> Result<User> {
    let email = validate::email("input.email", &input.email)?;
    let display_name = match &input.display_name {
        Some(name) => validate::name("input.displayName", name)?,
        None => email.split('@').next().unwrap_or("user").to_string(),
    };
    password::check_policy("input.password", input.password.expose())?;
    let home = if input.role.is_customer() {
        let tenant = input
            .tenant_id
            .ok_or_else(|| Error::invalid("input.tenantId", "is required for customer roles"))?;
        if !input.tenant_ids.is_empty() || input.all_tenants {
            return Err(Error::invalid(
                "input.tenantIds",
                "only provider staff are assigned tenants",
            ));
        }
        tx.scope()
            .require_in(tenant, Resource::CustomerUser, Action::Create)?;
        crate::tenants::get_tenant(tx, tenant).await?;
        Some(tenant)
    } else {
        tx.scope().require(Resource::ProviderUser, Action::Create)?;
        if input.tenant_id.is_some() {
            return Err(Error::invalid(
                "input.tenantId",
                "provider staff have no home tenant; use tenantIds",
            ));
        }
        None
    };
    let taken = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .count(tx.raw())
        .await?;
    if taken > 0 {
        return Err(Error::conflict(
            "input.email",
            format!("`{email}` is already in use"),
        ));
    }
    let id = UserId::new();
    let now = Utc::now();
    let hash = password::hash(&input.password).await?;
    let all_tenants = input.all_tenants && !input.role.is_customer();
    user::ActiveModel {
        id: Set(id.as_uuid()),
        email: Set(email.clone()),
        display_name: Set(display_name),
        password_hash: Set(hash),
        role: Set(input.role.as_str().into()),
        home_tenant_id: Set(home.map(|t| t.as_uuid())),
        all_tenants: Set(all_tenants),
        disabled: Set(false),
        last_login_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx.raw())
    .await?;
    if !input.role.is_customer() {
        write_assignments(tx, id, &input.tenant_ids).await?;
    }
    let detail = json!({"email": email, "role": input.role.as_str()});
    for tenant in home.iter().chain(input.tenant_ids.iter()) {
        audit::record(
            tx,
            *tenant,
            "user.create",
            &format!("user:{id}"),
            detail.clone(),
        )
        .await?;
    }
    get_user(tx, id).await
}

/// One user visible to the scope, else `not_found`.
pub async fn get_user(tx: &ScopedTx<'_>, id: UserId) -> Result<User> {
    let row = user::Entity::find_by_id(id.as_uuid())
        .one(tx.raw())
        .await?
        .ok_or(Error::NotFound)?;
    let user = to_user(tx, row).await?;
    if visible(tx.scope(), &user) {
        Ok(user)
    } else {
        Err(Error::NotFound)
    }
}

/// Display names for attribution (who wrote a comment, who proposed an action).
///
/// Unlike [`get_user`] this needs no right to read users: whoever may see a
/// comment may see who wrote it, but learns nothing else about that person
/// (no email, role or tenants). Unknown ids are simply absent from the map.
pub async fn display_names(
    tx: &ScopedTx<'_>,
    ids: &[UserId],
) -> Result<std::collections::HashMap<UserId, String>> {
    if ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    let rows = user::Entity::find()
        .filter(user::Column::Id.is_in(ids.iter().map(|i| i.as_uuid())))
        .all(tx.raw())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| (UserId::from_uuid(r.id), r.display_name))
        .collect())
}

/// The users the scope may see; with `tenant`, those of that tenant (its customer
/// users, and staff assigned to it when the role may see staff).
pub async fn list_users(tx: &ScopedTx<'_>, tenant: Option<TenantId>) -> Result<Vec<User>> {
    if let Some(t) = tenant {
        tx.scope().require_in(t, Resource::Tenant, Action::Read)?;
    }
    let rows = user::Entity::find()
        .order_by_asc(user::Column::Email)
        .all(tx.raw())
        .await?;
    let mut users = Vec::new();
    for row in rows {
        let user = to_user(tx, row).await?;
        if !visible(tx.scope(), &user) {
            continue;
        }
        let in_tenant = match tenant {
            None => true,
            Some(t) => {
                user.home_tenant_id == Some(t)
                    || user.all_tenants
                    || user.assigned_tenants.contains(&t)
            }
        };
        if in_tenant {
            users.push(user);
        }
    }
    Ok(users)
}

/// Replaces a staff member's tenant assignments (provider admins).
pub async fn assign_tenants(
    tx: &ScopedTx<'_>,
    id: UserId,
    tenants: Vec<TenantId>,
    all: Option<bool>,
) -> Result<User> {
    // Visibility first: a user the caller cannot see is `not_found`, whatever its role.
    let user = get_user(tx, id).await?;
    tx.scope()
        .require(Resource::TenantAssignment, Action::Update)?;
    if user.role.is_customer() {
        return Err(Error::invalid(
            "userId",
            "customer users belong to one tenant and cannot be assigned",
        ));
    }
    for tenant in &tenants {
        crate::tenants::get_tenant(tx, *tenant)
            .await
            .map_err(|_| Error::invalid("tenantIds", format!("unknown tenant {tenant}")))?;
    }
    tenant_assignment::Entity::delete_many()
        .filter(tenant_assignment::Column::UserId.eq(id.as_uuid()))
        .exec(tx.raw())
        .await?;
    write_assignments(tx, id, &tenants).await?;
    if let Some(all) = all {
        user::Entity::update_many()
            .col_expr(user::Column::AllTenants, Expr::value(all))
            .col_expr(user::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(user::Column::Id.eq(id.as_uuid()))
            .exec(tx.raw())
            .await?;
    }
    let changed: BTreeSet<TenantId> = user
        .assigned_tenants
        .iter()
        .chain(tenants.iter())
        .copied()
        .collect();
    for tenant in changed {
        let detail = json!({"user": id.to_string(), "assigned": tenants.contains(&tenant)});
        audit::record(tx, tenant, "user.assign", &format!("user:{id}"), detail).await?;
    }
    get_user(tx, id).await
}

/// Disables a user and ends its sessions. Provider admins disable anyone else;
/// customer admins disable customer users of their tenant.
pub async fn disable_user(tx: &ScopedTx<'_>, id: UserId) -> Result<User> {
    set_disabled(tx, id, true).await
}

/// Re-enables a disabled user (same permissions as disabling). Sessions ended
/// by the disable stay ended: the user signs in again.
pub async fn enable_user(tx: &ScopedTx<'_>, id: UserId) -> Result<User> {
    set_disabled(tx, id, false).await
}

async fn set_disabled(tx: &ScopedTx<'_>, id: UserId, disabled: bool) -> Result<User> {
    let user = get_user(tx, id).await?;
    if tx.scope().user_id() == Some(id) {
        return Err(Error::invalid(
            "id",
            "you cannot disable or enable yourself",
        ));
    }
    match user.home_tenant_id {
        Some(home) => tx
            .scope()
            .require_in(home, Resource::CustomerUser, Action::Update)?,
        None => tx.scope().require(Resource::ProviderUser, Action::Update)?,
    }
    user::Entity::update_many()
        .col_expr(user::Column::Disabled, Expr::value(disabled))
        .col_expr(user::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(user::Column::Id.eq(id.as_uuid()))
        .exec(tx.raw())
        .await?;
    if disabled {
        revoke_sessions(tx, id).await?;
    }
    if let Some(home) = user.home_tenant_id {
        let action = if disabled {
            "user.disable"
        } else {
            "user.enable"
        };
        audit::record(
            tx,
            home,
            action,
            &format!("user:{id}"),
            json!({"email": user.email}),
        )
        .await?;
    }
    get_user(tx, id).await
}

pub(super) async fn revoke_sessions(tx: &ScopedTx<'_>, id: UserId) -> Result<()> {
    refresh_token::Entity::update_many()
        .col_expr(
            refresh_token::Column::RevokedAt,
            Expr::value(Some(Utc::now())),
        )
        .filter(refresh_token::Column::UserId.eq(id.as_uuid()))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(tx.raw())
        .await?;
    Ok(())
}

async fn write_assignments(tx: &ScopedTx<'_>, id: UserId, tenants: &[TenantId]) -> Result<()> {
    let unique: BTreeSet<TenantId> = tenants.iter().copied().collect();
    for tenant_id in unique {
        tx.scope()
            .require_in(tenant_id, Resource::TenantAssignment, Action::Create)?;
        let exists = tenant::Entity::find_by_id(tenant_id.as_uuid())
            .count(tx.raw())
            .await?;
        if exists == 0 {
            return Err(Error::invalid(
                "tenantIds",
                format!("unknown tenant {tenant_id}"),
            ));
        }
        tenant_assignment::ActiveModel {
            user_id: Set(id.as_uuid()),
            tenant_id: Set(tenant_id.as_uuid()),
            created_at: Set(Utc::now()),
        }
        .insert(tx.raw())
        .await?;
    }
    Ok(())
}

pub(super) fn visible(scope: &Scope, user: &User) -> bool {
    if scope.user_id() == Some(user.id) {
        return true;
    }
    match user.home_tenant_id {
        Some(home) => scope.reaches(home) && scope.can(Resource::CustomerUser, Action::Read),
        None => scope.can(Resource::ProviderUser, Action::Read),
    }
}

pub(super) async fn to_user(tx: &ScopedTx<'_>, row: user::Model) -> Result<User> {
    let role =
        Role::parse("role", &row.role).map_err(|e| Error::internal(format!("stored role: {e}")))?;
    let assigned_tenants = if role.is_customer() {
        Vec::new()
    } else {
        tenant_assignment::Entity::find()
            .filter(tenant_assignment::Column::UserId.eq(row.id))
            .all(tx.raw())
            .await?
            .into_iter()
            .map(|a| TenantId::from_uuid(a.tenant_id))
            .collect()
    };
    Ok(User {
        id: UserId::from_uuid(row.id),
        email: row.email,
        display_name: row.display_name,
        role,
        home_tenant_id: row.home_tenant_id.map(TenantId::from_uuid),
        all_tenants: row.all_tenants,
        assigned_tenants,
        disabled: row.disabled,
        last_login_at: row.last_login_at,
        created_at: row.created_at,
    })
}
