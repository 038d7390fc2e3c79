//! Signing in and the caller's own account: checking credentials, loading the
//! user behind a token and the scope it acts in, the first provider admin, and
//! changing one's own password.

use super::{NewUser, User, create_user, revoke_sessions, to_user, visible};
use crate::db::{Db, ScopedTx};
use crate::entity::user;
use crate::role::Role;
use crate::scope::TenantAccess;
use crate::{Error, Result, Scope, Secret, TenantId, UserId, password};
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
};
use std::collections::BTreeSet;

/// The scope of a signed-in user, from the user's record as loaded from the
/// database: provider admins and "all tenants" grants reach every tenant,
/// customers their home tenant, other staff their assignments.
pub fn scope_of(user: &User) -> Scope {
    let tenants = if user.role == Role::ProviderAdmin || user.all_tenants {
        TenantAccess::All
    } else if let Some(home) = user.home_tenant_id {
        TenantAccess::Only(BTreeSet::from([home]))
    } else {
        TenantAccess::Only(user.assigned_tenants.iter().copied().collect())
    };
    Scope::for_user_record(user.id, user.role, tenants)
}

/// The outcome of checking credentials.
pub enum Credentials {
    Valid(User),
    /// Wrong email, wrong password, disabled user or suspended tenant: the caller
    /// must not learn which.
    Invalid,
}

/// Checks an email and password. Unknown emails cost as much time as known ones.
pub async fn check_credentials(
    db: &Db,
    email: &str,
    password: &Secret<String>,
) -> Result<Credentials> {
    let email = email.trim().to_ascii_lowercase();
    let tx = db.begin_registry().await?;
    let row = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(tx.raw())
        .await?;
    let Some(row) = row else {
        password::verify(password, password::decoy_hash().await).await;
        return Ok(Credentials::Invalid);
    };
    if !password::verify(password, &row.password_hash).await || row.disabled {
        return Ok(Credentials::Invalid);
    }
    if let Some(home) = row.home_tenant_id
        && !crate::tenants::is_active(&tx, TenantId::from_uuid(home)).await?
    {
        return Ok(Credentials::Invalid);
    }
    let mut active: user::ActiveModel = row.clone().into();
    active.last_login_at = Set(Some(Utc::now()));
    let row = active.update(tx.raw()).await?;
    let user = to_user(&tx, row).await?;
    tx.commit().await?;
    Ok(Credentials::Valid(user))
}

/// Loads an enabled user (whose customer tenant is active) to build a request's scope.
pub async fn load_active_user(db: &Db, id: UserId) -> Result<Option<User>> {
    let tx = db.begin_registry().await?;
    let Some(row) = user::Entity::find_by_id(id.as_uuid()).one(tx.raw()).await? else {
        return Ok(None);
    };
    if row.disabled {
        return Ok(None);
    }
    if let Some(home) = row.home_tenant_id
        && !crate::tenants::is_active(&tx, TenantId::from_uuid(home)).await?
    {
        return Ok(None);
    }
    let user = to_user(&tx, row).await?;
    tx.commit().await?;
    Ok(Some(user))
}

/// How many users exist (first-start bootstrap).
pub async fn count_users(db: &Db) -> Result<u64> {
    let tx = db.begin_registry().await?;
    Ok(user::Entity::find().count(tx.raw()).await?)
}

/// Finds a user id by email inside the scope (for idempotent seeding).
pub async fn find_user_by_email(tx: &ScopedTx<'_>, email: &str) -> Result<Option<User>> {
    let email = email.trim().to_ascii_lowercase();
    let Some(row) = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(tx.raw())
        .await?
    else {
        return Ok(None);
    };
    let user = to_user(tx, row).await?;
    Ok(visible(tx.scope(), &user).then_some(user))
}

/// Changes the caller's own password after checking the current one; every other
/// session of the user ends.
pub async fn change_password(
    tx: &ScopedTx<'_>,
    current: &Secret<String>,
    new: &Secret<String>,
) -> Result<()> {
    let id = tx.scope().user_id().ok_or(Error::Unauthenticated)?;
    let row = user::Entity::find_by_id(id.as_uuid())
        .one(tx.raw())
        .await?
        .ok_or(Error::NotFound)?;
    if !password::verify(current, &row.password_hash).await {
        return Err(Error::invalid("current", "is not your current password"));
    }
    password::check_policy("new", new.expose())?;
    if current.expose() == new.expose() {
        return Err(Error::invalid(
            "new",
            "must differ from the current password",
        ));
    }
    let hash = password::hash(new).await?;
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash))
        .col_expr(user::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(user::Column::Id.eq(id.as_uuid()))
        .exec(tx.raw())
        .await?;
    revoke_sessions(tx, id).await
}

/// Makes sure a provider admin exists with this email (first start and the demo).
/// Returns whether it was created.
pub async fn ensure_provider_admin(
    db: &Db,
    email: &str,
    password: &Secret<String>,
) -> Result<bool> {
    let scope = Scope::system("bootstrap");
    let tx = db.begin(&scope).await?;
    if find_user_by_email(&tx, email).await?.is_some() {
        return Ok(false);
    }
    let input = NewUser {
        email: email.to_string(),
        display_name: Some("Provider admin".into()),
        password: password.clone(),
        role: Role::ProviderAdmin,
        tenant_id: None,
        tenant_ids: Vec::new(),
        all_tenants: true,
    };
    create_user(&tx, input).await?;
    tx.commit().await?;
    Ok(true)
}
