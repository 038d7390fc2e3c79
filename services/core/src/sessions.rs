//! Refresh tokens: random, stored hashed, rotated on every use, in families.
//!
//! Each sign-in starts a family. Refreshing marks the presented token rotated and
//! issues its successor in the same family. Presenting a rotated (or revoked) token
//! again means it was stolen or replayed: the whole family is revoked.

use crate::db::Db;
use crate::entity::refresh_token;
use crate::ids::SessionFamilyId;
use crate::token::{hash_token, random_token};
use crate::{Error, Result, Secret, UserId};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

/// A freshly issued refresh token (shown to the client once).
pub struct IssuedRefresh {
    pub token: Secret<String>,
    pub expires_at: DateTime<Utc>,
}

/// Starts a new family for a user who just signed in.
pub async fn start_session(db: &Db, user: UserId, ttl: Duration) -> Result<IssuedRefresh> {
    let tx = db.begin_registry().await?;
    let issued = insert_token(&tx, user, SessionFamilyId::new(), ttl).await?;
    tx.commit().await?;
    Ok(issued)
}

/// Rotates a presented refresh token. Returns the user and the successor token.
pub async fn rotate(
    db: &Db,
    presented: &Secret<String>,
    ttl: Duration,
) -> Result<(UserId, IssuedRefresh)> {
    let tx = db.begin_registry().await?;
    let hash = hash_token(presented.expose());
    let row = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(hash))
        .one(tx.raw())
        .await?
        .ok_or(Error::Unauthenticated)?;
    let now = Utc::now();
    if row.revoked_at.is_some() || row.rotated_at.is_some() {
        // Reuse of a spent token: end the family, commit that, and refuse.
        revoke_family_rows(&tx, row.family_id).await?;
        tx.commit().await?;
        tracing::warn!(user_id = %row.user_id, family = %row.family_id, "refresh token reuse; family revoked");
        return Err(Error::Unauthenticated);
    }
    if row.expires_at <= now {
        return Err(Error::Unauthenticated);
    }
    // Conditional update: of two concurrent refreshes with one token, one wins.
    let spent = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RotatedAt, Expr::value(Some(now)))
        .filter(refresh_token::Column::Id.eq(row.id))
        .filter(refresh_token::Column::RotatedAt.is_null())
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(tx.raw())
        .await?;
    if spent.rows_affected != 1 {
        return Err(Error::Unauthenticated);
    }
    let user = UserId::from_uuid(row.user_id);
    let issued = insert_token(&tx, user, SessionFamilyId::from_uuid(row.family_id), ttl).await?;
    tx.commit().await?;
    Ok((user, issued))
}

/// Ends the family of a presented token (sign-out). Unknown tokens are ignored.
pub async fn end_session(db: &Db, presented: &Secret<String>) -> Result<()> {
    let tx = db.begin_registry().await?;
    let row = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(hash_token(presented.expose())))
        .one(tx.raw())
        .await?;
    if let Some(row) = row {
        revoke_family_rows(&tx, row.family_id).await?;
    }
    tx.commit().await
}

async fn revoke_family_rows(tx: &crate::db::ScopedTx<'_>, family: uuid::Uuid) -> Result<()> {
    refresh_token::Entity::update_many()
        .col_expr(
            refresh_token::Column::RevokedAt,
            Expr::value(Some(Utc::now())),
        )
        .filter(refresh_token::Column::FamilyId.eq(family))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(tx.raw())
        .await?;
    Ok(())
}

async fn insert_token(
    tx: &crate::db::ScopedTx<'_>,
    user: UserId,
    family: SessionFamilyId,
    ttl: Duration,
) -> Result<IssuedRefresh> {
    let token = random_token(32);
    let now = Utc::now();
    let expires_at = now + ttl;
    refresh_token::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        user_id: Set(user.as_uuid()),
        family_id: Set(family.as_uuid()),
        token_hash: Set(hash_token(&token)),
        issued_at: Set(now),
        expires_at: Set(expires_at),
        revoked_at: Set(None),
        rotated_at: Set(None),
    }
    .insert(tx.raw())
    .await?;
    Ok(IssuedRefresh {
        token: Secret::new(token),
        expires_at,
    })
}
