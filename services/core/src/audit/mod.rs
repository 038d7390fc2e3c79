//! The audit log: every change to a tenant's configuration or people, per tenant.
//!
//! It is the first tenant-owned table, so it also exercises the isolation walls:
//! rows are inserted and read only through [`ScopedTx`]. It is append-only and
//! tamper-evident: each tenant's records form a hash chain ([`chain`]) that
//! [`verify_audit_chain`] recomputes.

mod chain;

pub use chain::{Break, GENESIS, Verification};

use crate::db::ScopedTx;
use crate::entity::audit_log;
use crate::ids::AuditId;
use crate::page::{Page, PageRequest};
use crate::role::{Action, Resource};
use crate::{Result, TenantId, UserId};
use chrono::{DateTime, SubsecRound, Utc};
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
    // Microseconds: what both databases store, so the hash survives the round trip.
    let created_at = Utc::now().trunc_subsecs(6);
    let actor = tx.scope().user_id().map(|u| u.as_uuid());
    let detail = detail.to_string();
    let (seq, prev_hash) = chain::next_link(tx, tenant).await?;
    let hash = chain::Link {
        tenant,
        seq,
        prev_hash: &prev_hash,
        actor,
        action,
        target,
        detail: &detail,
        created_at,
    }
    .hash();
    let model = audit_log::ActiveModel {
        id: Set(AuditId::new().as_uuid()),
        tenant_id: Set(tenant.as_uuid()),
        actor_id: Set(actor),
        action: Set(action.to_string()),
        target: Set(target.to_string()),
        detail: Set(detail),
        created_at: Set(created_at),
        seq: Set(Some(seq)),
        prev_hash: Set(Some(prev_hash)),
        hash: Set(Some(hash.clone())),
    };
    tx.insert(tenant, model).await?;
    chain::set_head(tx, tenant, &hash).await
}

/// Recomputes `tenant`'s audit chain (provider admins, and the tenant's customer
/// admins): how many records verify, and the first break if the log was edited.
pub async fn verify_audit_chain(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<Verification> {
    tx.scope()
        .require_in(tenant, Resource::AuditLog, Action::Read)?;
    chain::verify(tx, tenant).await
}

/// A page of the audit log, newest first: one tenant's, or (without `tenant`)
/// every tenant's the scope reaches.
pub async fn list_audit(
    tx: &ScopedTx<'_>,
    tenant: Option<TenantId>,
    page: PageRequest,
) -> Result<Page<AuditEntry>> {
    let filter = match tenant {
        Some(t) => {
            tx.scope().require_in(t, Resource::AuditLog, Action::Read)?;
            audit_log::Column::TenantId.eq(t.as_uuid())
        }
        None => {
            tx.scope().require(Resource::AuditLog, Action::Read)?;
            audit_log::Column::TenantId.is_not_null()
        }
    };
    let total = tx
        .select::<audit_log::Entity>()
        .filter(filter.clone())
        .count(tx)
        .await?;
    let mut query = tx
        .select::<audit_log::Entity>()
        .filter(filter)
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
