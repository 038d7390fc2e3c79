//! The audit log: every change to a tenant's configuration or people, per tenant.
//!
//! It is the first tenant-owned table, so it also exercises the isolation walls:
//! rows are inserted and read only through [`ScopedTx`].

use crate::db::ScopedTx;
use crate::entity::audit_log;
use crate::ids::AuditId;
use crate::page::{Page, PageRequest};
use crate::role::{Action, Resource};
use crate::{Result, TenantId, UserId};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait};

/// One recorded change.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub id: AuditId,
    pub tenant_id: TenantId,
    pub actor_id: Option<UserId>,
    pub action: String,
    pub target: String,
    pub detail: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

/// Records a change in `tenant`'s log, attributed to the transaction's actor.
pub async fn record(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    action: &str,
    target: &str,
    detail: serde_json::Value,
) -> Result<()> {
    let model = audit_log::ActiveModel {
        id: Set(AuditId::new().as_uuid()),
        tenant_id: Set(tenant.as_uuid()),
        actor_id: Set(tx.scope().user_id().map(|u| u.as_uuid())),
        action: Set(action.to_string()),
        target: Set(target.to_string()),
        detail: Set(detail.to_string()),
        created_at: Set(Utc::now()),
    };
    tx.insert(tenant, model).await?;
    Ok(())
}

/// A page of `tenant`'s audit log, newest first.
pub async fn list_audit(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    page: PageRequest,
) -> Result<Page<AuditEntry>> {
    tx.scope()
        .require_in(tenant, Resource::AuditLog, Action::Read)?;
    let total = tx
        .select::<audit_log::Entity>()
        .filter(audit_log::Column::TenantId.eq(tenant.as_uuid()))
        .count(tx)
        .await?;
    let mut query = tx
        .select::<audit_log::Entity>()
        .filter(audit_log::Column::TenantId.eq(tenant.as_uuid()))
        .order_by_desc(audit_log::Column::Id)
        .limit(page.first + 1);
    if let Some(after) = page.after {
        query = query.filter(audit_log::Column::Id.lt(after));
    }
    let rows = query.all(tx).await?;
    let items = rows.into_iter().map(to_entry).collect();
    Ok(Page::from_fetched(items, page, total))
}

fn to_entry(row: audit_log::Model) -> AuditEntry {
    AuditEntry {
        id: AuditId::from_uuid(row.id),
        tenant_id: TenantId::from_uuid(row.tenant_id),
        actor_id: row.actor_id.map(UserId::from_uuid),
        action: row.action,
        target: row.target,
        detail: serde_json::from_str(&row.detail).unwrap_or(serde_json::Value::Null),
        created_at: row.created_at,
    }
}
