//! Finding a case in the caller's scope: for reading (`not_found` outside it) and
//! for changing (the role must also allow updates there). Every other part of a
//! case goes through these two doors, and marks the case touched when it changes.

use super::{Case, CaseId, to_case};
use crate::entity::case;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Result, TenantId};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::Expr;

/// One case in the scope, else `not_found`.
pub async fn get_case(tx: &ScopedTx<'_>, id: CaseId) -> Result<Case> {
    let row = tx
        .select::<case::Entity>()
        .filter(case::Column::Id.eq(id.as_uuid()))
        .found(tx)
        .await?;
    tx.scope().require_in(
        TenantId::from_uuid(row.tenant_id),
        Resource::Case,
        Action::Read,
    )?;
    to_case(row)
}

/// A case the caller may change.
pub async fn writable(tx: &ScopedTx<'_>, id: CaseId) -> Result<Case> {
    let case = get_case(tx, id).await?;
    tx.scope()
        .require_in(case.tenant_id, Resource::Case, Action::Update)?;
    Ok(case)
}

/// Marks a case as touched (a comment, task or observable changed it).
pub(crate) async fn touch(tx: &ScopedTx<'_>, id: CaseId, now: DateTime<Utc>) -> Result<()> {
    tx.update_where::<case::Entity>(
        case::Column::Id.eq(id.as_uuid()),
        vec![(case::Column::UpdatedAt, Expr::value(now))],
    )
    .await?;
    Ok(())
}
